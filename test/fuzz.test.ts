/**
 * Property-based fuzzing (fast-check) of every widget: valid, almost valid
 * and hostile envelopes and CSV files go through validation, the model and
 * (for a smaller number) the real element. Every case must end in a model
 * or a WidgetError with a message (`widget-ready` or `widget-error` on the
 * element), never another exception, an uncaught error or a hang.
 *
 * Seeded and repeatable: the seed is fixed below; a failure prints it with
 * the counterexample and the path (paste both into SEED and PATH to replay).
 * FUZZ_SEED=<n> runs with another seed, FUZZ_RUNS=<n> with more inputs per
 * property (`npm run test:fuzz` runs 10,000 in Chromium).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { readText, detectFormat } from '../src/core/readers.js';
import { messages } from '../src/core/messages.js';
import type { Dataset } from '../src/core/contract.js';
import type { FigureModel } from '../src/core/widget.js';
import {
  buildAttendanceModel,
  buildKpiModel,
  buildTrainingModel,
  validateEnvelope,
  WidgetError,
} from '../src/index.js';
import { settle } from './helpers.js';

/** Change (or set FUZZ_SEED) to replay another run; a failure message names the seed and the path that failed. */
const SEED = 20_261_123;
const PURE_RUNS = 1000;
/** The seed and runs in use: SEED and PURE_RUNS unless FUZZ_SEED / FUZZ_RUNS say otherwise (read in `before`). */
let seed = SEED;
let pureRuns = PURE_RUNS;
const ELEMENT_RUNS = 29; // plus one 10,000-row case per widget: 30 through each element
const en = messages('en');

type Input = unknown;

interface WidgetSpec {
  readonly tag: string;
  readonly ids: readonly string[];
  readonly quarterly: boolean;
  readonly options: fc.Arbitrary<Record<string, unknown>>;
  readonly build: (dataset: Dataset, options: Record<string, unknown>) => FigureModel;
}

// ---------------------------------------------------------------- arbitraries

const NASTY_TEXT = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '０１２',
  '١٢٣',
  'שירותי ילדים',
  'خدمات الأطفال',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u0000',
  '\uD800',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=SUM(A1:A9)',
  '+cmd|/c calc',
  '"quoted, with comma"',
  'line\nbreak',
  '👩‍👩‍👧‍👦',
  'Ysgolion ac addysg – ŵ ŷ',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'x'.repeat(20_000),
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const SYMBOLS = ['c', '[c]', 'x', '[x]', 'z', '[z]', 'u', '[u]', 'low', '[low]', 'k', '[k]'];

const goodValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...SYMBOLS) },
);

const hostileValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 5e-324, 1e21, -0, NaN, Infinity, -Infinity),
  fc.constantFrom('12', '1,234', 'NaN', '', ' ', 'n/a', '-', '12%', '0x1F', '1e999', null, true, false, {}, [], [1]),
  nastyString,
);

const value = fc.oneof({ weight: 6, arbitrary: goodValue }, { weight: 1, arbitrary: hostileValue });

const yearKey = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

const goodPeriod = (quarterly: boolean) =>
  fc
    .tuple(fc.integer({ min: 2012, max: 2026 }), quarterly ? fc.integer({ min: 1, max: 4 }) : fc.constant(0))
    .map(([y, q]) => (q ? `${yearKey(y)} Q${q}` : yearKey(y)));

const hostilePeriod = fc.oneof(
  fc.constantFrom('2021-23', '2021/22', '2021', 'Q1 2021-22', '9999-00', '0000-01', '2021-22 Q5', '2021-22 Q0'),
  fc.constantFrom('2021-2022', ' 2021 – 22 q2 ', '1899-1900', '2099-00', '2021-22 Q99999999999999999999'),
  nastyString,
);

const SECTORS = [
  "Children's Services",
  'Police',
  'Schools and education',
  'Hospitals',
  'Probation',
  'שירותי בריאות',
  'الشرطة',
  'Gwasanaethau Plant',
  '  padded  ',
  '1234',
];
const sectorName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SECTORS) },
  { weight: 1, arbitrary: nastyString },
);

const measureDef = (ids: readonly string[]) =>
  fc.record(
    {
      id: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: nastyString }),
      label: fc.oneof(fc.constantFrom('Attendees', 'Contacts', 'שלום', 'مرحبا'), nastyString),
      definition: nastyString,
      polarity: fc.constantFrom('up-good', 'down-good', 'neutral', 'sideways'),
      numerator: fc.constantFrom(...ids),
      denominator: fc.constantFrom(...ids),
      group: nastyString,
      unit: fc.constantFrom('count', 'percent', 'ratio', 'furlongs'),
      decimals: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 50 }), fc.double()),
    },
    { requiredKeys: ['id'] },
  );

