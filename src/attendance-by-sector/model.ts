/**
 * The attendance model: data in, what is shown out. Pure TypeScript, no DOM,
 * so it can be tested alone and rendered statically later.
 *
 * - One measure by sector (rows with a `sector`): the latest reporting year
 *   and, where the data has it, the year before; sorted by the latest year,
 *   largest first (or in data order); the change on the previous year; a total
 *   (the data's stated total where it gives one, checked against the sectors).
 * - Meeting formats (rows with a `format` and no sector): counts by format
 *   and their total, and derived measures (an average per meeting is
 *   attendances / meetings), each worked out from the counts, never averaged.
 * - Anything else without a sector or format (a one-off event such as an
 *   all-groups meeting) is kept apart from the regular figures.
 * - A symbol is never turned into 0: a sector with no row in a year shows
 *   `[x]`, a suppressed figure `[c]`, and a total over a symbol is that symbol.
 */
import { maxOf, minOf } from '../core/extent.js';
import {
  parseYearOption,
  WidgetError,
  type Dataset,
  type DataRow,
  type MeasureDef,
  type Problem,
} from '../core/contract.js';
import { changeOn, type Change } from '../core/change.js';
import { csvFigure, csvLabel } from '../core/csv.js';
import { omittedNotes, type OmitReason } from '../core/omitted.js';
import { formatCount, formatDecimal, formatValue } from '../core/format.js';
import { joinList, type Lang, type Messages } from '../core/messages.js';
import { YEAR_ROLES, type YearRole } from '../core/palette.js';
import { makePeriod, periodLabel, yearKey } from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import {
  isNumber,
  isSymbol,
  ratio,
  sumValues,
  symbol,
  symbolsUsed,
  type SymbolCode,
  type Value,
} from '../core/symbols.js';
import { describeTrend, measureName } from '../core/trend.js';
import type { FigureModel } from '../core/widget.js';
import { attendanceMessages, catalogueLang, type AttendanceMessages } from './messages.js';

export type { Change } from '../core/change.js';

export type SortOrder = 'value' | 'data';

export interface AttendanceOptions {
  /** Id of the measure shown by sector; default the first measure with sector rows. */
  measure?: string;
  /** The latest reporting year to show (`2024-25`); default the latest in the data. */
  year?: string;
  /** `value` (default): sectors by the latest year, largest first; `data`: as in the data. */
  sort?: string;
}

export interface Cell {
  readonly value: Value;
  /** As shown: "1,234", "15.5", "[c]". */
  readonly text: string;
  /** The data has no row for it (shown as `[x]`, not available). */
  readonly missing?: boolean;
  /** Provisional, revised, final or estimated, where the data says: its mark is in `text` ("1,234 [p]"). */
  readonly status?: Status;
}

export interface YearColumn {
  /** `2024-25`. */
  readonly key: string;
  /** As readers see it: the data's `periodLabels`, `2024` for a calendar year, else the key. */
  readonly label: string;
  readonly startYear: number;
  readonly role: YearRole;
  /** "latest year" / "previous year". */
  readonly note: string;
}

export interface SectorRow {
  readonly sector: string;
  /** One cell per year column, latest first. */
  readonly cells: readonly Cell[];
  /** Latest on previous, when both years are shown. */
  readonly change?: Change;
}

/** One bar of the chart, in reading order: sectors top to bottom, the latest year first in each. */
export interface Bar {
  readonly sector: string;
  readonly year: string;
  readonly role: YearRole;
  readonly value: Value;
  readonly text: string;
  /** The accessible label: "Health, 2024-25: 42 attendances". */
  readonly label: string;
}

export interface FormatColumn {
  readonly measure: MeasureDef;
  readonly kind: 'count' | 'percent' | 'ratio';
  readonly footnote?: number;
}

export interface FormatRow {
  /** The `format` value in the data, or '' for the total row. */
  readonly format: string;
  readonly label: string;
  readonly cells: readonly Cell[];
  readonly total: boolean;
}

export interface FormatGroup {
  readonly year: string;
  readonly rows: readonly FormatRow[];
}

export interface FormatTable {
  readonly columns: readonly FormatColumn[];
  readonly groups: readonly FormatGroup[];
}

/** A figure kept apart from the regular meetings (a one-off event). */
export interface SeparateFigure {
  readonly measure: MeasureDef;
  readonly year: string;
  readonly cell: Cell;
  readonly footnote?: number;
}

