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
import { maxOf, minOf } from '../core/extent.js';
import { WidgetError, type Dataset, type DataRow, type MeasureDef } from '../core/contract.js';
import { csvNumber } from '../core/csv.js';
import { formatCount, formatDecimal, formatPercent, formatValue, roundHalfUp } from '../core/format.js';
import { messages, type Lang, type Messages } from '../core/messages.js';
import { isPeriod, makePeriod, parsePeriod, periodLabel, type Period } from '../core/periods.js';
import { combinedStatus, statusesUsed, statusMark, type Status } from '../core/status.js';
import { isNumber, isSymbol, ratio, symbol, symbolsUsed, type Value } from '../core/symbols.js';
import type { FigureModel } from '../core/widget.js';
import { trainingCatalogues, type TrainingMessages } from './messages.js';

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
  readonly tm: TrainingMessages;
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

export function buildTrainingModel(
  dataset: Dataset,
  m: Messages,
  lang: Lang,
  options: TrainingOptions = {},
): TrainingModel {
  const tm = trainingCatalogues[lang];
  const byId = new Map(dataset.measures.map((d) => [d.id, d]));
  if (!byId.has('attendees') && !byId.has('events')) {
    const known = dataset.measures.map((d) => d.id).join(', ');
    // In the reader's language on screen, in English in the widget-error event.
    throw new WidgetError('validation', [
      (mm) => trainingCatalogues[mm === messages('cy') ? 'cy' : 'en'].needsMeasures(known),
    ]);
  }
  // Rows of the whole partnership: rows with a format dimension are a breakdown, not the totals.
  const rows = dataset.rows.filter((r) => !Object.keys(r.dims).length && !r.period.quarter);
  const lookup = new Map<string, DataRow>();
  for (const r of rows) lookup.set(`${r.measure}|${r.period.startYear}`, r);
  const get = (id: string, year: number): Value | undefined => lookup.get(`${id}|${year}`)?.value;
  const statusOf = (year: number, ...ids: string[]): Status | undefined =>
    combinedStatus(ids.map((id) => lookup.get(`${id}|${year}`)?.status));

  const starts = rows
    .filter((r) => (MEASURE_IDS as readonly string[]).includes(r.measure))
    .map((r) => r.period.startYear);
  const base = {
    summary: [] as string[],
    definitions: [] as { n: number; label: string; text: string }[],
    quality: [],
    csv: [] as string[][],
    lang,
    tm,
  };
  if (!starts.length) {
    return {
      ...base,
      period: '',
      empty: m.empty,
      years: [],
      has: { cancelled: false, booked: false, evaluation: false, returns: false },
      columns: [],
      annotations: [],
      symbols: [],
    };
  }
  const last = maxOf(starts);
  // A `years` that is not a number (years="all") keeps the default rather than showing nothing.
  const span = Number.isFinite(options.years) ? Math.max(1, Math.floor(options.years!)) : 12;
  const first = Math.max(minOf(starts), last - span + 1);

  const present = (id: string) => rows.some((r) => r.measure === id && r.period.startYear >= first);
  const has = {
    cancelled: present('cancelled'),
    booked: present('booked'),
    evaluation: present('evaluation') || present('evaluation_min') || present('evaluation_max'),
    returns: present('evaluation_returns'),
  };
  const percentStatus = (id: string, year: number): Status | undefined => {
    const def = byId.get(id);
    return def?.numerator && def.denominator ? statusOf(year, def.numerator, def.denominator) : statusOf(year, id);
  };
  const percentOf = (id: string, year: number): Value | undefined => {
    const v = get(id, year);
    const def = byId.get(id);
    // A stated rate is in percent (42 = 42%); a derived one is worked out.
    if (def?.numerator && def.denominator) return ratio(get(def.numerator, year), get(def.denominator, year));
    return isNumber(v) ? v / 100 : v;
  };

  // Annotations on reporting years shown, numbered in year order; others are not drawn.
  const annotationList = dataset.annotations
    .flatMap((a) => {
      const p = parsePeriod(a.period);
      return isPeriod(p) && !p.quarter && p.startYear >= first && p.startYear <= last
        ? [{ period: p.key, text: a.text }]
        : [];
    })
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((a, i) => ({ n: i + 1, ...a }));

  const rateDigits = byId.get('attendance_rate')?.decimals ?? 0;
  const returnsDigits = byId.get('evaluation_returns')?.decimals ?? 0;
  const years: TrainingYear[] = [];
  for (let y = first; y <= last; y++) {
    const period = makePeriod(y);
    const attendees = get('attendees', y);
    const events = get('events', y);
    const single = get('evaluation', y);
    const low = single ?? get('evaluation_min', y);
    const high = single ?? get('evaluation_max', y);
    const annotation = annotationList.find((a) => a.period === period.key);
    const evalLow = has.evaluation
      ? figure(low, 'score', 0, statusOf(y, single !== undefined ? 'evaluation' : 'evaluation_min'))
      : undefined;
    const evalHigh = has.evaluation
      ? figure(high, 'score', 0, statusOf(y, single !== undefined ? 'evaluation' : 'evaluation_max'))
      : undefined;
    years.push({
      period,
      label: periodLabel(period, dataset.yearStartMonth, dataset.periodLabels),
      attendees: figure(attendees, 'count', 1, statusOf(y, 'attendees')),
      events: figure(events, 'count', 1, statusOf(y, 'events')),
      perEvent: figure(
        ratio(attendees ?? MISSING, events ?? MISSING),
        'decimal',
        1,
        statusOf(y, 'attendees', 'events'),
      ),
      ...(has.cancelled ? { cancelled: figure(get('cancelled', y), 'count', 1, statusOf(y, 'cancelled')) } : {}),
      ...(has.booked
        ? {
            booked: figure(get('booked', y), 'count', 1, statusOf(y, 'booked')),
            attendanceRate: figure(
              ratio(attendees ?? MISSING, get('booked', y) ?? MISSING),
              'percent',
              rateDigits,
              statusOf(y, 'attendees', 'booked'),
            ),
          }
        : {}),
      ...(evalLow && evalHigh
        ? {
            evaluationLow: evalLow,
            evaluationHigh: evalHigh,
            evaluationText:
              isSymbol(evalLow.value) || isSymbol(evalHigh.value)
                ? isSymbol(evalLow.value)
                  ? evalLow.text
                  : evalHigh.text
                : evalLow.value === evalHigh.value
                  ? evalLow.text
                  : tm.range(evalLow.text, evalHigh.text),
          }
        : {}),
      ...(has.returns
        ? {
            returns: figure(
              percentOf('evaluation_returns', y),
              'percent',
              returnsDigits,
              percentStatus('evaluation_returns', y),
            ),
          }
        : {}),
      ...(annotation ? { annotation: { n: annotation.n, text: annotation.text } } : {}),
    });
  }

  const columns: TrainingColumn[] = [
    { key: 'attendees', label: byId.get('attendees')?.label ?? tm.attendees },
    { key: 'events', label: byId.get('events')?.label ?? tm.events },
    { key: 'perEvent', label: tm.perEvent },
    ...(has.cancelled ? [{ key: 'cancelled' as const, label: byId.get('cancelled')?.label ?? tm.cancelled }] : []),
    ...(has.booked
      ? [
          { key: 'booked' as const, label: byId.get('booked')?.label ?? tm.booked },
          { key: 'attendanceRate' as const, label: byId.get('attendance_rate')?.label ?? tm.attendanceRate },
        ]
      : []),
    ...(has.evaluation ? [{ key: 'evaluationText' as const, label: tm.evaluation }] : []),
    ...(has.returns ? [{ key: 'returns' as const, label: byId.get('evaluation_returns')?.label ?? tm.returns }] : []),
  ];

  // Change on the previous year, for each column that is a number.
  const latest = years[years.length - 1]!;
  const previous = years.length > 1 ? years[years.length - 2] : undefined;
  const changeText = (key: TrainingColumn['key']): string => {
    if (!previous || key === 'evaluationText' || key === 'year') return '';
    const a = latest[key] as Figure | undefined;
    const b = previous[key] as Figure | undefined;
    if (!a || !b) return '';
    if (isSymbol(a.value) || isSymbol(b.value)) return '';
    const isRate = key === 'attendanceRate' || key === 'returns';
    if (isRate) {
      const points = roundHalfUp((a.value - b.value) * 100, 1);
      if (points === 0) return m.noChange;
      const size = m.percentagePoints(formatDecimal(Math.abs(points), 1));
      return points > 0 ? m.up(size) : m.down(size);
    }
    if (b.value === 0) return '';
    const pct = roundHalfUp((a.value / b.value - 1) * 100, 1);
    if (!Number.isFinite(pct)) return '';
    if (pct === 0) return m.noChange;
    const size = `${formatDecimal(Math.abs(pct), 1)}%`;
    return pct > 0 ? m.up(size) : m.down(size);
  };
  const changes = previous
    ? { label: m.changeOn(previous.label), cells: columns.map((c) => changeText(c.key)) }
    : undefined;

  // Summary: the latest year in words, then cancellations, bookings and evaluation.
  const summary: string[] = [];
  const meaningOf = (f: Figure) => (isSymbol(f.value) ? m.symbols[f.value.symbol] : '');
  const attendeesChange = changes?.cells[0];
  if (isNumber(latest.attendees.value) && isNumber(latest.events.value)) {
    const perEventText = isNumber(latest.perEvent.value)
      ? tm.aboutPerEvent(formatCount(Math.round(latest.perEvent.value)))
      : '';
    summary.push(
      tm.summaryMain(latest.label, latest.attendees.text, latest.events.text, perEventText) +
        (attendeesChange && previous ? tm.summaryChange(attendeesChange, previous.label) : '') +
        '.',
    );
  } else {
    // A symbol is never read as a number: "In 2021-22: attendees [c], 98 events (confidential: …)."
    const parts = [
      tm.attendeesPart(latest.attendees.text, isNumber(latest.attendees.value) ? latest.attendees.value : undefined),
      tm.eventsPart(latest.events.text, isNumber(latest.events.value) ? latest.events.value : undefined),
    ].join(', ');
    const meanings = [...new Set([meaningOf(latest.attendees), meaningOf(latest.events)].filter(Boolean))];
    summary.push(`${tm.summaryPartial(latest.label, parts)}${tm.symbolMeanings(meanings.join('; '))}.`);
  }
  if (latest.cancelled) {
    summary.push(
      isNumber(latest.cancelled.value)
        ? tm.summaryCancelled(latest.cancelled.text, latest.cancelled.value)
        : tm.summaryNotAvailable(
            columns.find((c) => c.key === 'cancelled')!.label,
            m.symbols[(latest.cancelled.value as { symbol: 'x' }).symbol],
          ),
    );
  }
  if (latest.attendanceRate && isNumber(latest.attendanceRate.value)) {
    summary.push(tm.summaryBookings(latest.attendanceRate.text, latest.booked!.text));
  }
  if (latest.evaluationText && latest.evaluationLow && isNumber(latest.evaluationLow.value)) {
    summary.push(
      tm.summaryEvaluation(
        latest.evaluationText,
        latest.returns && isNumber(latest.returns.value) ? latest.returns.text : undefined,
      ),
    );
  }
  // Years the chart leaves a gap in (attendees or events is a symbol), with the symbol.
  const gapYears = years
    .filter((y) => isSymbol(y.attendees.value) || isSymbol(y.events.value))
    .map((y) => `${y.label} ${isSymbol(y.attendees.value) ? y.attendees.text : y.events.text}`);
  if (gapYears.length) summary.push(tm.summaryGaps(tm.list(gapYears)));

  const returnsYear = [...years].reverse().find((y) => y.returns && isNumber(y.returns.value));
  const returnsText = returnsYear ? tm.returnsWords(returnsYear.returns!.text, returnsYear.label) : undefined;

  const definitions: { n: number; label: string; text: string }[] = [];
  for (const def of dataset.measures as readonly MeasureDef[]) {
    if (def.definition) definitions.push({ n: definitions.length + 1, label: def.label, text: def.definition });
  }

  const all: Value[] = years.flatMap((y) =>
    columns
      .map((c) =>
        c.key === 'evaluationText'
          ? y.evaluationLow?.value
          : (y[c.key as keyof TrainingYear] as Figure | undefined)?.value,
      )
      .filter((v): v is Value => v !== undefined),
  );

  const statuses = statusesUsed(
    years.flatMap((y) =>
      columns.map((c) =>
        c.key === 'evaluationText'
          ? combinedStatus([y.evaluationLow?.status, y.evaluationHigh?.status])
          : (y[c.key as keyof TrainingYear] as Figure | undefined)?.status,
      ),
    ),
  );

  const csv: string[][] = [
    [tm.year, ...columns.map((c) => c.label)],
    ...years.map((y) => [y.label, ...columns.map((c) => csvCell(y, c.key, tm))]),
    ...(changes ? [[changes.label, ...changes.cells]] : []),
  ];

  return {
    ...base,
    period: `${m.yearRange(years[0]!.label, latest.label)}, ${m.byYear}`,
    summary,
    definitions,
    csv,
    years,
    has,
    columns,
    ...(changes ? { changes } : {}),
    // Named as the years are: "2024" for a calendar-year envelope.
    annotations: annotationList.map((a) => ({
      ...a,
      period: years.find((y) => y.period.key === a.period)?.label ?? a.period,
    })),
    ...(returnsText ? { returnsText } : {}),
    latest,
    symbols: symbolsUsed(all),
    statuses,
  };
}