/** A well-formed envelope: unique (measure, period, dims) keys, known ids; most of these are ready. */
function validEnvelope(spec: WidgetSpec) {
  return fc
    .record({
      ids: fc.subarray([...spec.ids], { minLength: 1 }),
      startYears: fc.uniqueArray(fc.integer({ min: 2012, max: 2026 }), { minLength: 1, maxLength: 6 }),
      quarterly: spec.quarterly ? fc.boolean() : fc.constant(false),
      sectors: fc.uniqueArray(sectorName, { maxLength: 6 }),
      values: fc.array(goodValue, { minLength: 1, maxLength: 40 }),
      title: fc.option(fc.oneof(fc.constantFrom('Training', 'עמוד', 'تقرير'), nastyString), { nil: undefined }),
      yearStartMonth: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      annotations: fc.array(fc.record({ period: goodPeriod(false), text: nastyString }), { maxLength: 2 }),
      withRatio: fc.boolean(),
    })
    .map((g) => {
      const measures: Record<string, unknown>[] = g.ids.map((id) => ({ id }));
      if (g.withRatio && g.ids.length >= 2) {
        measures.push({ id: 'derived_rate', numerator: g.ids[0], denominator: g.ids[1] });
      }
      const data: Record<string, unknown>[] = [];
      let i = 0;
      const next = () => g.values[i++ % g.values.length];
      for (const id of g.ids) {
        for (const y of g.startYears) {
          const periods = g.quarterly ? [1, 2, 3, 4].map((q) => `${yearKey(y)} Q${q}`) : [yearKey(y)];
          for (const period of periods) {
            data.push({ measure: id, period, value: next() });
            for (const sector of g.sectors) data.push({ measure: id, period, value: next(), sector });
          }
        }
      }
      return {
        ...(g.title !== undefined ? { title: g.title } : {}),
        ...(g.yearStartMonth !== undefined ? { yearStartMonth: g.yearStartMonth } : {}),
        annotations: g.annotations,
        measures,
        data,
      } as Record<string, unknown>;
    });
}

function deep(depth: number, leaf: unknown = 1): unknown {
  let o: unknown = leaf;
  for (let i = 0; i < depth; i++) o = i % 2 ? [o] : { a: o };
  return o;
}

const MUTATIONS = [
  'drop-measures',
  'drop-data',
  'measures-not-array',
  'data-not-array',
  'row-junk',
  'row-value',
  'row-period',
  'row-measure',
  'row-dim',
  'row-deep',
  'duplicate-row',
  'duplicate-measure',
  'unknown-ref',
  'field-junk',
  'negative',
  'huge',
] as const;

/** A valid envelope with one thing wrong. */
function almostValid(spec: WidgetSpec) {
  return fc
    .tuple(
      validEnvelope(spec),
      fc.constantFrom(...MUTATIONS),
      fc.nat(),
      fc.anything({ maxDepth: 3 }),
      hostileValue,
      hostilePeriod,
      fc.integer({ min: 1, max: 2000 }),
    )
    .map(([env, kind, n, junk, badValue, badPeriod, depth]) => {
      const e = structuredClone(env);
      const data = e.data as Record<string, unknown>[];
      const measures = e.measures as Record<string, unknown>[];
      const row = data[n % data.length]!;
      switch (kind) {
        case 'drop-measures':
          delete e.measures;
          break;
        case 'drop-data':
          delete e.data;
          break;
        case 'measures-not-array':
          e.measures = junk;
          break;
        case 'data-not-array':
          e.data = junk;
          break;
        case 'row-junk':
          data[n % data.length] = junk as Record<string, unknown>;
          break;
        case 'row-value':
          row.value = badValue;
          break;
        case 'row-period':
          row.period = badPeriod;
          break;
        case 'row-measure':
          row.measure = junk;
          break;
        case 'row-dim':
          row[['sector', 'format', 'area', 'measure ', ''][n % 5]!] = junk;
          break;
        case 'row-deep':
          row.sector = deep(depth);
          break;
        case 'duplicate-row':
          data.push({ ...row });
          break;
        case 'duplicate-measure':
          measures.push({ ...measures[n % measures.length] });
          break;
        case 'unknown-ref':
          measures.push({ id: 'broken_rate', numerator: 'nope', denominator: measures[0]!.id });
          break;
        case 'field-junk':
          e[['title', 'source', 'updated', 'asAt', 'yearStartMonth', 'notes', 'annotations', 'comparators'][n % 8]!] =
            junk;
          break;
        case 'negative':
          for (const r of data) if (typeof r.value === 'number') r.value = -Math.abs(r.value) - 1;
          break;
        case 'huge':
          for (const r of data) r.value = [1e308, Number.MAX_VALUE, 2 ** 53 + 1, 1e21][n % 4];
          break;
      }
      return e;
    });
}

