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
import { WidgetError, type Dataset, type DataRow, type MeasureDef, type Problem } from '../core/contract.js';
import { csvNumber } from '../core/csv.js';
import { formatCount, formatDecimal, formatPercent } from '../core/format.js';
import type { Lang, Messages } from '../core/messages.js';
import { YEAR_ROLES, type YearRole } from '../core/palette.js';
import { isPeriod, makePeriod, parsePeriod, periodLabel, yearKey } from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import {
  isNumber,
  isSymbol,
  ratio,
  strongestSymbol,
  sumValues,
  symbol,
  symbolsUsed,
  type SymbolCode,
  type Value,
} from '../core/symbols.js';
import type { FigureModel } from '../core/widget.js';
import { attendanceMessages, type AttendanceMessages } from './messages.js';

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

export interface Change {
  readonly direction: 'up' | 'down' | 'same' | 'none';
  /** "up 13", "down 24 (6.5%)", "no change", "[c]". */
  readonly text: string;
  readonly amount?: number;
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

function parseYear(text: string): number {
  const p = parsePeriod(text);
  if (!isPeriod(p) || p.quarter) throw new WidgetError('config', [(m) => m.errors.badYear(text)]);
  return p.startYear;
}

function parseSort(text: string | undefined): SortOrder {
  const sort = (text ?? '').trim().toLowerCase();
  if (sort === '' || sort === 'value') return 'value';
  if (sort === 'data') return 'data';
  throw new WidgetError('config', [(m) => attendanceMessages(m).errors.badSort(text ?? '')]);
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
  if (isSymbol(value)) return { value, text: `[${value.symbol}]` };
  const text =
    kind === 'percent'
      ? formatPercent(value, decimals)
      : kind === 'ratio'
        ? formatDecimal(value, decimals)
        : formatCount(value);
  return { value, text };
}

/** A figure for the CSV (see core/csv.ts): plain digits (no separators), rates in percent, symbols in brackets. */
function csvFigure(cell: Cell, kind: FormatColumn['kind'] = 'count', decimals = 1): string {
  if (isSymbol(cell.value)) return cell.text;
  const mark = statusMark(cell.status);
  if (kind === 'percent') return csvNumber(cell.value * 100, decimals) + mark;
  return csvNumber(cell.value, kind === 'ratio' ? decimals : undefined) + mark;
}

function changeOf(latest: Value, previous: Value, m: Messages, a: AttendanceMessages, withPercent: boolean): Change {
  const sym = strongestSymbol([latest, previous]);
  if (sym) return { direction: 'none', text: `[${sym.symbol}]` };
  const amount = (latest as number) - (previous as number);
  if (amount === 0) return { direction: 'same', text: m.noChange, amount };
  const size = formatCount(Math.abs(amount));
  const words = amount > 0 ? m.up(size) : m.down(size);
  const fraction = Math.abs(amount) / (previous as number);
  const text =
    withPercent && previous !== 0 && Number.isFinite(fraction)
      ? a.changeWithPercent(words, formatPercent(fraction))
      : words;
  return { direction: amount > 0 ? 'up' : 'down', text, amount };
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

export function buildAttendanceModel(
  dataset: Dataset,
  m: Messages,
  lang: Lang,
  options: AttendanceOptions = {},
): AttendanceModel {
  const a = attendanceMessages(lang);
  const sort = parseSort(options.sort);
  const rows = dataset.rows.map(classify).filter((r): r is Classified => r !== undefined);

  // The measure shown by sector.
  let measure: MeasureDef | undefined;
  if (options.measure) {
    const wanted = options.measure.trim();
    measure = dataset.measures.find((d) => d.id === wanted);
    if (!measure) {
      const known = dataset.measures.map((d) => d.id).join(', ');
      throw new WidgetError('config', [(mm) => attendanceMessages(mm).errors.unknownMeasure(wanted, known)]);
    }
  } else {
    const withSectors = new Set(rows.filter((r) => r.sector).map((r) => r.row.measure));
    measure = dataset.measures.find((d) => withSectors.has(d.id));
  }
  const requested = options.year ? parseYear(options.year) : undefined;
  if (!measure) return emptyModel(sort, requested === undefined ? m.empty : m.emptyYear(yearKey(requested)));
  const main = measure;

  // Rows by sector, with or without a format (by sector and format, they add up over the formats).
  const sectorRows = rows.filter((r) => r.row.measure === main.id && r.sector);
  if (!sectorRows.length) return emptyModel(sort, a.emptyMeasure(main.label));
  const available = [...new Set(sectorRows.map((r) => r.row.period.startYear))].sort((x, y) => x - y);
  const latest = requested ?? available[available.length - 1]!;
  if (!available.includes(latest)) return emptyModel(sort, m.emptyYear(yearKey(latest)));
  const startYears = available.includes(latest - 1) ? [latest, latest - 1] : [latest];
  const years: YearColumn[] = startYears.map((y, i) => ({
    key: yearKey(y),
    label: periodLabel(makePeriod(y), dataset.yearStartMonth, dataset.periodLabels),
    startYear: y,
    role: YEAR_ROLES[i]!,
    note: i === 0 ? a.latestYear : a.previousYear,
  }));
  const shown = new Set(startYears);
  const previous = years[1];

  const figures = new Figures();
  for (const r of rows) if (shown.has(r.row.period.startYear)) figures.add(r.row, r.sector, r.format);

  const quality: Problem[] = [];
  const allValues: Value[] = [];
  const allStatuses: (Status | undefined)[] = [];

  // Sectors, in the order the data first gives them for the years shown.
  const sectorNames = [...new Set(sectorRows.filter((r) => shown.has(r.row.period.startYear)).map((r) => r.sector))];
  const sectors: SectorRow[] = sectorNames.map((sector) => {
    const cells = years.map((y) =>
      withStatus(
        countCell(figures.get(main.id, sector, '', y.startYear)),
        figures.status(main.id, sector, '', y.startYear),
      ),
    );
    const change = previous ? changeOf(cells[0]!.value, cells[1]!.value, m, a, false) : undefined;
    return { sector, cells, ...(change ? { change } : {}) };
  });
  if (sort === 'value') {
    const rank = (row: SectorRow) => (isNumber(row.cells[0]!.value) ? row.cells[0]!.value : -Infinity);
    // Array.prototype.sort is stable: ties keep data order.
    sectors.sort((x, y) => rank(y) - rank(x));
  }
  // Every cell shown counts for the symbol key, a missing one ([x]) too.
  for (const row of sectors) for (const c of row.cells) allValues.push(c.value);
  for (const row of sectors) for (const c of row.cells) allStatuses.push(c.status);

  // Totals: the data's stated total where it gives one, else the sum of the sectors present.
  const totalCells = years.map((y, i) => {
    const present = sectors.map((row) => row.cells[i]!).filter((c) => !c.missing);
    const sum = sumValues(present.map((c) => c.value));
    const stated = figures.get(main.id, '', '', y.startYear);
    if (stated !== undefined && isNumber(stated) && isNumber(sum) && stated !== sum) {
      quality.push((mm) =>
        attendanceMessages(mm).qualityTotal(main.label, y.label, formatCount(stated), formatCount(sum)),
      );
    }
    const status =
      stated !== undefined
        ? figures.status(main.id, '', '', y.startYear)
        : combinedStatus(present.map((c) => c.status));
    return withStatus(countCell(stated ?? sum), status);
  });
  for (const c of totalCells) allValues.push(c.value);
  for (const c of totalCells) allStatuses.push(c.status);
  const total: SectorRow = {
    sector: a.total,
    cells: totalCells,
    ...(previous ? { change: changeOf(totalCells[0]!.value, totalCells[1]!.value, m, a, true) } : {}),
  };

  // Definitions: numbered footnotes for the measures shown that have one.
  const definitions: { n: number; label: string; text: string }[] = [];
  const footnoteOf = (d: MeasureDef): number | undefined => {
    if (!d.definition) return undefined;
    const known = definitions.find((x) => x.label === d.label && x.text === d.definition);
    if (known) return known.n;
    const n = definitions.length + 1;
    definitions.push({ n, label: d.label, text: d.definition });
    return n;
  };
  const footnote = footnoteOf(main);

  // Meeting formats.
  const formatRows = rows.filter((r) => r.format && shown.has(r.row.period.startYear));
  const formatMeasureIds = new Set(formatRows.map((r) => r.row.measure));
  const columnMeasures = dataset.measures.filter((d) =>
    d.numerator && d.denominator
      ? formatMeasureIds.has(d.numerator) && formatMeasureIds.has(d.denominator)
      : formatMeasureIds.has(d.id),
  );
  let formats: FormatTable | undefined;
  if (columnMeasures.length) {
    const formatNames = [...new Set(formatRows.map((r) => r.format))];
    const columns: FormatColumn[] = columnMeasures.map((d) => {
      const n = footnoteOf(d);
      return { measure: d, kind: kindOf(d), ...(n ? { footnote: n } : {}) };
    });
    const groups: FormatGroup[] = years.map((y, yi) => {
      const values = new Map<string, Value[]>(); // measure id → value per format (then the total)
      const statuses = new Map<string, (Status | undefined)[]>(); // the same, their statuses
      const raw = (id: string, format: string) => figures.get(id, '', format, y.startYear);
      for (const column of columns) {
        const d = column.measure;
        if (d.numerator && d.denominator) continue;
        const perFormat = formatNames.map((f) => {
          const v = raw(d.id, f) ?? MISSING;
          return column.kind === 'percent' && isNumber(v) ? v / 100 : v;
        });
        const total = column.kind === 'count' ? sumValues(perFormat) : (raw(d.id, '') ?? MISSING);
        const perFormatStatus = formatNames.map((f) => figures.status(d.id, '', f, y.startYear));
        statuses.set(d.id, [
          ...perFormatStatus,
          column.kind === 'count' ? combinedStatus(perFormatStatus) : figures.status(d.id, '', '', y.startYear),
        ]);
        if (column.kind === 'count') {
          const reference = d.id === main.id ? totalCells[yi]!.value : raw(d.id, '');
          if (reference !== undefined && isNumber(reference) && isNumber(total) && reference !== total) {
            quality.push((mm) =>
              attendanceMessages(mm).qualityFormats(d.label, y.label, formatCount(total), formatCount(reference)),
            );
          }
        }
        values.set(d.id, [...perFormat, total]);
      }
      for (const column of columns) {
        const d = column.measure;
        if (!d.numerator || !d.denominator) continue;
        const num = values.get(d.numerator) ?? formatNames.map(() => MISSING);
        const den = values.get(d.denominator) ?? formatNames.map(() => MISSING);
        const derived = [...formatNames, ''].map((f, i) => {
          const value = ratio(num[i], den[i]);
          const stated = raw(d.id, f);
          if (isNumber(stated) && isNumber(value)) {
            const shownValue = column.kind === 'percent' ? value * 100 : value;
            if (Math.abs(stated - shownValue) > 0.5 * 10 ** -d.decimals + 1e-9) {
              const where = `${f ? formatLabel(f, a) : a.allFormats}, ${y.label}`;
              const n = num[i] as number;
              const dd = den[i] as number;
              const statedText =
                column.kind === 'percent' ? `${formatDecimal(stated, d.decimals)}%` : formatDecimal(stated, d.decimals);
              const derivedText = cellOf(value, column.kind, d.decimals).text;
              quality.push((mm) =>
                attendanceMessages(mm).qualityDerived(
                  d.label,
                  where,
                  statedText,
                  derivedText,
                  formatCount(n),
                  formatCount(dd),
                ),
              );
            }
          }
          return value;
        });
        values.set(d.id, derived);
        const numStatus = statuses.get(d.numerator) ?? [];
        const denStatus = statuses.get(d.denominator) ?? [];
        statuses.set(
          d.id,
          derived.map((_, i) => combinedStatus([numStatus[i], denStatus[i]])),
        );
      }
      const rowsOut: FormatRow[] = formatNames.map((f, i) => ({
        format: f,
        label: formatLabel(f, a),
        total: false,
        cells: columns.map((c) =>
          withStatus(
            cellOf(values.get(c.measure.id)![i]!, c.kind, c.measure.decimals),
            statuses.get(c.measure.id)?.[i],
          ),
        ),
      }));
      if (formatNames.length > 1) {
        rowsOut.push({
          format: '',
          label: a.allFormats,
          total: true,
          cells: columns.map((c) =>
            withStatus(
              cellOf(values.get(c.measure.id)![formatNames.length]!, c.kind, c.measure.decimals),
              statuses.get(c.measure.id)?.[formatNames.length],
            ),
          ),
        });
      }
      for (const r of rowsOut) for (const c of r.cells) allValues.push(c.value);
      for (const r of rowsOut) for (const c of r.cells) allStatuses.push(c.status);
      return { year: y.label, rows: rowsOut };
    });
    formats = { columns, groups };
  }

  // Figures kept apart: other measures' rows with neither sector nor format (a one-off event).
  const inTable = new Set([main.id, ...columnMeasures.map((d) => d.id)]);
  const separate: SeparateFigure[] = [];
  for (const d of dataset.measures) {
    if (inTable.has(d.id) || (d.numerator && d.denominator)) continue;
    for (const y of years) {
      const v = figures.get(d.id, '', '', y.startYear);
      if (v === undefined) continue;
      const kind = kindOf(d);
      const cell = withStatus(
        cellOf(kind === 'percent' && isNumber(v) ? v / 100 : v, kind, d.decimals),
        figures.status(d.id, '', '', y.startYear),
      );
      const n = footnoteOf(d);
      separate.push({ measure: d, year: y.label, cell, ...(n ? { footnote: n } : {}) });
      allValues.push(cell.value);
      allStatuses.push(cell.status);
    }
  }

  // Bars, in reading order.
  const bars: Bar[] = [];
  for (const row of sectors) {
    years.forEach((y, i) => {
      const cell = row.cells[i]!;
      const label = isSymbol(cell.value)
        ? a.barSymbol(row.sector, y.label, cell.text, m.symbols[cell.value.symbol])
        : a.barLabel(
            row.sector,
            y.label,
            cell.status ? `${cell.text} (${m.statusWord[cell.status]})` : cell.text,
            main.label,
          );
      bars.push({ sector: row.sector, year: y.key, role: y.role, value: cell.value, text: cell.text, label });
    });
  }

  const changeLabel = previous ? m.changeOn(previous.label) : undefined;
  /** The latest year as readers see it (every text below names years by their labels). */
  const latestKey = years[0]!.label;

  // The summary: the chart's text alternative.
  const summary: string[] = [];
  const totalChange = total.change && total.change.direction !== 'none' ? total.change : undefined;
  const latestTotal = totalCells[0]!.value;
  summary.push(
    isSymbol(latestTotal)
      ? a.summaryTotalSymbol(main.label, latestKey, totalCells[0]!.text, m.symbols[latestTotal.symbol])
      : a.summaryTotal(main.label, latestKey, totalCells[0]!.text) +
          (totalChange && previous ? a.summaryTotalChange(totalChange.text, previous.label, totalCells[1]!.text) : '') +
          '.',
  );
  if (previous) {
    const compared = sectors.filter((row) => row.change?.amount !== undefined);
    const amounts = compared.map((row) => row.change!.amount!);
    const item = (row: SectorRow) => a.summaryChangeItem(row.sector, row.change!.text, row.cells[0]!.text);
    const most = maxOf(amounts);
    const least = minOf(amounts);
    if (compared.length && most > 0) {
      const top = compared.filter((row) => row.change!.amount === most);
      summary.push(a.summaryRise(a.list(top.map(item)), top.length));
    }
    if (compared.length && least < 0) {
      const bottom = compared.filter((row) => row.change!.amount === least);
      summary.push(a.summaryFall(a.list(bottom.map(item)), bottom.length));
    }
    if (compared.length && most === 0 && least === 0) summary.push(a.summarySame(main.label, previous.label));
  }
  const none = sectors.filter((row) => row.cells[0]!.value === 0).map((row) => row.sector);
  if (none.length) summary.push(a.summaryNone(a.list(none), latestKey));
  const missing = sectors.filter((row) => row.cells[0]!.missing).map((row) => row.sector);
  if (missing.length) summary.push(a.summaryMissing(a.list(missing), latestKey));
  const bySymbol = new Map<SymbolCode, string[]>();
  for (const row of sectors) {
    const { value, missing: absent } = row.cells[0]!;
    if (isSymbol(value) && !absent) bySymbol.set(value.symbol, [...(bySymbol.get(value.symbol) ?? []), row.sector]);
  }
  for (const [code, names] of bySymbol) {
    summary.push(a.summarySymbol(a.list(names), latestKey, `[${code}]`, m.symbols[code]));
  }
  if (formats) {
    const derivedColumns = formats.columns.filter((c) => c.measure.numerator);
    const latestGroup = formats.groups[0]!;
    for (const column of derivedColumns.length ? derivedColumns : formats.columns.slice(0, 1)) {
      const i = formats.columns.indexOf(column);
      const parts = latestGroup.rows.filter((r) => !r.total).map((r) => `${r.label} ${r.cells[i]!.text}`);
      summary.push(a.summaryFormats(column.measure.label, latestKey, parts.join(', ')));
    }
  }
  for (const figure of separate.filter((s) => s.year === latestKey)) {
    summary.push(a.summarySeparate(figure.measure.label, figure.year, figure.cell.text));
  }

  // The CSV: exactly the tables shown, one block each, a blank row between.
  const csv: string[][] = [
    [a.sector, ...years.map((y) => `${main.label}, ${y.label} (${y.note})`), ...(changeLabel ? [changeLabel] : [])],
    ...[...sectors, total].map((row) => [
      row.sector,
      ...row.cells.map((c) => csvFigure(c)),
      ...(changeLabel ? [row.change?.text ?? ''] : []),
    ]),
  ];
  if (formats) {
    csv.push([], [a.year, a.format, ...formats.columns.map((c) => c.measure.label)]);
    for (const group of formats.groups) {
      for (const row of group.rows) {
        csv.push([
          group.year,
          row.label,
          ...row.cells.map((c, i) => csvFigure(c, formats!.columns[i]!.kind, formats!.columns[i]!.measure.decimals)),
        ]);
      }
    }
  }
  if (separate.length) {
    csv.push([], [a.separate, a.year, a.figure]);
    for (const s of separate)
      csv.push([s.measure.label, s.year, csvFigure(s.cell, kindOf(s.measure), s.measure.decimals)]);
  }

  return {
    measure: main,
    ...(footnote ? { footnote } : {}),
    sort,
    period: a.period(latestKey, previous?.label),
    years,
    sectors,
    total,
    ...(changeLabel ? { changeLabel } : {}),
    bars,
    ...(formats ? { formats } : {}),
    separate,
    summary,
    definitions,
    symbols: symbolsUsed(allValues),
    statuses: statusesUsed(allStatuses),
    quality,
    csv,
  };
}
