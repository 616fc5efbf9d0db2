/**
 * A measure's trend in words, over all the years there are: "Referrals rose
 * in each of the last three years, to 3,203 in 2024-25 (up 8.0% on 2023-24),
 * the highest since 2014-15", or "Referrals fell to 2,900 in 2024-25, down
 * 9.5% on 2023-24, but are still above 2020-21 (2,700)". Shared by every
 * widget's summary.
 *
 * - Each year is compared with the one before it: up, down or about the same.
 *   "About the same" is a change smaller than `ABOUT_THE_SAME`: under 1% of
 *   the year before for counts (and averages), under 0.5 percentage points
 *   for rates. A run is the number of years in a row that moved the same way,
 *   counted back from the latest.
 * - A symbol (`[c]`, `[x]`…) in the series breaks a run: the years before it
 *   cannot be compared with the years after, and the sentence says which year
 *   is missing and why rather than skipping it. "Highest since" and "still
 *   above" look only at the years after the last symbol.
 * - With a polarity, a rise or fall is judged better or worse: "That is an
 *   improvement." or "That is a deterioration."
 */
import type { Polarity } from './contract.js';
import { changeOn, type Change, type ChangeTone } from './change.js';
import { formatValue, roundHalfUp, type ValueKind } from './format.js';
import type { Lang, Messages } from './messages.js';
import { isNumber, isSymbol, type SymbolValue, type Value } from './symbols.js';

/** The smallest change that is not "about the same": percent of the year before (counts), percentage points (rates). */
export const ABOUT_THE_SAME = { relative: 1, points: 0.5 } as const;

export interface TrendPoint {
  /** The year as shown: "2024-25". */
  readonly label: string;
  readonly value: Value | undefined;
  /** The figure as shown, with its status mark ("2,295 [p]"); by default the value formatted. */
  readonly text?: string;
}

export interface TrendOptions {
  readonly kind: ValueKind;
  /** Decimal places the figures are shown with (rates). */
  readonly decimals?: number;
  readonly polarity?: Polarity;
  /** The change on the year before as the widget words it ("down 24 (6.5%)"), instead of `changeOn`'s. */
  readonly changeText?: string;
}

export type TrendDirection = 'up' | 'down' | 'same' | 'none';

export interface Trend {
  /** The latest year's direction on the one before ('none' when either is missing or a symbol). */
  readonly direction: TrendDirection;
  /** Years in a row that moved in `direction`, counted back from the latest (0 for 'none'). */
  readonly run: number;
  /** The change on the year before, as `changeOn` words it. */
  readonly change?: Change;
  readonly tone: ChangeTone;
  /** The year whose symbol stopped the run, when one did. */
  readonly brokenBy?: string;
  /** The sentence, with its full stop. */
  readonly text: string;
}