export interface AttendanceModel extends FigureModel {
  readonly measure?: MeasureDef;
  /** Footnote number of the measure's definition. */
  readonly footnote?: number;
  readonly sort: SortOrder;
  /** Latest first. */
  readonly years: readonly YearColumn[];
  readonly sectors: readonly SectorRow[];
  readonly total?: SectorRow;
  /** The change column's header, when the previous year is shown. */
  readonly changeLabel?: string;
  readonly bars: readonly Bar[];
  readonly formats?: FormatTable;
  readonly separate: readonly SeparateFigure[];
}

const MISSING = symbol('x');

/**
 * Figures by measure, sector, format and reporting year. Quarters add up to a
 * year that has no row of its own; a sector given only by format (rows with
 * both a sector and a format) adds up over its formats, and a format given
 * only by sector adds up over its sectors.
 */
class Figures {
  private readonly map = new Map<
    string,
    { year?: Value; yearStatus?: Status; quarters: Map<number, Value>; quarterStatuses: (Status | undefined)[] }
  >();
  /** The other dimension's values seen with a (measure, year, sector) or (measure, year, format). */
  private readonly parts = new Map<string, Set<string>>();

  private static key(measure: string, sector: string, format: string, startYear: number): string {
    return JSON.stringify([measure, sector, format, startYear]);
  }

  add(row: DataRow, sector: string, format: string): void {
    const { measure, period } = row;
    const k = Figures.key(measure, sector, format, period.startYear);
    let entry = this.map.get(k);
    if (!entry) this.map.set(k, (entry = { quarters: new Map(), quarterStatuses: [] }));
    if (period.quarter) {
      entry.quarters.set(period.quarter, row.value);
      entry.quarterStatuses.push(row.status);
    } else {
      entry.year = row.value;
      if (row.status) entry.yearStatus = row.status;
    }
    if (sector && format) {
      for (const [side, value, other] of [
        ['sector', sector, format],
        ['format', format, sector],
      ] as const) {
        const pk = JSON.stringify([measure, period.startYear, side, value]);
        this.parts.set(pk, (this.parts.get(pk) ?? new Set()).add(other));
      }
    }
  }

  private exact(measure: string, sector: string, format: string, startYear: number): Value | undefined {
    const entry = this.map.get(Figures.key(measure, sector, format, startYear));
    if (!entry) return undefined;
    if (entry.year !== undefined) return entry.year;
    return entry.quarters.size === 4 ? sumValues([...entry.quarters.values()]) : MISSING;
  }

  private exactStatus(measure: string, sector: string, format: string, startYear: number): Status | undefined {
    const entry = this.map.get(Figures.key(measure, sector, format, startYear));
    if (!entry) return undefined;
    return entry.year !== undefined ? entry.yearStatus : combinedStatus(entry.quarterStatuses);
  }

  /** The status of `get`'s figure: the row's own, or the least settled of the figures added up. */
  status(measure: string, sector: string, format: string, startYear: number): Status | undefined {
    const entry = this.map.get(Figures.key(measure, sector, format, startYear));
    if (entry || (sector !== '') === (format !== '')) return this.exactStatus(measure, sector, format, startYear);
    const side = sector ? 'sector' : 'format';
    const others = this.parts.get(JSON.stringify([measure, startYear, side, sector || format]));
    return combinedStatus(
      [...(others ?? [])].map((o) =>
        sector ? this.exactStatus(measure, sector, o, startYear) : this.exactStatus(measure, o, format, startYear),
      ),
    );
  }

  get(measure: string, sector: string, format: string, startYear: number): Value | undefined {
    const value = this.exact(measure, sector, format, startYear);
    if (value !== undefined || (sector !== '') === (format !== '')) return value;
    const side = sector ? 'sector' : 'format';
    const others = this.parts.get(JSON.stringify([measure, startYear, side, sector || format]));
    if (!others) return undefined;
    return sumValues(
      [...others].map(
        (o) => (sector ? this.exact(measure, sector, o, startYear) : this.exact(measure, o, format, startYear))!,
      ),
    );
  }
}

interface Classified {
  readonly row: DataRow;
  readonly sector: string;
  readonly format: string;
}

/** Sector and format of a row ('' when absent); undefined for rows with other dimensions (areas...). */
function classify(row: DataRow): Classified | undefined {
  let sector = '';
  let format = '';
  for (const [key, value] of Object.entries(row.dims)) {
    const text = value.trim();
    if (key === 'sector') sector = text;
    else if (key === 'format') format = text;
    else if (text !== '') return undefined;
  }
  return { row, sector, format };
}

