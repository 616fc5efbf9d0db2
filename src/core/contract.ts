/**
 * The data contract: one JSON envelope for every widget, with tidy rows (one
 * value per row). The valibot schema below is the single source: the JSON
 * Schema shipped in `schema/envelope.schema.json` is generated from it
 * (`npm run schema`) and a test fails when the two drift apart.
 *
 * valibot validates without `eval`/`Function`, so it runs under a strict CSP.
 */
import * as v from 'valibot';
import { catalogues, type Messages } from './messages.js';
import { isPeriod, parsePeriod, type Period } from './periods.js';
import { parseValue, SYMBOL_CODES, type Value } from './symbols.js';

const SYMBOL_TEXTS = SYMBOL_CODES.flatMap((code) => [code, `[${code}]`]);

/** Messages are keys into `Messages.errors.expected`, so they can be shown in either language. */
const Id = v.pipe(v.string('text'), v.regex(/^[A-Za-z0-9_-]+$/, 'id'));
const Text = v.string('text');

export const MeasureSchema = v.looseObject(
  {
    id: Id,
    label: v.optional(Text),
    definition: v.optional(Text),
    polarity: v.optional(v.picklist(['up-good', 'down-good', 'neutral'], 'polarity')),
    numerator: v.optional(Id),
    denominator: v.optional(Id),
    group: v.optional(Text),
    unit: v.optional(v.picklist(['count', 'percent', 'ratio'], 'unit')),
    decimals: v.optional(
      v.pipe(v.number('number'), v.integer('number'), v.minValue(0, 'number'), v.maxValue(3, 'number')),
    ),
  },
  'object',
);

export const RowSchema = v.objectWithRest(
  {
    measure: Id,
    period: Text,
    value: v.union([v.pipe(v.number('value'), v.finite('value')), v.picklist(SYMBOL_TEXTS, 'value')], 'value'),
  },
  v.union([v.string('text'), v.number('text')], 'text'),
  'object',
);

export const EnvelopeSchema = v.looseObject(
  {
    title: v.optional(Text),
    publisher: v.optional(Text),
    source: v.optional(
      v.looseObject(
        {
          name: Text,
          url: v.optional(v.pipe(v.string('url'), v.regex(/^https?:\/\/\S+$/i, 'url'))),
        },
        'object',
      ),
    ),
    updated: v.optional(v.pipe(v.string('date'), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'date'))),
    asAt: v.optional(v.pipe(v.string('date'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date'))),
    yearStartMonth: v.optional(
      v.pipe(v.number('month'), v.integer('month'), v.minValue(1, 'month'), v.maxValue(12, 'month')),
    ),
    measures: v.array(MeasureSchema, 'list'),
    notes: v.optional(v.array(Text, 'list')),
    annotations: v.optional(v.array(v.looseObject({ period: Text, text: Text }, 'object'), 'list')),
    /** How readers see each period, where the key alone would mislead: {"2023-24": "30 September 2024"}. */
    periodLabels: v.optional(v.record(v.string('text'), Text, 'object')),
    area: v.optional(v.looseObject({ name: Text, code: v.optional(Text) }, 'object')),
    comparators: v.optional(
      v.array(
        v.looseObject(
          {
            area: Text,
            kind: v.optional(v.picklist(['national', 'region', 'neighbours', 'other'], 'kind')),
          },
          'object',
        ),
        'list',
      ),
    ),
    data: v.array(RowSchema, 'list'),
  },
  'object',
);

export type EnvelopeInput = v.InferInput<typeof EnvelopeSchema>;
export type Polarity = 'up-good' | 'down-good' | 'neutral';

/** A measure after validation: every optional field settled. */
export interface MeasureDef {
  readonly id: string;
  readonly label: string;
  readonly definition?: string;
  readonly polarity: Polarity;
  /** Set for a derived rate: value = numerator / denominator. */
  readonly numerator?: string;
  readonly denominator?: string;
  readonly group?: string;
  /**
   * `percent` for a rate stated in the data (18.8 means 18.8%); derived rates are percentages unless
   * `ratio`: numerator / denominator as a plain number, such as an average per meeting (9.2).
   */
  readonly unit: 'count' | 'percent' | 'ratio';
  /** Decimal places for a rate or a ratio (default 1). */
  readonly decimals: number;
}

export interface DataRow {
  readonly measure: string;
  readonly period: Period;
  readonly value: Value;
  /** Extra dimensions (sector, format, area...). */
  readonly dims: Readonly<Record<string, string>>;
  /** The row's number as a person would count it in the source (1-based). */
  readonly row: number;
}

export interface Dataset {
  readonly title?: string;
  readonly publisher?: string;
  readonly source?: { readonly name: string; readonly url?: string };
  readonly updated?: string;
  /** The date the figures were frozen (a board paper's committee date): "Figures as at 29 September 2021". */
  readonly asAt?: string;
  readonly yearStartMonth: number;
  readonly measures: readonly MeasureDef[];
  readonly notes: readonly string[];
  readonly annotations: readonly { readonly period: string; readonly text: string }[];
  /** Readers' labels of periods by key (`2023-24` → `30 September 2024`), where the data gives them. */
  readonly periodLabels?: Readonly<Record<string, string>>;
  /** The area the main rows are for (rows without an `area` dimension). */
  readonly area?: { readonly name: string; readonly code?: string };
  /** Comparator areas (rows with an `area` dimension), in the order to show them. */
  readonly comparators: readonly Comparator[];
  readonly rows: readonly DataRow[];
}

export interface Comparator {
  /** The `area` value of its rows: "England", "North West", "Statistical neighbours (median)". */
  readonly area: string;
  readonly kind: 'national' | 'region' | 'neighbours' | 'other';
}

/** A problem, rendered later in the reader's language. */
export type Problem = (m: Messages) => string;

export type ErrorKind = 'network' | 'http' | 'timeout' | 'parse' | 'validation' | 'config';

/** Every failure a widget shows: a kind for the event, and messages for people. */
export class WidgetError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly problems: readonly Problem[],
  ) {
    super(problems.length ? problems[0]!(catalogues.en) : kind);
    this.name = 'WidgetError';
  }

  /** The messages in a language, at most `limit` of them plus "and N more". */
  describe(m: Messages, limit = 5): string[] {
    const shown = this.problems.slice(0, limit).map((p) => p(m));
    if (this.problems.length > limit) shown.push(m.errors.moreProblems(this.problems.length - limit));
    return shown;
  }
}

