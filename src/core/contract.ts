/**
 * The data contract: one JSON envelope for every widget, with tidy rows (one
 * value per row). The valibot schema below is the single source: the JSON
 * Schema shipped in `schema/envelope.schema.json` is generated from it
 * (`npm run schema`) and a test fails when the two drift apart.
 *
 * valibot validates without `eval`/`Function`, so it runs under a strict CSP.
 */
import * as v from 'valibot';
import { catalogues, type LimitedThing, type Messages } from './messages.js';
import { isPeriod, parsePeriod, type Period } from './periods.js';
import { STATUSES, statusRank, type Status } from './status.js';
import { isNumber, parseValue, SYMBOL_CODES, type Value } from './symbols.js';
import { cleanText } from './text.js';

const SYMBOL_TEXTS = SYMBOL_CODES.flatMap((code) => [code, `[${code}]`]);

/** Messages are keys into `Messages.errors.expected`, so they can be shown in either language. */
const Id = v.pipe(v.string('text'), v.regex(/^[A-Za-z0-9_-]+$/, 'id'));
const Text = v.string('text');
/** A web address, for a source's link. */
const Url = v.pipe(v.string('url'), v.regex(/^https?:\/\/\S+$/i, 'url'));
/** A breakdown's value on a row (`"sector": "Health"`): text, or a number such as a year group. */
const DimensionValue = v.union([v.string('text'), v.number('text')], 'text');

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
    /** The figure's status: provisional `[p]`, revised `[r]`, final, estimated `[e]`. */
    status: v.optional(v.picklist(STATUSES, 'status')),
    /** The `id` of the figure's source in the envelope's `sources`. */
    source: v.optional(Id),
  },
  DimensionValue,
  'object',
);

const Finite = v.pipe(v.number('number'), v.finite('number'));
const Count = v.pipe(v.number('number'), v.integer('number'), v.minValue(0, 'number'));

/** Where the area's own figure sits among its statistical neighbours' figures. */
export const SPREAD_POSITIONS = ['below-all', 'lower-quarter', 'middle-half', 'upper-quarter', 'above-all'] as const;
export type SpreadPosition = (typeof SPREAD_POSITIONS)[number];
/** LAIT's quartile bands among all authorities: A the best quarter (polarity decides which end), D the worst. */
export const BANDS = ['A', 'B', 'C', 'D'] as const;
export type Band = (typeof BANDS)[number];

/**
 * Five numbers of a group's figures (quartiles by the inclusive method: Excel's QUARTILE.INC,
 * d3.quantile, R's default), how many had a figure, and where the area's own figure sits.
 */
export const SpreadStatsSchema = v.looseObject(
  {
    count: Count,
    of: v.optional(Count),
    lowest: Finite,
    lowerQuartile: Finite,
    median: Finite,
    upperQuartile: Finite,
    highest: Finite,
    position: v.optional(v.picklist(SPREAD_POSITIONS, 'position')),
    band: v.optional(v.picklist(BANDS, 'band')),
  },
  'object',
);

