/**
 * Number and boolean properties that take what pages and frameworks give
 * them. An attribute is always a string, and React 19 and Vue set a custom
 * element's properties to the strings written in their templates
 * (`years="3"` becomes `el.years = "3"`), so every value, from the attribute
 * or the property, goes through the same converter:
 *
 * - Numbers: a decimal number (`3`, ` 3 `, `2.5`, `1e2`) is read; anything
 *   else (an empty attribute from a CMS template, `abc`, `15s`, `Infinity`)
 *   falls back to the default. A number outside the attribute's range is
 *   clamped to it, or falls back to the default where the spec says so
 *   (`0` or `-5` for a timeout mean nothing useful). Each bad value is
 *   reported once, with `console.warn` naming the element, attribute and value.
 * - Booleans: as the HTML attribute reads. A string (`""`, `"presenting"`,
 *   even `"false"`) means on, as the attribute present would; `false`,
 *   `null` and `undefined` mean off.
 *
 * Elements declare every property with this module's `property`, Lit's own
 * with a `number` range added: `@property({ type: Number, number: NUMBER_SPECS.timeout }) timeout = 15;`
 * (the custom-elements manifest reads it as it reads Lit's), and their internal state with its `state`.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';
import type { PropertyDecorator } from 'lit/decorators.js';

export interface NumberSpec {
  /** The value when the attribute is absent or its value is not usable. */
  readonly default: number | undefined;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only: a fraction is rounded down (with a warning). */
  readonly integer?: boolean;
  /** Below `min`: clamp to `min`, or fall back to the default (the default when not given). */
  readonly below?: 'clamp' | 'default';
  /** Above `max`: clamp to `max` (the default), or fall back to the default. */
  readonly above?: 'clamp' | 'default';
  /** Values accepted as they are although outside the range (0 for "never" in `refresh`). */
  readonly also?: readonly number[];
  /** What the number means, for the warning ("seconds", "years"). */
  readonly unit?: string;
  /** Words accepted for a number, any case: `years="all"` is `Infinity`. */
  readonly words?: Readonly<Record<string, number>>;
}

/** The ranges of the widgets' numeric attributes (shared by every element that has them). */
export const NUMBER_SPECS = {
  /** Seconds, 1 to 300: zero, negative or not a number → 15; a fraction under 1 → 1; above 300 → 300. */
  timeout: { default: 15, min: 1, max: 300, below: 'clamp', unit: 'seconds' },
  /** Seconds, 0 (never) or 5 to 86,400 (a day): under 5 → 5; negative or not a number → 0 (never). */
  refresh: { default: 0, min: 5, max: 86_400, below: 'clamp', also: [0], unit: 'seconds' },
  /** 2 to 6: 1 → 2 (the page's h1 is its title), 7 or more → 6; 0, negative or not a number → 2. */
  headingLevel: { default: 2, min: 2, max: 6, integer: true, below: 'clamp' },
  /** 1 to 12, whole: anything else → the data's own, or April. */
  yearStartMonth: { default: undefined, min: 1, max: 12, integer: true, above: 'default' },
} satisfies Record<string, NumberSpec>;

/**
 * How many years to show: whole, 1 to 100, or `all` (every year in the data,
 * `Infinity`); 0, negative or not a number → the element's default; above 100 → 100.
 */
export function yearsSpec(defaultYears: number): NumberSpec {
  return { default: defaultYears, min: 1, max: 100, integer: true, words: { all: Infinity } };
}

/** A whole or decimal number, optionally signed, with an exponent: not hex, not "15s", not "". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface Coerced<T> {
  readonly value: T;
  /** Why the value given was not used as it is (for the warning). */
  readonly problem?: string;
}