function parseSort(text: string | undefined): SortOrder {
  const sort = (text ?? '').trim().toLowerCase();
  if (sort === '' || sort === 'value') return 'value';
  if (sort === 'data') return 'data';
  throw new WidgetError('config', [(m) => attendanceMessages(catalogueLang(m)).errors.badSort(text ?? '')]);
}

/** `online`, `Face to face`, `in-person` → the catalogue's key, or undefined for another format. */
function formatKey(format: string): keyof AttendanceMessages['formatNames'] | undefined {
  const k = format.toLowerCase().replace(/[\s_]+/g, '-');
  if (k === 'online' || k === 'virtual' || k === 'remote') return 'online';
  if (k === 'face-to-face' || k === 'in-person' || k === 'f2f') return 'face-to-face';
  if (k === 'hybrid') return 'hybrid';
  return undefined;
}

export function formatLabel(format: string, a: AttendanceMessages): string {
  const key = formatKey(format);
  return key ? a.formatNames[key] : format.charAt(0).toUpperCase() + format.slice(1);
}

function countCell(value: Value | undefined): Cell {
  if (value === undefined) return { value: MISSING, text: `[${MISSING.symbol}]`, missing: true };
  return { value, text: isSymbol(value) ? `[${value.symbol}]` : formatCount(value) };
}

/** A cell with its status: the mark beside a figure ("1,234 [p]"), never beside a symbol. */
function withStatus(cell: Cell, status: Status | undefined): Cell {
  if (!status || !isNumber(cell.value)) return cell;
  return { ...cell, text: cell.text + statusMark(status), status };
}

function kindOf(measure: MeasureDef): FormatColumn['kind'] {
  return measure.unit === 'ratio' ? 'ratio' : measure.unit === 'percent' ? 'percent' : 'count';
}

function cellOf(value: Value, kind: FormatColumn['kind'], decimals: number): Cell {
  return { value, text: formatValue(value, kind, decimals) };
}

function emptyModel(sort: SortOrder, empty: string, period = ''): AttendanceModel {
  return {
    period,
    empty,
    sort,
    summary: [],
    definitions: [],
    symbols: [],
    quality: [],
    csv: [],
    years: [],
    sectors: [],
    bars: [],
    separate: [],
  };
}

/** What every step of the builder reads: the data, the languages' strings, the measure and years shown. */
interface Context {
  readonly dataset: Dataset;
  readonly m: Messages;
  readonly lang: Lang;
  readonly a: AttendanceMessages;
  readonly rows: readonly Classified[];
  readonly main: MeasureDef;
  /** Latest first. */
  readonly years: readonly YearColumn[];
  readonly previous?: YearColumn;
  readonly figures: Figures;
  /** Data-quality notes, added to by the steps that find them. */
  readonly quality: Problem[];
}

/** The measure shown by sector: the one asked for (or a config error), else the first with sector rows. */
function chooseMeasure(dataset: Dataset, rows: readonly Classified[], wanted?: string): MeasureDef | undefined {
  if (wanted) {
    const id = wanted.trim();
    const measure = dataset.measures.find((d) => d.id === id);
    if (measure) return measure;
    const known = dataset.measures.map((d) => d.id).join(', ');
    throw new WidgetError('config', [(mm) => attendanceMessages(catalogueLang(mm)).errors.unknownMeasure(id, known)]);
  }
  const withSectors = new Set(rows.filter((r) => r.sector).map((r) => r.row.measure));
  return dataset.measures.find((d) => withSectors.has(d.id));
}

/** The latest year and, where the data has it, the year before. */
function yearColumns(dataset: Dataset, latest: number, available: readonly number[], a: AttendanceMessages) {
  const startYears = available.includes(latest - 1) ? [latest, latest - 1] : [latest];
  return startYears.map((y, i): YearColumn => ({
    key: yearKey(y),
    label: periodLabel(makePeriod(y), dataset.yearStartMonth, dataset.periodLabels),
    startYear: y,
    role: YEAR_ROLES[i]!,
    note: i === 0 ? a.latestYear : a.previousYear,
  }));
}

/** The change of a row's latest figure on its previous one (counts: the difference, "up 13"). */
function rowChange(cells: readonly Cell[], ctx: Context, withPercent: boolean): Change | undefined {
  if (!ctx.previous) return undefined;
  return changeOn(
    cells[0]!.value,
    cells[1]!.value,
    { measure: 'difference', withPercent },
    ctx.m,
    ctx.a.changeWithPercent,
  );
}