/** Anything at all, or random envelopes whose every field may be wrong. */
function hostile(spec: WidgetSpec) {
  const row = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.record({
            measure: fc.oneof(fc.constantFrom(...spec.ids), nastyString),
            period: fc.oneof(goodPeriod(spec.quarterly), hostilePeriod),
            value,
          }),
          fc.dictionary(
            fc.oneof(fc.constantFrom('sector', 'format', 'area'), nastyString),
            fc.oneof(sectorName, value),
            {
              maxKeys: 3,
            },
          ),
        )
        .map(([r, dims]) => ({ ...dims, ...r })),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  return fc.oneof(
    fc.anything({ maxDepth: 4 }),
    fc.integer({ min: 1, max: 3000 }).map((d) => deep(d)),
    fc.integer({ min: 1, max: 3000 }).map((d) => ({ measures: [], data: deep(d) })),
    fc.record(
      {
        title: fc.oneof(nastyString, hostileValue),
        measures: fc.oneof({ weight: 5, arbitrary: fc.array(measureDef(spec.ids), { maxLength: 6 }) }, hostileValue),
        data: fc.oneof({ weight: 5, arbitrary: fc.array(row, { maxLength: 60 }) }, hostileValue),
        yearStartMonth: fc.oneof(fc.integer({ min: -20, max: 20 }), hostileValue),
        source: fc.oneof(
          fc.record({ name: nastyString, url: fc.oneof(fc.webUrl(), nastyString, fc.constant('javascript:alert(1)')) }),
          hostileValue,
        ),
        updated: fc.oneof(fc.constantFrom('2024-05', '2024-05-31', '2024-13-45', '0000-00-00'), nastyString),
        asAt: fc.oneof(fc.constantFrom('2021-09-29', '2021-02-30', '9999-99-99'), nastyString),
        notes: fc.oneof(fc.array(nastyString, { maxLength: 3 }), hostileValue),
        annotations: fc.oneof(
          fc.array(fc.record({ period: fc.oneof(goodPeriod(false), hostilePeriod), text: nastyString }), {
            maxLength: 3,
          }),
          hostileValue,
        ),
        comparators: fc.array(fc.record({ area: nastyString, kind: fc.constantFrom('national', 'mars') }), {
          maxLength: 2,
        }),
        area: fc.record({ name: nastyString }),
      },
      { requiredKeys: ['measures', 'data'] },
    ),
  );
}

/** JSON text: pretty or not, with a BOM, cut short, with duplicate keys, or deeply nested. */
function jsonText(envelope: fc.Arbitrary<Input>) {
  return fc
    .tuple(
      envelope,
      fc.constantFrom('plain', 'pretty', 'bom', 'cut', 'dup-data', 'dup-row-key', 'html', 'deep'),
      fc.nat(),
    )
    .map(([env, how, n]) => {
      const text = JSON.stringify(env) ?? 'undefined';
      switch (how) {
        case 'pretty':
          return JSON.stringify(env, null, 2) ?? '';
        case 'bom':
          return `\uFEFF${text}`;
        case 'cut':
          return text.slice(0, n % (text.length + 1));
        case 'dup-data':
          return text.startsWith('{') ? `{"data":[],"measures":{},${text.slice(1)}` : text;
        case 'dup-row-key':
          return text.replace('{"measure":', '{"measure":"ghost","value":"NaN","measure":');
        case 'html':
          return `<!doctype html><title>Not found</title>${text}`;
        case 'deep':
          return `{"measures":[],"data":${'['.repeat((n % 5000) + 1)}${']'.repeat((n % 5000) + 1)}}`;
        default:
          return text;
      }
    });
}

