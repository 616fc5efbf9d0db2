/**
 * The KPI table's model: data in, what is shown out. Pure TypeScript, no DOM,
 * so it can be tested alone and rendered statically later.
 *
 * - Quarterly data: Q1..Q4 of the chosen year (labelled with their months for
 *   the year start), then the year total; the previous year and the change when
 *   the data holds it.
 * - Annual data only: the most recent years as columns, oldest on the left.
 * - Counts add up to the year total; rates are derived from their numerator
 *   and denominator per column (never averaged); a stated figure that disagrees
 *   beyond rounding becomes a data-quality note.
 */
import {
  parseYearOption,
  type Band,
  type Dataset,
  type DataRow,
  type MeasureDef,
  type Polarity,
  type Problem,
  type SpreadPosition,
  type SpreadStats,
} from '../core/contract.js';
import { changeOn, type Change } from '../core/change.js';
import { csvFigure, csvLabel } from '../core/csv.js';
import { omittedNotes } from '../core/omitted.js';
import type { FigureModel } from '../core/widget.js';
import { formatCount, formatDecimal, formatValue, roundHalfUp, type ValueKind } from '../core/format.js';
import { joinList, type Lang, type Messages } from '../core/messages.js';
import { describeTrend, measureName, type TrendPoint } from '../core/trend.js';
import { makePeriod, periodLabel, quarterMonths, yearKey, type Period } from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import { isNumber, ratio, sumValues, symbol, symbolsUsed, type Value } from '../core/symbols.js';
import { kpiMessages, type KpiMessages } from './messages.js';

export interface KpiOptions {
  /** Reporting year to show (`2021-22`); default the latest in the data. */
  year?: string;
  /** How many years to show when the data is annual (default 5). */
  years?: number;
}

export interface KpiColumn {
  readonly key: string;
  /** Header text, e.g. "Q1 (Apr to Jun)" or "2021-22". */
  readonly label: string;
  /** Short text for chart axes, e.g. "Q1". */
  readonly short: string;
  /** A second header line, e.g. "year total". */
  readonly note?: string;
  /** For a quarter, its months: "Apr to Jun" (the header shows "Q1" over it). */
  readonly months?: string;
  readonly kind: 'quarter' | 'total' | 'year' | 'previous';
}

export interface KpiCell {
  readonly value: Value;
  /** The figure as shown, with its status mark: "2,295 [p]". */
  readonly text: string;
  /** The figure alone, for the chart's bar labels: "2,295". */
  readonly figure?: string;
  /** Provisional, revised, final or estimated, where the data says (a total or a rate: the least settled of its parts). */
  readonly status?: Status;
}

/** The change on the previous year: "up 4.2%", "down 1.3 percentage points", "[x]", with "better" or "worse" in words. */
export type KpiChange = Change;

export interface KpiPosition {
  /** "below the neighbours’ median (22.0%)". */
  readonly text: string;
  readonly tone: 'good' | 'bad' | 'neutral';
  readonly toneText?: string;
}

/**
 * The statistical neighbours' spread of a measure in one column: the five
 * numbers (fractions for a percentage, as the cells' values are), how many had
 * a figure, where the area's own figure sits and its band among all authorities.
 */
export interface KpiSpread {
  readonly lowest: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly highest: number;
  readonly count: number;
  readonly of?: number;
  readonly position?: SpreadPosition;
  /** The area's quartile band among all authorities (A best), where the data gives one. */
  readonly band?: Band;
}

/** England or the region: a reference series, a value per column. */
export interface KpiReference {
  readonly area: string;
  readonly kind: 'national' | 'region';
  readonly values: readonly Value[];
}

export interface KpiComparatorColumn {
  readonly area: string;
  readonly kind: 'national' | 'region' | 'neighbours' | 'other';
  /** Header text, in sentence case: the area, or "Neighbours’ median". */
  readonly label: string;
  /** The comparator within a sentence: the area, or "the neighbours’ median". */
  readonly words: string;
}

export interface KpiRow {
  readonly measure: MeasureDef;
  readonly kind: ValueKind;
  readonly cells: readonly KpiCell[];
  readonly change?: KpiChange;
  /** The latest year's value for each comparator, in `comparators` order. */
  readonly comparisons?: readonly KpiCell[];
  /** Where the area stands against the reference comparator (rates only). */
  readonly position?: KpiPosition;
  /** Rates with comparators: the neighbours' spread in each column (undefined where the data has none). */
  readonly spread?: readonly (KpiSpread | undefined)[];
  /** Rates with comparators: England and the region in each column. */
  readonly references?: readonly KpiReference[];
  /**
   * Rates placed in their neighbours' spread, in one sentence: "In 2024-25, Trafford, at 18.0%, is in the lowest
   * quarter of its 10 statistical neighbours (…); England 22.6%, North West 21.7%."
   */
  readonly placing?: string;
  /** Footnote number of the measure's definition. */
  readonly footnote?: number;
}

export interface KpiModel extends FigureModel {
  readonly mode: 'quarterly' | 'annual';
  readonly year: string;
  readonly columns: readonly KpiColumn[];
  /** Indexes into `columns` drawn in the chart view (quarters, or years). */
  readonly chartColumns: readonly number[];
  /** The header of the change column, when there is one. */
  readonly changeLabel?: string;
  /** Comparator columns for the latest year (annual data with `area` rows). */
  readonly comparators: readonly KpiComparatorColumn[];
  /** The header of the position column, when there is one. */
  readonly positionLabel?: string;
  /** The area the figures are for, when the data names it (comparator tables). */
  readonly area?: string;
  /** Quarterly data whose latest year is not complete: the quarters there are ("Q1"), summed as the year to date. */
  readonly yearToDate?: string;
  readonly rows: readonly KpiRow[];
}