/** Sectors, in the order the data first gives them for the years shown; sorted by the latest year unless `data`. */
function sectorRowsOf(ctx: Context, sort: SortOrder): SectorRow[] {
  const { main, years, figures } = ctx;
  const shown = new Set(years.map((y) => y.startYear));
  const names = ctx.rows
    .filter((r) => r.row.measure === main.id && r.sector && shown.has(r.row.period.startYear))
    .map((r) => r.sector);
  const sectors = [...new Set(names)].map((sector): SectorRow => {
    const cells = years.map((y) =>
      withStatus(
        countCell(figures.get(main.id, sector, '', y.startYear)),
        figures.status(main.id, sector, '', y.startYear),
      ),
    );
    const change = rowChange(cells, ctx, false);
    return { sector, cells, ...(change ? { change } : {}) };
  });
  if (sort === 'value') {
    const rank = (row: SectorRow) => (isNumber(row.cells[0]!.value) ? row.cells[0]!.value : -Infinity);
    // Array.prototype.sort is stable: ties keep data order.
    sectors.sort((x, y) => rank(y) - rank(x));
  }
  return sectors;
}

/** Totals: the data's stated total where it gives one (checked against the sectors), else the sum of the sectors present. */
function totalRowOf(ctx: Context, sectors: readonly SectorRow[]): SectorRow {
  const { main, figures } = ctx;
  const cells = ctx.years.map((y, i) => {
    const present = sectors.map((row) => row.cells[i]!).filter((c) => !c.missing);
    const sum = sumValues(present.map((c) => c.value));
    const stated = figures.get(main.id, '', '', y.startYear);
    if (stated !== undefined && isNumber(stated) && isNumber(sum) && stated !== sum) {
      ctx.quality.push((mm) =>
        attendanceMessages(catalogueLang(mm)).qualityTotal(main.label, y.label, formatCount(stated), formatCount(sum)),
      );
    }
    const status =
      stated !== undefined
        ? figures.status(main.id, '', '', y.startYear)
        : combinedStatus(present.map((c) => c.status));
    return withStatus(countCell(stated ?? sum), status);
  });
  const change = rowChange(cells, ctx, true);
  return { sector: ctx.a.total, cells, ...(change ? { change } : {}) };
}

/** Numbered footnotes for the measures shown that have a definition, the same definition numbered once. */
class Footnotes {
  readonly definitions: { n: number; label: string; text: string }[] = [];

  of(d: MeasureDef): number | undefined {
    if (!d.definition) return undefined;
    const known = this.definitions.find((x) => x.label === d.label && x.text === d.definition);
    if (known) return known.n;
    const n = this.definitions.length + 1;
    this.definitions.push({ n, label: d.label, text: d.definition });
    return n;
  }
}

/** Values (then statuses) of one year's format table, by measure id: one per format, then the total. */
interface FormatValues {
  readonly values: Map<string, Value[]>;
  readonly statuses: Map<string, (Status | undefined)[]>;
}

/** The counted (not derived) columns of one year: per format and their total, checked against the sector total. */
function countedColumns(
  ctx: Context,
  columns: readonly FormatColumn[],
  formatNames: string[],
  y: YearColumn,
  total: Value,
) {
  const { figures } = ctx;
  const out: FormatValues = { values: new Map(), statuses: new Map() };
  const raw = (id: string, format: string) => figures.get(id, '', format, y.startYear);
  for (const { measure: d, kind } of columns) {
    if (d.numerator && d.denominator) continue;
    const perFormat = formatNames.map((f) => {
      const v = raw(d.id, f) ?? MISSING;
      return kind === 'percent' && isNumber(v) ? v / 100 : v;
    });
    const sum = kind === 'count' ? sumValues(perFormat) : (raw(d.id, '') ?? MISSING);
    const perFormatStatus = formatNames.map((f) => figures.status(d.id, '', f, y.startYear));
    out.statuses.set(d.id, [
      ...perFormatStatus,
      kind === 'count' ? combinedStatus(perFormatStatus) : figures.status(d.id, '', '', y.startYear),
    ]);
    if (kind === 'count') {
      const reference = d.id === ctx.main.id ? total : raw(d.id, '');
      if (reference !== undefined && isNumber(reference) && isNumber(sum) && reference !== sum) {
        ctx.quality.push((mm) =>
          attendanceMessages(catalogueLang(mm)).qualityFormats(
            d.label,
            y.label,
            formatCount(sum),
            formatCount(reference),
          ),
        );
      }
    }
    out.values.set(d.id, [...perFormat, sum]);
  }
  return out;
}

