/**
 * The training trend's model: data in, what is shown out (pure, no DOM).
 *
 * Measures are found by id: `attendees`, `events` (courses), and optionally
 * `cancelled`, `booked`, `evaluation` (one score) or `evaluation_min` +
 * `evaluation_max` (a range across the areas evaluated), on -100..+100, and
 * `evaluation_returns` (a rate). Derived: attendees per event, attendance
 * against bookings (attendees / booked), and the change on the previous
 * year for each measure. Years run without a break from the first to the
 * last in the data: a year with no row is "not available", never a zero.
 */
import { changeOn, type Change, type ChangeMeasure } from '../core/change.js';
import { maxOf, minOf } from '../core/extent.js';
import { WidgetError, type Dataset, type DataRow, type MeasureDef, type Polarity } from '../core/contract.js';
import { csvFigure, csvLabel } from '../core/csv.js';
import { formatCount, formatDecimal, formatPercent, formatValue, roundHalfUp, type ValueKind } from '../core/format.js';
import { joinList, messages, type Lang, type Messages } from '../core/messages.js';
import { isPeriod, makePeriod, parsePeriod, periodLabel, type Period } from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import { isNumber, isSymbol, ratio, symbol, symbolsUsed, type Value } from '../core/symbols.js';
import { describeTrend } from '../core/trend.js';
import { omittedNotes } from '../core/omitted.js';
import type { FigureModel } from '../core/widget.js';
import { trainingMessages, type TrainingMessages } from './messages.js';

export const MEASURE_IDS = [
  'attendees',
  'events',
  'cancelled',
  'booked',
  'evaluation',
  'evaluation_min',
  'evaluation_max',
  'evaluation_returns',
] as const;

export interface TrainingOptions {
  /** Show at most the latest N years (default 12). */
  years?: number;
}

/** One figure of one year: its value and its text ("1,949", "[x]", "84%"). */
export interface Figure {
  readonly value: Value;
  /** As shown, with a status mark beside a figure that has one: "1,949 [p]". */
  readonly text: string;
  readonly status?: Status;
}

export interface TrainingYear {
  readonly period: Period;
  /** As readers see it: the data's `periodLabels`, `2024` for a calendar year, else the key. */
  readonly label: string;
  readonly attendees: Figure;
  readonly events: Figure;
  readonly perEvent: Figure;
  readonly cancelled?: Figure;
  readonly booked?: Figure;
  readonly attendanceRate?: Figure;
  /** Lowest and highest evaluation score (the same for a single score). */
  readonly evaluationLow?: Figure;
  readonly evaluationHigh?: Figure;
  /** "+80 to +90", "+85", "[x]". */
  readonly evaluationText?: string;
  readonly returns?: Figure;
  readonly annotation?: { readonly n: number; readonly text: string };
}

export interface TrainingColumn {
  readonly key: keyof TrainingYear | 'year';
  readonly label: string;
  /** How the column's figures go into the CSV: their kind and decimal places. */
  readonly kind: ValueKind;
  readonly decimals: number;
  /** How its change on the previous year is measured; none for the evaluation range. */
  readonly change?: ChangeMeasure;
}

export interface TrainingModel extends FigureModel {
  readonly years: readonly TrainingYear[];
  readonly has: {
    readonly cancelled: boolean;
    readonly booked: boolean;
    readonly evaluation: boolean;
    readonly returns: boolean;
  };
  /** Table columns after the year, in order. */
  readonly columns: readonly TrainingColumn[];
  /** Change on the previous year for each column ("up 19.6%"), when the data has the previous year. */
  readonly changes?: { readonly label: string; readonly cells: readonly string[] };
  readonly annotations: readonly { readonly n: number; readonly period: string; readonly text: string }[];
  /** "Based on evaluation returns from 42% of attendees (2021-22)." */
  readonly returnsText?: string;
  readonly latest?: TrainingYear;
  readonly lang: Lang;
}