type Index = Map<string, Map<string, DataRow>>;

/**
 * Rows of the main area (no dimensions), or of one comparator area (only an
 * `area` dimension). Rows with other dimensions (sector...) belong to other views.
 */
function indexRows(rows: readonly DataRow[], area?: string): Index {
  const index: Index = new Map();
  for (const row of rows) {
    const keys = Object.keys(row.dims);
    if (area === undefined ? keys.length : keys.length !== 1 || row.dims.area !== area) continue;
    let byPeriod = index.get(row.measure);
    if (!byPeriod) index.set(row.measure, (byPeriod = new Map()));
    byPeriod.set(row.period.key, row);
  }
  return index;
}

const MISSING = symbol('x');

/** A figure with its status. */
interface Fig {
  readonly value: Value;
  readonly status?: Status;
}

/** A figure with its status and source. */
type Sourced = Fig & { readonly source?: string };

/** A column and the periods it reads. */
interface ColumnSpec {
  readonly column: KpiColumn;
  readonly period: Period;
  /** For a year total: the quarters that add up to it. */
  readonly quarters?: readonly Period[];
}

interface Columns {
  readonly specs: readonly ColumnSpec[];
  /** The quarters there are of a year under way ("Q1 to Q2"). */
  readonly yearToDate?: string;
}

/** A comparator area with its rows. */
interface ComparatorIndex {
  readonly c: { readonly area: string; readonly kind: KpiComparatorColumn['kind'] };
  readonly ix: Index;
}

/** The measures' definitions, numbered in measure order, and each measure's footnote number. */
function numberDefinitions(dataset: Dataset) {
  const definitions: { n: number; label: string; text: string }[] = [];
  const footnotes = new Map<string, number>();
  for (const measure of dataset.measures) {
    if (measure.definition) {
      const n = definitions.length + 1;
      definitions.push({ n, label: measure.label, text: measure.definition });
      footnotes.set(measure.id, n);
    }
  }
  return { definitions, footnotes };
}

/** The data's shape: main-area rows, quarterly or annual, its years and the year to show. */
function dataShape(dataset: Dataset, options: KpiOptions) {
  const usable = dataset.rows.filter((r) => !Object.keys(r.dims).length);
  const quarterly = usable.some((r) => r.period.quarter);
  const years = [
    ...new Set(usable.filter((r) => !!r.period.quarter === quarterly).map((r) => r.period.startYear)),
  ].sort((a, b) => a - b);
  const requested = options.year ? parseYearOption(options.year) : undefined;
  const latest = requested ?? years[years.length - 1];
  return { usable, quarterly, years, latest };
}

/** A model with nothing to show: no data, or none for the year asked for. */
function emptyModel(quarterly: boolean, latest: number | undefined, m: Messages): KpiModel {
  const year = latest === undefined ? '' : yearKey(latest);
  return {
    definitions: [],
    quality: [],
    csv: [],
    summary: [],
    symbols: [],
    mode: quarterly ? 'quarterly' : 'annual',
    year,
    period: year,
    empty: latest === undefined ? m.empty : m.emptyYear(year),
    columns: [],
    chartColumns: [],
    comparators: [],
    rows: [],
  };
}

/** The quarters of the latest year shown, and whether it is a year under way (some quarters only). */
function shownQuarters(shape: ReturnType<typeof dataShape>, latest: number) {
  const { usable, quarterly, years } = shape;
  const present = new Set(usable.filter((r) => r.period.startYear === latest).map((r) => r.period.quarter));
  const partial =
    quarterly && latest === years[years.length - 1] && !present.has(undefined) && present.size < 4 && present.size > 0;
  return { partial, quarters: ([1, 2, 3, 4] as const).filter((q) => !partial || present.has(q)) };
}

/** Quarterly columns: the quarters, then the previous year's total (when there is one) and the year's. */
function quarterlyColumns(
  dataset: Dataset,
  shape: ReturnType<typeof dataShape>,
  latest: number,
  m: Messages,
  k: KpiMessages,
): Columns {
  const { usable, years } = shape;
  const { partial, quarters } = shownQuarters(shape, latest);
  let hasPrevious = years.includes(latest - 1) || usable.some((r) => r.period.startYear === latest - 1);
  let yearToDate: string | undefined;
  if (partial) {
    const shorts = quarters.map((q) => k.quarterShort(q));
    const contiguous = quarters.every((q, i) => q === quarters[0]! + i);
    yearToDate = contiguous ? k.quarterSpan(shorts[0]!, shorts[shorts.length - 1]!) : shorts.join(', ');
    // Compared with the same quarters of the year before, where the data has them.
    hasPrevious = usable.some(
      (r) => r.period.startYear === latest - 1 && r.period.quarter && quarters.includes(r.period.quarter),
    );
  }
  const specs: ColumnSpec[] = quarters.map((q) => {
    const period = makePeriod(latest, q);
    const months = quarterMonths(period, dataset.yearStartMonth);
    const [from, to] = [m.monthsShort[months.first - 1]!, m.monthsShort[months.last - 1]!];
    return {
      period,
      column: {
        key: period.key,
        label: k.quarterLabel(q, from, to),
        months: k.monthRange(from, to),
        short: k.quarterShort(q),
        kind: 'quarter',
      },
    };
  });
  const total = (startYear: number, kind: 'previous' | 'total', note: string): ColumnSpec => {
    const key = yearKey(startYear);
    return {
      period: makePeriod(startYear),
      quarters: quarters.map((q) => makePeriod(startYear, q)),
      column: { key, label: key, short: key, note: yearToDate ? k.yearToDate(yearToDate) : note, kind },
    };
  };
  if (hasPrevious) specs.push(total(latest - 1, 'previous', k.previousYear));
  specs.push(total(latest, 'total', k.yearTotal));
  return { specs, ...(yearToDate ? { yearToDate } : {}) };
}