/** A derived figure the data states, checked against the one worked out from the counts. */
function checkDerived(ctx: Context, column: FormatColumn, where: string, stated: Value | undefined, parts: Value[]) {
  const [value, num, den] = parts as [Value, Value, Value];
  const d = column.measure;
  if (!isNumber(stated) || !isNumber(value)) return;
  const shownValue = column.kind === 'percent' ? value * 100 : value;
  if (Math.abs(stated - shownValue) <= 0.5 * 10 ** -d.decimals + 1e-9) return;
  const statedText =
    column.kind === 'percent' ? `${formatDecimal(stated, d.decimals)}%` : formatDecimal(stated, d.decimals);
  const derivedText = cellOf(value, column.kind, d.decimals).text;
  const n = formatCount(num as number);
  const dd = formatCount(den as number);
  ctx.quality.push((mm) =>
    attendanceMessages(catalogueLang(mm)).qualityDerived(d.label, where, statedText, derivedText, n, dd),
  );
}

/** The derived columns (an average per meeting): worked out from the counts, never averaged. */
function derivedColumns(
  ctx: Context,
  columns: readonly FormatColumn[],
  formatNames: string[],
  y: YearColumn,
  out: FormatValues,
) {
  const missing = formatNames.map(() => MISSING);
  for (const column of columns) {
    const d = column.measure;
    if (!d.numerator || !d.denominator) continue;
    const num = out.values.get(d.numerator) ?? missing;
    const den = out.values.get(d.denominator) ?? missing;
    const derived = [...formatNames, ''].map((f, i) => {
      const value = ratio(num[i], den[i]);
      const where = `${f ? formatLabel(f, ctx.a) : ctx.a.allFormats}, ${y.label}`;
      checkDerived(ctx, column, where, ctx.figures.get(d.id, '', f, y.startYear), [value, num[i]!, den[i]!]);
      return value;
    });
    out.values.set(d.id, derived);
    const numStatus = out.statuses.get(d.numerator) ?? [];
    const denStatus = out.statuses.get(d.denominator) ?? [];
    out.statuses.set(
      d.id,
      derived.map((_, i) => combinedStatus([numStatus[i], denStatus[i]])),
    );
  }
}

/** One year's rows of the format table: a row per format, then "All meetings" when there are several. */
function formatGroupOf(
  ctx: Context,
  columns: readonly FormatColumn[],
  formatNames: string[],
  y: YearColumn,
  total: Value,
): FormatGroup {
  const out = countedColumns(ctx, columns, formatNames, y, total);
  derivedColumns(ctx, columns, formatNames, y, out);
  const cellsAt = (i: number) =>
    columns.map((c) =>
      withStatus(
        cellOf(out.values.get(c.measure.id)![i]!, c.kind, c.measure.decimals),
        out.statuses.get(c.measure.id)?.[i],
      ),
    );
  const rows: FormatRow[] = formatNames.map((f, i) => ({
    format: f,
    label: formatLabel(f, ctx.a),
    total: false,
    cells: cellsAt(i),
  }));
  if (formatNames.length > 1) {
    rows.push({ format: '', label: ctx.a.allFormats, total: true, cells: cellsAt(formatNames.length) });
  }
  return { year: y.label, rows };
}

/** The measures of the format table: those given by format, and those derived from two of them. */
function formatMeasures(ctx: Context): MeasureDef[] {
  const shown = new Set(ctx.years.map((y) => y.startYear));
  const ids = new Set(ctx.rows.filter((r) => r.format && shown.has(r.row.period.startYear)).map((r) => r.row.measure));
  return ctx.dataset.measures.filter((d) =>
    d.numerator && d.denominator ? ids.has(d.numerator) && ids.has(d.denominator) : ids.has(d.id),
  );
}

/** Meetings, attendances and averages by meeting format, a group per year; undefined when the data has none. */
function formatTableOf(
  ctx: Context,
  measures: readonly MeasureDef[],
  total: SectorRow,
  notes: Footnotes,
): FormatTable | undefined {
  if (!measures.length) return undefined;
  const shown = new Set(ctx.years.map((y) => y.startYear));
  const formatNames = [
    ...new Set(ctx.rows.filter((r) => r.format && shown.has(r.row.period.startYear)).map((r) => r.format)),
  ];
  const columns: FormatColumn[] = measures.map((d) => {
    const n = notes.of(d);
    return { measure: d, kind: kindOf(d), ...(n ? { footnote: n } : {}) };
  });
  const groups = ctx.years.map((y, yi) => formatGroupOf(ctx, columns, formatNames, y, total.cells[yi]!.value));
  return { columns, groups };
}