const MAX_PROBLEMS = 50;

/** Describes a JSON value for "but is ..." in a message. */
function describeReceived(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? '[…]' : '{…}';
}

function issueToProblem(issue: v.BaseIssue<unknown>, rowNumberOf: (index: number) => number): Problem {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key as string | number);
  const expectedKey = issue.message as keyof Messages['errors']['expected'];
  const received = issue.input;
  return (m) => {
    let where = m.errors.envelope;
    let field = keys.map(String).join('.');
    if (keys[0] === 'data' && typeof keys[1] === 'number') {
      where = m.errors.row(rowNumberOf(keys[1]));
      field = keys.slice(2).map(String).join('.') || 'data';
    } else if (keys[0] === 'measures' && typeof keys[1] === 'number') {
      where = `${m.errors.envelope}, measures[${keys[1]}]`;
      field = keys.slice(2).map(String).join('.') || 'measures';
    }
    if (received === undefined && issue.kind === 'schema') return m.errors.missingField(where, field);
    const expected = m.errors.expected[expectedKey] ?? issue.expected ?? '';
    return m.errors.field(where, field, expected, describeReceived(received));
  };
}

export interface ValidateOptions {
  /** Added to a data index to give the row number people see (1 for JSON, 2 for CSV with a header). */
  rowOffset?: number;
  /** The row number of each data index, where rows were skipped (CSV blank lines). */
  rowNumbers?: readonly number[];
  yearStartMonth?: number;
}

/**
 * Validates a parsed envelope and normalises it into a Dataset. Throws a
 * WidgetError of kind `validation` listing every problem found, each naming
 * the row, the field and what was expected.
 */
