/**
 * The cells of the "Download data (CSV)" file, for every widget: figures
 * written as plain numbers, everything else as text a spreadsheet will not
 * run as a formula (CSV injection), then quoted as CSV needs.
 *
 * A cell goes out as written only when it is a number exactly as
 * `csvNumber` writes it. Any other cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (after any leading spaces), or that holds one of
 * those after a separator some spreadsheet may split on (`;=`, `,=`, tab,
 * line break), gets a leading `'`. Bidirectional controls are dropped: a
 * spreadsheet cell has no use for them, and they can hide what a cell says.
 */
import { csvFormatRows } from 'd3-dsv';
import { roundHalfUp, type ValueKind } from './format.js';
import { statusMark, type Status } from './status.js';
import { isSymbol, type Value } from './symbols.js';

/** The shapes `csvNumber` writes: `-12`, `3.5`, `1e+21`, `-2.5e-7`. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]\d+)?$/;

/**
 * A figure for the CSV: plain digits without separators, `decimals` places
 * when given (rounded half away from zero, as shown), a symbol in brackets.
 * A number too large to write (never a figure that passed validation) is `[x]`.
 */
export function csvNumber(value: Value, decimals?: number): string {
  if (isSymbol(value)) return `[${value.symbol}]`;
  if (!Number.isFinite(value)) return '[x]';
  if (decimals === undefined) return String(value === 0 ? 0 : value);
  const rounded = roundHalfUp(value, decimals);
  return (rounded === 0 ? 0 : rounded).toFixed(decimals);
}

/**
 * A shown figure as a CSV cell, for every widget: counts unformatted, rates in
 * percent to their decimals, ratios (averages) to their decimals, symbols in
 * brackets; a status mark beside a number, as in the table ("2295 [p]").
 */
export function csvFigure(value: Value, kind: ValueKind, decimals: number, status?: Status): string {
  if (isSymbol(value)) return `[${value.symbol}]`;
  const mark = statusMark(status);
  if (kind === 'percent') return csvNumber(value * 100, decimals) + mark;
  return csvNumber(value, kind === 'ratio' ? decimals : undefined) + mark;
}

/**
 * A CSV column or row label with the unit of its figures: a rate's figures are
 * written without the % sign (85), so its label says it ("Re-referral rate (%)").
 * A label that already names the unit is left as it is.
 */
export function csvLabel(label: string, kind: ValueKind): string {
  if (kind !== 'percent' || /%\)?\s*$/.test(label)) return label;
  return `${label} (%)`;
}

/** Whether a cell is a number exactly as `csvNumber` writes it (so it is safe as it is). */
export function isCsvNumber(cell: string): boolean {
  if (!NUMBER.test(cell)) return false;
  const n = Number(cell);
  if (!Number.isFinite(n) || Object.is(n, -0)) return false;
  const point = cell.indexOf('.');
  const decimals = point < 0 || cell.includes('e') ? undefined : cell.length - point - 1;
  return String(n) === cell || (decimals !== undefined && n.toFixed(decimals) === cell);
}

/** Every bidirectional control character: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** A character a spreadsheet may start a formula with (fullwidth forms too). */
const FORMULA_START = /^[\s\u00A0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A formula character after a separator some spreadsheet, in some locale, splits cells on. */
const FORMULA_AFTER_SEPARATOR = /[;,\t\r\n|\uFF1B\uFF0C][\s\u00A0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell as text a spreadsheet shows and never runs. */
export function csvText(cell: string): string {
  if (isCsvNumber(cell)) return cell;
  const text = cell.replace(BIDI_CONTROLS, '');
  return FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text) ? `'${text}` : text;
}

/** Rows of cells → CSV text (RFC 4180 quoting), every cell made safe. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return csvFormatRows(rows.map((row) => row.map(csvText)));
}