/** The spread of a measure in a period: among the area's statistical neighbours, and among all authorities. */
export const SpreadSchema = v.objectWithRest(
  {
    measure: Id,
    period: Text,
    neighbours: v.optional(SpreadStatsSchema),
    authorities: v.optional(SpreadStatsSchema),
  },
  DimensionValue,
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
          url: v.optional(Url),
        },
        'object',
      ),
    ),
    /** Sources of individual figures, named by a row's `source`. */
    sources: v.optional(
      v.array(
        v.looseObject(
          {
            id: Id,
            name: Text,
            url: v.optional(Url),
          },
          'object',
        ),
        'list',
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
    /** The neighbours' and all authorities' spread of each measure and period (`prepare --neighbours`). */
    spread: v.optional(v.array(SpreadSchema, 'list')),
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
  /** Provisional, revised, final or estimated, where the data says. */
  readonly status?: Status;
  /** The `id` of the figure's source (see `Dataset.sources`). */
  readonly source?: string;
}

export interface SourceDef {
  readonly id: string;
  readonly name: string;
  readonly url?: string;
}

export interface Dataset {
  readonly title?: string;
  readonly publisher?: string;
  readonly source?: { readonly name: string; readonly url?: string };
  /** Sources of individual figures (rows name them by `source`). */
  readonly sources: readonly SourceDef[];
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
  /**
   * Figures given again for a cell with another status, set aside for a more
   * settled one in `rows` (a local provisional count beside the official final one).
   */
  readonly superseded: readonly DataRow[];
  /** The spread of each measure and period among the area's neighbours and all authorities, where given. */
  readonly spread?: readonly SpreadEntry[];
}

export interface SpreadStats {
  /** How many had a figure (the rest had a symbol or no row). */
  readonly count: number;
  /** How many there are (10 statistical neighbours), where stated. */
  readonly of?: number;
  readonly lowest: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly highest: number;
  /** Where the area's own figure sits (neighbours). */
  readonly position?: SpreadPosition;
  /** The area's quartile band among all authorities, A best (not for neutral polarity or counts). */
  readonly band?: Band;
}

export interface SpreadEntry {
  readonly measure: string;
  readonly period: Period;
  /** Breakdown dimensions, as on the rows. */
  readonly dims: Readonly<Record<string, string>>;
  readonly neighbours?: SpreadStats;
  readonly authorities?: SpreadStats;
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

/** A widget's `year` attribute (`2021-22`) → the year's start, or a config error for anything else (a quarter too). */
export function parseYearOption(text: string): number {
  const p = parsePeriod(text);
  if (!isPeriod(p) || p.quarter) throw new WidgetError('config', [(m) => m.errors.badYear(text)]);
  return p.startYear;
}

const MAX_PROBLEMS = 50;

/** Describes a JSON value for "but is ..." in a message. */
function describeReceived(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(cleanText(value.length > 40 ? `${value.slice(0, 40)}…` : value));
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

/**
 * What one widget will draw. A file beyond these is refused with a message
 * before any costly work (validation, layout, drawing), so a hostile or
 * mistaken file cannot hold up the host page. Generous for real figures: a
 * partnership's file has tens of measures and sectors and a few hundred rows.
 */
export const LIMITS = {
  /** Data rows in one file. */
  rows: 20_000,
  measures: 200,
  /** Different periods (years and quarters) in the data. */
  periods: 100,
  /** Different values of one dimension: sectors, meeting formats, areas. */
  dimensionValues: 500,
  /** Dimensions (columns beyond measure, period and value) in one row. */
  dimensions: 20,
  /** Characters in any one text: a label, a name, a definition, a note. */
  text: 2_000,
  notes: 50,
  annotations: 200,
  comparators: 50,
  /** Sources of individual figures (`sources`). */
  sources: 50,
  /** The largest figure (either sign): beyond 10^15 whole numbers stop being exact, and totals could overflow. */
  value: 1e15,
} as const;

const THING_OF_DIMENSION: Record<string, LimitedThing> = { sector: 'sectors', format: 'formats', area: 'areas' };
const count = (n: number) => n.toLocaleString('en-GB');

/** What the values of a dimension are called in a message: sectors, meeting formats, areas. */
export function dimensionThing(key: string): LimitedThing {
  return THING_OF_DIMENSION[key] ?? 'values';
}

/**
 * "This file has 41,260 sectors; this chart shows at most 500." With `atLeast`,
 * for a file read only until it passed the limit: "more than 500 sectors".
 */
export function limitProblem(n: number, what: LimitedThing, limit: number, atLeast = false): WidgetError {
  return new WidgetError('validation', [
    (m) => m.errors.tooMany(atLeast ? m.errors.moreThan(count(limit)) : count(n), what, count(limit)),
  ]);
}

/**
 * Before JSON text is parsed: whether it holds more rows than a widget draws,
 * by counting its `"period"` keys (rows and annotations have one each), so a
 * 5 MB file of 80,000 rows is refused without building 80,000 objects. A key
 * is a `"period"` not escaped inside a string (no backslash before it) and
 * followed by a colon. The count stops once past the limit.
 */
export function checkJsonTextLimits(text: string): void {
  const most = LIMITS.rows + LIMITS.annotations;
  if (text.length < most * 12) return; // too short to hold that many rows: `{"period":1}` is 12 characters
  let found = 0;
  for (let at = text.indexOf('"period"'); at >= 0; at = text.indexOf('"period"', at + 8)) {
    if (text.charCodeAt(at - 1) === 92 /* \ */) continue;
    let next = at + 8;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    if (text.charAt(next) === ':' && ++found > most) throw limitProblem(0, 'rows', LIMITS.rows, true);
  }
}

/**
 * Sizes checked before validation, in one pass that stops at the first
 * problem: counts of rows, measures, periods and dimension values, and the
 * length of every text.
 */
function checkLimits(input: Record<string, unknown>, rowNumberOf: (index: number) => number): void {
  const lists: [string, LimitedThing, number][] = [
    ['measures', 'measures', LIMITS.measures],
    ['notes', 'notes', LIMITS.notes],
    ['annotations', 'annotations', LIMITS.annotations],
    ['comparators', 'comparators', LIMITS.comparators],
    ['sources', 'sources', LIMITS.sources],
    ['spread', 'rows', LIMITS.rows],
  ];
  for (const [key, what, limit] of lists) {
    const list = input[key];
    if (Array.isArray(list) && list.length > limit) throw limitProblem(list.length, what, limit);
  }
  const tooLong = (where: (m: Messages) => string, field: string, value: unknown) => {
    if (typeof value === 'string' && value.length > LIMITS.text) {
      const length = value.length;
      throw new WidgetError('validation', [
        (m) => m.errors.tooLong(where(m), field, count(length), count(LIMITS.text)),
      ]);
    }
  };
  const envelope = (m: Messages) => m.errors.envelope;
  /** Every string in a small object (top level: title, source, area...), one level down. */
  const checkObject = (where: (m: Messages) => string, prefix: string, value: unknown) => {
    if (typeof value === 'string') return tooLong(where, prefix, value);
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      const field = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') tooLong(where, field, v);
      else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const [k2, v2] of Object.entries(v)) tooLong(where, `${field}.${k2}`, v2);
      }
    }
  };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'data') continue;
    if (Array.isArray(value)) value.forEach((item, i) => checkObject(envelope, `${key}[${i}]`, item));
    else checkObject(envelope, key, value);
  }
  const data = input.data;
  if (!Array.isArray(data)) return;
  // One pass that stops at the first limit passed: a file of 40,000 sectors is
  // refused at its 501st, "more than 500 sectors" telling a reader more than a count of rows.
  const periods = new Set<unknown>();
  const dimensionValues = new Map<string, Set<unknown>>();
  for (let index = 0; index < data.length; index++) {
    if (index === LIMITS.rows) throw limitProblem(data.length, 'rows', LIMITS.rows);
    const row: unknown = data[index];
    if (typeof row !== 'object' || row === null) continue;
    const where = (m: Messages) => m.errors.row(rowNumberOf(index));
    let dimensions = 0;
    for (const [key, value] of Object.entries(row)) {
      tooLong(where, key, value);
      if (key === 'measure' || key === 'value' || key === 'status' || key === 'source') continue;
      if (key === 'period') {
        if (periods.add(value).size > LIMITS.periods) throw limitProblem(0, 'periods', LIMITS.periods, true);
        continue;
      }
      if (++dimensions > LIMITS.dimensions) throw limitProblem(0, 'columns', LIMITS.dimensions, true);
      if (value === '' || value === undefined || value === null) continue;
      let seen = dimensionValues.get(key);
      if (!seen) dimensionValues.set(key, (seen = new Set()));
      if (seen.add(value).size > LIMITS.dimensionValues) {
        throw limitProblem(0, dimensionThing(key), LIMITS.dimensionValues, true);
      }
    }
  }
}