function csvCell(cell: unknown): string {
  const s = typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Tidy CSV text from an envelope's rows, with BOMs, blank lines, CRLF, odd headers and broken quotes. */
function csvText(envelope: fc.Arbitrary<Record<string, unknown>>) {
  return fc
    .tuple(
      envelope,
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom('measure,period,value', 'Measure , PERIOD,Value', 'period,value', 'value,measure,period,,'),
      fc.constantFrom('none', 'unclosed-quote', 'stray-quotes', 'extra-cells', 'short-rows'),
    )
    .map(([env, bom, blank, crlf, header, damage]) => {
      const rows = Array.isArray(env.data) ? (env.data as Record<string, unknown>[]) : [];
      const dims = ['sector', 'format'];
      const lines = [`${header},${dims.join(',')}`];
      rows.forEach((r, i) => {
        const cells = [r?.measure, r?.period, r?.value, r?.sector ?? '', r?.format ?? ''].map((c) => csvCell(c ?? ''));
        if (damage === 'extra-cells') cells.push('"extra, cell"', '');
        if (damage === 'short-rows' && i % 2) cells.length = 2;
        lines.push(cells.join(','));
        if (blank && i % 3 === 0) lines.push('', ' , , ');
      });
      if (damage === 'unclosed-quote') lines.splice(1 + (lines.length >> 1), 0, '"attendees,2021-22,"12');
      if (damage === 'stray-quotes') lines.push('attend"ees,2021"-22,1"2');
      return (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n');
    });
}

const rawCsv = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        '"',
        ',',
        '\n',
        '\r\n',
        '\r',
        'measure',
        'period',
        'value',
        'attendees',
        '2021-22',
        '1',
        '""',
        '\uFEFF',
        ' ',
        'sector',
        'ש',
      ),
      {
        maxLength: 80,
      },
    )
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 200 }).map((s) => `measure,period,value\n${s}`),
);

function anyInput(spec: WidgetSpec): fc.Arbitrary<Input> {
  const valid = validEnvelope(spec);
  const almost = almostValid(spec);
  const bad = hostile(spec);
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: almost },
    { weight: 3, arbitrary: bad },
    { weight: 2, arbitrary: jsonText(fc.oneof(valid, almost, bad)) },
    { weight: 3, arbitrary: csvText(fc.oneof(valid, almost)) },
    { weight: 1, arbitrary: rawCsv },
  );
}

// ---------------------------------------------------------------- widgets

const nastyOption = fc.oneof(nastyString, fc.constantFrom('2021-22', '2024-25', '2012-13', '1999-00'));
const nastyCount = fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constantFrom(0, NaN, Infinity, 1e9, 2.5));

const WIDGETS: WidgetSpec[] = [
  {
    tag: 'kpi-quarter-table',
    ids: ['contacts', 'contacts_nfa', 'referrals', 'cp_plans', 'rate'],
    quarterly: true,
    options: fc.record({ year: nastyOption, years: nastyCount }, { requiredKeys: [] }),
    build: (d, o) => buildKpiModel(d, en, 'en', o as Parameters<typeof buildKpiModel>[3]),
  },
  {
    tag: 'attendance-by-sector',
    ids: ['attendances', 'meetings', 'all_groups_meeting', 'invited'],
    quarterly: false,
    options: fc.record(
      {
        measure: fc.oneof(fc.constantFrom('attendances', 'meetings', 'nope'), nastyString),
        year: nastyOption,
        sort: fc.oneof(fc.constantFrom('value', 'data', 'alpha'), nastyString),
      },
      { requiredKeys: [] },
    ),
    build: (d, o) => buildAttendanceModel(d, en, 'en', o as Parameters<typeof buildAttendanceModel>[3]),
  },
  {
    tag: 'training-trend',
    ids: ['attendees', 'events', 'cancelled', 'booked', 'evaluation', 'evaluation_min', 'evaluation_max'],
    quarterly: false,
    options: fc.record({ years: nastyCount }, { requiredKeys: [] }),
    build: (d, o) => buildTrainingModel(d, en, 'en', o as Parameters<typeof buildTrainingModel>[3]),
  },
];

/** What a widget does with its `data` property, without the element. */
function toDataset(input: Input): Dataset {
  return typeof input === 'string' ? readText(input, detectFormat(input)) : validateEnvelope(input);
}

function describeInput(input: Input): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  return text === undefined
    ? String(input)
    : text.length > 400
      ? `${text.slice(0, 400)}… (${text.length} chars)`
      : text;
}

function checkModel(model: FigureModel): void {
  if (!Array.isArray(model.summary) || !model.summary.every((s) => typeof s === 'string')) {
    throw new Error(`summary is not a list of strings: ${String(model.summary)}`);
  }
  if (!Array.isArray(model.csv) || !model.csv.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) {
    throw new Error('csv is not rows of strings');
  }
  if (typeof model.period !== 'string') throw new Error('period is not a string');
}

