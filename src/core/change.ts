/**
 * The change of a figure on a reference figure (the previous year, the same
 * quarter last year), worked out once for every widget: how it is measured,
 * how GSS symbols are handled, how it is rounded and worded, and whether it is
 * better or worse given the measure's polarity.
 *
 * - `points`: rates, stored as fractions: the difference in percentage points
 *   ("up 2.5 percentage points").
 * - `relative`: counts: the change as a percentage of the reference ("up 8.0%").
 * - `difference`: counts: the difference itself ("up 12"), with the relative
 *   change beside it when `withPercent` is set ("up 12 (8.0%)").
 *
 * A symbol on either side makes the change that symbol (the strongest of the
 * two, GSS precedence). A relative change on a reference of zero is `[z]` (not
 * applicable); one too large to be a number is `[x]`. A change that rounds to
 * zero is "no change".
 */
import type { Polarity } from './contract.js';
import { formatCount, formatDecimal, formatPercent, roundHalfUp } from './format.js';
import type { Messages } from './messages.js';
import { isSymbol, strongestSymbol, symbol, type SymbolValue, type Value } from './symbols.js';

export type ChangeMeasure = 'points' | 'relative' | 'difference';
export type ChangeDirection = 'up' | 'down' | 'same' | 'none';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface Change {
  readonly direction: ChangeDirection;
  /** The change as worded: "up 8.0%", "no change", "[c]". */
  readonly text: string;
  /** The change as a number, rounded as worded (points, percent or the difference); absent for a symbol. */
  readonly amount?: number;
  /** The symbol that stands for the change, when one side is a symbol or it cannot be worked out. */
  readonly symbol?: SymbolValue;
  readonly tone: ChangeTone;
  /** "better" or "worse", when the measure has a polarity. */
  readonly toneText?: string;
}

export interface ChangeOptions {
  readonly measure: ChangeMeasure;
  /** Decimal places for points (default 1); relative changes always have one. */
  readonly decimals?: number;
  readonly polarity?: Polarity;
  /** `difference` only: add the relative change in brackets. */
  readonly withPercent?: boolean;
}

/** "difference" changes also need the relative change's wording, e.g. (words, percent) => `${words} (${percent})`. */
export type WithPercent = (words: string, percent: string) => string;

function toneOf(direction: 'up' | 'down', polarity: Polarity | undefined, m: Messages) {
  if (!polarity || polarity === 'neutral') return { tone: 'neutral' as const };
  const good = (polarity === 'up-good') === (direction === 'up');
  return good ? { tone: 'good' as const, toneText: m.better } : { tone: 'bad' as const, toneText: m.worse };
}

function symbolChange(sym: SymbolValue): Change {
  return { direction: 'none', text: `[${sym.symbol}]`, symbol: sym, tone: 'neutral' };
}

/** The amount of the change, unrounded; a symbol when it cannot be worked out. */
function rawAmount(current: number, previous: number, measure: ChangeMeasure): number | SymbolValue {
  if (measure === 'points') return (current - previous) * 100;
  if (measure === 'difference') return current - previous;
  // No change can be measured against nothing: "not applicable", as a ratio to zero is.
  if (previous === 0) return symbol('z');
  const amount = (current / previous - 1) * 100;
  return Number.isFinite(amount) ? amount : symbol('x');
}

/**
 * The change of `current` on `previous`; undefined when either is missing.
 * `withPercent` wording comes from the caller (it differs between widgets' messages).
 */
export function changeOn(
  current: Value | undefined,
  previous: Value | undefined,
  options: ChangeOptions,
  m: Messages,
  withPercent?: WithPercent,
): Change | undefined {
  if (current === undefined || previous === undefined) return undefined;
  const sym = strongestSymbol([current, previous]);
  if (sym) return symbolChange(sym);
  const c = current as number;
  const p = previous as number;
  const raw = rawAmount(c, p, options.measure);
  if (isSymbol(raw)) return symbolChange(raw);
  const digits = options.measure === 'points' ? (options.decimals ?? 1) : options.measure === 'relative' ? 1 : 0;
  const amount = options.measure === 'difference' ? raw : roundHalfUp(raw, digits);
  if (amount === 0) return { direction: 'same', text: m.noChange, amount: 0, tone: 'neutral' };
  const direction = amount > 0 ? 'up' : 'down';
  const size =
    options.measure === 'points'
      ? m.percentagePoints(formatDecimal(Math.abs(amount), digits))
      : options.measure === 'relative'
        ? `${formatDecimal(Math.abs(amount), 1)}%`
        : formatCount(Math.abs(amount));
  let text = direction === 'up' ? m.up(size) : m.down(size);
  if (options.measure === 'difference' && options.withPercent && withPercent && p !== 0) {
    const fraction = Math.abs(amount) / Math.abs(p);
    if (Number.isFinite(fraction)) text = withPercent(text, formatPercent(fraction));
  }
  return { direction, text, amount, ...toneOf(direction, options.polarity, m) };
}