/** Annual columns: the most recent `years` years up to the one shown, oldest first. */
function annualColumns(dataset: Dataset, years: readonly number[], latest: number, options: KpiOptions): Columns {
  const count = Math.max(1, Math.floor(options.years ?? 5));
  const specs = years
    .filter((y) => y <= latest)
    .slice(-count)
    .map((y): ColumnSpec => {
      const period = makePeriod(y);
      const label = periodLabel(period, dataset.yearStartMonth, dataset.periodLabels);
      return { period, column: { key: period.key, label, short: label, kind: 'year' } };
    });
  return { specs };
}

/** The comparator areas with figures for the latest year (annual data only). */
function comparatorIndexes(dataset: Dataset, quarterly: boolean, latestPeriod: Period): ComparatorIndex[] {
  if (quarterly) return [];
  const declared = dataset.comparators.length
    ? dataset.comparators
    : [...new Set(dataset.rows.map((r) => r.dims.area).filter((a): a is string => !!a))].map((area) => ({
        area,
        kind: 'other' as const,
      }));
  return declared
    .map((c) => ({ c, ix: indexRows(dataset.rows, c.area) }))
    .filter(({ ix }) => [...ix.values()].some((byPeriod) => byPeriod.has(latestPeriod.key)));
}

/** Figures set aside for a more settled one (main area only), by measure and period. */
function supersededRows(dataset: Dataset): Map<string, DataRow[]> {
  const others = new Map<string, DataRow[]>();
  for (const row of dataset.superseded) {
    if (Object.keys(row.dims).length) continue;
    const key = `${row.measure}|${row.period.key}`;
    others.set(key, [...(others.get(key) ?? []), row]);
  }
  return others;
}

/** One measure in one period from an index: derived, stated percent (as a fraction) or count. */
function valueIn(ix: Index, measure: MeasureDef, period: Period): Value | undefined {
  const get = (id: string) => ix.get(id)?.get(period.key)?.value;
  if (measure.numerator && measure.denominator) {
    const num = get(measure.numerator);
    const den = get(measure.denominator);
    return num === undefined && den === undefined ? undefined : ratio(num, den);
  }
  const v = get(measure.id);
  return measure.unit === 'percent' && isNumber(v) ? v / 100 : v;
}

/** One measure's status in one period from an index: a derived one's is the least settled of its parts. */
function statusIn(ix: Index, measure: MeasureDef, period: Period): Status | undefined {
  const get = (id: string) => ix.get(id)?.get(period.key)?.status;
  return measure.numerator && measure.denominator
    ? combinedStatus([get(measure.numerator), get(measure.denominator)])
    : get(measure.id);
}

/**
 * The figures of each measure in each column, with the notes they give rise
 * to: a stated total that disagrees with its quarters, a stated rate that
 * disagrees with its counts (data quality), a figure of another status set
 * beside the one shown.
 */
class Figures {
  readonly quality: Problem[] = [];
  readonly others: Problem[] = [];
  private readonly counts = new Map<string, Fig[]>();
  private readonly superseded: Map<string, DataRow[]>;

  constructor(
    private readonly dataset: Dataset,
    private readonly index: Index,
    private readonly columns: Columns,
    private readonly k: KpiMessages,
  ) {
    this.superseded = supersededRows(dataset);
  }

  /** The measure's stated row in a period. */
  private row(measure: string, period: Period): DataRow | undefined {
    return this.index.get(measure)?.get(period.key);
  }

  /** The measure's values and statuses in every column, as shown. */
  figures(measure: MeasureDef): Fig[] {
    if (measure.numerator && measure.denominator) return this.derived(measure);
    if (measure.unit !== 'count') {
      // A rate or an average stated in the data: shown as stated, never summed.
      const scale = measure.unit === 'percent' ? 100 : 1;
      return this.columns.specs.map((spec) => {
        const row = this.row(measure.id, spec.period);
        const v = row?.value ?? MISSING;
        return { value: isNumber(v) ? v / scale : v, ...(row?.status ? { status: row.status } : {}) };
      });
    }
    return this.countsFor(measure);
  }

  /** Whether the data has any figure of the measure in the columns shown. */
  hasData(measure: MeasureDef): boolean {
    return this.columns.specs.some(
      (spec) => this.row(measure.id, spec.period) || spec.quarters?.some((q) => this.row(measure.id, q)),
    );
  }

  private countsFor(measure: MeasureDef): Fig[] {
    let cells = this.counts.get(measure.id);
    if (!cells) {
      cells = this.columns.specs.map((spec) => this.countCell(measure, spec));
      this.counts.set(measure.id, cells);
    }
    return cells;
  }