/** The panels the chart draws for a model, in order: attendees, events, the evaluation where the data has it. */
export type PanelId = 'attendees' | 'events' | 'evaluation';

export function panelIds(model: TrainingModel): PanelId[] {
  return ['attendees', 'events', ...(model.has.evaluation ? (['evaluation'] as const) : [])];
}

const MISSING = symbol('x');

function figure(
  value: Value | undefined,
  kind: 'count' | 'percent' | 'decimal' | 'score',
  digits = 1,
  status?: Status,
): Figure {
  const v = value ?? MISSING;
  if (isSymbol(v)) return { value: v, text: `[${v.symbol}]` };
  const text =
    kind === 'percent'
      ? formatPercent(v, digits)
      : kind === 'decimal'
        ? formatDecimal(v, digits)
        : kind === 'score'
          ? `${v > 0 ? '+' : ''}${formatCount(roundHalfUp(v, digits))}`
          : formatValue(v, 'count');
  return { value: v, text: text + statusMark(status), ...(status ? { status } : {}) };
}

/** The rows of the whole partnership, looked up by measure and year. */
interface Lookup {
  readonly byId: ReadonlyMap<string, MeasureDef>;
  readonly rows: readonly DataRow[];
  get(id: string, year: number): Value | undefined;
  statusOf(year: number, ...ids: string[]): Status | undefined;
}

function lookupOf(dataset: Dataset): Lookup {
  // Rows of the whole partnership: rows with a format dimension are a breakdown, not the totals.
  const rows = dataset.rows.filter((r) => !Object.keys(r.dims).length && !r.period.quarter);
  const byKey = new Map<string, DataRow>();
  for (const r of rows) byKey.set(`${r.measure}|${r.period.startYear}`, r);
  return {
    byId: new Map(dataset.measures.map((d) => [d.id, d])),
    rows,
    get: (id, year) => byKey.get(`${id}|${year}`)?.value,
    statusOf: (year, ...ids) => combinedStatus(ids.map((id) => byKey.get(`${id}|${year}`)?.status)),
  };
}

/** Without attendees or events there is no trend to draw: say so, with the measures the data has. */
function checkMeasures(dataset: Dataset): void {
  const ids = dataset.measures.map((d) => d.id);
  if (ids.includes('attendees') || ids.includes('events')) return;
  // In the reader's language on screen, in English in the widget-error event.
  throw new WidgetError('validation', [
    (mm) => trainingMessages(mm === messages('cy') ? 'cy' : 'en').needsMeasures(ids.join(', ')),
  ]);
}

/** The years shown: the latest `years` (default 12) up to the last year with a figure. */
function yearSpan(starts: readonly number[], options: TrainingOptions): { first: number; last: number } {
  const last = maxOf(starts);
  // `years="all"` is Infinity: every year in the data. Anything else that is not a number keeps the default.
  const span =
    options.years === Infinity
      ? Infinity
      : Number.isFinite(options.years)
        ? Math.max(1, Math.floor(options.years!))
        : 12;
  return { first: Math.max(minOf(starts), last - span + 1), last };
}

function measuresPresent(lookup: Lookup, first: number): TrainingModel['has'] {
  const present = (id: string) => lookup.rows.some((r) => r.measure === id && r.period.startYear >= first);
  return {
    cancelled: present('cancelled'),
    booked: present('booked'),
    evaluation: present('evaluation') || present('evaluation_min') || present('evaluation_max'),
    returns: present('evaluation_returns'),
  };
}

/** Annotations on reporting years shown, numbered in year order; others are not drawn. */
function annotationsShown(dataset: Dataset, first: number, last: number) {
  return dataset.annotations
    .flatMap((a) => {
      const p = parsePeriod(a.period);
      return isPeriod(p) && !p.quarter && p.startYear >= first && p.startYear <= last
        ? [{ period: p.key, text: a.text }]
        : [];
    })
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((a, i) => ({ n: i + 1, ...a }));
}