function tenThousandRows(spec: WidgetSpec): Record<string, unknown> {
  const data: Record<string, unknown>[] = [];
  for (let i = 0; data.length < 10_000; i++) {
    const id = spec.ids[i % spec.ids.length]!;
    const year = 2000 + Math.floor(i / 400);
    const period = spec.quarterly ? `${yearKey(year)} Q${(i % 4) + 1}` : yearKey(year);
    data.push({
      measure: id,
      period,
      value: (i * 37) % 1000,
      sector: `Sector ${i % 50} ${SECTORS[i % SECTORS.length]}`,
    });
  }
  return { title: 'Ten thousand rows', measures: spec.ids.map((id) => ({ id })), data };
}

// ---------------------------------------------------------------- tests

describe('fuzzing (fast-check, seeded)', function () {
  this.timeout(120_000);

  before(async () => {
    const settings = await executeServerCommand<{ seed?: number; runs?: number }, undefined>('pw-fuzz-settings');
    seed = settings?.seed ?? SEED;
    pureRuns = Math.max(PURE_RUNS, settings?.runs ?? PURE_RUNS);
    console.log(`fuzzing with seed ${seed}, ${pureRuns} inputs per property (FUZZ_SEED, FUZZ_RUNS)`);
  });

  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandledrejection: ${String(e.reason)}`);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const spec of WIDGETS) {
    describe(spec.tag, () => {
      it(`At least ${PURE_RUNS} inputs through validation and the model: a model or a WidgetError, nothing else`, () => {
        const outcomes = { ready: 0, error: 0 };
        fc.assert(
          fc.property(
            anyInput(spec),
            fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, spec.options),
            (input, options) => {
              let dataset: Dataset;
              let model: FigureModel;
              try {
                dataset = toDataset(input);
                model = spec.build(dataset, options);
              } catch (error) {
                if (!(error instanceof WidgetError)) {
                  throw new Error(`not a WidgetError: ${String(error)}\ninput: ${describeInput(input)}`, {
                    cause: error,
                  });
                }
                const lines = error.describe(en);
                if (!lines.length || lines.some((l) => typeof l !== 'string' || l.trim() === '')) {
                  throw new Error(`empty message for ${error.kind}\ninput: ${describeInput(input)}`);
                }
                outcomes.error++;
                return;
              }
              checkModel(model);
              outcomes.ready++;
            },
          ),
          { seed, numRuns: pureRuns },
        );
        // The generators must reach both outcomes in earnest.
        expect(outcomes.ready, 'models built').to.be.greaterThan(PURE_RUNS / 10);
        expect(outcomes.error, 'errors').to.be.greaterThan(PURE_RUNS / 10);
      });

      it(`At least ${PURE_RUNS} valid envelopes read the same as an object, as JSON text (with a BOM) and as CSV text`, () => {
        fc.assert(
          fc.property(validEnvelope(spec), fc.boolean(), (env, bom) => {
            const outcome = (input: Input) => {
              try {
                return `ready ${toDataset(input).rows.length}`;
              } catch (error) {
                if (error instanceof WidgetError) return error.kind;
                throw error;
              }
            };
            const object = outcome(env);
            const text = outcome(`${bom ? '\uFEFF' : ''}${JSON.stringify(env, null, bom ? 2 : undefined)}`);
            if (object !== text) throw new Error(`object: ${object}, JSON text: ${text}`);
          }),
          { seed, numRuns: pureRuns },
        );
      });

      it(`${ELEMENT_RUNS + 1} inputs through the element: widget-ready or widget-error with a message`, async () => {
        const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
        const run = async (input: Input) => {
          uncaught.length = 0;
          const el = document.createElement(spec.tag) as HTMLElement & { data?: unknown };
          el.data = input;
          const outcome = settle(el, 10_000);
          host.append(el);
          try {
            const result = await outcome;
            if (result.type === 'error' && !result.detail.message.trim()) {
              throw new Error(`widget-error without a message\ninput: ${describeInput(input)}`);
            }
            // Let anything thrown after the event (a chart drawn in the next frame) surface.
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
            if (uncaught.length) throw new Error(`${uncaught.join('; ')}\ninput: ${describeInput(input)}`);
            return result;
          } finally {
            el.remove();
          }
        };
        await fc.assert(
          fc.asyncProperty(anyInput(spec), async (input) => {
            await run(input);
          }),
          { seed, numRuns: ELEMENT_RUNS },
        );
        const big = tenThousandRows(spec);
        const started = performance.now();
        const result = await run(big);
        expect(['ready', 'error']).to.include(result.type);
        expect(performance.now() - started, '10,000 rows in ms').to.be.below(10_000);
      });
    });
  }
});