  /** A rate or an average worked out from its counts; a stated figure that disagrees is a data-quality note. */
  private derived(measure: MeasureDef): Fig[] {
    const byId = (id: string) => this.dataset.measures.find((d) => d.id === id)!;
    const num = this.countsFor(byId(measure.numerator!));
    const den = this.countsFor(byId(measure.denominator!));
    return this.columns.specs.map((spec, i) => {
      const status = combinedStatus([num[i]!.status, den[i]!.status]);
      const derived = ratio(num[i]!.value, den[i]!.value);
      const stated = this.row(measure.id, spec.period)?.value;
      if (isNumber(stated) && isNumber(derived)) this.checkRate(measure, spec, stated, derived, num[i]!, den[i]!);
      return { value: derived, ...(status ? { status } : {}) };
    });
  }

  private checkRate(measure: MeasureDef, spec: ColumnSpec, stated: number, derived: number, num: Fig, den: Fig) {
    const kind = measure.unit;
    const scale = kind === 'percent' ? 100 : 1;
    const tolerance = 0.5 * 10 ** -measure.decimals + 1e-9;
    if (Math.abs(stated - derived * scale) <= tolerance) return;
    const n = num.value as number;
    const d = den.value as number;
    const k = this.k;
    this.quality.push(() =>
      k.qualityRate(
        measure.label,
        spec.column.kind === 'quarter' ? spec.column.label : spec.period.key,
        kind === 'percent' ? `${formatDecimal(stated, measure.decimals)}%` : formatDecimal(stated, measure.decimals),
        formatValue(derived, kind, measure.decimals),
        formatCount(n),
        formatCount(d),
      ),
    );
  }

  /** A count in one column: stated, or (a year total) the sum of its quarters, checked against a stated total. */
  private countCell(measure: MeasureDef, spec: ColumnSpec): Fig {
    // A year-to-date total is the sum of its quarters: a stated figure is for the whole year.
    const toDate = this.columns.yearToDate && spec.quarters;
    const stated = toDate ? undefined : this.row(measure.id, spec.period);
    const alternatives = toDate ? [] : (this.superseded.get(`${measure.id}|${spec.period.key}`) ?? []);
    const found = (spec.quarters ?? [])
      .map((q) => this.row(measure.id, q))
      .filter((p): p is DataRow => p !== undefined);
    if (!spec.quarters || found.length === 0) {
      if (!stated) return { value: MISSING };
      for (const other of alternatives) this.noteOther(measure, spec.period, stated, other);
      return figOf(stated);
    }
    const sumStatus = combinedStatus(found.map((p) => p.status));
    const sum: Fig =
      found.length === spec.quarters.length
        ? { value: sumValues(found.map((p) => p.value)), ...(sumStatus ? { status: sumStatus } : {}) }
        : { value: MISSING };
    // Stated year figures of the quarters' own status check the sum; those of another status
    // (the official final count beside a council's provisional quarters) are set beside it in a note.
    const candidates = stated ? [stated, ...alternatives] : [];
    const matching = candidates.find((c) => !c.status || !sumStatus || c.status === sumStatus);
    const source = found[0]?.source && found.every((p) => p.source === found[0]!.source) ? found[0].source : undefined;
    const shown: Sourced = matching
      ? { ...figOf(matching), ...(matching.source ? { source: matching.source } : {}) }
      : { ...sum, ...(source ? { source } : {}) };
    if (matching && isNumber(matching.value) && isNumber(sum.value) && Math.abs(matching.value - sum.value) > 1e-9) {
      const [a, b, k] = [matching.value, sum.value, this.k];
      this.quality.push(() => k.qualityTotal(measure.label, spec.period.key, formatCount(a), formatCount(b)));
    }
    for (const other of candidates) if (other !== matching) this.noteOther(measure, spec.period, shown, other);
    return shown;
  }

  /** "provisional; DfE": a figure's status and source, for a note. */
  private about(row: { status?: Status; source?: string }, m: Messages): string {
    const name =
      (row.source ? this.dataset.sources.find((s) => s.id === row.source)?.name : undefined) ??
      this.dataset.source?.name;
    const word = row.status ? m.statusWord[row.status] : undefined;
    return [word, name].filter(Boolean).join('; ');
  }

  /** A note setting the figure shown beside one of another status. */
  private noteOther(measure: MeasureDef, period: Period, shown: Sourced, other: DataRow) {
    if (!isNumber(shown.value) || !isNumber(other.value)) return;
    const difference = other.value - shown.value;
    const direction = difference < 0 ? 'fewer' : difference > 0 ? 'more' : 'same';
    const label = periodLabel(period, this.dataset.yearStartMonth, this.dataset.periodLabels);
    const [a, b, k] = [shown.value, other.value, this.k];
    this.others.push((mm) =>
      k.otherFigure(
        measure.label,
        label,
        formatCount(a),
        this.about(shown, mm),
        formatCount(b),
        this.about(other, mm),
        formatCount(Math.abs(difference)),
        direction,
      ),
    );
  }
}

/**
 * A comparator's figure as published figures are: the neighbours' median of a
 * count is a whole number (5,282.5 → 5,283, half away from zero), as counts are
 * published; rates keep their decimals.
 */
function asPublished(value: Value, kind: ValueKind, comparator: KpiComparatorColumn['kind']): Value {
  return comparator === 'neighbours' && kind === 'count' && isNumber(value) ? roundHalfUp(value, 0) : value;
}

function figOf(row: DataRow): Fig {
  return { value: row.value, ...(row.status ? { status: row.status } : {}) };
}