/** A year's evaluation: lowest and highest score (one score is both) and the range in words. */
function evaluationOf(lookup: Lookup, y: number, tm: TrainingMessages): Partial<TrainingYear> {
  const single = lookup.get('evaluation', y);
  const low = figure(
    single ?? lookup.get('evaluation_min', y),
    'score',
    0,
    lookup.statusOf(y, single !== undefined ? 'evaluation' : 'evaluation_min'),
  );
  const high = figure(
    single ?? lookup.get('evaluation_max', y),
    'score',
    0,
    lookup.statusOf(y, single !== undefined ? 'evaluation' : 'evaluation_max'),
  );
  const text =
    isSymbol(low.value) || isSymbol(high.value)
      ? isSymbol(low.value)
        ? low.text
        : high.text
      : low.value === high.value
        ? low.text
        : tm.range(low.text, high.text);
  return { evaluationLow: low, evaluationHigh: high, evaluationText: text };
}

/** A rate's value (a stated rate is in percent, 42 = 42%; a derived one is worked out) and its status. */
function rateOf(lookup: Lookup, id: string, y: number): { value: Value | undefined; status: Status | undefined } {
  const def = lookup.byId.get(id);
  if (def?.numerator && def.denominator) {
    return {
      value: ratio(lookup.get(def.numerator, y), lookup.get(def.denominator, y)),
      status: lookup.statusOf(y, def.numerator, def.denominator),
    };
  }
  const v = lookup.get(id, y);
  return { value: isNumber(v) ? v / 100 : v, status: lookup.statusOf(y, id) };
}

interface YearContext {
  readonly lookup: Lookup;
  readonly has: TrainingModel['has'];
  readonly annotations: readonly { n: number; period: string; text: string }[];
  readonly dataset: Dataset;
  readonly tm: TrainingMessages;
}

/** One year's figures: every measure shown, a symbol where the data has none. */
function yearOf(y: number, ctx: YearContext): TrainingYear {
  const { lookup, has } = ctx;
  const period = makePeriod(y);
  const attendees = lookup.get('attendees', y);
  const events = lookup.get('events', y);
  const booked = lookup.get('booked', y);
  const annotation = ctx.annotations.find((a) => a.period === period.key);
  const returns = has.returns ? rateOf(lookup, 'evaluation_returns', y) : undefined;
  const digits = (id: string) => lookup.byId.get(id)?.decimals ?? 0;
  return {
    period,
    label: periodLabel(period, ctx.dataset.yearStartMonth, ctx.dataset.periodLabels),
    attendees: figure(attendees, 'count', 1, lookup.statusOf(y, 'attendees')),
    events: figure(events, 'count', 1, lookup.statusOf(y, 'events')),
    perEvent: figure(
      ratio(attendees ?? MISSING, events ?? MISSING),
      'decimal',
      1,
      lookup.statusOf(y, 'attendees', 'events'),
    ),
    ...(has.cancelled
      ? { cancelled: figure(lookup.get('cancelled', y), 'count', 1, lookup.statusOf(y, 'cancelled')) }
      : {}),
    ...(has.booked
      ? {
          booked: figure(booked, 'count', 1, lookup.statusOf(y, 'booked')),
          attendanceRate: figure(
            ratio(attendees ?? MISSING, booked ?? MISSING),
            'percent',
            digits('attendance_rate'),
            lookup.statusOf(y, 'attendees', 'booked'),
          ),
        }
      : {}),
    ...(has.evaluation ? evaluationOf(lookup, y, ctx.tm) : {}),
    ...(returns ? { returns: figure(returns.value, 'percent', digits('evaluation_returns'), returns.status) } : {}),
    ...(annotation ? { annotation: { n: annotation.n, text: annotation.text } } : {}),
  };
}

