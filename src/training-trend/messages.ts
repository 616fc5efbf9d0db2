/**
 * The strings `<training-trend>` writes beyond the core catalogue, in English
 * (en-GB) and Welsh (cy), typed so that a missing Welsh string is a compile
 * error. Data strings (labels, annotations, notes) are shown as written.
 * Lists of names are joined by the core `joinList`.
 */
import type { Lang } from '../core/messages.js';

export interface TrainingMessages {
  title: string;
  year: string;
  attendees: string;
  events: string;
  perEvent: string;
  cancelled: string;
  booked: string;
  attendanceRate: string;
  evaluation: string;
  returns: string;
  /** "+80 to +90". */
  range: (low: string, high: string) => string;
  aboutPerEvent: (n: string) => string;
  summaryMain: (year: string, attendees: string, events: string, perEvent: string) => string;
  /** The name of the attendees' trend in a sentence: "Attendance rose in each of the last four years…". */
  trendName: string;
  summaryCancelled: (text: string, n: number) => string;
  summaryNotAvailable: (label: string, meaning: string) => string;
  summaryBookings: (rate: string, booked: string) => string;
  summaryEvaluation: (range: string, returns?: string) => string;
  /** The latest year when attendees or events is a symbol: "In 2021-22: attendees [c], 98 events." */
  summaryPartial: (year: string, parts: string) => string;
  /** Years with a symbol for attendees or events: "2019-20 [x] and 2020-21 [c]". */
  summaryGaps: (years: string) => string;
  returnsWords: (rate: string, year: string) => string;
  panelAttendees: string;
  panelEvents: string;
  panelEvaluation: string;
  scale: string;
  /** A point's announcement: "2021-22: 1,949 attendees, 98 events". */
  point: (year: string, parts: string) => string;
  /** "1,949 attendees" for a number (`n`), "attendees [c]" for a symbol. */
  attendeesPart: (value: string, n?: number) => string;
  eventsPart: (value: string, n?: number) => string;
  /** "evaluation score +80 to +90 on a scale from −100 to +100"; a symbol without the scale. */
  evaluationPart: (value: string, isSymbol?: boolean) => string;
  /** What the symbols in a label mean, after it: " (not available)". */
  symbolMeanings: (meanings: string) => string;
  /** What the keys say for a year in a panel: "2018-19, Training events: 81 events, 1,320 attendees". */
  keyPoint: (year: string, panel: string, values: string) => string;
  /** The year's place in its panel, after the figures: "2 of 5 years". */
  yearPosition: (n: number, count: number) => string;
  /** How to use the keys on the panels. */
  keysHelp: string;
  chartLabel: (caption: string) => string;
  annotationsHeading: string;
  needsMeasures: (known: string) => string;
  /** Why rows with a breakdown (a format, a sector…) are not shown. */
  notShownBreakdown: string;
  /** Why a measure is not shown: the widget draws its own set of measures. */
  notShownMeasure: string;
}

const en: TrainingMessages = {
  title: 'Multi-agency training',
  year: 'Year',
  attendees: 'Attendees',
  events: 'Training events',
  perEvent: 'Attendees per event',
  cancelled: 'Events cancelled',
  booked: 'Places booked',
  attendanceRate: 'Attendance against bookings',
  evaluation: 'Evaluation (−100 to +100)',
  returns: 'Evaluation returns',
  range: (low, high) => `${low} to ${high}`,
  aboutPerEvent: (n) => ` (about ${n} per event)`,
  summaryMain: (year, attendees, events, perEvent) =>
    `In ${year}, ${attendees} people attended ${events} training events${perEvent}`,
  trendName: 'attendance',
  summaryCancelled: (text, n) => `${text} ${n === 1 ? 'event was' : 'events were'} cancelled.`,
  summaryNotAvailable: (label, meaning) => `${label}: ${meaning}.`,
  summaryBookings: (rate, booked) => `${rate} of the ${booked} places booked were taken up.`,
  summaryEvaluation: (range, returns) =>
    `Evaluation: ${range} on a scale from −100 to +100${returns ? `, from ${returns} of attendees` : ''}.`,
  summaryPartial: (year, parts) => `In ${year}: ${parts}`,
  summaryGaps: (years) => `The chart leaves a gap, not a zero, where there is no figure: ${years}.`,
  returnsWords: (rate, year) => `Based on evaluation returns from ${rate} of attendees in ${year}.`,
  panelAttendees: 'Attendees',
  panelEvents: 'Training events',
  panelEvaluation: 'Evaluation score (−100 to +100)',
  scale: 'Scale from −100 to +100',
  point: (year, parts) => `${year}: ${parts}`,
  attendeesPart: (value, n) =>
    n === undefined ? `attendees ${value}` : `${value} ${n === 1 ? 'attendee' : 'attendees'}`,
  eventsPart: (value, n) => (n === undefined ? `events ${value}` : `${value} ${n === 1 ? 'event' : 'events'}`),
  evaluationPart: (value, isSymbol) =>
    isSymbol ? `evaluation score ${value}` : `evaluation score ${value} on a scale from −100 to +100`,
  symbolMeanings: (meanings) => ` (${meanings})`,
  keyPoint: (year, panel, values) => `${year}, ${panel}: ${values}`,
  yearPosition: (n, count) => `${n} of ${count} ${count === 1 ? 'year' : 'years'}`,
  keysHelp:
    'Use the left and right arrow keys to move across the years, up and down to move between the charts, Home and End for the first and last year, and Escape to leave the charts.',
  chartLabel: (caption) => `Charts: ${caption}`,
  annotationsHeading: 'Marked on the chart',
  notShownBreakdown: 'this widget shows the partnership’s totals, not broken down.',
  notShownMeasure:
    'this widget draws attendees, events, cancellations, bookings and the evaluation score only (measure ids attendees, events, cancelled, booked, evaluation, evaluation_min, evaluation_max, evaluation_returns).',
  needsMeasures: (known) =>
    `The data has no "attendees" or "events" measure, so there is no training trend to draw. Its measures are: ${known}.`,
};

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`; see `loadWelsh()` in core/messages.ts). */
export const catalogues: { en: TrainingMessages; cy?: TrainingMessages } = { en };

/** The widget's own strings in a language: the one way the element, model, figure and CLI reach them. */
export function trainingMessages(lang: Lang): TrainingMessages {
  return catalogues[lang] ?? en;
}
