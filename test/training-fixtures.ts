/**
 * Test data for `<training-trend>`: the hard cases, each a small envelope.
 * One year of data; twelve years with every optional measure and two
 * annotations; a year with no rows at all in the middle (not available,
 * `[x]`); a year with every measure suppressed (`c`); and data with
 * neither attendees nor events. The demo page's "hard cases" section holds
 * the same envelopes inline.
 */
type Cell = number | string;

const MEASURES: Record<string, Record<string, unknown>> = {
  attendees: { id: 'attendees', label: 'Attendees' },
  events: { id: 'events', label: 'Training events' },
  cancelled: { id: 'cancelled', label: 'Events cancelled' },
  booked: { id: 'booked', label: 'Places booked' },
  evaluation: { id: 'evaluation', label: 'Evaluation score' },
  evaluation_min: { id: 'evaluation_min', label: 'Evaluation gain (lowest area)' },
  evaluation_max: { id: 'evaluation_max', label: 'Evaluation gain (highest area)' },
  evaluation_returns: { id: 'evaluation_returns', label: 'Evaluation returns', unit: 'percent', decimals: 0 },
};

const yearKey = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** An envelope from rows of `{year: {measure: value}}`; measures in the order first used. */
function envelope(
  title: string,
  years: Record<string, Record<string, Cell>>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const ids = [...new Set(Object.values(years).flatMap((row) => Object.keys(row)))];
  return {
    title,
    publisher: 'An example partnership',
    measures: ids.map((id) => MEASURES[id] ?? { id }),
    ...extra,
    data: Object.entries(years).flatMap(([period, row]) =>
      Object.entries(row).map(([measure, value]) => ({ measure, period, value })),
    ),
  };
}

/** One reporting year: no previous year, no change, a single evaluation score. */
export function oneYear(): Record<string, unknown> {
  return envelope('Training: one year of figures', {
    '2021-22': { attendees: 312, events: 14, evaluation: 85, evaluation_returns: 40 },
  });
}

/** Twelve years, 2010-11 to 2021-22: every optional measure, evaluation from 2015-16, two annotations. */
export const TWELVE_ATTENDEES = [640, 700, 760, 810, 905, 980, 1050, 1180, 1320, 1410, 1630, 1949];
export const TWELVE_EVENTS = [31, 34, 38, 41, 45, 49, 55, 74, 81, 86, 79, 98];
export function twelveYears(): Record<string, unknown> {
  const years: Record<string, Record<string, Cell>> = {};
  TWELVE_ATTENDEES.forEach((attendees, i) => {
    const events = TWELVE_EVENTS[i]!;
    years[yearKey(2010 + i)] = {
      attendees,
      events,
      cancelled: 2 + (i % 4),
      booked: Math.round(attendees * 1.2),
      evaluation_min: i >= 5 ? 60 + i * 2 : 'x',
      evaluation_max: i >= 5 ? 75 + i : 'x',
      evaluation_returns: i >= 5 ? 30 + i : 'x',
    };
  });
  return envelope('Training: twelve years of figures', years, {
    annotations: [
      { period: '2013-14', text: 'New multi-agency training programme.' },
      { period: '2020-21', text: 'Training moved online (Covid-19).' },
    ],
  });
}

/** 2017-18 to 2021-22 with no rows at all for 2019-20: a gap with [x], never a zero. */
export function missingYear(): Record<string, unknown> {
  return envelope('Training: a year with no figures', {
    '2017-18': { attendees: 1180, events: 74, evaluation_min: 70, evaluation_max: 82 },
    '2018-19': { attendees: 1320, events: 81, evaluation_min: 72, evaluation_max: 85 },
    '2020-21': { attendees: 1630, events: 79, evaluation_min: 80, evaluation_max: 90 },
    '2021-22': { attendees: 1949, events: 98, evaluation_min: 80, evaluation_max: 90 },
  });
}

/** Every measure of 2019-20 suppressed (`c`), with an annotation on that year and on the next. */
export function allSuppressed(): Record<string, unknown> {
  const full = (attendees: number, events: number): Record<string, Cell> => ({
    attendees,
    events,
    cancelled: 4,
    booked: Math.round(attendees * 1.25),
    evaluation_min: 78,
    evaluation_max: 88,
    evaluation_returns: 40,
  });
  return envelope(
    'Training: a year with every figure suppressed',
    {
      '2017-18': full(180, 12),
      '2018-19': full(204, 13),
      '2019-20': {
        attendees: 'c',
        events: 'c',
        cancelled: 'c',
        booked: 'c',
        evaluation_min: 'c',
        evaluation_max: 'c',
        evaluation_returns: 'c',
      },
      '2020-21': full(236, 15),
      '2021-22': full(251, 16),
    },
    {
      annotations: [
        { period: '2019-20', text: 'Figures withheld: the courses were run for one small team.' },
        { period: '2020-21', text: 'Training moved online (Covid-19).' },
      ],
    },
  );
}

/** Measures that are not training figures: the widget must say so, not draw an empty chart. */
export function noTrainingMeasures(): Record<string, unknown> {
  return {
    title: 'Not training figures',
    measures: [{ id: 'contacts', label: 'Contacts' }],
    data: [
      { measure: 'contacts', period: '2020-21', value: 4369 },
      { measure: 'contacts', period: '2021-22', value: 3657 },
    ],
  };
}