/** The table's columns after the year: the data's labels where it has them, the widget's own otherwise. */
function columnsOf(lookup: Lookup, has: TrainingModel['has'], tm: TrainingMessages): TrainingColumn[] {
  const label = (id: string, own: string) => lookup.byId.get(id)?.label ?? own;
  const digits = (id: string) => lookup.byId.get(id)?.decimals ?? 0;
  const count = { kind: 'count', decimals: 0, change: 'relative' } as const;
  return [
    { key: 'attendees', label: label('attendees', tm.attendees), ...count },
    { key: 'events', label: label('events', tm.events), ...count },
    { key: 'perEvent', label: tm.perEvent, kind: 'ratio', decimals: 1, change: 'relative' },
    ...(has.cancelled ? [{ key: 'cancelled' as const, label: label('cancelled', tm.cancelled), ...count }] : []),
    ...(has.booked
      ? [
          { key: 'booked' as const, label: label('booked', tm.booked), ...count },
          {
            key: 'attendanceRate' as const,
            label: label('attendance_rate', tm.attendanceRate),
            kind: 'percent' as const,
            decimals: digits('attendance_rate'),
            change: 'points' as const,
          },
        ]
      : []),
    ...(has.evaluation
      ? [{ key: 'evaluationText' as const, label: tm.evaluation, kind: 'ratio' as const, decimals: 0 }]
      : []),
    ...(has.returns
      ? [
          {
            key: 'returns' as const,
            label: label('evaluation_returns', tm.returns),
            kind: 'percent' as const,
            decimals: digits('evaluation_returns'),
            change: 'points' as const,
          },
        ]
      : []),
  ];
}

/** A column's figure for a year, when the column holds one figure a year. */
function figureIn(year: TrainingYear, key: TrainingColumn['key']): Figure | undefined {
  if (key === 'year' || key === 'evaluationText') return undefined;
  return year[key] as Figure | undefined;
}

/** The change on the previous year for each column, by the core rule (a symbol on either side is that symbol). */
function changesOf(latest: TrainingYear, previous: TrainingYear, columns: readonly TrainingColumn[], m: Messages) {
  const changes: (Change | undefined)[] = columns.map((c) =>
    c.change
      ? changeOn(figureIn(latest, c.key)?.value, figureIn(previous, c.key)?.value, { measure: c.change }, m)
      : undefined,
  );
  return { label: m.changeOn(previous.label), cells: changes.map((c) => c?.text ?? ''), attendees: changes[0] };
}

const meaningOf = (f: Figure, m: Messages) => (isSymbol(f.value) ? m.symbols[f.value.symbol] : '');

/**
 * The trend in attendance over every year shown, as the summary's lead:
 * "Attendance rose in each of the last four years, to 1,949 in 2021-22 …".
 * Left out when there is nothing to compare (one year, or the latest year a symbol).
 */
function attendanceTrend(years: readonly TrainingYear[], polarity: Polarity | undefined, lang: Lang) {
  const points = years.map((y) => ({ label: y.label, value: y.attendees.value, text: y.attendees.text }));
  const trend = describeTrend(
    trainingMessages(lang).trendName,
    points,
    { kind: 'count', polarity },
    messages(lang),
    lang,
  );
  return trend && (trend.direction !== 'none' || trend.brokenBy) ? trend.text : undefined;
}

/**
 * The year in words: how many attended how many events. A symbol is never
 * read as a number: "In 2021-22: attendees [c], 98 events (confidential: …)."
 */
