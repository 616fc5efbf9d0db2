/**
 * The options of `partnership-widgets render` that set an element's
 * attributes, generated from the elements' own property declarations (Lit's
 * `elementProperties`, declared with core/properties.ts): every attribute an
 * element has is an option of the same name (`data-as-at` is `--as-at`),
 * numbers are read with the element's own ranges (`NUMBER_SPECS`,
 * `yearsSpec`) and a value the element would not use as given is refused
 * with the element's words for it. Only what means nothing for a file is left
 * out: `src` (the data is `--src`), `refresh` and `timeout` (a file is drawn
 * once, from a file already read).
 */
import { coerceNumber, type NumberSpec } from 'partnership-widgets/core.js';
import { CliError } from './ees.js';
import type { ElementName } from './render-figures.js';

/** Attributes with no meaning for a static file, and why. */
export const NOT_RENDERED: Readonly<Record<string, string>> = {
  src: 'the data is --src',
  refresh: 'a file is drawn once',
  timeout: 'the data is read from a file',
};

/** The values a string attribute takes, where the element's type allows only some. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  theme: ['light', 'dark'],
  view: ['table', 'chart'],
  sort: ['value', 'data'],
};

/** Values the elements read as data, checked here so that a typo is named rather than shown as a data error. */
const PATTERNS: Readonly<Record<string, { pattern: RegExp; example: string }>> = {
  year: { pattern: /^\d{4}-\d{2}$/, example: 'a reporting year such as 2024-25' },
  'data-as-at': { pattern: /^\d{4}-\d{2}-\d{2}$/, example: 'a date such as 2021-09-29' },
};

export interface AttributeOption {
  /** The element's attribute (`data-as-at`). */
  readonly attribute: string;
  /** The command-line option, without `--` (`as-at`). */
  readonly option: string;
  /** The element's property (`asAt`). */
  readonly property: string;
  readonly boolean: boolean;
  readonly number?: NumberSpec;
  /** The elements that have it. */
  readonly elements: readonly ElementName[];
}

interface Declaration {
  readonly attribute?: string | boolean;
  readonly state?: boolean;
  readonly type?: unknown;
  readonly number?: NumberSpec;
}

type Declared = { elementProperties: ReadonlyMap<PropertyKey, Declaration>; finalize?: () => void };

/** Every attribute of the elements (`ELEMENT_CLASSES`), in the order they declare them. */
export function attributeOptions(classes: Readonly<Record<ElementName, unknown>>): AttributeOption[] {
  const found = new Map<string, AttributeOption>();
  for (const name of Object.keys(classes) as ElementName[]) {
    const element = classes[name] as Declared;
    element.finalize?.();
    for (const [key, declaration] of element.elementProperties) {
      if (declaration.state || declaration.attribute === false || typeof key !== 'string') continue;
      const attribute = typeof declaration.attribute === 'string' ? declaration.attribute : key.toLowerCase();
      if (attribute in NOT_RENDERED) continue;
      const known = found.get(attribute);
      found.set(attribute, {
        attribute,
        option: attribute.replace(/^data-/, ''),
        property: key,
        boolean: declaration.type === Boolean,
        ...(declaration.number ? { number: declaration.number } : {}),
        elements: [...(known?.elements ?? []), name],
      });
    }
  }
  return [...found.values()];
}

export type AttributeValues = Record<string, string | number | boolean>;

/** One option's value, read as the element reads its attribute; a value the element would not use is an error. */
function readValue(spec: AttributeOption, given: string): string | number {
  const flag = `--${spec.option}`;
  if (spec.number) {
    const { value, problem } = coerceNumber(given, spec.number);
    if (problem || value === undefined)
      throw new CliError(`${flag} "${given}" ${(problem ?? '').replace(/;.*$/, '')}.`);
    return value;
  }
  const choices = CHOICES[spec.attribute];
  if (choices && !choices.includes(given)) {
    throw new CliError(`${flag} must be ${choices.join(' or ')}, not "${given}".`);
  }
  const format = PATTERNS[spec.attribute];
  if (format && !format.pattern.test(given)) throw new CliError(`${flag} must be ${format.example}.`);
  return given;
}

/**
 * The attributes given on the command line for an element, by property
 * (`{ yearStartMonth: 7, asAt: '2021-09-29' }`); an attribute of another
 * element only is an error naming the elements that have it.
 */
export function readAttributes(
  name: ElementName,
  values: Readonly<Record<string, string | boolean | undefined>>,
  options: readonly AttributeOption[],
): AttributeValues {
  const attributes: AttributeValues = {};
  for (const spec of options) {
    const given = values[spec.option];
    if (given === undefined || given === false) continue;
    if (!spec.elements.includes(name)) {
      throw new CliError(`--${spec.option} is an attribute of ${spec.elements.join(' and ')}, not of ${name}.`);
    }
    attributes[spec.property] = typeof given === 'boolean' ? given : readValue(spec, given);
  }
  return attributes;
}

/** The `parseArgs` options for the attributes. */
export function parseOptions(options: readonly AttributeOption[]) {
  return Object.fromEntries(
    options.map((o) => [o.option, { type: o.boolean ? ('boolean' as const) : ('string' as const) }]),
  );
}