/** What every measure row is built from. */
interface RowContext {
  readonly dataset: Dataset;
  readonly m: Messages;
  readonly index: Index;
  readonly quarterly: boolean;
  readonly columns: Columns;
  readonly figures: Figures;
  readonly latestPeriod: Period;
  readonly comparatorIndexes: readonly ComparatorIndex[];
  readonly comparators: readonly KpiComparatorColumn[];
  /** The comparator a rate's position is judged against (neighbours' median, else national); -1 for none. */
  readonly reference: number;
  readonly footnotes: ReadonlyMap<string, number>;
}

/** The change of the latest column on the year before: the previous year's total, or (annual) the year before. */
function changeFor(ctx: RowContext, measure: MeasureDef, values: readonly Value[]): KpiChange | undefined {
  const specs = ctx.columns.specs;
  const totalIndex = specs.findIndex((s) => s.column.kind === 'total');
  const previousIndex = specs.findIndex((s) => s.column.kind === 'previous');
  let current: Value | undefined;
  let previous: Value | undefined;
  if (totalIndex >= 0) {
    if (previousIndex < 0) return undefined;
    current = values[totalIndex];
    previous = values[previousIndex];
  } else {
    const last = specs[specs.length - 1];
    if (!last || ctx.quarterly) return undefined;
    current = values[values.length - 1];
    previous = valueIn(ctx.index, measure, makePeriod(last.period.startYear - 1));
  }
  const percent = measure.unit === 'percent';
  return changeOn(
    current,
    previous,
    { measure: percent ? 'points' : 'relative', decimals: measure.decimals, polarity: measure.polarity },
    ctx.m,
  );
}

/** One measure's row: its cells, change, comparators and position; undefined when it has no figures shown. */
function measureRow(ctx: RowContext, measure: MeasureDef, k: KpiMessages) {
  // A measure with nothing at all in the columns shown is left out (e.g. a
  // measure that only exists in other years), unless it is derived.
  if (!measure.numerator && !ctx.figures.hasData(measure)) return undefined;
  const kind: ValueKind = measure.unit;
  const figs = ctx.figures.figures(measure);
  const values = figs.map((f) => f.value);
  const cells = figs.map((f) => cell(f.value, f.status, kind, measure.decimals));
  const change = changeFor(ctx, measure, values);
  const comparisons = ctx.comparatorIndexes.map(({ ix, c }) =>
    cell(
      asPublished(valueIn(ix, measure, ctx.latestPeriod) ?? MISSING, kind, c.kind),
      statusIn(ix, measure, ctx.latestPeriod),
      kind,
      measure.decimals,
    ),
  );
  const latestValue = values[values.length - 1];
  const r = ctx.reference;
  const drawn = comparatorSeries(ctx, measure);
  const placed = drawn && latestValue !== undefined ? placing(ctx, measure, latestValue, drawn, k) : undefined;
  const position =
    placed?.position ??
    (kind === 'percent' && r >= 0 && latestValue !== undefined
      ? positionFor(measure, latestValue, comparisons[r]!, ctx.comparators[r]!.words, ctx.m, k)
      : undefined);
  const footnote = ctx.footnotes.get(measure.id);
  const row: KpiRow = {
    measure,
    kind,
    cells,
    ...(change ? { change } : {}),
    ...(comparisons.length ? { comparisons } : {}),
    ...(position ? { position } : {}),
    ...(drawn ?? {}),
    ...(placed ? { placing: placed.sentence } : {}),
    ...(footnote ? { footnote } : {}),
  };
  return row;
}

/** The neighbours' spread of a measure in a period (no breakdown), scaled as the cells are: percentages as fractions. */
function spreadIn(dataset: Dataset, measure: MeasureDef, period: Period): KpiSpread | undefined {
  const entry = dataset.spread?.find(
    (e) => e.measure === measure.id && e.period.key === period.key && !Object.keys(e.dims).length,
  );
  const n: SpreadStats | undefined = entry?.neighbours;
  if (!n) return undefined;
  const scale = measure.unit === 'percent' ? 100 : 1;
  const band = entry?.authorities?.band ?? n.band;
  return {
    lowest: n.lowest / scale,
    lowerQuartile: n.lowerQuartile / scale,
    median: n.median / scale,
    upperQuartile: n.upperQuartile / scale,
    highest: n.highest / scale,
    count: n.count,
    ...(n.of !== undefined ? { of: n.of } : {}),
    ...(n.position ? { position: n.position } : {}),
    ...(band ? { band } : {}),
  };
}

/**
 * What a rate's chart draws besides the area's own series: England and the
 * region in each column, and the neighbours' spread. Counts get none (areas
 * differ in size, so England's count would dwarf the area's); nor does data
 * without comparators (quarterly data).
 */
function comparatorSeries(
  ctx: RowContext,
  measure: MeasureDef,
): { spread?: (KpiSpread | undefined)[]; references?: KpiReference[] } | undefined {
  if (measure.unit === 'count' || !ctx.comparatorIndexes.length) return undefined;
  const specs = ctx.columns.specs;
  const references: KpiReference[] = [];
  for (const { c, ix } of ctx.comparatorIndexes) {
    if (c.kind !== 'national' && c.kind !== 'region') continue;
    const values = specs.map((spec) => valueIn(ix, measure, spec.period) ?? MISSING);
    if (values.some(isNumber)) references.push({ area: c.area, kind: c.kind, values });
  }
  const spread = specs.map((spec) => spreadIn(ctx.dataset, measure, spec.period));
  const hasSpread = spread.some(Boolean);
  if (!references.length && !hasSpread) return undefined;
  return { ...(references.length ? { references } : {}), ...(hasSpread ? { spread } : {}) };
}