/** Figures kept apart: other measures' rows with neither sector nor format (a one-off event). */
function separateFigures(ctx: Context, inTable: ReadonlySet<string>, notes: Footnotes): SeparateFigure[] {
  const separate: SeparateFigure[] = [];
  for (const d of ctx.dataset.measures) {
    if (inTable.has(d.id) || (d.numerator && d.denominator)) continue;
    for (const y of ctx.years) {
      const v = ctx.figures.get(d.id, '', '', y.startYear);
      if (v === undefined) continue;
      const kind = kindOf(d);
      const cell = withStatus(
        cellOf(kind === 'percent' && isNumber(v) ? v / 100 : v, kind, d.decimals),
        ctx.figures.status(d.id, '', '', y.startYear),
      );
      const n = notes.of(d);
      separate.push({ measure: d, year: y.label, cell, ...(n ? { footnote: n } : {}) });
    }
  }
  return separate;
}

/** The bars, in reading order: sectors top to bottom, the latest year first in each, each with its accessible label. */
function barsOf(ctx: Context, sectors: readonly SectorRow[]): Bar[] {
  const { a, m } = ctx;
  return sectors.flatMap((row) =>
    ctx.years.map((y, i): Bar => {
      const cell = row.cells[i]!;
      const label = isSymbol(cell.value)
        ? a.barSymbol(row.sector, y.label, cell.text, m.symbols[cell.value.symbol])
        : a.barLabel(
            row.sector,
            y.label,
            cell.status ? `${cell.text} (${m.statusWord[cell.status]})` : cell.text,
            ctx.main.label,
          );
      return { sector: row.sector, year: y.key, role: y.role, value: cell.value, text: cell.text, label };
    }),
  );
}

/**
 * The summary's first sentence: the latest total as a trend over the years
 * shown ("Attendances fell to 348 in 2024-25, down 24 (6.5%) on 2023-24."),
 * judged by the measure's polarity.
 */
function totalSentence(ctx: Context, total: SectorRow): string {
  const { a, m, main } = ctx;
  const latestKey = ctx.years[0]!.label;
  const latest = total.cells[0]!;
  if (isSymbol(latest.value)) {
    return a.summaryTotalSymbol(main.label, latestKey, latest.text, m.symbols[latest.value.symbol]);
  }
  const change = total.change && total.change.direction !== 'none' ? total.change : undefined;
  // The years are newest first; a trend reads oldest first.
  const points = ctx.years
    .map((y, i) => ({ label: y.label, value: total.cells[i]!.value, text: total.cells[i]!.text }))
    .reverse();
  const options = { kind: 'count' as const, polarity: main.polarity, ...(change ? { changeText: change.text } : {}) };
  return describeTrend(measureName(main.label, 'count', ctx.lang), points, options, m, ctx.lang)!.text;
}

/** The largest rise and fall on the previous year (or that every sector was the same). */
function changeSentences(ctx: Context, sectors: readonly SectorRow[]): string[] {
  const { a, previous } = ctx;
  if (!previous) return [];
  const compared = sectors.filter((row) => row.change?.amount !== undefined);
  if (!compared.length) return [];
  const amounts = compared.map((row) => row.change!.amount!);
  const list = (amount: number) =>
    compared
      .filter((row) => row.change!.amount === amount)
      .map((row) => a.summaryChangeItem(row.sector, row.change!.text, row.cells[0]!.text));
  const most = maxOf(amounts);
  const least = minOf(amounts);
  const sentences: string[] = [];
  if (most > 0) {
    const top = list(most);
    sentences.push(a.summaryRise(joinList(ctx.lang, top), top.length));
  }
  if (least < 0) {
    const bottom = list(least);
    sentences.push(a.summaryFall(joinList(ctx.lang, bottom), bottom.length));
  }
  if (most === 0 && least === 0) sentences.push(a.summarySame(ctx.main.label, previous.label));
  return sentences;
}

/** Sectors with no attendance, no figure, or a symbol in the latest year. */
function gapSentences(ctx: Context, sectors: readonly SectorRow[]): string[] {
  const { a, m, lang } = ctx;
  const latestKey = ctx.years[0]!.label;
  const sentences: string[] = [];
  const none = sectors.filter((row) => row.cells[0]!.value === 0).map((row) => row.sector);
  if (none.length) sentences.push(a.summaryNone(joinList(lang, none), latestKey));
  const missing = sectors.filter((row) => row.cells[0]!.missing).map((row) => row.sector);
  if (missing.length) sentences.push(a.summaryMissing(joinList(lang, missing), latestKey));
  const bySymbol = new Map<SymbolCode, string[]>();
  for (const row of sectors) {
    const { value, missing: absent } = row.cells[0]!;
    if (isSymbol(value) && !absent) bySymbol.set(value.symbol, [...(bySymbol.get(value.symbol) ?? []), row.sector]);
  }
  for (const [code, names] of bySymbol) {
    sentences.push(a.summarySymbol(joinList(lang, names), latestKey, `[${code}]`, m.symbols[code]));
  }
  return sentences;
}