export interface ValidateOptions {
  /** Added to a data index to give the row number people see (1 for JSON, 2 for CSV with a header). */
  rowOffset?: number;
  /** The row number of each data index, where rows were skipped (CSV blank lines). */
  rowNumbers?: readonly number[];
  yearStartMonth?: number;
}

type Envelope = v.InferOutput<typeof EnvelopeSchema>;
type RawRow = Envelope['data'][number];

/**
 * Validates a parsed envelope and normalises it into a Dataset. Throws a
 * WidgetError of kind `validation` listing every problem found, each naming
 * the row, the field and what was expected.
 */
export function validateEnvelope(input: unknown, options: ValidateOptions = {}): Dataset {
  const rowOffset = options.rowOffset ?? 1;
  const rowNumberOf = (index: number) => options.rowNumbers?.[index] ?? index + rowOffset;
  const env = parseEnvelope(input, rowNumberOf);
  const problems: Problem[] = [];
  const measures = readMeasures(env, problems);
  const ids = new Set(measures.map((m) => m.id));
  const { rows, superseded } = readRows(env, ids, rowNumberOf, problems);
  const spread = readSpread(env, ids, problems);
  if (problems.length) throw new WidgetError('validation', problems.slice(0, MAX_PROBLEMS));
  return { ...envelopeText(env, options), measures, rows, superseded, ...(env.spread ? { spread } : {}) };
}