function headline(latest: TrainingYear, lang: Lang) {
  const m = messages(lang);
  const tm = trainingMessages(lang);
  const { attendees, events, perEvent } = latest;
  if (isNumber(attendees.value) && isNumber(events.value)) {
    const perEventText = isNumber(perEvent.value) ? tm.aboutPerEvent(formatCount(Math.round(perEvent.value))) : '';
    return `${tm.summaryMain(latest.label, attendees.text, events.text, perEventText)}.`;
  }
  const parts = [
    tm.attendeesPart(attendees.text, isNumber(attendees.value) ? attendees.value : undefined),
    tm.eventsPart(events.text, isNumber(events.value) ? events.value : undefined),
  ].join(', ');
  const meanings = [...new Set([meaningOf(attendees, m), meaningOf(events, m)].filter(Boolean))];
  return `${tm.summaryPartial(latest.label, parts)}${tm.symbolMeanings(meanings.join('; '))}.`;
}

/**
 * The summary: the trend in attendance over the years, the latest year, then
 * cancellations, bookings, evaluation and the years left as gaps.
 */
function summaryOf(
  years: readonly TrainingYear[],
  columns: readonly TrainingColumn[],
  polarity: Polarity | undefined,
  lang: Lang,
): string[] {
  const m = messages(lang);
  const tm = trainingMessages(lang);
  const latest = years.at(-1)!;
  const trend = attendanceTrend(years, polarity, lang);
  const summary = [...(trend ? [trend] : []), headline(latest, lang)];
  const { cancelled, attendanceRate, booked, evaluationText, evaluationLow, returns } = latest;
  if (cancelled) {
    summary.push(
      isNumber(cancelled.value)
        ? tm.summaryCancelled(cancelled.text, cancelled.value)
        : tm.summaryNotAvailable(columns.find((c) => c.key === 'cancelled')!.label, meaningOf(cancelled, m)),
    );
  }
  if (attendanceRate && isNumber(attendanceRate.value))
    summary.push(tm.summaryBookings(attendanceRate.text, booked!.text));
  if (evaluationText && evaluationLow && isNumber(evaluationLow.value)) {
    summary.push(tm.summaryEvaluation(evaluationText, returns && isNumber(returns.value) ? returns.text : undefined));
  }
  // Years the chart leaves a gap in (attendees or events is a symbol), with the symbol.
  const gapYears = years
    .filter((y) => isSymbol(y.attendees.value) || isSymbol(y.events.value))
    .map((y) => `${y.label} ${isSymbol(y.attendees.value) ? y.attendees.text : y.events.text}`);
  if (gapYears.length) summary.push(tm.summaryGaps(joinList(lang, gapYears)));
  return summary;
}

/** The figures of each cell shown (the evaluation by its lowest score), and their status marks. */
function figuresShown(years: readonly TrainingYear[], columns: readonly TrainingColumn[]) {
  const cells = years.flatMap((y) =>
    columns.map((c) =>
      c.key === 'evaluationText'
        ? { value: y.evaluationLow?.value, status: combinedStatus([y.evaluationLow?.status, y.evaluationHigh?.status]) }
        : { value: figureIn(y, c.key)?.value, status: figureIn(y, c.key)?.status },
    ),
  );
  return {
    symbols: symbolsUsed(cells.flatMap((c) => (c.value === undefined ? [] : [c.value]))),
    statuses: statusesUsed(cells.map((c) => c.status)),
  };
}

function definitionsOf(dataset: Dataset) {
  return dataset.measures
    .filter((def) => def.definition)
    .map((def, i) => ({ n: i + 1, label: def.label, text: def.definition! }));
}

/** The model when the data has attendees or events but no year of them. */
function emptyModel(lang: Lang): TrainingModel {
  return {
    period: '',
    empty: messages(lang).empty,
    summary: [],
    definitions: [],
    quality: [],
    csv: [],
    lang,
    years: [],
    has: { cancelled: false, booked: false, evaluation: false, returns: false },
    columns: [],
    annotations: [],
    symbols: [],
  };
}

