/**
 * The examples of `<training-trend>`: one named set that the widget's tests
 * read (model, chart, element), each a dataset (inline, or the sample the
 * test server serves under `/data/`), the attributes it is shown with and
 * what it shows. The hard cases: one year of data; twelve years with every
 * optional measure and two annotations; a year with no rows at all in the
 * middle (not available, `[x]`); a year with every measure suppressed
 * (`c`); calendar years with status marks; hostile text; training measures
 * with no figures (empty); and data with neither attendees nor events (an
 * error). Not part of the element's bundle.
 */
type Cell = number | string;
type Envelope = Record<string, unknown>;

export interface TrainingExample {
  /** A short name, for test titles. */
  readonly name: string;
  /** What the example shows a reader, or tests. */
  readonly description: string;
  /** The data inline (a fresh copy each call), or `src`: the sample's address on the test server. */
  readonly data?: () => Envelope;
  readonly src?: string;
  /** The element's attributes. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The state the element ends in. */
  readonly state: 'loaded' | 'empty' | 'error';
  /**
   * Reporting years, the widget's own labels and no status marks: every
   * figure can be read back from the chart's labels and the summary.
   */
  readonly readBack?: boolean;
}

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
function envelope(title: string, years: Record<string, Record<string, Cell>>, extra: Envelope = {}): Envelope {
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

/** The partnership's published sample: five years, bookings and cancellations, evaluation ranges. */
export const LLR_SAMPLE = '/data/llr-training.json';

/** One reporting year: no previous year, no change, a single evaluation score. */
export function oneYear(): Envelope {
  return envelope('Training: one year of figures', {
    '2021-22': { attendees: 312, events: 14, evaluation: 85, evaluation_returns: 40 },
  });
}

/** Twelve years, 2010-11 to 2021-22: every optional measure, evaluation from 2015-16, two annotations. */
export const TWELVE_ATTENDEES = [640, 700, 760, 810, 905, 980, 1050, 1180, 1320, 1410, 1630, 1949];
export const TWELVE_EVENTS = [31, 34, 38, 41, 45, 49, 55, 74, 81, 86, 79, 98];
export function twelveYears(): Envelope {
  const years: Record<string, Record<string, Cell>> = {};
  TWELVE_ATTENDEES.forEach((attendees, i) => {
    years[yearKey(2010 + i)] = {
      attendees,
      events: TWELVE_EVENTS[i]!,
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
export function missingYear(): Envelope {
  return envelope('Training: a year with no figures', {
    '2017-18': { attendees: 1180, events: 74, evaluation_min: 70, evaluation_max: 82 },
    '2018-19': { attendees: 1320, events: 81, evaluation_min: 72, evaluation_max: 85 },
    '2020-21': { attendees: 1630, events: 79, evaluation_min: 80, evaluation_max: 90 },
    '2021-22': { attendees: 1949, events: 98, evaluation_min: 80, evaluation_max: 90 },
  });
}

/** Every measure of 2019-20 suppressed (`c`), with an annotation on that year and on the next. */
export function allSuppressed(): Envelope {
  const full = (attendees: number, events: number): Record<string, Cell> => ({
    attendees,
    events,
    cancelled: 4,
    booked: Math.round(attendees * 1.25),
    evaluation_min: 78,
    evaluation_max: 88,
    evaluation_returns: 40,
  });
  const suppressed = Object.fromEntries(Object.keys(full(0, 0)).map((id) => [id, 'c']));
  return envelope(
    'Training: a year with every figure suppressed',
    {
      '2017-18': full(180, 12),
      '2018-19': full(204, 13),
      '2019-20': suppressed,
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

/** Calendar years (named "2023", "2024") with provisional and estimated figures, and an annotation. */
export function calendarYears(): Envelope {
  return {
    yearStartMonth: 1,
    measures: [
      { id: 'attendees', label: 'Attendees' },
      { id: 'events', label: 'Events' },
    ],
    annotations: [{ period: '2024-25', text: 'New e-learning offer' }],
    data: [
      { measure: 'attendees', period: '2023-24', value: 1800, status: 'final' },
      { measure: 'events', period: '2023-24', value: 90 },
      { measure: 'attendees', period: '2024-25', value: 1949, status: 'provisional' },
      { measure: 'events', period: '2024-25', value: 98, status: 'estimated' },
    ],
  };
}

/**
 * Hostile text in every string the widget shows: markup, a formula for a
 * spreadsheet, bidirectional controls. Shown as text, never run.
 */
export function hostileText(): Envelope {
  const data = envelope('<img src=x onerror=alert(1)> Training \u202Eevil', {
    '2020-21': { attendees: 1630, events: 79 },
    '2021-22': { attendees: 1949, events: 98 },
  });
  return {
    ...data,
    measures: [
      { id: 'attendees', label: '=HYPERLINK("http://example.invalid","Attendees")' },
      { id: 'events', label: '<script>alert(1)</script> events' },
    ],
    annotations: [{ period: '2021-22', text: '@SUM(1+1) <b>not bold</b>' }],
  };
}

/** Training measures, but no figures for them: the empty state. */
export function noFigures(): Envelope {
  return {
    title: 'No training figures yet',
    measures: [{ id: 'attendees' }, { id: 'contacts' }],
    data: [{ measure: 'contacts', period: '2021-22', value: 3 }],
  };
}

/** Measures that are not training figures: the widget must say so, not draw an empty chart. */
export function noTrainingMeasures(): Envelope {
  return {
    title: 'Not training figures',
    measures: [{ id: 'contacts', label: 'Contacts' }],
    data: [
      { measure: 'contacts', period: '2020-21', value: 4369 },
      { measure: 'contacts', period: '2021-22', value: 3657 },
    ],
  };
}

export const trainingExamples: readonly TrainingExample[] = [
  {
    name: 'LLR training',
    description: 'The published sample: five years, bookings, cancellations and evaluation ranges.',
    src: LLR_SAMPLE,
    attributes: {},
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'LLR training, latest three years',
    description: 'The sample with `years="3"`: only the latest three years are shown.',
    src: LLR_SAMPLE,
    attributes: { years: '3' },
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'one year',
    description: 'A single year: no change row, a single evaluation score.',
    data: oneYear,
    attributes: {},
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'twelve years',
    description: 'Every optional measure over twelve years, two annotations: the year labels thin out when narrow.',
    data: twelveYears,
    attributes: {},
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'a year with no rows',
    description: 'No rows for 2019-20: a gap marked [x] (not available), never a zero.',
    data: missingYear,
    attributes: {},
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'a year with every figure suppressed',
    description: 'Every figure of 2019-20 is [c]: gaps in every panel, and the changes on it are [c].',
    data: allSuppressed,
    attributes: {},
    state: 'loaded',
    readBack: true,
  },
  {
    name: 'calendar years with status marks',
    description: 'Years named 2023 and 2024; provisional [p] and estimated [e] figures, keyed under the chart.',
    data: calendarYears,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'hostile text',
    description: 'Markup, formulas and bidirectional controls in the title, labels and annotations: shown as text.',
    data: hostileText,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'no figures',
    description: 'Training measures with no figures: "There are no figures to show."',
    data: noFigures,
    attributes: {},
    state: 'empty',
  },
  {
    name: 'not training figures',
    description: 'Neither attendees nor events: an error that names the measures the data has.',
    data: noTrainingMeasures,
    attributes: {},
    state: 'error',
  },
];

/** The examples that end in the loaded state, drawn as charts. */
export const loadedTrainingExamples = trainingExamples.filter((e) => e.state === 'loaded');