function describeRange(spec: NumberSpec): string {
  const range = `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
  const alsoValues = [...(spec.also ?? []), ...Object.keys(spec.words ?? {}).map((w) => `"${w}"`)];
  const also = alsoValues.length ? ` (or ${alsoValues.join(', ')})` : '';
  return `${range}${also}${spec.unit ? `, in ${spec.unit}` : ''}`;
}

/** A value given to a numeric attribute or property → the number used, and why if it differs. */
export function coerceNumber(given: unknown, spec: NumberSpec): Coerced<number | undefined> {
  if (given === null || given === undefined) return { value: spec.default };
  const key = typeof given === 'string' ? given.trim().toLowerCase() : undefined;
  const word = key !== undefined && spec.words && Object.hasOwn(spec.words, key) ? spec.words[key] : undefined;
  if (word !== undefined) return { value: word };
  // The word's number, set as the property (`el.years = Infinity`), is taken as the word is.
  if (typeof given === 'number' && Object.values(spec.words ?? {}).includes(given)) return { value: given };
  let n: number;
  if (typeof given === 'number') n = given;
  else if (typeof given === 'string' && DECIMAL.test(given.trim())) n = Number(given.trim());
  else n = NaN;
  const expected = describeRange(spec);
  const fallback = spec.default === undefined ? 'the default' : String(spec.default);
  if (!Number.isFinite(n)) return { value: spec.default, problem: `is not ${expected}; using ${fallback}` };
  if (spec.also?.includes(n)) return { value: n };
  if (n < spec.min) {
    // 0.5 seconds is a short timeout, so 1; 0 or -5 mean nothing, so the default.
    if (spec.below === 'clamp' && n > 0) return { value: spec.min, problem: `is below ${spec.min}; using ${spec.min}` };
    return { value: spec.default, problem: `is not ${expected}; using ${fallback}` };
  }
  if (n > spec.max) {
    if (spec.above === 'default') return { value: spec.default, problem: `is not ${expected}; using ${fallback}` };
    return { value: spec.max, problem: `is above ${spec.max}; using ${spec.max}` };
  }
  if (spec.integer && !Number.isInteger(n)) {
    return { value: Math.floor(n), problem: `is not a whole number; using ${Math.floor(n)}` };
  }
  return { value: n };
}

/** A value given to a boolean attribute or property → on or off, as the HTML attribute reads. */
export function coerceBoolean(given: unknown): boolean {
  if (given === null || given === undefined || given === false) return false;
  if (typeof given === 'string') return true;
  if (typeof given === 'number') return given !== 0 && !Number.isNaN(given);
  return Boolean(given);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

type Host = HTMLElement & Record<symbol, unknown>;

/** Lit's property options, and how to read the values given. */
export interface WidgetPropertyDeclaration extends PropertyDeclaration {
  /** A number within this range (one of NUMBER_SPECS, or `yearsSpec`), from the attribute or the property. */
  readonly number?: NumberSpec;
}

/** A TypeScript (experimental) property decorator, as Lit's are typed. */
type Decorator = (proto: object, name: string) => ReturnType<PropertyDecorator>;

/**
 * Declares a property with Lit's `createProperty`, as Lit's `@property` and `@state` do with the
 * TypeScript (experimental) decorators this package is compiled with. Not importing them leaves
 * their other half, for standard decorators, which nothing here runs, out of the script.
 */
function declare(proto: object, name: string, declaration: PropertyDeclaration): ReturnType<PropertyDecorator> {
  const own = Object.hasOwn(proto, name);
  (proto.constructor as typeof ReactiveElement).createProperty(name, declaration);
  // For an accessor of the class's own, the one Lit defined, which TypeScript would otherwise overwrite.
  return own ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
}

/** Lit's `@state`: a property that renders the element again when it changes, with no attribute. */
export function state(): Decorator {
  return (proto, name) => declare(proto, name, { state: true, attribute: false });
}

/**
 * Lit's `@property`, reading numbers (`number: spec`) and booleans
 * (`type: Boolean`) as described above, whether they come from the attribute
 * or are set as the property; other properties are Lit's own. Every element
 * declares its properties with this one.
 */
export function property(options: WidgetPropertyDeclaration = {}): Decorator {
  const { number: spec, ...declaration } = options;
  const boolean = declaration.type === Boolean;
  if (!spec && !boolean) return (proto, name) => declare(proto, name, declaration);
  return (proto, name) => {
    const attribute = typeof declaration.attribute === 'string' ? declaration.attribute : name.toLowerCase();
    const key = Symbol(name);
    // Lit wraps an accessor the prototype already has, calling it before it requests an update.
    Object.defineProperty(proto, name, {
      get(this: Host) {
        if (boolean) return this[key] === true;
        return key in this ? this[key] : spec!.default;
      },
      set(this: Host, given: unknown) {
        if (boolean) {
          this[key] = coerceBoolean(given);
          return;
        }
        const { value, problem } = coerceNumber(given, spec!);
        if (problem) console.warn(`<${this.localName}>: ${attribute}=${show(given)} ${problem}.`);
        this[key] = value;
      },
      configurable: true,
      enumerable: true,
    });
    declare(proto, name, {
      ...declaration,
      // Kept in the element's `elementProperties`, so that tools (the command line's `render`) read the same ranges.
      ...(spec ? { number: spec } : {}),
      converter: boolean
        ? {
            fromAttribute: (value: string | null) => value !== null,
            toAttribute: (value: unknown) => (value ? '' : null),
          }
        : // The attribute's string goes to the setter as it is: one conversion, one warning.
          { fromAttribute: (value: string | null) => value, toAttribute: (value: unknown) => value },
    } as PropertyDeclaration);
  };
}
