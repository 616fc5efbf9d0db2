/**
 * Number, percentage and date formats. Numbers use Intl.NumberFormat with the en-GB
 * locale (Welsh publications use the same separators): 16,424 and 18.8%.
 * Dates are written from the message catalogue (English and Welsh month names).
 */
import type { Messages } from './messages.js';
import { isSymbol, type Value } from './symbols.js';

const formats = new Map<number, Intl.NumberFormat>();

/**
 * en-GB digits (a comma every three digits, a point before decimals, never "-0"): `digits`
 * decimals, or -1 for up to six significant digits with no trailing zeros (2.5, 1,234.57).
 */
function format(n: number, digits: number): string {
  let f = formats.get(digits);
  if (!f) {
    const options =
      digits < 0 ? { maximumSignificantDigits: 6 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    formats.set(digits, (f = new Intl.NumberFormat('en-GB', options)));
  }
  // Nothing rounds to "-0" or "-0.0": a value that shows as zero has no sign.
  const text = f.format(n);
  return /^-[0.]*$/.test(text) ? text.slice(1) : text;
}

/** `16424` → `16,424`; non-integers keep their digits (`2.5`). Never "Infinity" or "NaN": `[x]`. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '[x]';
  return format(n, Number.isInteger(n) ? 0 : -1);
}

/**
 * Rounds half away from zero at `digits` decimals, as published statistics do:
 * 21.95 → 22.0, although 21.95 is stored as 21.949999… and toFixed gives 21.9.
 */
export function roundHalfUp(n: number, digits: number): number {
  const f = 10 ** digits;
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * f * (1 + 4 * Number.EPSILON))) / f;
  // Near the largest number, scaling up overflows; such a number has no decimals to round.
  return Number.isFinite(rounded) ? rounded : n;
}

/** A fraction as a percentage: `0.1884` → `18.8%`; `0.2195` → `22.0%`. */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '[x]';
  return format(roundHalfUp(fraction * 100, digits), digits) + '%';
}

/** A number with fixed decimals: `18.84` → `18.8`; `21.95` → `22.0`. */
export function formatDecimal(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '[x]';
  return format(roundHalfUp(n, digits), digits);
}

/** Symbols are shown in brackets, as GSS guidance asks: `[c]`. */
export function formatSymbol(value: Value): string {
  return isSymbol(value) ? `[${value.symbol}]` : '';
}

export type ValueKind = 'count' | 'percent' | 'ratio';

/** A value for display: counts with separators, rates as percentages, ratios (averages) with decimals, symbols in brackets. */
export function formatValue(value: Value, kind: ValueKind, digits = 1): string {
  if (isSymbol(value)) return formatSymbol(value);
  if (kind === 'percent') return formatPercent(value, digits);
  return kind === 'ratio' ? formatDecimal(value, digits) : formatCount(value);
}

/**
 * `2022-06-30` → `30 June 2022` (`30 Mehefin 2022` in Welsh); `2022-06` →
 * `June 2022`. Month names come from our catalogue, not Intl: browsers built
 * without full ICU data (Debian's Chromium) have no Welsh and fall back to US
 * English. No Date object is involved, so the reader's time zone cannot move a day.
 * Anything else is returned as written.
 */
export function formatDate(text: string, m: Messages): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  const month = match ? m.monthsLong[Number(match[2]) - 1] : undefined;
  if (!match || !month) return text;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** A time of day for "loaded at", in the reader's zone: `14:05`. */
export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