/** Where the spread places the area's latest figure: the table's words, and a sentence naming the area. */
function placing(
  ctx: RowContext,
  measure: MeasureDef,
  own: Value,
  drawn: { spread?: readonly (KpiSpread | undefined)[]; references?: readonly KpiReference[] },
  k: KpiMessages,
): { position: KpiPosition; sentence: string } | undefined {
  const last = ctx.columns.specs.length - 1;
  const s = drawn.spread?.[last];
  if (!s?.position || !isNumber(own)) return undefined;
  const kind = measure.unit;
  const f = (v: Value) => formatValue(v, kind, measure.decimals);
  const text =
    k.placing(s.position, s.count, s.of, {
      lowest: f(s.lowest),
      lowerQuartile: f(s.lowerQuartile),
      median: f(s.median),
      upperQuartile: f(s.upperQuartile),
      highest: f(s.highest),
    }) + (s.band ? k.band(s.band) : '');
  const direction =
    s.position === 'middle-half'
      ? 'same'
      : s.position === 'below-all' || s.position === 'lower-quarter'
        ? 'below'
        : 'above';
  const tone = positionTone(direction, measure.polarity);
  const refs = (drawn.references ?? [])
    .filter((r) => isNumber(r.values[last]))
    .map((r) => k.referenceFigure(r.area, f(r.values[last]!)));
  const year = ctx.columns.specs[last]!.column.label;
  const area = ctx.dataset.area?.name ?? k.thisArea;
  return {
    position: {
      text,
      tone,
      ...toneText(tone, ctx.m),
    },
    sentence: k.placingSentence(year, area, f(own), text, refs),
  };
}

/** The header of the change column ("Change on 2020-21"), and the previous period in words for the summary. */
function changeWords(
  dataset: Dataset,
  shape: ReturnType<typeof dataShape>,
  latest: number,
  columns: readonly KpiColumn[],
  yearToDate: string | undefined,
  m: Messages,
  k: KpiMessages,
) {
  const previousIndex = columns.findIndex((c) => c.kind === 'previous');
  /** The previous year's column, in words: "2020-21", or "Q1 of 2024-25" for a year to date. */
  const previousWords =
    previousIndex >= 0
      ? yearToDate
        ? k.sameQuarters(yearToDate, columns[previousIndex]!.label)
        : columns[previousIndex]!.label
      : undefined;
  const changeLabel = shape.quarterly
    ? previousWords
      ? m.changeOn(previousWords)
      : undefined
    : shape.years.includes(latest - 1)
      ? m.changeOn(periodLabel(makePeriod(latest - 1), dataset.yearStartMonth, dataset.periodLabels))
      : undefined;
  return { previousWords, changeLabel };
}

/**
 * The points of a measure's trend: every year in the data up to the one shown
 * (annual data; a year without a figure is `[x]`, so the sentence says so), or
 * the previous year's total and this year's (quarterly data).
 */
function trendPoints(
  ctx: RowContext,
  shape: ReturnType<typeof dataShape>,
  row: KpiRow,
  labels: { readonly current: string; readonly previous?: string },
): TrendPoint[] {
  const specs = ctx.columns.specs;
  const shown = specs.map((spec, i) => ({ spec, cell: row.cells[i]! }));
  if (ctx.quarterly) {
    const total = shown.find((s) => s.spec.column.kind === 'total');
    const previous = shown.find((s) => s.spec.column.kind === 'previous');
    if (!total) return [];
    const current = { label: labels.current, value: total.cell.value, text: total.cell.text };
    return previous && labels.previous ? [{ label: labels.previous, value: previous.cell.value }, current] : [current];
  }
  const first = specs[0]?.period.startYear ?? 0;
  const label = (y: number) => periodLabel(makePeriod(y), ctx.dataset.yearStartMonth, ctx.dataset.periodLabels);
  const earlier = shape.years
    .filter((y) => y < first)
    .map((y) => ({ label: label(y), value: valueIn(ctx.index, row.measure, makePeriod(y)) }));
  // Years before the measure's first figure are not part of its series; a gap after it is "not available".
  const from = earlier.findIndex((p) => p.value !== undefined);
  const before = from < 0 ? [] : earlier.slice(from).map((p) => ({ ...p, value: p.value ?? MISSING }));
  return [
    ...before,
    ...shown.map(({ spec, cell }) => ({ label: spec.column.label, value: cell.value, text: cell.text })),
  ];
}

/** How much a row changed on the year before, as a share of the year before (0 when it cannot be said). */
function changeSize(points: readonly TrendPoint[]): number {
  const [a, b] = [points.at(-2)?.value, points.at(-1)?.value];
  if (!isNumber(a) || !isNumber(b) || a === 0) return 0;
  return Math.abs(b / a - 1);
}

/**
 * The summary. It opens with the measure that changed most on the year before,
 * as a trend over all the years there are ("Referrals rose in each of the last
 * three years…"); with no change to tell, with the headline counts of the
 * year (the first count of each group). Then the rest, each measure named
 * without its unit symbol, and the peak quarter of the first count.
 */
