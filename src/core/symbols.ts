/**
 * GSS symbols for values that are not numbers (Government Statistical Service
 * guidance on symbols in tables). A symbol is a value in its own right: it is
 * never turned into 0, blank or NaN, and it travels through every transform.
 */

/** The symbols we accept, bare (`c`) or in brackets (`[c]`). */
export const SYMBOL_CODES = ['c', 'x', 'z', 'u', 'low', 'k'] as const;
export type SymbolCode = (typeof SYMBOL_CODES)[number];

/** A cell that holds a GSS symbol instead of a number. */
export interface SymbolValue {
  readonly symbol: SymbolCode;
}

/** A cell value: a finite number or a GSS symbol. */
export type Value = number | SymbolValue;

const INTERNED = new Map<SymbolCode, SymbolValue>(SYMBOL_CODES.map((code) => [code, Object.freeze({ symbol: code })]));

/** The shared, frozen SymbolValue for a code. */
export function symbol(code: SymbolCode): SymbolValue {
  return INTERNED.get(code)!;
}

export function isSymbol(value: Value | undefined): value is SymbolValue {
  return typeof value === 'object' && value !== null;
}

export function isNumber(value: Value | undefined): value is number {
  return typeof value === 'number';
}

const SYMBOL_PATTERN = /^\s*\[?\s*(c|x|z|u|low|k)\s*\]?\s*$/i;

/** Parses `c`, `[c]`, ` [LOW] ` and so on; undefined when the text is not a symbol. */
export function parseSymbol(text: string): SymbolValue | undefined {
  const match = SYMBOL_PATTERN.exec(text);
  return match ? symbol(match[1]!.toLowerCase() as SymbolCode) : undefined;
}

/**
 * Parses a raw cell (number, numeric text such as "16,424" or "18.8%", or a
 * symbol). Returns undefined for anything else so that the caller can report it.
 */
export function parseValue(raw: unknown): Value | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const sym = parseSymbol(raw);
  if (sym) return sym;
  const text = raw.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Which symbol wins when several meet in one derived cell (a total, a rate):
 * suppression must survive (a total over a `c` cell would reveal it), then
 * "not available", then low reliability, then the rest.
 */
const PRECEDENCE: SymbolCode[] = ['c', 'x', 'u', 'low', 'k', 'z'];

export function strongestSymbol(values: readonly Value[]): SymbolValue | undefined {
  let best: SymbolValue | undefined;
  for (const v of values) {
    if (isSymbol(v) && (!best || PRECEDENCE.indexOf(v.symbol) < PRECEDENCE.indexOf(best.symbol))) {
      best = v;
    }
  }
  return best;
}

/**
 * Sum of values; a symbol anywhere makes the sum that symbol. A sum too large
 * for a number (never from validated figures) is "not available", never Infinity.
 */
export function sumValues(values: readonly Value[]): Value {
  const sym = strongestSymbol(values);
  if (sym) return sym;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  return Number.isFinite(sum) ? sum : symbol('x');
}

/**
 * numerator / denominator, as a fraction. A symbol in either stays a symbol;
 * a zero denominator is "not applicable" (`z`), never Infinity or NaN.
 */
export function ratio(numerator: Value | undefined, denominator: Value | undefined): Value {
  if (numerator === undefined || denominator === undefined) return symbol('x');
  const sym = strongestSymbol([numerator, denominator]);
  if (sym) return sym;
  if (denominator === 0) return symbol('z');
  const quotient = (numerator as number) / (denominator as number);
  // A denominator so near zero that the quotient overflows: not available, never Infinity.
  return Number.isFinite(quotient) ? quotient : symbol('x');
}

/** Symbols used in a list of values, in a stable order, for the key. */
export function symbolsUsed(values: Iterable<Value | undefined>): SymbolCode[] {
  const seen = new Set<SymbolCode>();
  for (const v of values) if (isSymbol(v)) seen.add(v.symbol);
  return SYMBOL_CODES.filter((code) => seen.has(code));
}
