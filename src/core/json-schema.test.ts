import { expect } from '@open-wc/testing';
import type { JsonSchema } from '@valibot/to-json-schema';
import { validateEnvelope, WidgetError } from './contract.js';
import { envelopeJsonSchema } from './json-schema.js';
import { catalogues } from './messages.js';

const SAMPLES = [
  '/data/leicester-kpis-2021-22.json',
  '/data/trafford-referrals-annual.json',
  '/data/norfolk-lscg-attendance-2024-25.json',
];

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** The keywords the minimal validator below understands; any other keyword fails the test. */
const KNOWN = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'anyOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * A minimal JSON Schema check for the subset of keywords the envelope schema
 * uses. Returns the JSON Pointers of the values that fail, with the keyword.
 */
function check(schema: JsonSchema | boolean, value: unknown, at = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at || '/'}: false`];
  const unknown = Object.keys(schema).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new Error(`${at || '/'}: the test's validator does not know ${unknown.join(', ')}`);
  const fail = (keyword: string) => [`${at || '/'}: ${keyword}`];

  if (schema.anyOf) {
    if (!schema.anyOf.some((s) => check(s, value, at).length === 0)) return fail('anyOf');
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return fail('type');
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) return fail('enum');

  const problems: string[] = [];
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(...fail('pattern'));
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(...fail('minimum'));
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(...fail('maximum'));
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    if (Array.isArray(schema.items)) throw new Error(`${at}: tuple items are not supported by the test's validator`);
    const items = schema.items;
    value.forEach((item, i) => problems.push(...check(items, item, `${at}/${i}`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${at}/${key}: required`);
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key] ?? schema.additionalProperties;
      if (property !== undefined) problems.push(...check(property, item, `${at}/${key}`));
    }
  }
  return problems;
}

function valibotProblems(input: unknown): string[] {
  try {
    validateEnvelope(input);
    return [];
  } catch (error) {
    if (error instanceof WidgetError) return error.describe(catalogues.en, Infinity);
    throw error;
  }
}

describe('envelope JSON Schema', () => {
  it('schema/envelope.schema.json is generated from the valibot schema', async () => {
    const written = await fetchJson('/schema/envelope.schema.json');
    expect(written, 'schema/envelope.schema.json is out of date: run npm run schema').to.deep.equal(
      envelopeJsonSchema(),
    );
  });

  it('has the shape the widgets expect', () => {
    const schema = envelopeJsonSchema();
    const props = schema.properties as Record<string, JsonSchema>;
    const row = (props.data!.items as JsonSchema).properties as Record<string, JsonSchema>;
    expect(schema.$id).to.equal('https://unpkg.com/partnership-widgets/schema/envelope.schema.json');
    expect(schema.required).to.have.members(['measures', 'data']);
    expect(row.value!.anyOf).to.deep.equal([
      { type: 'number' },
      {
        enum: ['c', '[c]', 'x', '[x]', 'z', '[z]', 'u', '[u]', 'low', '[low]', 'k', '[k]'],
        type: 'string',
      },
    ]);
    expect(row.value!.description).to.equal('A number, or a GSS symbol c, x, z, u, low, k, bare or in brackets.');
    expect(props.yearStartMonth).to.include({ type: 'integer', minimum: 1, maximum: 12 });
    expect((props.data!.items as JsonSchema).additionalProperties).to.deep.equal({
      anyOf: [{ type: 'string' }, { type: 'number' }],
    });
  });

  it('writes the case-insensitive source URL pattern so that it agrees with valibot', () => {
    const url = ((envelopeJsonSchema().properties!.source as JsonSchema).properties!.url as JsonSchema).pattern!;
    const envelope = (u: string) => ({ source: { name: 'DfE', url: u }, measures: [{ id: 'a' }], data: [] });
    for (const [u, ok] of [
      ['https://example.org/a', true],
      ['HTTPS://EXAMPLE.ORG/A', true],
      ['Http://x', true],
      ['ftp://example.org', false],
      ['https://', false],
      ['https://example.org/a b', false],
    ] as const) {
      expect(new RegExp(url, 'u').test(u), `JSON Schema pattern on ${u}`).to.equal(ok);
      expect(valibotProblems(envelope(u)), `valibot on ${u}`).to.have.length(ok ? 0 : 1);
    }
  });

  for (const path of SAMPLES) {
    it(`accepts ${path} with both the JSON Schema and valibot`, async () => {
      const sample = await fetchJson(path);
      expect(check(envelopeJsonSchema(), sample), 'JSON Schema').to.deep.equal([]);
      expect(valibotProblems(sample), 'validateEnvelope').to.deep.equal([]);
    });
  }

  it('rejects a row whose value is "lots" with both', async () => {
    const sample = (await fetchJson(SAMPLES[0]!)) as { data: { value: unknown }[] };
    sample.data[0]!.value = 'lots';
    expect(check(envelopeJsonSchema(), sample), 'JSON Schema').to.deep.equal(['/data/0/value: anyOf']);
    const problems = valibotProblems(sample);
    expect(problems, 'validateEnvelope').to.have.length(1);
    expect(problems[0]).to.match(/row 1/i).and.to.contain('"lots"');
  });

  it('agrees with valibot on other edits to a sample', async () => {
    type Sample = Record<string, unknown> & { measures: Record<string, unknown>[]; data: Record<string, unknown>[] };
    const edits: [string, boolean, (s: Sample) => void][] = [
      ['value "[c]"', true, (s) => (s.data[0]!.value = '[c]')],
      ['value "low"', true, (s) => (s.data[0]!.value = 'low')],
      ['value "C"', false, (s) => (s.data[0]!.value = 'C')],
      ['value "12"', false, (s) => (s.data[0]!.value = '12')],
      ['a numeric dimension', true, (s) => (s.data[0]!.area = 358)],
      ['a boolean dimension', false, (s) => (s.data[0]!.area = true)],
      ['yearStartMonth 7', true, (s) => (s.yearStartMonth = 7)],
      ['yearStartMonth 13', false, (s) => (s.yearStartMonth = 13)],
      ['yearStartMonth 4.5', false, (s) => (s.yearStartMonth = 4.5)],
      ['updated "2022-06-30"', true, (s) => (s.updated = '2022-06-30')],
      ['updated "June 2022"', false, (s) => (s.updated = 'June 2022')],
      ['source without a name', false, (s) => (s.source = { url: 'https://example.org' })],
      ['polarity "up"', false, (s) => (s.measures[0]!.polarity = 'up')],
      ['decimals 4', false, (s) => (s.measures[0]!.decimals = 4)],
      ['unit "ratio"', true, (s) => (s.measures[0]!.unit = 'ratio')],
      ['unit "mean"', false, (s) => (s.measures[0]!.unit = 'mean')],
      ['an unknown top-level property', true, (s) => (s.extra = { anything: [1] })],
      ['no data', false, (s) => delete (s as Record<string, unknown>).data],
    ];
    const original = JSON.stringify(await fetchJson(SAMPLES[0]!));
    for (const [name, ok, edit] of edits) {
      const sample = JSON.parse(original) as Sample;
      edit(sample);
      expect(check(envelopeJsonSchema(), sample), `JSON Schema, ${name}`).to.have.length(ok ? 0 : 1);
      expect(valibotProblems(sample), `validateEnvelope, ${name}`).to.have.length(ok ? 0 : 1);
    }
  });
});