/** Rows of the years shown that the widget does not draw, named in a note: breakdowns, and measures it does not know. */
function trainingOmitted(dataset: Dataset, first: number, last: number, tm: TrainingMessages) {
  const breakdown = () => tm.notShownBreakdown;
  const notDrawn = () => tm.notShownMeasure;
  const known = new Set<string>(MEASURE_IDS);
  return omittedNotes(dataset, (row) => {
    if (row.period.startYear < first || row.period.startYear > last) return undefined;
    if (!known.has(row.measure)) return notDrawn;
    return Object.keys(row.dims).length ? breakdown : undefined;
  });
}

export function buildTrainingModel(
  dataset: Dataset,
  m: Messages,
  lang: Lang,
  options: TrainingOptions = {},
): TrainingModel {
  const tm = trainingMessages(lang);
  checkMeasures(dataset);
  const lookup = lookupOf(dataset);
  const starts = lookup.rows
    .filter((r) => (MEASURE_IDS as readonly string[]).includes(r.measure))
    .map((r) => r.period.startYear);
  if (!starts.length) return emptyModel(lang);
  const { first, last } = yearSpan(starts, options);
  const has = measuresPresent(lookup, first);
  const annotations = annotationsShown(dataset, first, last);
  const years: TrainingYear[] = [];
  for (let y = first; y <= last; y++) years.push(yearOf(y, { lookup, has, annotations, dataset, tm }));
  const columns = columnsOf(lookup, has, tm);
  const latest = years.at(-1)!;
  const previous = years.at(-2);
  const changes = previous ? changesOf(latest, previous, columns, m) : undefined;
  const returnsYear = [...years].reverse().find((y) => y.returns && isNumber(y.returns.value));
  const csv: string[][] = [
    [tm.year, ...columns.map((c) => csvLabel(c.label, c.kind))],
    ...years.map((y) => [y.label, ...columns.map((c) => csvCell(y, c, tm))]),
    ...(changes ? [[changes.label, ...changes.cells]] : []),
  ];
  return {
    period: `${m.yearRange(years[0]!.label, latest.label)}, ${m.byYear}`,
    summary: summaryOf(years, columns, dataset.measures.find((d) => d.id === 'attendees')?.polarity, lang),
    definitions: definitionsOf(dataset),
    omitted: trainingOmitted(dataset, first, last, tm),
    quality: [],
    csv,
    lang,
    years,
    has,
    columns,
    ...(changes ? { changes: { label: changes.label, cells: changes.cells } } : {}),
    // Named as the years are: "2024" for a calendar-year envelope.
    annotations: annotations.map((a) => ({
      ...a,
      period: years.find((y) => y.period.key === a.period)?.label ?? a.period,
    })),
    ...(returnsYear ? { returnsText: tm.returnsWords(returnsYear.returns!.text, returnsYear.label) } : {}),
    latest,
    ...figuresShown(years, columns),
  };
}

/**
 * A column's figure for one year in the CSV, by the core rule (`csvFigure`):
 * counts without thousands separators (1949), rates as a percentage without
 * the sign (85), scores without a leading + ("80 to 90").
 */
export function csvCell(year: TrainingYear, column: TrainingColumn, tm: TrainingMessages): string {
  if (column.key === 'year') return year.label;
  if (column.key === 'evaluationText') {
    const { evaluationLow: low, evaluationHigh: high } = year;
    if (!low || !high) return '';
    if (isSymbol(low.value) || isSymbol(high.value)) return year.evaluationText ?? '';
    const lowText = csvFigure(low.value, 'ratio', 0, low.status);
    return low.value === high.value ? lowText : tm.range(lowText, csvFigure(high.value, 'ratio', 0, high.status));
  }
  const f = figureIn(year, column.key);
  return f ? csvFigure(f.value, column.kind, column.decimals, f.status) : '';
}

/** A column's figure for one year, for the table and the chart labels. */
export function cellText(year: TrainingYear, key: TrainingColumn['key']): string {
  if (key === 'year') return year.label;
  const v = year[key];
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return (v as Figure).text ?? '';
}
