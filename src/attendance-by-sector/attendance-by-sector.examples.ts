/**
 * The one example set for `<attendance-by-sector>`: every kind of test (model,
 * chart, element, accessibility, fuzz, demo, CLI) reads its data and
 * attributes from here. `data()` returns a fresh envelope each call, so a test
 * may change it; `src` is a file the test server serves from `data/`.
 */

/** A sector name of 80 characters: wrapped on the chart, whole in the table. */
export const LONG_SECTOR = 'Voluntary, community, faith and social enterprise organisations in north Norfolk';

export interface AttendanceExample {
  readonly name: string;
  readonly description: string;
  /** A file under `data/`, as the test server serves it. */
  readonly src?: string;
  /** The envelope, made afresh on each call. */
  readonly data?: () => Record<string, unknown>;
  /** The element's attributes. */
  readonly attributes: Readonly<Record<string, string>>;
  /** What the element shows: figures, the empty state, or an error. */
  readonly state: 'loaded' | 'empty' | 'error';
}

type Row = readonly [period: string, sector: string, value: number | string];

function bySector(title: string, rows: readonly Row[]): Record<string, unknown> {
  return {
    title,
    measures: [{ id: 'attendances', label: 'Attendances' }],
    data: rows.map(([period, sector, value]) => ({ measure: 'attendances', period, sector, value })),
  };
}

/**
 * The hard cases in one small envelope: a sector present in one year and
 * absent in the other (Housing, Youth justice), a suppressed value (Police,
 * 2024-25: `c`), a sector with no attendance (Probation, 2024-25: 0) and a
 * sector name of 80 characters.
 */
export function edgeCases(): Record<string, unknown> {
  return bySector('Attendance: hard cases', [
    ['2023-24', 'Health', 40],
    ['2023-24', 'Police', 12],
    ['2023-24', 'Housing', 5],
    ['2023-24', LONG_SECTOR, 11],
    ['2023-24', 'Probation', 3],
    ['2024-25', 'Health', 42],
    ['2024-25', 'Police', 'c'],
    ['2024-25', 'Youth justice', 6],
    ['2024-25', LONG_SECTOR, 17],
    ['2024-25', 'Probation', 0],
  ]);
}

/** Two years of one sector: the greyscale case (solid latest bar, hatched and outlined previous bar). */
export function oneSector(): Record<string, unknown> {
  return bySector('One sector', [
    ['2023-24', 'Health', 38],
    ['2024-25', 'Health', 42],
  ]);
}

/** Two sectors tied for the largest rise (named together), and one unchanged. */
export function tiedRises(): Record<string, unknown> {
  const data = bySector('Ties', [
    ['2023-24', 'A', 1],
    ['2023-24', 'B', 2],
    ['2023-24', 'Early help', 5],
    ['2024-25', 'A', 4],
    ['2024-25', 'B', 5],
    ['2024-25', 'Early help', 5],
  ]);
  return { ...data, measures: [{ id: 'attendances' }] };
}

/** Text a page must never run or be reordered by: a formula, markup, and a right-to-left override in names. */
export function hostileText(): Record<string, unknown> {
  return bySector('<img src=x onerror=alert(1)> attendance', [
    ['2023-24', '=HYPERLINK("http://example.com","Health")', 3],
    ['2023-24', 'Schools\u202E', 8],
    ['2023-24', '<script>alert(1)</script>', 2],
    ['2024-25', '=HYPERLINK("http://example.com","Health")', 4],
    ['2024-25', 'Schools\u202E', 13],
    ['2024-25', '<script>alert(1)</script>', 1],
  ]);
}

export const NORFOLK = '/data/norfolk-lscg-attendance-2024-25.json';
export const NORFOLK_CSV = '/data/norfolk-lscg-attendance-2024-25.csv';

export const attendanceExamples: readonly AttendanceExample[] = [
  {
    name: 'norfolk',
    description:
      'Norfolk LSCG attendance, 2024-25 against 2023-24: nine sectors, meeting formats and a one-off meeting.',
    src: NORFOLK,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'norfolk-csv-data-order',
    description: 'The same figures from the tidy CSV twin, sectors in data order, the table shown.',
    src: NORFOLK_CSV,
    attributes: { sort: 'data', view: 'table' },
    state: 'loaded',
  },
  {
    name: 'hard-cases',
    description: 'A missing sector ([x]), a suppressed figure ([c]), a zero and an 80-character sector name.',
    data: edgeCases,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'one-sector',
    description: 'One sector over two years: the latest bar solid, the previous hatched.',
    data: oneSector,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'tied-rises',
    description: 'Two sectors tied for the largest rise, named together in the summary.',
    data: tiedRises,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'hostile-text',
    description: 'A formula, markup and a right-to-left override in the names: shown as text, never run.',
    data: hostileText,
    attributes: {},
    state: 'loaded',
  },
  {
    name: 'empty-year',
    description: 'A year the data has no figures for: the empty state says so.',
    src: NORFOLK,
    attributes: { year: '2019-20' },
    state: 'empty',
  },
  {
    name: 'unknown-measure',
    description: 'A measure attribute naming no measure in the data: a clear error listing the measures.',
    src: NORFOLK,
    attributes: { measure: 'attendees' },
    state: 'error',
  },
  {
    name: 'unknown-sort',
    description: 'A sort attribute other than "value" or "data": a clear error.',
    src: NORFOLK,
    attributes: { sort: 'size' },
    state: 'error',
  },
];

/** An example by name (a test names the one it reads). */
export function attendanceExample(name: string): AttendanceExample {
  const example = attendanceExamples.find((e) => e.name === name);
  if (!example) throw new Error(`No attendance example named ${name}`);
  return example;
}