/** The latest year's figures by format (the derived columns, else the first), and the figures counted separately. */
function formatSentences(
  ctx: Context,
  formats: FormatTable | undefined,
  separate: readonly SeparateFigure[],
): string[] {
  const { a } = ctx;
  const latestKey = ctx.years[0]!.label;
  const sentences: string[] = [];
  if (formats) {
    const derived = formats.columns.filter((c) => c.measure.numerator);
    const latestGroup = formats.groups[0]!;
    for (const column of derived.length ? derived : formats.columns.slice(0, 1)) {
      const i = formats.columns.indexOf(column);
      const parts = latestGroup.rows.filter((r) => !r.total).map((r) => `${r.label} ${r.cells[i]!.text}`);
      sentences.push(a.summaryFormats(column.measure.label, latestKey, parts.join(', ')));
    }
  }
  for (const figure of separate.filter((s) => s.year === latestKey)) {
    sentences.push(a.summarySeparate(figure.measure.label, figure.year, figure.cell.text));
  }
  return sentences;
}

/** The CSV: exactly the tables shown, one block each, a blank row between. */
function csvOf(
  ctx: Context,
  tables: Pick<AttendanceModel, 'sectors' | 'formats' | 'separate' | 'changeLabel'> & { total: SectorRow },
): string[][] {
  const { a, main, years } = ctx;
  const { formats, separate, changeLabel } = tables;
  const csv: string[][] = [
    [a.sector, ...years.map((y) => `${main.label}, ${y.label} (${y.note})`), ...(changeLabel ? [changeLabel] : [])],
    ...[...tables.sectors, tables.total].map((row) => [
      row.sector,
      ...row.cells.map((c) => csvFigure(c.value, 'count', 1, c.status)),
      ...(changeLabel ? [row.change?.text ?? ''] : []),
    ]),
  ];
  if (formats) {
    csv.push([], [a.year, a.format, ...formats.columns.map((c) => csvLabel(c.measure.label, c.kind))]);
    for (const group of formats.groups) {
      for (const row of group.rows) {
        const cells = row.cells.map((c, i) => {
          const column = formats.columns[i]!;
          return csvFigure(c.value, column.kind, column.measure.decimals, c.status);
        });
        csv.push([group.year, row.label, ...cells]);
      }
    }
  }
  if (separate.length) {
    csv.push([], [a.separate, a.year, a.figure]);
    for (const s of separate) {
      csv.push([
        csvLabel(s.measure.label, kindOf(s.measure)),
        s.year,
        csvFigure(s.cell.value, kindOf(s.measure), s.measure.decimals, s.cell.status),
      ]);
    }
  }
  return csv;
}

/** Every cell shown, in the order of the tables: for the key to symbols and status marks (a missing [x] counts too). */
function shownCells(
  sectors: readonly SectorRow[],
  total: SectorRow,
  formats: FormatTable | undefined,
  separate: readonly SeparateFigure[],
): Cell[] {
  return [
    ...sectors.flatMap((row) => row.cells),
    ...total.cells,
    ...(formats?.groups.flatMap((g) => g.rows.flatMap((r) => r.cells)) ?? []),
    ...separate.map((s) => s.cell),
  ];
}