function kpiSummary(
  model: Pick<KpiModel, 'mode' | 'year' | 'columns' | 'chartColumns' | 'rows' | 'yearToDate' | 'changeLabel'>,
  previous: string | undefined,
  points: readonly (readonly TrendPoint[])[],
  m: Messages,
  lang: Lang,
  k: KpiMessages,
): string[] {
  const { columns, rows, year } = model;
  const quarterly = model.mode === 'quarterly';
  const mainIndex = quarterly ? columns.findIndex((c) => c.kind === 'total') : columns.length - 1;
  const main = columns[mainIndex];
  const mainLabel = model.yearToDate && main ? `${year}, ${main.note}` : (main?.label ?? year);
  const names = rows.map((row) => measureName(row.measure.label, row.kind, lang));
  const summary: string[] = [];
  const said = new Set<number>();
  // The lead: the largest change on the year before, as a share of it.
  const sizes = points.map((p) => (model.changeLabel ? changeSize(p) : 0));
  const lead = sizes.reduce((best, size, i) => (size > (sizes[best] ?? 0) ? i : best), -1);
  const trend =
    lead >= 0
      ? describeTrend(
          names[lead]!,
          points[lead]!,
          { kind: rows[lead]!.kind, decimals: rows[lead]!.measure.decimals, polarity: rows[lead]!.measure.polarity },
          m,
          lang,
        )
      : undefined;
  if (trend && lead >= 0) {
    said.add(lead);
    summary.push(trend.text);
    const position = rows[lead]!.position;
    if (position) summary.push(k.summaryPosition(names[lead]!, position.text));
  } else {
    // No change to tell: the year's headline counts, one per group of measures.
    const groups = new Set<string>();
    const headline: number[] = [];
    rows.forEach((row, i) => {
      const group = row.measure.group ?? '';
      if (row.kind !== 'count' || groups.has(group)) return;
      groups.add(group);
      headline.push(i);
    });
    if (headline.length) {
      headline.forEach((i) => said.add(i));
      const items = headline.map((i) => k.summaryCount(names[i]!, rows[i]!.cells[mainIndex]!.text));
      summary.push(k.summaryHeadline(mainLabel, joinList(lang, items)));
    }
  }
  const items = rows
    .map((row, i) => {
      if (said.has(i)) return '';
      const change = row.change && row.change.direction !== 'none' && model.changeLabel ? row.change : undefined;
      return (
        k.summaryMeasure(names[i]!, row.cells[mainIndex]!.text) +
        (change && previous ? k.summaryChange(change.text, previous) : '') +
        (row.position ? `, ${row.position.text}` : '')
      );
    })
    .filter(Boolean);
  if (items.length) summary.push(`${k.summaryIntro(mainLabel, summary.length > 0)}${items.join('; ')}.`);
  const firstCount = rows.find((r) => r.kind === 'count');
  if (quarterly && firstCount && model.chartColumns.length > 1) {
    let best = -1;
    for (const i of model.chartColumns) {
      const v = firstCount.cells[i]!.value;
      if (isNumber(v) && (best < 0 || v > (firstCount.cells[best]!.value as number))) best = i;
    }
    if (best >= 0) {
      summary.push(k.summaryHighest(firstCount.measure.label, columns[best]!.label, firstCount.cells[best]!.text));
    }
  }
  return summary;
}

/** The "Download data (CSV)" rows: a header, then a row per measure, as the tables show them. */
function kpiCsv(
  model: Pick<KpiModel, 'columns' | 'comparators' | 'rows' | 'changeLabel' | 'positionLabel'>,
  comparedIn: string,
  m: Messages,
): string[][] {
  const { changeLabel, positionLabel } = model;
  const figure = (c: KpiCell, row: KpiRow) => csvFigure(c.value, row.kind, row.measure.decimals, c.status);
  return [
    [
      m.measure,
      ...model.columns.map((c) => (c.note ? `${c.label} (${c.note})` : c.label)),
      ...(changeLabel ? [changeLabel] : []),
      ...model.comparators.map((c) => `${c.label} (${comparedIn})`),
      ...(positionLabel ? [positionLabel] : []),
    ],
    ...model.rows.map((row) => [
      csvLabel(row.measure.label, row.kind),
      ...row.cells.map((c) => figure(c, row)),
      ...(changeLabel ? [row.change?.text ?? ''] : []),
      ...(row.comparisons ?? []).map((c) => figure(c, row)),
      ...(positionLabel ? [row.position?.text ?? ''] : []),
    ]),
  ];
}

/** The comparator columns, and which of them a rate's position is judged against. */
function comparatorColumns(indexes: readonly ComparatorIndex[], k: KpiMessages) {
  const comparators: KpiComparatorColumn[] = indexes.map(({ c }) => ({
    area: c.area,
    kind: c.kind,
    label: c.kind === 'neighbours' ? k.neighboursMedianHeading : c.area,
    words: c.kind === 'neighbours' ? k.neighboursMedian : c.area,
  }));
  // Position against the neighbours' median, else against the national figure.
  let reference = comparators.findIndex((c) => c.kind === 'neighbours');
  if (reference < 0) reference = comparators.findIndex((c) => c.kind === 'national');
  return { comparators, reference };
}

/**
 * Rows this table leaves out, named in a note: rows with a breakdown other than
 * an area (sector, format…), and other areas' rows in a quarterly table.
 */
function kpiOmitted(dataset: Dataset, quarterly: boolean, k: KpiMessages): Problem[] {
  const breakdown = () => k.notShownBreakdown;
  const areasQuarterly = () => k.notShownAreasQuarterly;
  return omittedNotes(dataset, (row) => {
    const keys = Object.keys(row.dims);
    if (!keys.length) return undefined;
    if (keys.length > 1 || keys[0] !== 'area') return breakdown;
    return quarterly ? areasQuarterly : undefined;
  });
}