/** The envelope's shape, limits and fields checked (every problem at once), or a WidgetError. */
function parseEnvelope(input: unknown, rowNumberOf: (index: number) => number): Envelope {
  if (
    typeof input !== 'object' ||
    input === null ||
    Array.isArray(input) ||
    !('data' in input) ||
    !('measures' in input)
  ) {
    throw new WidgetError('validation', [(m) => m.errors.notEnvelope]);
  }
  checkLimits(input as Record<string, unknown>, rowNumberOf);
  const result = v.safeParse(EnvelopeSchema, input, { abortEarly: false });
  if (!result.success) {
    throw new WidgetError(
      'validation',
      result.issues.slice(0, MAX_PROBLEMS).map((issue) => issueToProblem(issue, rowNumberOf)),
    );
  }
  return result.output;
}

/** The measures, with defaults filled in; duplicate ids and dangling numerators or denominators are problems. */
function readMeasures(env: Envelope, problems: Problem[]): MeasureDef[] {
  const measures: MeasureDef[] = [];
  const ids = new Set<string>();
  for (const raw of env.measures) {
    if (ids.has(raw.id)) problems.push((m) => m.errors.duplicateMeasure(raw.id));
    ids.add(raw.id);
    measures.push({
      id: raw.id,
      label: raw.label !== undefined ? cleanText(raw.label) : humanise(raw.id),
      ...(raw.definition ? { definition: cleanText(raw.definition) } : {}),
      polarity: raw.polarity ?? 'neutral',
      ...(raw.numerator ? { numerator: raw.numerator } : {}),
      ...(raw.denominator ? { denominator: raw.denominator } : {}),
      ...(raw.group ? { group: cleanText(raw.group) } : {}),
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
  return measures;
}

/** One data row read, or the problem that keeps it out (unknown measure, period or source; a value too large). */
function readRow(raw: RawRow, rowNumber: number, ids: Set<string>, sourceIds: Set<string>): DataRow | Problem {
  const { measure, period: periodText, value: rawValue, status, source, ...rest } = raw;
  if (!ids.has(measure)) {
    const known = [...ids].join(', ');
    return (m) => m.errors.unknownMeasure(rowNumber, measure, known);
  }
  const period = parsePeriod(periodText);
  if (!isPeriod(period)) {
    const kind = period.kind;
    const shown = cleanText(periodText);
    return (m) =>
      kind === 'not-a-quarter'
        ? m.errors.notAQuarter(rowNumber, shown)
        : kind === 'years-not-consecutive'
          ? m.errors.yearsNotConsecutive(rowNumber, shown)
          : m.errors.notAPeriod(rowNumber, shown);
  }
  const value = parseValue(rawValue)!;
  if (isNumber(value) && Math.abs(value) > LIMITS.value) {
    return (m) => m.errors.valueTooLarge(rowNumber, String(value), count(LIMITS.value));
  }
  const dims: Record<string, string> = {};
  for (const [k, dv] of Object.entries(rest)) {
    // An empty cell means "no dimension" (a KPI row in a CSV that has a sector column for other rows).
    const text = dv === null || dv === undefined ? '' : cleanText(String(dv)).trim();
    if (text !== '') dims[k] = text;
  }
  if (source !== undefined && !sourceIds.has(source)) return (m) => m.errors.unknownSource(rowNumber, source);
  return { measure, period, value, dims, row: rowNumber, ...(status ? { status } : {}), ...(source ? { source } : {}) };
}

/**
 * The rows read, one per cell: the same figure again is a duplicate, unless
 * both say their status and no two share one; then the most settled figure is
 * shown (final wins) and the others are kept beside it (`superseded`).
 */
function readRows(env: Envelope, ids: Set<string>, rowNumberOf: (index: number) => number, problems: Problem[]) {
  const rows: DataRow[] = [];
  const superseded: DataRow[] = [];
  /** Each cell's figures so far: their row numbers, statuses and places in `rows`. */
  const seen = new Map<string, { row: number; status?: Status; at: number }[]>();
  const sourceIds = new Set((env.sources ?? []).map((s) => s.id));
  env.data.forEach((raw, index) => {
    const rowNumber = rowNumberOf(index);
    const row = readRow(raw, rowNumber, ids, sourceIds);
    if (typeof row === 'function') {
      problems.push(row);
      return;
    }
    const { measure, period, status } = row;
    const key = JSON.stringify([measure, period.key, Object.entries(row.dims).sort()]);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, [{ row: rowNumber, ...(status ? { status } : {}), at: rows.length }]);
      rows.push(row);
      return;
    }
    const clash = earlier.find((e) => status === undefined || e.status === undefined || e.status === status);
    if (clash) {
      problems.push((m) => m.errors.duplicate(clash.row, rowNumber, measure, period.key));
      return;
    }
    const shownAt = earlier[0]!.at;
    const shown = rows[shownAt]!;
    if (statusRank(status) < statusRank(shown.status)) {
      superseded.push(shown);
      rows[shownAt] = row;
    } else {
      superseded.push(row);
    }
    earlier.push({ row: rowNumber, status: status!, at: shownAt });
  });
  return { rows, superseded };
}

/** The neighbours' and all authorities' spread (quartiles, bands), checked against the measures. */
function readSpread(env: Envelope, ids: Set<string>, problems: Problem[]): SpreadEntry[] {
  const spread: SpreadEntry[] = [];
  (env.spread ?? []).forEach((raw, index) => {
    const { measure, period: periodText, neighbours, authorities, ...rest } = raw;
    const where = (m: Messages) => `${m.errors.envelope}, spread[${index}]`;
    if (!ids.has(measure)) {
      problems.push((m) => m.errors.field(where(m), 'measure', m.errors.expected.id, describeReceived(measure)));
      return;
    }
    const period = parsePeriod(periodText);
    if (!isPeriod(period)) {
      problems.push((m) => m.errors.field(where(m), 'period', m.errors.expected.text, describeReceived(periodText)));
      return;
    }
    const dims: Record<string, string> = {};
    for (const [k, dv] of Object.entries(rest)) dims[k] = cleanText(String(dv));
    const stats = (x: typeof neighbours): SpreadStats | undefined =>
      x && {
        count: x.count,
        ...(x.of !== undefined ? { of: x.of } : {}),
        lowest: x.lowest,
        lowerQuartile: x.lowerQuartile,
        median: x.median,
        upperQuartile: x.upperQuartile,
        highest: x.highest,
        ...(x.position ? { position: x.position } : {}),
        ...(x.band ? { band: x.band } : {}),
      };
    const n = stats(neighbours);
    const a = stats(authorities);
    // The five numbers in order, and no more with a figure than there are.
    for (const [field, x] of [
      ['neighbours', n],
      ['authorities', a],
    ] as const) {
      if (
        x &&
        !(
          x.lowest <= x.lowerQuartile &&
          x.lowerQuartile <= x.median &&
          x.median <= x.upperQuartile &&
          x.upperQuartile <= x.highest &&
          (x.of === undefined || x.count <= x.of)
        )
      ) {
        const got = `${x.lowest}, ${x.lowerQuartile}, ${x.median}, ${x.upperQuartile}, ${x.highest}`;
        problems.push((m) => m.errors.field(where(m), field, m.errors.expected.number, got));
        return;
      }
    }
    spread.push({ measure, period, dims, ...(n ? { neighbours: n } : {}), ...(a ? { authorities: a } : {}) });
  });
  return spread;
}

/** The envelope's own text and lists (title, source, notes, comparators…), cleaned. */
function envelopeText(env: Envelope, options: ValidateOptions) {
  return {
    ...(env.title ? { title: cleanText(env.title) } : {}),
    ...(env.publisher ? { publisher: cleanText(env.publisher) } : {}),
    ...(env.source
      ? { source: { name: cleanText(env.source.name), ...(env.source.url ? { url: env.source.url } : {}) } }
      : {}),
    ...(env.updated ? { updated: env.updated } : {}),
    ...(env.asAt ? { asAt: env.asAt } : {}),
    yearStartMonth: env.yearStartMonth ?? options.yearStartMonth ?? 4,
    notes: (env.notes ?? []).map(cleanText),
    annotations: (env.annotations ?? []).map((a) => ({ period: a.period, text: cleanText(a.text) })),
    ...(env.periodLabels
      ? { periodLabels: Object.fromEntries(Object.entries(env.periodLabels).map(([k, v]) => [k, cleanText(v)])) }
      : {}),
    ...(env.area
      ? { area: { name: cleanText(env.area.name), ...(env.area.code ? { code: cleanText(env.area.code) } : {}) } }
      : {}),
    comparators: (env.comparators ?? []).map((c) => ({ area: cleanText(c.area), kind: c.kind ?? 'other' })),
    sources: (env.sources ?? []).map((s) => ({
      id: s.id,
      name: cleanText(s.name),
      ...(s.url ? { url: s.url } : {}),
    })),
  };
}

/** `contacts_nfa` → `Contacts nfa`: a readable default label. */
export function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