export function validateEnvelope(input: unknown, options: ValidateOptions = {}): Dataset {
  const rowOffset = options.rowOffset ?? 1;
  const rowNumberOf = (index: number) => options.rowNumbers?.[index] ?? index + rowOffset;
  if (
    typeof input !== 'object' ||
    input === null ||
    Array.isArray(input) ||
    !('data' in input) ||
    !('measures' in input)
  ) {
    throw new WidgetError('validation', [(m) => m.errors.notEnvelope]);
  }
  const result = v.safeParse(EnvelopeSchema, input, { abortEarly: false });
  if (!result.success) {
    throw new WidgetError(
      'validation',
      result.issues.slice(0, MAX_PROBLEMS).map((issue) => issueToProblem(issue, rowNumberOf)),
    );
  }
  const env = result.output;
  const problems: Problem[] = [];

  const measures: MeasureDef[] = [];
  const ids = new Set<string>();
  for (const raw of env.measures) {
    if (ids.has(raw.id)) problems.push((m) => m.errors.duplicateMeasure(raw.id));
    ids.add(raw.id);
    measures.push({
      id: raw.id,
      label: raw.label ?? humanise(raw.id),
      ...(raw.definition ? { definition: raw.definition } : {}),
      polarity: raw.polarity ?? 'neutral',
      ...(raw.numerator ? { numerator: raw.numerator } : {}),
      ...(raw.denominator ? { denominator: raw.denominator } : {}),
      ...(raw.group ? { group: raw.group } : {}),
      unit: raw.numerator ? (raw.unit === 'ratio' ? 'ratio' : 'percent') : (raw.unit ?? 'count'),
      decimals: raw.decimals ?? 1,
    });
  }
  for (const measure of measures) {
    for (const role of ['numerator', 'denominator'] as const) {
      const ref = measure[role];
      if (ref !== undefined && !ids.has(ref)) problems.push((m) => m.errors.unknownRef(measure.id, role, ref));
    }
    if ((measure.numerator === undefined) !== (measure.denominator === undefined)) {
      const role = measure.numerator === undefined ? 'numerator' : 'denominator';
      problems.push((m) => m.errors.missingField(m.errors.measureAt(measure.id), role));
    }
  }

  const rows: DataRow[] = [];
  const seen = new Map<string, number>();
  const known = [...ids].join(', ');
  env.data.forEach((raw, index) => {
    const rowNumber = rowNumberOf(index);
    const { measure, period: periodText, value: rawValue, ...rest } = raw;
    if (!ids.has(measure)) {
      problems.push((m) => m.errors.unknownMeasure(rowNumber, measure, known));
      return;
    }
    const period = parsePeriod(periodText);
    if (!isPeriod(period)) {
      const kind = period.kind;
      problems.push((m) =>
        kind === 'not-a-quarter'
          ? m.errors.notAQuarter(rowNumber, periodText)
          : kind === 'years-not-consecutive'
            ? m.errors.yearsNotConsecutive(rowNumber, periodText)
            : m.errors.notAPeriod(rowNumber, periodText),
      );
      return;
    }
    const value = parseValue(rawValue)!;
    const dims: Record<string, string> = {};
    for (const [k, dv] of Object.entries(rest)) dims[k] = String(dv);
    const key = JSON.stringify([measure, period.key, Object.entries(dims).sort()]);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push((m) => m.errors.duplicate(first, rowNumber, measure, period.key));
      return;
    }
    seen.set(key, rowNumber);
    rows.push({ measure, period, value, dims, row: rowNumber });
  });

  if (problems.length) throw new WidgetError('validation', problems.slice(0, MAX_PROBLEMS));

  return {
    ...(env.title ? { title: env.title } : {}),
    ...(env.publisher ? { publisher: env.publisher } : {}),
    ...(env.source ? { source: { name: env.source.name, ...(env.source.url ? { url: env.source.url } : {}) } } : {}),
    ...(env.updated ? { updated: env.updated } : {}),
    ...(env.asAt ? { asAt: env.asAt } : {}),
    yearStartMonth: env.yearStartMonth ?? options.yearStartMonth ?? 4,
    measures,
    notes: env.notes ?? [],
    annotations: env.annotations ?? [],
    ...(env.periodLabels ? { periodLabels: env.periodLabels } : {}),
    ...(env.area ? { area: { name: env.area.name, ...(env.area.code ? { code: env.area.code } : {}) } } : {}),
    comparators: (env.comparators ?? []).map((c) => ({ area: c.area, kind: c.kind ?? 'other' })),
    rows,
  };
}

/** `contacts_nfa` → `Contacts nfa`: a readable default label. */
export function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