export function buildKpiModel(dataset: Dataset, m: Messages, lang: Lang, options: KpiOptions = {}): KpiModel {
  const k = kpiMessages(lang);
  const shape = dataShape(dataset, options);
  const { quarterly, years, latest } = shape;
  const omitted = kpiOmitted(dataset, quarterly, k);
  if (latest === undefined || !years.includes(latest)) return { ...emptyModel(quarterly, latest, m), omitted };
  const index = indexRows(dataset.rows);
  const columns = quarterly
    ? quarterlyColumns(dataset, shape, latest, m, k)
    : annualColumns(dataset, years, latest, options);
  const latestPeriod = makePeriod(latest);
  const indexes = comparatorIndexes(dataset, quarterly, latestPeriod);
  const { comparators, reference } = comparatorColumns(indexes, k);
  const { definitions, footnotes } = numberDefinitions(dataset);
  const figures = new Figures(dataset, index, columns, k);
  const ctx: RowContext = {
    ...{ dataset, m, index, quarterly, columns, figures, latestPeriod, comparators, reference, footnotes },
    comparatorIndexes: indexes,
  };
  const rows = dataset.measures.map((measure) => measureRow(ctx, measure, k)).filter((r): r is KpiRow => !!r);
  const cols = columns.specs.map((s) => s.column);
  const { yearToDate } = columns;
  const { previousWords, changeLabel } = changeWords(dataset, shape, latest, cols, yearToDate, m, k);
  const year = yearKey(latest);
  const span = quarterly ? year : m.yearRange(cols[0]?.label ?? year, cols[cols.length - 1]?.label ?? year);
  const positionLabel = rows.some((r) => r.placing)
    ? k.positionAmong
    : reference >= 0 && rows.some((r) => r.position)
      ? k.positionHeader(comparators[reference]!.words)
      : undefined;
  const model = {
    mode: quarterly ? ('quarterly' as const) : ('annual' as const),
    year,
    period: `${span}, ${quarterly ? k.byQuarter : m.byYear}`,
    columns: cols,
    chartColumns: cols.map((c, i) => (c.kind === 'quarter' || c.kind === 'year' ? i : -1)).filter((i) => i >= 0),
    ...(changeLabel ? { changeLabel } : {}),
    comparators,
    ...(positionLabel ? { positionLabel } : {}),
    ...(dataset.area ? { area: dataset.area.name } : {}),
    ...(yearToDate ? { yearToDate } : {}),
    rows,
  };
  const allCells = rows.flatMap((r) => [...r.cells, ...(r.comparisons ?? [])]);
  return {
    ...model,
    summary: kpiSummary(
      model,
      quarterly ? previousWords : yearKey(latest - 1),
      rows.map((row) =>
        trendPoints(ctx, shape, row, {
          current: yearToDate ? k.sameQuarters(yearToDate, year) : year,
          ...(previousWords ? { previous: previousWords } : {}),
        }),
      ),
      m,
      lang,
      k,
    ),
    definitions: definitions.filter((d) => rows.some((r) => r.footnote === d.n)),
    symbols: symbolsUsed(allCells.map((c) => c.value)),
    statuses: statusesUsed(allCells.map((c) => c.status)),
    others: figures.others,
    omitted,
    quality: figures.quality,
    csv: kpiCsv(model, periodLabel(latestPeriod, dataset.yearStartMonth, dataset.periodLabels), m),
    ...(rows.length === 0 ? { empty: m.emptyYear(year) } : {}),
  };
}

/** A cell: the figure formatted, with its status mark beside it ("2,295 [p]"). */
function cell(value: Value, status: Status | undefined, kind: ValueKind, decimals: number): KpiCell {
  const figure = formatValue(value, kind, decimals);
  const mark = isNumber(value) ? statusMark(status) : '';
  return { value, text: figure + mark, ...(mark ? { figure } : {}), ...(status ? { status } : {}) };
}

/** Whether a figure above, below or level with its comparator is good, bad or neither, given the measure's polarity. */
function positionTone(direction: 'above' | 'below' | 'same', polarity: Polarity): KpiPosition['tone'] {
  if (direction === 'same' || polarity === 'neutral') return 'neutral';
  return (polarity === 'up-good') === (direction === 'above') ? 'good' : 'bad';
}

/** "better" or "worse" beside a good or bad position (nothing for a neutral one). */
function toneText(tone: KpiPosition['tone'], m: Messages): { toneText?: string } {
  return tone === 'good' ? { toneText: m.better } : tone === 'bad' ? { toneText: m.worse } : {};
}

/** "below the neighbours’ median (22.0%)", judged at the precision shown. */
function positionFor(
  measure: MeasureDef,
  own: Value,
  reference: KpiCell,
  referenceLabel: string,
  m: Messages,
  k: KpiMessages,
): KpiPosition | undefined {
  if (!isNumber(own) || !isNumber(reference.value)) return undefined;
  const digits = measure.decimals + 2;
  const a = Number(own.toFixed(digits));
  const b = Number(reference.value.toFixed(digits));
  const direction = a > b ? 'above' : a < b ? 'below' : 'same';
  const tone = positionTone(direction, measure.polarity);
  return {
    text: k.position(direction, referenceLabel, reference.text),
    tone,
    ...toneText(tone, m),
  };
}