/** The context for a dataset and the options, or the empty model when there is nothing to show by sector. */
function contextOf(
  dataset: Dataset,
  m: Messages,
  lang: Lang,
  options: AttendanceOptions,
  sort: SortOrder,
): Context | AttendanceModel {
  const a = attendanceMessages(lang);
  const rows = dataset.rows.map(classify).filter((r): r is Classified => r !== undefined);
  const measure = chooseMeasure(dataset, rows, options.measure);
  const requested = options.year ? parseYearOption(options.year) : undefined;
  if (!measure) return emptyModel(sort, requested === undefined ? m.empty : m.emptyYear(yearKey(requested)));
  const main = measure;
  // Rows by sector, with or without a format (by sector and format, they add up over the formats).
  const sectorRows = rows.filter((r) => r.row.measure === main.id && r.sector);
  if (!sectorRows.length) return emptyModel(sort, a.emptyMeasure(main.label));
  const available = [...new Set(sectorRows.map((r) => r.row.period.startYear))].sort((x, y) => x - y);
  const latest = requested ?? available[available.length - 1]!;
  if (!available.includes(latest)) return emptyModel(sort, m.emptyYear(yearKey(latest)));
  const years = yearColumns(dataset, latest, available, a);
  const shown = new Set(years.map((y) => y.startYear));
  const figures = new Figures();
  for (const r of rows) if (shown.has(r.row.period.startYear)) figures.add(r.row, r.sector, r.format);
  return { dataset, m, lang, a, rows, main, years, ...(years[1] ? { previous: years[1] } : {}), figures, quality: [] };
}

/**
 * Rows of the years shown that no table uses, named in a note: rows with
 * another dimension (an area), another measure's figures by sector, and a
 * derived measure's stated figures when its parts are not given by format.
 */
function attendanceOmitted(ctx: Context, formatIds: ReadonlySet<string>, separateIds: ReadonlySet<string>) {
  const { a, main, dataset } = ctx;
  const shown = new Set(ctx.years.map((y) => y.startYear));
  const labelOf = (id: string | undefined) => dataset.measures.find((d) => d.id === id)?.label ?? id ?? '';
  const otherDimension = () => a.notShownOtherDimension;
  const otherMeasure = () => a.notShownOtherMeasure(main.label);
  const derived = new Map<string, OmitReason>();
  const measures = new Map(dataset.measures.map((d) => [d.id, d]));
  return omittedNotes(dataset, (row) => {
    if (!shown.has(row.period.startYear)) return undefined;
    const c = classify(row);
    if (!c) return otherDimension;
    if (row.measure === main.id || formatIds.has(row.measure)) return undefined;
    if (c.sector) return otherMeasure;
    const d = measures.get(row.measure);
    if (d?.numerator && d.denominator) {
      let reason = derived.get(d.id);
      if (!reason) {
        const [n, dn] = [labelOf(d.numerator), labelOf(d.denominator)];
        derived.set(d.id, (reason = () => a.notShownDerived(n, dn)));
      }
      return reason;
    }
    return c.format && !separateIds.has(row.measure) ? otherMeasure : undefined;
  });
}

export function buildAttendanceModel(
  dataset: Dataset,
  m: Messages,
  lang: Lang,
  options: AttendanceOptions = {},
): AttendanceModel {
  const sort = parseSort(options.sort);
  const ctx = contextOf(dataset, m, lang, options, sort);
  if (!('main' in ctx)) {
    // Nothing by sector: the figures the data does have are named, so they do not vanish without a word.
    const a = attendanceMessages(lang);
    const noSector = () => a.notShownNoSector;
    return { ...ctx, omitted: omittedNotes(dataset, (row) => (classify(row)?.sector ? undefined : noSector)) };
  }
  const { a, main, years, previous } = ctx;
  const sectors = sectorRowsOf(ctx, sort);
  const total = totalRowOf(ctx, sectors);
  const notes = new Footnotes();
  const footnote = notes.of(main);
  const measures = formatMeasures(ctx);
  const formats = formatTableOf(ctx, measures, total, notes);
  const formatIds = new Set(measures.map((d) => d.id));
  const separate = separateFigures(ctx, new Set([main.id, ...formatIds]), notes);
  const omitted = attendanceOmitted(ctx, formatIds, new Set(separate.map((s) => s.measure.id)));
  const changeLabel = previous ? m.changeOn(previous.label) : undefined;
  const cells = shownCells(sectors, total, formats, separate);
  return {
    measure: main,
    ...(footnote ? { footnote } : {}),
    sort,
    period: a.period(years[0]!.label, previous?.label),
    years,
    sectors,
    total,
    ...(changeLabel ? { changeLabel } : {}),
    bars: barsOf(ctx, sectors),
    ...(formats ? { formats } : {}),
    separate,
    summary: [
      totalSentence(ctx, total),
      ...changeSentences(ctx, sectors),
      ...gapSentences(ctx, sectors),
      ...formatSentences(ctx, formats, separate),
    ],
    definitions: notes.definitions,
    symbols: symbolsUsed(cells.map((c) => c.value)),
    statuses: statusesUsed(cells.map((c) => c.status)),
    omitted,
    quality: ctx.quality,
    csv: csvOf(ctx, { sectors, total, formats, separate, changeLabel }),
  };
}
