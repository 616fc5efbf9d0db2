/**
 * The JSON Schema for the data envelope, generated from the valibot schema in
 * `contract.ts` (the single source). `npm run schema` writes it to
 * `schema/envelope.schema.json`; `json-schema.test.ts` fails when that file is
 * out of date.
 *
 * Node and tests only: this imports `@valibot/to-json-schema`, so the widgets
 * never import it and it stays out of the browser bundle.
 */
import { toJsonSchema, type JsonSchema, type OverrideActionContext } from '@valibot/to-json-schema';
import { EnvelopeSchema } from './contract.js';
import { SYMBOL_CODES } from './symbols.js';

export const ENVELOPE_SCHEMA_ID = 'https://unpkg.com/partnership-widgets/schema/envelope.schema.json';

/**
 * Descriptions by property path (`data.value` is a property of every row).
 * valibot's messages (`'text'`, `'value'`...) are keys into the widgets'
 * message catalogues, not descriptions, so they are not carried over.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  title: 'The heading shown above the figures.',
  publisher: 'Who publishes the figures.',
  source: 'Where the figures come from: a name and, optionally, a web address.',
  'source.url': 'A web address (http or https) for the source.',
  updated: 'When the figures were last updated: YYYY-MM or YYYY-MM-DD.',
  yearStartMonth:
    "The first month of the reporting year, 1-12 (default: the widget's year-start-month attribute, else 4, April).",
  measures:
    'The measures the data reports. Each has an id that rows refer to; a measure with a numerator and a denominator is a rate derived from two other measures.',
  notes: 'Notes shown under the figures.',
  annotations: 'Notes attached to a period.',
  data: 'Tidy data: one row per measure, period and any extra dimensions (sector, area...), each row holding one value.',
  'data.measure': 'The id of a measure.',
  'data.period': 'A reporting year, e.g. 2021-22, or a quarter of one, e.g. 2021-22 Q1.',
  'data.value': `A number, or a GSS symbol ${SYMBOL_CODES.join(', ')}, bare or in brackets.`,
};

/** The JSON Schema for `EnvelopeSchema`, with an id, a title and descriptions. */
export function envelopeJsonSchema(): JsonSchema {
  const { $schema, ...converted } = toJsonSchema(EnvelopeSchema, {
    target: 'draft-07',
    // Fail on anything that cannot be converted, so the JSON Schema never
    // silently accepts or rejects what valibot does not; the two known gaps
    // are handled here: `finite` (JSON has no Infinity or NaN) and the `i`
    // flag on the source URL pattern.
    errorMode: 'throw',
    ignoreActions: ['finite'],
    overrideAction: regexFlags,
  });
  for (const [path, description] of Object.entries(DESCRIPTIONS)) describe(converted, path, description);
  return {
    $schema,
    $id: ENVELOPE_SCHEMA_ID,
    title: 'partnership-widgets data envelope',
    description:
      'One dataset for a partnership-widgets element: its measures and tidy data rows (one value per row). Other properties (such as $schema) are allowed and ignored.',
    ...converted,
  };
}

/** Puts a description first in the schema at a property path; throws if the path is not in the schema. */
function describe(root: JsonSchema, path: string, description: string): void {
  let schema = root;
  for (const key of path.split('.')) {
    const items = schema.type === 'array' ? schema.items : undefined;
    const object = items && typeof items === 'object' && !Array.isArray(items) ? items : schema;
    const next = object.properties?.[key];
    if (!next || typeof next !== 'object') throw new Error(`envelopeJsonSchema: no property "${path}" to describe`);
    schema = next;
  }
  const rest = { ...schema };
  for (const key of Object.keys(schema)) delete (schema as Record<string, unknown>)[key];
  Object.assign(schema, { description, ...rest });
}

/** JSON Schema patterns have no flags: an `i` flag is written into the pattern instead. */
function regexFlags({ valibotAction, jsonSchema }: OverrideActionContext): JsonSchema | undefined {
  if (valibotAction.type !== 'regex') return undefined;
  const { source, flags } = (valibotAction as unknown as { requirement: RegExp }).requirement;
  if (!flags) return undefined;
  if (flags !== 'i') throw new Error(`envelopeJsonSchema: cannot convert the flags of /${source}/${flags}`);
  return { ...jsonSchema, pattern: caseInsensitive(source) };
}

/**
 * `/^https?:/i` → `^[hH][tT][tT][pP][sS]?:`. Letters outside classes become
 * two-letter classes; inside a class, letters and letter ranges gain their
 * other case. Escapes whose following letters are not letters to match
 * (`\x41`, `\u0041`, `\p{L}`, `\cA`, `\k<name>`) and named groups are refused.
 */
function caseInsensitive(source: string): string {
  const swap = (ch: string) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase());
  const isLetter = (ch: string | undefined) => ch !== undefined && /^[A-Za-z]$/.test(ch);
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[xucpPk]/.test(next)) throw new Error(`caseInsensitive: cannot convert \\${next} in /${source}/i`);
      out += ch + next;
      i++;
    } else if (!inClass && ch === '(' && source.startsWith('?<', i + 1) && isLetter(source[i + 3])) {
      throw new Error(`caseInsensitive: cannot convert a named group in /${source}/i`);
    } else if (inClass) {
      if (ch === ']') {
        inClass = false;
        out += ch;
      } else if (isLetter(ch) && source[i + 1] === '-' && isLetter(source[i + 2])) {
        const end = source[i + 2]!;
        out += `${ch}-${end}`;
        if ((ch === ch.toLowerCase()) === (end === end.toLowerCase())) out += `${swap(ch)}-${swap(end)}`;
        else throw new Error(`caseInsensitive: cannot convert the range ${ch}-${end} in /${source}/i`);
        i += 2;
      } else {
        out += isLetter(ch) ? ch + swap(ch) : ch;
      }
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
    } else {
      out += isLetter(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch;
    }
  }
  return out;
}