export interface TrendMessages {
  /** "three" (English, one to nine in words), "3" (Welsh). */
  years: (n: number) => string;
  rose: (name: string, value: string, year: string, change: string, previous: string) => string;
  fell: (name: string, value: string, year: string, change: string, previous: string) => string;
  roseRun: (name: string, years: string, value: string, year: string, change: string, previous: string) => string;
  fellRun: (name: string, years: string, value: string, year: string, change: string, previous: string) => string;
  same: (name: string, value: string, year: string, change: string, previous: string) => string;
  sameRun: (name: string, years: string, value: string, year: string) => string;
  highestSince: (year: string) => string;
  lowestSince: (year: string) => string;
  highestEver: (first: string) => string;
  lowestEver: (first: string) => string;
  stillAbove: (year: string, value: string) => string;
  stillBelow: (year: string, value: string) => string;
  better: string;
  worse: string;
  brokenBy: (year: string, code: string, meaning: string) => string;
  previousMissing: (
    name: string,
    value: string,
    year: string,
    previous: string,
    code: string,
    meaning: string,
  ) => string;
  latestMissing: (name: string, year: string, code: string, meaning: string) => string;
  only: (name: string, value: string, year: string) => string;
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const en: TrendMessages = {
  years: (n) => SMALL[n] ?? String(n),
  rose: (name, value, year, change, previous) =>
    `${capital(name)} rose to ${value} in ${year}, ${change} on ${previous}`,
  fell: (name, value, year, change, previous) =>
    `${capital(name)} fell to ${value} in ${year}, ${change} on ${previous}`,
  roseRun: (name, years, value, year, change, previous) =>
    `${capital(name)} rose in each of the last ${years} years, to ${value} in ${year} (${change} on ${previous})`,
  fellRun: (name, years, value, year, change, previous) =>
    `${capital(name)} fell in each of the last ${years} years, to ${value} in ${year} (${change} on ${previous})`,
  same: (name, value, year, change, previous) =>
    `${capital(name)} stayed about the same as in ${previous}, at ${value} in ${year} (${change})`,
  sameRun: (name, years, value, year) =>
    `${capital(name)} stayed about the same for ${years} years, at ${value} in ${year}`,
  highestSince: (year) => `, the highest since ${year}`,
  lowestSince: (year) => `, the lowest since ${year}`,
  highestEver: (first) => `, the highest since the figures begin in ${first}`,
  lowestEver: (first) => `, the lowest since the figures begin in ${first}`,
  stillAbove: (year, value) => `, but still above ${year} (${value})`,
  stillBelow: (year, value) => `, but still below ${year} (${value})`,
  better: '. That is an improvement',
  worse: '. That is a deterioration',
  brokenBy: (year, code, meaning) =>
    `. The figure for ${year} is ${code} (${meaning}), so the years before it are not compared`,
  previousMissing: (name, value, year, previous, code, meaning) =>
    `In ${year}, ${name} stood at ${value}. The figure for ${previous} is ${code} (${meaning}), so there is no change on the year before to report`,
  latestMissing: (name, year, code, meaning) => `The figure for ${name} in ${year} is ${code} (${meaning})`,
  only: (name, value, year) => `In ${year}, ${name} stood at ${value}`,
};

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`; see `loadWelsh()` in core/messages.ts). */
export const catalogues: { en: TrendMessages; cy?: TrendMessages } = { en };

/**
 * A measure's label as a name in a sentence: "Contact NFA %" is "contact NFA
 * rate" ("the contact NFA rate"; "cyfradd Contact NFA"), so that no label is followed by its own unit
 * ("Contact NFA % 18.8%"). In English a label starting with a lowercase-able
 * word is lowercased ("Referrals" → "referrals"; "CPP" stays).
 */
export function measureName(label: string, kind: ValueKind, lang: Lang): string {
  const stripped = label.replace(/\s*(\(%\)|%)$/u, '').trim();
  const rate = kind === 'percent' && stripped !== label.trim();
  const word =
    lang === 'en' && /^\p{Lu}\p{Ll}/u.test(stripped) ? stripped[0]!.toLowerCase() + stripped.slice(1) : stripped;
  if (!rate) return word;
  return lang === 'en' ? `the ${word} rate` : `cyfradd ${word}`;
}

type Step = 'up' | 'down' | 'same';

/**
 * One year on the one before: up, down, or about the same (under
 * `ABOUT_THE_SAME`), judged on the change as worded (points at the figures'
 * decimals, percent to one decimal), so that 0.204 - 0.199 is 0.5 points.
 */
function stepOf(before: number, after: number, kind: ValueKind, decimals: number): Step {
  const direction = after > before ? 'up' : 'down';
  if (kind === 'percent') {
    return Math.abs(roundHalfUp((after - before) * 100, decimals)) < ABOUT_THE_SAME.points ? 'same' : direction;
  }
  if (before === 0) return after === 0 ? 'same' : direction;
  return Math.abs(roundHalfUp((after / before - 1) * 100, 1)) < ABOUT_THE_SAME.relative ? 'same' : direction;
}

/** The step into point `i` from the one before, or the symbol that prevents it. */
function stepAt(
  points: readonly TrendPoint[],
  i: number,
  kind: ValueKind,
  decimals: number,
): Step | SymbolValue | undefined {
  const a = points[i - 1]?.value;
  const b = points[i]?.value;
  if (isSymbol(a)) return a;
  if (isSymbol(b)) return b;
  return isNumber(a) && isNumber(b) ? stepOf(a, b, kind, decimals) : undefined;
}

/** How many steps in a row, back from point `end`, go `direction`; and the year of a symbol that stopped it. */
function runBack(points: readonly TrendPoint[], end: number, direction: Step, kind: ValueKind, decimals: number) {
  let run = 0;
  let i = end;
  for (; i >= 1; i--) {
    const step = stepAt(points, i, kind, decimals);
    if (step !== direction) {
      if (typeof step === 'object') return { run, start: i, brokenAt: isSymbol(points[i - 1]?.value) ? i - 1 : i };
      break;
    }
    run++;
  }
  return { run, start: i };
}

/** The first point after the last symbol before `end` (where "since" comparisons may start). */
function segmentStart(points: readonly TrendPoint[], end: number): number {
  for (let i = end - 1; i >= 0; i--) if (!isNumber(points[i]!.value)) return i + 1;
  return 0;
}

/**
 * The trend of a series (oldest first) in words, ending at its last point;
 * undefined for an empty series. `name` comes from `measureName`.
 */
export function describeTrend(
  name: string,
  points: readonly TrendPoint[],
  options: TrendOptions,
  m: Messages,
  lang: Lang,
): Trend | undefined {
  const t = catalogues[lang] ?? en;
  const n = points.length;
  const last = points[n - 1];
  if (!last || last.value === undefined) return undefined;
  const digits = options.decimals ?? 1;
  const show = (v: Value) => formatValue(v, options.kind, digits);
  const meaning = (s: SymbolValue) => m.symbols[s.symbol];
  if (isSymbol(last.value)) {
    const text = t.latestMissing(name, last.label, show(last.value), meaning(last.value));
    return { direction: 'none', run: 0, tone: 'neutral', text: `${text}.` };
  }
  const value = last.value;
  const previous = points[n - 2];
  if (!previous || previous.value === undefined) {
    return {
      direction: 'none',
      run: 0,
      tone: 'neutral',
      text: `${t.only(name, last.text ?? show(value), last.label)}.`,
    };
  }
  if (isSymbol(previous.value)) {
    const p = previous.value;
    const text = t.previousMissing(name, last.text ?? show(value), last.label, previous.label, show(p), meaning(p));
    return { direction: 'none', run: 0, tone: 'neutral', brokenBy: previous.label, text: `${text}.` };
  }
  const measure = options.kind === 'percent' ? 'points' : 'relative';
  const change = changeOn(value, previous.value, { measure, decimals: digits, polarity: options.polarity }, m)!;
  const direction = stepOf(previous.value, value, options.kind, digits);
  const { run, start, brokenAt } = runBack(points, n - 1, direction, options.kind, digits);
  const [V, Y, C, P] = [last.text ?? show(value), last.label, options.changeText ?? change.text, previous.label];
  let text: string;
  if (direction === 'same') {
    text = run >= 2 ? t.sameRun(name, t.years(run + 1), V, Y) : t.same(name, V, Y, C, P);
  } else {
    const up = direction === 'up';
    text =
      run >= 2
        ? (up ? t.roseRun : t.fellRun)(name, t.years(run), V, Y, C, P)
        : (up ? t.rose : t.fell)(name, V, Y, C, P);
    text += standing(points, n - 1, start, direction, { kind: options.kind, decimals: digits }, t, show);
    if (change.tone !== 'neutral') text += change.tone === 'good' ? t.better : t.worse;
  }
  const broken = brokenAt !== undefined ? points[brokenAt] : undefined;
  if (broken && isSymbol(broken.value)) text += t.brokenBy(broken.label, show(broken.value), meaning(broken.value));
  return {
    direction,
    run,
    change,
    tone: direction === 'same' ? 'neutral' : change.tone,
    ...(broken ? { brokenBy: broken.label } : {}),
    text: `${text}.`,
  };
}

/**
 * Where the latest figure stands among the years before it (after the last
 * symbol): "the highest since 2014-15"; after a reversal, "but still above
 * 2020-21 (2,700)", the year the previous run began.
 */
function standing(
  points: readonly TrendPoint[],
  end: number,
  runStart: number,
  direction: 'up' | 'down',
  { kind, decimals }: { readonly kind: ValueKind; readonly decimals: number },
  t: TrendMessages,
  show: (v: Value) => string,
): string {
  const from = segmentStart(points, end);
  const value = points[end]!.value as number;
  const up = direction === 'up';
  const valueAt = (i: number) => points[i]!.value as number;
  // A reversal: the latest year turned back a run the other way; is it still beyond where that run began?
  if (runStart === end - 1 && end - 2 >= from) {
    const before = stepAt(points, end - 1, kind, decimals);
    if (before === (up ? 'down' : 'up')) {
      const { start } = runBack(points, end - 1, before, kind, decimals);
      const origin = Math.max(start, from);
      const beyond = up ? value < valueAt(origin) : value > valueAt(origin);
      if (beyond) return (up ? t.stillBelow : t.stillAbove)(points[origin]!.label, show(valueAt(origin)));
    }
  }
  // The highest (lowest) since the last year at or beyond it, if that is before the year before.
  for (let i = end - 1; i >= from; i--) {
    if (up ? valueAt(i) >= value : valueAt(i) <= value) {
      return i < end - 1 ? (up ? t.highestSince : t.lowestSince)(points[i]!.label) : '';
    }
  }
  // Beyond every year there is: said when there are at least three years.
  if (from === 0 && end >= 2) return (up ? t.highestEver : t.lowestEver)(points[0]!.label);
  return '';
}