/**
 * A column's figure for one year in the CSV, as `csvNumber` writes numbers:
 * counts without thousands separators (1949), rates as percentages (85%),
 * and scores without a leading + ("80 to 90").
 */
export function csvCell(year: TrainingYear, key: TrainingColumn['key'], tm: TrainingMessages): string {
  if (key === 'evaluationText' && year.evaluationLow && year.evaluationHigh) {
    const low = year.evaluationLow;
    const high = year.evaluationHigh;
    if (isSymbol(low.value) || isSymbol(high.value)) return year.evaluationText ?? '';
    const lowText = csvNumber(low.value, 0) + statusMark(low.status);
    return low.value === high.value ? lowText : tm.range(lowText, csvNumber(high.value, 0) + statusMark(high.status));
  }
  if (key === 'year') return year.label;
  const v = year[key];
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  const f = v as Figure;
  if (isSymbol(f.value)) return f.text;
  // A status mark beside the figure, as in the table: "1949 [p]".
  const mark = statusMark(f.status);
  if (key === 'perEvent') return csvNumber(f.value, 1) + mark;
  if (key === 'attendanceRate' || key === 'returns') {
    // The places shown: "85%" has none, "85.3%" one.
    const digits = /\.(\d+)%/.exec(f.text)?.[1]?.length ?? 0;
    return `${csvNumber(f.value * 100, digits)}%${mark}`;
  }
  return csvNumber(f.value) + mark;
}

/** A column's figure for one year, for the table and the chart labels. */
export function cellText(year: TrainingYear, key: TrainingColumn['key']): string {
  if (key === 'year') return year.label;
  const v = year[key];
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return (v as Figure).text ?? '';
}
