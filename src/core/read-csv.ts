/**
 * The CSV reader: tidy CSV text becomes a Dataset. A chunk of its own in the script a page includes
 * (`src/csv.ts`), fetched only when a widget's data is CSV (`readData` in `read-data.ts`): a page
 * whose data is JSON never downloads it. CSV is parsed with d3-dsv's `csvParseRows` (its `csvParse`
 * builds row objects with the Function constructor, which a strict CSP forbids).
 */
import { csvParseRows } from 'd3-dsv';
import { dimensionThing, LIMITS, limitProblem, validateEnvelope, WidgetError, type Dataset } from './contract.js';
import type { ReadOptions } from './read-data.js';
import { parseValue, isSymbol } from './symbols.js';

/** Blanks (space, tab, a byte order mark) next to a separator, a line end or the text's ends. */
const LOOSE = /^[\s\uFEFF]|[ \t\uFEFF][,\r\n]|[,\r\n][ \t\uFEFF]|[ \t\uFEFF]$/;
/**
 * One pass, in the regular expression engine (a 5 MB file takes milliseconds,
 * where a loop over its characters in script blocked the page for a second):
 * a quoted field is kept as it is; blanks after the start or a separator, and
 * blanks before a separator or the end, go. The blanks before a separator are
 * matched only from the start of their run (the lookbehind), so a long run of
 * spaces inside a field costs its length once, not its length squared.
 */
const TIDY = /("[^"]*(?:""[^"]*)*"?)|(^|[,\r\n])[ \t\uFEFF]+|(?<![ \t\uFEFF])[ \t\uFEFF]+(?=[,\r\n]|$)/g;

/**
 * CSV as pasted into a page or an editor → CSV as `csvParseRows` reads it:
 * no byte order mark, no blank lines before the header, and no spaces or
 * tabs around a field outside its quotes (an HTML editor's indentation
 * before `"Herefordshire, County of"` would otherwise make the quote part of
 * an unquoted field, and its comma a separator). Text inside quotes is
 * copied as it is; unquoted fields are trimmed when read anyway.
 */
export function tidyCsvText(text: string): string {
  if (!LOOSE.test(text)) return text;
  const tidy = text.replace(TIDY, (_match: string, quoted?: string, separator?: string) =>
    quoted !== undefined ? quoted : (separator ?? ''),
  );
  return tidy.replace(/^[\r\n]+/, '');
}

/**
 * `csvParseRows`, stopped as soon as the file passes a limit on rows, periods
 * or the values of one column (see LIMITS): a 5 MB file of 40,000 sectors ends
 * in a message after its first 501 sectors, not after reading them all.
 */
function parseRowsWithinLimits(text: string): string[][] {
  let periodColumn = -1;
  const columns: { index: number; name: string; seen: Set<string> }[] = [];
  const periods = new Set<string>();
  let filled = 0;
  return csvParseRows(text, (cells, i) => {
    if (i === 0) {
      cells.forEach((cell, index) => {
        const name = cell.trim().toLowerCase();
        if (name === 'period') periodColumn = index;
        else if (name !== '' && name !== 'measure' && name !== 'value') columns.push({ index, name, seen: new Set() });
      });
      if (columns.length > LIMITS.dimensions) throw limitProblem(columns.length, 'columns', LIMITS.dimensions);
      return cells;
    }
    if (!cells.some((cell) => cell.trim() !== '')) return cells;
    if (++filled > LIMITS.rows) throw limitProblem(filled, 'rows', LIMITS.rows, true);
    if (periodColumn >= 0 && periods.add((cells[periodColumn] ?? '').trim()).size > LIMITS.periods) {
      throw limitProblem(periods.size, 'periods', LIMITS.periods, true);
    }
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (value !== '' && column.seen.add(value).size > LIMITS.dimensionValues) {
        throw limitProblem(column.seen.size, dimensionThing(column.name), LIMITS.dimensionValues, true);
      }
    }
    return cells;
  });
}

/**
 * Tidy CSV (`measure,period,value[,dimension...]`, header first) → Dataset.
 * Indentation, blank lines, CRLF line ends and a byte order mark are allowed (see `tidyCsvText`).
 * Measures are listed in the order they first appear; labels come from their ids.
 * Row numbers in messages are spreadsheet rows (the header is row 1).
 */
export function readCsv(text: string, options: ReadOptions = {}): Dataset {
  const tidy = tidyCsvText(text);
  if (tidy.trim() === '') throw new WidgetError('parse', [(m) => m.errors.emptyBody]);
  const rows = parseRowsWithinLimits(tidy);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const column of ['measure', 'period', 'value']) {
    if (!header.includes(column)) throw new WidgetError('parse', [(m) => m.errors.csvMissingColumn(column)]);
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  // Blank lines are dropped, but messages keep the spreadsheet's row numbers.
  const rowNumbers: number[] = [];
  const data = rows.slice(1).flatMap((cells, index) => {
    if (!cells.some((cell) => cell.trim() !== '')) return [];
    rowNumbers.push(index + 2);
    const row: Record<string, string | number> = {};
    header.forEach((name, i) => {
      const cell = (cells[i] ?? '').trim();
      if (name === 'value') {
        const value = parseValue(cell);
        row.value = value === undefined ? cell : isSymbol(value) ? value.symbol : value;
      } else if (name !== '' && (cell !== '' || name === 'measure' || name === 'period')) {
        // An empty cell in any other column means the row has no such field: no dimension, status or source.
        row[name] = cell;
      }
    });
    const id = String(row.measure ?? '');
    if (!seen.has(id) && /^[A-Za-z0-9_-]+$/.test(id)) {
      seen.add(id);
      ids.push(id);
    }
    return [row];
  });
  if (data.length === 0) throw new WidgetError('parse', [(m) => m.errors.csvNoRows]);
  const envelope = { measures: ids.map((id) => ({ id })), data };
  return validateEnvelope(envelope, { rowNumbers, ...options });
}
