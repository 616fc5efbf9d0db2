/**
 * The examples of `<kpi-quarter-table>`: one set, read by the widget's tests
 * (model, element, figure). Each is a data file under `data/` (`src`) or an
 * envelope (`data`, made fresh on each call so a test may change its copy),
 * with the attributes to set and what it shows.
 */

export interface KpiExample {
  /** What the example shows, in a sentence. */
  readonly description: string;
  /** A sample data file, served at `/data/…` in tests. */
  readonly src?: string;
  /** The envelope itself (before validation). */
  readonly data?: () => Record<string, unknown>;
  /** Attributes to set on the element (as on the element: strings). */
  readonly attrs?: Readonly<Record<string, string>>;
  /** The state the element ends in (default: loaded). */
  readonly state?: 'loaded' | 'empty' | 'error';
}

/** A measure's four quarters of a year: `2021-22 Q1`… */
function quarters(year: string, measure: string, values: readonly (number | string)[]) {
  return values.map((value, i) => ({ measure, period: `${year} Q${i + 1}`, value }));
}

const YEAR_ON_YEAR_MEASURES = [
  { id: 'refs', label: 'Referrals', polarity: 'neutral' },
  { id: 're', label: 'Re-referrals', polarity: 'down-good' },
  { id: 'rate', label: 'Re-referral %', numerator: 're', denominator: 'refs', polarity: 'down-good' },
];

export const kpiExamples = {
  leicester: {
    description:
      'Leicester’s 2021-22 safeguarding KPIs by quarter: eleven measures, definitions, provisional referrals.',
    src: '/data/leicester-kpis-2021-22.json',
  },
  traffordComparators: {
    description:
      'Trafford’s referrals by year (prepared from DfE files), with England, the North West and the neighbours’ median.',
    src: '/data/trafford-referrals-prepared.json',
  },
  traffordAnnual: {
    description: 'Trafford’s referrals by year, the latest five years as columns.',
    src: '/data/trafford-referrals-annual.json',
  },
  scillySymbols: {
    description:
      'The Isles of Scilly by year: a small area whose figures are suppressed ([c]), unreliable ([u]) or missing ([x]).',
    src: '/data/isles-of-scilly-referrals-annual.json',
  },
  yearOnYear: {
    description:
      'Two years of quarters: the change on the previous year, better or worse by polarity, and a derived rate.',
    data: () => ({
      measures: YEAR_ON_YEAR_MEASURES,
      data: [
        ...quarters('2020-21', 'refs', [100, 100, 100, 100]),
        ...quarters('2020-21', 're', [20, 20, 20, 20]),
        ...quarters('2021-22', 'refs', [110, 100, 100, 108]),
        ...quarters('2021-22', 're', [10, 20, 20, 20]),
      ],
    }),
  },
  symbols: {
    description: 'A suppressed quarter ([c]) carried through the year total, the derived rate and the key.',
    data: () => ({
      measures: YEAR_ON_YEAR_MEASURES,
      data: [...quarters('2021-22', 'refs', [100, 100, 100, 100]), ...quarters('2021-22', 're', [20, 'c', 20, 20])],
    }),
  },
  statedTotal: {
    description: 'A stated year total (41) that is not the sum of its quarters (40): a data-quality note.',
    data: () => ({
      measures: [{ id: 'refs', label: 'Referrals' }],
      data: [...quarters('2021-22', 'refs', [10, 10, 10, 10]), { measure: 'refs', period: '2021-22', value: 41 }],
    }),
  },
  average: {
    description: 'Attendances per meeting, a derived average (unit ratio), with a stated figure that agrees.',
    data: () => ({
      measures: [
        { id: 'meetings', label: 'Meetings' },
        { id: 'attendances', label: 'Attendances' },
        { id: 'per_meeting', label: 'Per meeting', numerator: 'attendances', denominator: 'meetings', unit: 'ratio' },
      ],
      data: [
        ...quarters('2024-25', 'meetings', [3, 3, 3, 3]),
        ...quarters('2024-25', 'attendances', [29, 30, 31, 32]),
        { measure: 'per_meeting', period: '2024-25 Q1', value: 9.7 },
      ],
    }),
  },
  yearUnderway: {
    description: 'A year under way (Q1 only): a year-to-date total compared with the same quarter a year before.',
    data: () => ({
      measures: [
        { id: 'contacts', label: 'Contacts', polarity: 'neutral' },
        { id: 'nfa', label: 'Contact NFA' },
        { id: 'nfa_rate', label: 'Contact NFA %', numerator: 'nfa', denominator: 'contacts' },
      ],
      data: [
        ...quarters('2024-25', 'contacts', [1000, 1100, 1200, 1300]),
        ...quarters('2024-25', 'nfa', [100, 110, 120, 130]),
        ...quarters('2025-26', 'contacts', [1050]),
        ...quarters('2025-26', 'nfa', [126]),
      ],
    }),
  },
  emptyYear: {
    description: 'A year the data does not hold: the empty state, "There are no figures for 2019-20."',
    data: () => ({ measures: YEAR_ON_YEAR_MEASURES, data: quarters('2021-22', 'refs', [1, 1, 1, 1]) }),
    attrs: { year: '2019-20' },
    state: 'empty',
  },
  hostile: {
    description: 'Text a page must show as text: markup, a spreadsheet formula, bidirectional controls, a long label.',
    data: () => ({
      title: '<img src=x onerror=alert(1)> KPIs',
      measures: [
        { id: 'markup', label: '<script>alert(1)</script> Contacts', definition: '<b>not bold</b>' },
        { id: 'formula', label: '=HYPERLINK("https://example.org","Referrals")' },
        { id: 'bidi', label: 'Re\u202Eferrals\u202C \u2066isolated\u2069' },
        { id: 'long', label: 'Children in need referred again within twelve months of a previous referral '.repeat(2) },
      ],
      data: ['markup', 'formula', 'bidi', 'long'].flatMap((measure, i) =>
        quarters('2024-25', measure, [100 + i, 110 + i, 120 + i, 130 + i]),
      ),
    }),
  },
} satisfies Record<string, KpiExample>;

export type KpiExampleName = keyof typeof kpiExamples;
