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
import { WidgetError, type Dataset, type DataRow, type MeasureDef, type Problem } from '../core/contract.js';
import { csvNumber } from '../core/csv.js';
import type { FigureModel } from '../core/widget.js';
import { formatCount, formatDecimal, formatValue, roundHalfUp, type ValueKind } from '../core/format.js';
import type { Lang, Messages } from '../core/messages.js';
import {
  isPeriod,
  makePeriod,
  parsePeriod,
  periodLabel,
  quarterMonths,
  yearKey,
  type Period,
} from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import { isNumber, isSymbol, ratio, sumValues, symbol, symbolsUsed, type Value } from '../core/symbols.js';

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

export interface KpiChange {
  readonly direction: 'up' | 'down' | 'same' | 'none';
  /** "up 4.2%", "down 1.3 percentage points", "[x]". */
  readonly text: string;
  readonly tone: 'good' | 'bad' | 'neutral';
  /** "better" / "worse" in words, so colour never carries the meaning alone. */
  readonly toneText?: string;
}

export interface KpiPosition {
  /** "below the neighbours’ median (22.0%)". */
  readonly text: string;
  readonly tone: 'good' | 'bad' | 'neutral';
  readonly toneText?: string;
}

export interface KpiComparatorColumn {
  readonly area: string;
  readonly kind: 'national' | 'region' | 'neighbours' | 'other';
  /** Header text: the area, or "the neighbours’ median". */
  readonly label: string;
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

function parseYear(text: string): number {
  const p = parsePeriod(text);
  if (!isPeriod(p) || p.quarter) throw new WidgetError('config', [(m) => m.errors.badYear(text)]);
  return p.startYear;
}

export function buildKpiModel(dataset: Dataset, m: Messages, _lang: Lang, options: KpiOptions = {}): KpiModel {
  const index = indexRows(dataset.rows);
  const usable = dataset.rows.filter((r) => !Object.keys(r.dims).length);
  const quarterly = usable.some((r) => r.period.quarter);
  const years = [
    ...new Set(usable.filter((r) => !!r.period.quarter === quarterly).map((r) => r.period.startYear)),
  ].sort((a, b) => a - b);
  const requested = options.year ? parseYear(options.year) : undefined;
  const latest = requested ?? years[years.length - 1];
  const quality: Problem[] = [];
  const definitions: { n: number; label: string; text: string }[] = [];
  const footnotes = new Map<string, number>();
  for (const measure of dataset.measures) {
    if (measure.definition) {
      const n = definitions.length + 1;
      definitions.push({ n, label: measure.label, text: measure.definition });
      footnotes.set(measure.id, n);
    }
  }

  const base = { definitions, quality, csv: [] as string[][], summary: [] as string[], symbols: [] };
  if (latest === undefined || !years.includes(latest)) {
    const year = latest === undefined ? '' : yearKey(latest);
    return {
      ...base,
      definitions: [],
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

  const value = (measure: string, period: Period): Value | undefined => index.get(measure)?.get(period.key)?.value;
  const statusOf = (measure: string, period: Period): Status | undefined => index.get(measure)?.get(period.key)?.status;
  /** Figures set aside for a more settled one (main area only), by measure and period. */
  const others = new Map<string, DataRow[]>();
  for (const row of dataset.superseded) {
    if (Object.keys(row.dims).length) continue;
    const k = `${row.measure}|${row.period.key}`;
    others.set(k, [...(others.get(k) ?? []), row]);
  }
  const othersOf = (measure: string, period: Period) => others.get(`${measure}|${period.key}`) ?? [];
  const sourceName = (row: { source?: string }) =>
    (row.source ? dataset.sources.find((s) => s.id === row.source)?.name : undefined) ?? dataset.source?.name;
  const about = (mm: Messages, row: { status?: Status; source?: string }) => {
    const name = sourceName(row);
    const word = row.status ? mm.statusWord[row.status] : undefined;
    return [word, name].filter(Boolean).join('; ');
  };
  const otherNotes: Problem[] = [];
  /** A note setting the figure shown beside one of another status. */
  const noteOther = (
    measure: MeasureDef,
    period: Period,
    shown: { value: Value; status?: Status; source?: string },
    other: DataRow,
  ) => {
    if (!isNumber(shown.value) || !isNumber(other.value)) return;
    const difference = other.value - shown.value;
    const direction = difference < 0 ? 'fewer' : difference > 0 ? 'more' : 'same';
    const label = periodLabel(period, dataset.yearStartMonth, dataset.periodLabels);
    const a = shown.value;
    const b = other.value;
    otherNotes.push((mm) =>
      mm.otherFigure(
        measure.label,
        label,
        formatCount(a),
        about(mm, shown),
        formatCount(b),
        about(mm, other),
        formatCount(Math.abs(difference)),
        direction,
      ),
    );
  };
  /** One measure in one period from an index: derived, stated percent (as a fraction) or count. */
  const valueIn = (ix: Index, measure: MeasureDef, period: Period): Value | undefined => {
    const get = (id: string) => ix.get(id)?.get(period.key)?.value;
    if (measure.numerator && measure.denominator) {
      const num = get(measure.numerator);
      const den = get(measure.denominator);
      return num === undefined && den === undefined ? undefined : ratio(num, den);
    }
    const v = get(measure.id);
    return measure.unit === 'percent' && isNumber(v) ? v / 100 : v;
  };

  // Columns: the periods each column reads.
  interface ColumnSpec {
    column: KpiColumn;
    period: Period;
    /** For a year total: the quarters that add up to it. */
    quarters?: Period[];
  }
  const specs: ColumnSpec[] = [];
  const year = yearKey(latest);
  let hasPrevious = years.includes(latest - 1) || usable.some((r) => r.period.startYear === latest - 1);
  // The latest year of quarterly data may be under way: its quarters so far, summed as the year to date.
  const present = new Set(usable.filter((r) => r.period.startYear === latest).map((r) => r.period.quarter));
  const partial =
    quarterly && latest === years[years.length - 1] && !present.has(undefined) && present.size < 4 && present.size > 0;
  const shownQuarters = ([1, 2, 3, 4] as const).filter((q) => !partial || present.has(q));
  let yearToDate: string | undefined;
  if (partial) {
    const shorts = shownQuarters.map((q) => m.quarterShort(q));
    const contiguous = shownQuarters.every((q, i) => q === shownQuarters[0]! + i);
    yearToDate = contiguous ? m.quarterSpan(shorts[0]!, shorts[shorts.length - 1]!) : shorts.join(', ');
    // Compared with the same quarters of the year before, where the data has them.
    hasPrevious = usable.some(
      (r) => r.period.startYear === latest - 1 && r.period.quarter && shownQuarters.includes(r.period.quarter),
    );
  }
  if (quarterly) {
    for (const q of shownQuarters) {
      const period = makePeriod(latest, q);
      const months = quarterMonths(period, dataset.yearStartMonth);
      specs.push({
        period,
        column: {
          key: period.key,
          label: m.quarterLabel(q, m.monthsShort[months.first - 1]!, m.monthsShort[months.last - 1]!),
          months: m.monthRange(m.monthsShort[months.first - 1]!, m.monthsShort[months.last - 1]!),
          short: m.quarterShort(q),
          kind: 'quarter',
        },
      });
    }
    const quartersOf = (startYear: number) => shownQuarters.map((q) => makePeriod(startYear, q));
    const toDate = yearToDate ? m.yearToDate(yearToDate) : undefined;
    if (hasPrevious) {
      specs.push({
        period: makePeriod(latest - 1),
        quarters: quartersOf(latest - 1),
        column: {
          key: yearKey(latest - 1),
          label: yearKey(latest - 1),
          short: yearKey(latest - 1),
          note: toDate ?? m.previousYear,
          kind: 'previous',
        },
      });
    }
    specs.push({
      period: makePeriod(latest),
      quarters: quartersOf(latest),
      column: { key: year, label: year, short: year, note: toDate ?? m.yearTotal, kind: 'total' },
    });
  } else {
    const count = Math.max(1, Math.floor(options.years ?? 5));
    const shown = years.filter((y) => y <= latest).slice(-count);
    for (const y of shown) {
      const period = makePeriod(y);
      const label = periodLabel(period, dataset.yearStartMonth, dataset.periodLabels);
      specs.push({ period, column: { key: period.key, label, short: label, kind: 'year' } });
    }
  }

  const countCell = (measure: MeasureDef, spec: ColumnSpec): Fig => {
    const statedRow = index.get(measure.id)?.get(spec.period.key);
    // A year-to-date total is the sum of its quarters: a stated figure is for the whole year.
    const stated = yearToDate && spec.quarters ? undefined : statedRow;
    const alternatives = yearToDate && spec.quarters ? [] : othersOf(measure.id, spec.period);
    const fig = (row: DataRow): Fig => ({ value: row.value, ...(row.status ? { status: row.status } : {}) });
    if (!spec.quarters) {
      if (!stated) return { value: MISSING };
      for (const other of alternatives) noteOther(measure, spec.period, stated, other);
      return fig(stated);
    }
    const parts = spec.quarters.map((q) => index.get(measure.id)?.get(q.key));
    const found = parts.filter((p): p is DataRow => p !== undefined);
    if (found.length === 0) {
      if (!stated) return { value: MISSING };
      for (const other of alternatives) noteOther(measure, spec.period, stated, other);
      return fig(stated);
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
    const shown: Fig & { source?: string } = matching
      ? { ...fig(matching), ...(matching.source ? { source: matching.source } : {}) }
      : {
          ...sum,
          ...(found[0]?.source && found.every((p) => p.source === found[0]!.source) ? { source: found[0].source } : {}),
        };
    if (matching && isNumber(matching.value) && isNumber(sum.value) && Math.abs(matching.value - sum.value) > 1e-9) {
      const a = matching.value;
      const b = sum.value;
      quality.push((mm) => mm.qualityTotal(measure.label, spec.period.key, formatCount(a), formatCount(b)));
    }
    for (const other of candidates) if (other !== matching) noteOther(measure, spec.period, shown, other);
    return shown;
  };

  const byId = new Map(dataset.measures.map((d) => [d.id, d]));
  const counts = new Map<string, Fig[]>();
  const countsFor = (measure: MeasureDef): Fig[] => {
    let cells = counts.get(measure.id);
    if (!cells) {
      cells = specs.map((spec) => countCell(measure, spec));
      counts.set(measure.id, cells);
    }
    return cells;
  };

  // Comparators (annual data only): the latest year for each comparator area.
  const latestPeriod = makePeriod(latest);
  const declared = dataset.comparators.length
    ? dataset.comparators
    : [...new Set(dataset.rows.map((r) => r.dims.area).filter((a): a is string => !!a))].map((area) => ({
        area,
        kind: 'other' as const,
      }));
  const comparatorIndexes = quarterly
    ? []
    : declared
        .map((c) => ({ c, ix: indexRows(dataset.rows, c.area) }))
        .filter(({ ix }) => [...ix.values()].some((byPeriod) => byPeriod.has(latestPeriod.key)));
  const comparators: KpiComparatorColumn[] = comparatorIndexes.map(({ c }) => ({
    area: c.area,
    kind: c.kind,
    label: c.kind === 'neighbours' ? m.neighboursMedian : c.area,
  }));
  // Position against the neighbours' median, else against the national figure.
  let reference = comparators.findIndex((c) => c.kind === 'neighbours');
  if (reference < 0) reference = comparators.findIndex((c) => c.kind === 'national');

  const rows: KpiRow[] = [];
  const allValues: Value[] = [];
  const allStatuses: (Status | undefined)[] = [];
  for (const measure of dataset.measures) {
    let values: Value[];
    let statuses: (Status | undefined)[];
    const kind: ValueKind = measure.unit;
    // A derived percentage is stored as a fraction; a derived ratio (an average) as itself.
    const scale = kind === 'percent' ? 100 : 1;
    if (measure.numerator && measure.denominator) {
      const num = countsFor(byId.get(measure.numerator)!);
      const den = countsFor(byId.get(measure.denominator)!);
      statuses = specs.map((_, i) => combinedStatus([num[i]!.status, den[i]!.status]));
      values = specs.map((spec, i) => {
        const derived = ratio(num[i]!.value, den[i]!.value);
        const stated = value(measure.id, spec.period);
        if (isNumber(stated) && isNumber(derived)) {
          const tolerance = 0.5 * 10 ** -measure.decimals + 1e-9;
          if (Math.abs(stated - derived * scale) > tolerance) {
            const n = num[i]!.value as number;
            const d = den[i]!.value as number;
            quality.push((mm) =>
              mm.qualityRate(
                measure.label,
                spec.column.kind === 'quarter' ? spec.column.label : spec.period.key,
                kind === 'percent'
                  ? `${formatDecimal(stated, measure.decimals)}%`
                  : formatDecimal(stated, measure.decimals),
                formatValue(derived, kind, measure.decimals),
                formatCount(n),
                formatCount(d),
              ),
            );
          }
        }
        return derived;
      });
    } else if (kind !== 'count') {
      // A rate or an average stated in the data: shown as stated, never summed.
      statuses = specs.map((spec) => statusOf(measure.id, spec.period));
      values = specs.map((spec) => {
        const v = value(measure.id, spec.period) ?? MISSING;
        return isNumber(v) ? v / scale : v;
      });
    } else {
      values = countsFor(measure).map((f) => f.value);
      statuses = countsFor(measure).map((f) => f.status);
    }
    // A measure with nothing at all in the columns shown is left out (e.g. a
    // measure that only exists in other years), unless it is derived.
    const anyData = specs.some(
      (spec) =>
        value(measure.id, spec.period) !== undefined || spec.quarters?.some((q) => value(measure.id, q) !== undefined),
    );
    if (!anyData && !measure.numerator) continue;
    for (const v of values) allValues.push(v);
    for (const st of statuses) allStatuses.push(st);
    const cells = values.map((v, i) => cell(v, statuses[i], kind, measure.decimals));
    // Annual: compare the latest column with the year before it.
    const change = changeFor(measure, kind, values, specs, m, (y) =>
      quarterly ? undefined : valueIn(index, measure, makePeriod(y)),
    );
    const footnote = footnotes.get(measure.id);
    const latestValue = values[values.length - 1];
    const comparisons = comparatorIndexes.map(({ ix }) => {
      const v = valueIn(ix, measure, latestPeriod) ?? MISSING;
      const st = measure.numerator
        ? combinedStatus([
            ix.get(measure.numerator)?.get(latestPeriod.key)?.status,
            ix.get(measure.denominator!)?.get(latestPeriod.key)?.status,
          ])
        : ix.get(measure.id)?.get(latestPeriod.key)?.status;
      allValues.push(v);
      allStatuses.push(st);
      return cell(v, st, kind, measure.decimals);
    });
    const position =
      kind === 'percent' && reference >= 0 && latestValue !== undefined
        ? positionFor(measure, latestValue, comparisons[reference]!, comparators[reference]!.label, m)
        : undefined;
    rows.push({
      measure,
      kind,
      cells,
      ...(change ? { change } : {}),
      ...(comparisons.length ? { comparisons } : {}),
      ...(position ? { position } : {}),
      ...(footnote ? { footnote } : {}),
    });
  }

  const columns = specs.map((s) => s.column);
  const totalIndex = columns.findIndex((c) => c.kind === 'total');
  const previousIndex = columns.findIndex((c) => c.kind === 'previous');
  /** The previous year's column, in words: "2020-21", or "Q1 of 2024-25" for a year to date. */
  const previousWords =
    previousIndex >= 0
      ? yearToDate
        ? m.sameQuarters(yearToDate, columns[previousIndex]!.label)
        : columns[previousIndex]!.label
      : undefined;
  const changeLabel = quarterly
    ? previousWords
      ? m.changeOn(previousWords)
      : undefined
    : years.includes(latest - 1)
      ? m.changeOn(periodLabel(makePeriod(latest - 1), dataset.yearStartMonth, dataset.periodLabels))
      : undefined;
  const chartColumns = columns
    .map((c, i) => (c.kind === 'quarter' || c.kind === 'year' ? i : -1))
    .filter((i) => i >= 0);
  const span = quarterly ? year : m.yearRange(columns[0]?.label ?? year, columns[columns.length - 1]?.label ?? year);
  const period = `${span}, ${quarterly ? m.byQuarter : m.byYear}`;

  // Summary: every figure of the latest column, the change, and the peak quarter of the first count.
  const mainIndex = quarterly ? totalIndex : columns.length - 1;
  const mainLabel =
    yearToDate && columns[mainIndex] ? `${year}, ${columns[mainIndex].note}` : (columns[mainIndex]?.label ?? year);
  const summary: string[] = [];
  const clauses = rows.map((row) => {
    const cell = row.cells[mainIndex]!;
    const change = row.change && row.change.direction !== 'none' && changeLabel ? row.change : undefined;
    const previous = quarterly ? previousWords : yearKey(latest - 1);
    return (
      m.summaryMeasure(row.measure.label, cell.text) +
      (change && previous ? m.summaryChange(change.text, previous) : '') +
      (row.position ? `, ${row.position.text}` : '')
    );
  });
  if (clauses.length) summary.push(`${m.summaryIntro(mainLabel)}${clauses.join('; ')}.`);
  const firstCount = rows.find((r) => r.kind === 'count');
  if (quarterly && firstCount && chartColumns.length > 1) {
    let best = -1;
    chartColumns.forEach((i) => {
      const v = firstCount.cells[i]!.value;
      if (isNumber(v) && (best < 0 || v > (firstCount.cells[best]!.value as number))) best = i;
    });
    if (best >= 0) {
      summary.push(m.summaryHighest(firstCount.measure.label, columns[best]!.label, firstCount.cells[best]!.text));
    }
  }

  const positionLabel =
    reference >= 0 && rows.some((r) => r.position) ? m.positionHeader(comparators[reference]!.label) : undefined;
  const csv: string[][] = [
    [
      m.measure,
      ...columns.map((c) => (c.note ? `${c.label} (${c.note})` : c.label)),
      ...(changeLabel ? [changeLabel] : []),
      ...comparators.map(
        (c) => `${c.label} (${periodLabel(latestPeriod, dataset.yearStartMonth, dataset.periodLabels)})`,
      ),
      ...(positionLabel ? [positionLabel] : []),
    ],
    ...rows.map((row) => [
      row.measure.label,
      ...row.cells.map((c) => csvFigure(c, row)),
      ...(changeLabel ? [row.change?.text ?? ''] : []),
      ...(row.comparisons ?? []).map((c) => csvFigure(c, row)),
      ...(positionLabel ? [row.position?.text ?? ''] : []),
    ]),
  ];

  return {
    mode: quarterly ? 'quarterly' : 'annual',
    year,
    period,
    columns,
    chartColumns,
    ...(changeLabel ? { changeLabel } : {}),
    comparators,
    ...(positionLabel ? { positionLabel } : {}),
    ...(dataset.area ? { area: dataset.area.name } : {}),
    ...(yearToDate ? { yearToDate } : {}),
    rows,
    summary,
    definitions: definitions.filter((d) => rows.some((r) => r.footnote === d.n)),
    symbols: symbolsUsed(allValues),
    statuses: statusesUsed(allStatuses),
    others: otherNotes,
    quality,
    csv,
    ...(rows.length === 0 ? { empty: m.emptyYear(year) } : {}),
  };
}

function changeFor(
  measure: MeasureDef,
  kind: ValueKind,
  values: Value[],
  specs: readonly { column: KpiColumn; period: Period }[],
  m: Messages,
  annualPrevious: (startYear: number) => Value | undefined,
): KpiChange | undefined {
  let current: Value | undefined;
  let previous: Value | undefined;
  const totalIndex = specs.findIndex((s) => s.column.kind === 'total');
  const previousIndex = specs.findIndex((s) => s.column.kind === 'previous');
  if (totalIndex >= 0) {
    if (previousIndex < 0) return undefined;
    current = values[totalIndex];
    previous = values[previousIndex];
  } else {
    const last = specs[specs.length - 1];
    if (!last) return undefined;
    current = values[values.length - 1];
    previous = annualPrevious(last.period.startYear - 1);
    if (previous === undefined) return undefined;
  }
  if (current === undefined || previous === undefined) return undefined;
  let amount: Value;
  if (kind === 'percent') {
    const sym = isSymbol(current) ? current : isSymbol(previous) ? previous : undefined;
    amount = sym ?? ((current as number) - (previous as number)) * 100;
  } else {
    const r = ratio(current, previous);
    amount = isNumber(r) ? (r - 1) * 100 : r;
  }
  // A change too large to be a number (a previous figure next to zero) is not available.
  if (isNumber(amount) && !Number.isFinite(amount)) amount = symbol('x');
  if (isSymbol(amount)) return { direction: 'none', text: `[${amount.symbol}]`, tone: 'neutral' };
  const digits = kind === 'percent' ? measure.decimals : 1;
  const rounded = roundHalfUp(amount, digits);
  if (rounded === 0) return { direction: 'same', text: m.noChange, tone: 'neutral' };
  const size = formatDecimal(Math.abs(rounded), digits);
  const words = kind === 'percent' ? m.percentagePoints(size) : `${size}%`;
  const direction = rounded > 0 ? 'up' : 'down';
  const tone =
    measure.polarity === 'neutral'
      ? 'neutral'
      : (measure.polarity === 'up-good') === (direction === 'up')
        ? 'good'
        : 'bad';
  return {
    direction,
    text: direction === 'up' ? m.up(words) : m.down(words),
    tone,
    ...(tone === 'good' ? { toneText: m.better } : tone === 'bad' ? { toneText: m.worse } : {}),
  };
}

/** A cell: the figure formatted, with its status mark beside it ("2,295 [p]"). */
function cell(value: Value, status: Status | undefined, kind: ValueKind, decimals: number): KpiCell {
  const figure = formatValue(value, kind, decimals);
  const mark = isNumber(value) ? statusMark(status) : '';
  return { value, text: figure + mark, ...(mark ? { figure } : {}), ...(status ? { status } : {}) };
}

/**
 * A figure for the CSV (see core/csv.ts): counts unformatted, rates in percent to their decimals, symbols in
 * brackets; a status mark beside the figure, as in the table ("2295 [p]").
 */
function csvFigure(cell: KpiCell, row: KpiRow): string {
  const value = cell.value;
  const mark = isNumber(value) ? statusMark(cell.status) : '';
  if (row.kind === 'percent') return csvNumber(isNumber(value) ? value * 100 : value, row.measure.decimals) + mark;
  return csvNumber(value, row.kind === 'ratio' ? row.measure.decimals : undefined) + mark;
}

/** "below the neighbours’ median (22.0%)", judged at the precision shown. */
function positionFor(
  measure: MeasureDef,
  own: Value,
  reference: KpiCell,
  referenceLabel: string,
  m: Messages,
): KpiPosition | undefined {
  if (!isNumber(own) || !isNumber(reference.value)) return undefined;
  const digits = measure.decimals + 2;
  const a = Number(own.toFixed(digits));
  const b = Number(reference.value.toFixed(digits));
  const direction = a > b ? 'above' : a < b ? 'below' : 'same';
  const tone =
    direction === 'same' || measure.polarity === 'neutral'
      ? 'neutral'
      : (measure.polarity === 'up-good') === (direction === 'above')
        ? 'good'
        : 'bad';
  return {
    text: m.position(direction, referenceLabel, reference.text),
    tone,
    ...(tone === 'good' ? { toneText: m.better } : tone === 'bad' ? { toneText: m.worse } : {}),
  };
}
