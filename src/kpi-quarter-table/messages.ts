/**
 * The strings `<kpi-quarter-table>` writes beyond the core catalogue, in
 * English (en-GB) and Welsh (cy). Typed like `core/messages.ts`: a string
 * missing from either language is a compile error. Measure labels and
 * definitions are shown as the publisher wrote them.
 */
import type { Band, SpreadPosition } from '../core/contract.js';
import type { Lang } from '../core/messages.js';

/** The neighbours' five numbers, formatted. */
export interface FiveFigures {
  readonly lowest: string;
  readonly lowerQuartile: string;
  readonly median: string;
  readonly upperQuartile: string;
  readonly highest: string;
}

export interface KpiMessages {
  /**
   * "Referrals, 2021-22: 2,295 (provisional; this report); 2,286 (final; DfE), 9 fewer."
   * `difference` is already formatted; `direction` says whether the second figure is below or above the first.
   */
  otherFigure: (
    label: string,
    period: string,
    shown: string,
    shownAbout: string,
    other: string,
    otherAbout: string,
    difference: string,
    direction: 'fewer' | 'more' | 'same',
  ) => string;
  /** "year to date (Q1)" (under the year, as "year total" is), the total of a year whose later quarters are not in yet. */
  yearToDate: (quarters: string) => string;
  /** "Q1 to Q2". */
  quarterSpan: (from: string, to: string) => string;
  /** "Q1 of 2024-25": the same quarters of the previous year. */
  sameQuarters: (quarters: string, year: string) => string;
  quarterLabel: (q: number, from: string, to: string) => string;
  monthRange: (from: string, to: string) => string;
  quarterShort: (q: number) => string;
  byQuarter: string;
  yearTotal: string;
  previousYear: string;
  chartPoint: (column: string, value: string) => string;
  /** "In 2021-22: " opening the list of figures, or "Also in 2021-22: " after a lead sentence. */
  summaryIntro: (period: string, also: boolean) => string;
  /** One figure in the list: "the contact NFA rate 18.8%" (the name has no unit symbol; see `measureName`). */
  summaryMeasure: (name: string, value: string) => string;
  /** One headline count: "16,424 contacts". */
  summaryCount: (name: string, value: string) => string;
  /** "In 2021-22 there were 16,424 contacts, 2,295 referrals [p] and 488 CPP." */
  summaryHeadline: (period: string, counts: string) => string;
  /** "The re-referral rate is below the neighbours’ median (22.0%)." */
  summaryPosition: (name: string, position: string) => string;
  summaryChange: (change: string, previous: string) => string;
  summaryHighest: (label: string, quarter: string, value: string) => string;
  qualityTotal: (label: string, year: string, stated: string, sum: string) => string;
  qualityRate: (label: string, column: string, stated: string, derived: string, num: string, den: string) => string;
  kpiTitle: string;
  position: (direction: 'above' | 'below' | 'same', reference: string, value: string) => string;
  neighboursMedian: string;
  /** The neighbours' median as a column header, in sentence case. */
  neighboursMedianHeading: string;
  positionHeader: (reference: string) => string;
  notCompared: string;
  compareCaption: (year: string) => string;
  thisArea: string;
  /** Why rows with a breakdown (sector, format…) are not in the table. */
  notShownBreakdown: string;
  /** Why rows of other areas are not in a quarterly table. */
  notShownAreasQuarterly: string;
  /** The year total is the final figure, not the sum of the quarters shown (provisional). */
  finalTotal: (label: string, year: string) => string;
  /**
   * Where a figure sits among the neighbours: "within the middle half of its 10 statistical neighbours
   * (23.6% to 27.5%; median 24.5%)". `count` had a figure, of `of`.
   */
  placing: (position: SpreadPosition, count: number, of: number | undefined, five: FiveFigures) => string;
  /** "; band B of A to D among all authorities (A the best)", appended to `placing`. */
  band: (band: Band) => string;
  /** "England 22.6%". */
  referenceFigure: (area: string, value: string) => string;
  /** "In 2024-25, Trafford, at 18.0%, is … ; England 22.6%, North West 21.7%." */
  placingSentence: (
    year: string,
    area: string,
    value: string,
    placing: string,
    references: readonly string[],
  ) => string;
  /** The position column's header when it places rates in the spread. */
  positionAmong: string;
  /** The chart's direct label on the neighbours' spread. */
  neighboursLabel: string;
  /** The chart's direct label on the neighbours' median. */
  medianLabel: string;
}

const EN_SPREAD: Record<SpreadPosition, string> = {
  'below-all': 'lower than all',
  'lower-quarter': 'in the lowest quarter',
  'middle-half': 'within the middle half',
  'upper-quarter': 'in the highest quarter',
  'above-all': 'higher than all',
};

/** "of its 10 statistical neighbours", or "of the 9 of its 10 statistical neighbours with a figure". */
function enGroup(count: number, of: number | undefined): string {
  return of !== undefined && count < of
    ? `of the ${count} of its ${of} statistical neighbours with a figure`
    : `of its ${count} statistical neighbours`;
}

/** The figures in brackets: the range that the position sits in, and the median. */
export function range(
  position: SpreadPosition,
  f: FiveFigures,
  to: string,
  below: string,
  above: string,
  median: string,
) {
  const where =
    position === 'middle-half'
      ? `${f.lowerQuartile} ${to} ${f.upperQuartile}`
      : position === 'lower-quarter'
        ? `${f.lowest} ${to} ${f.lowerQuartile}`
        : position === 'upper-quarter'
          ? `${f.upperQuartile} ${to} ${f.highest}`
          : position === 'below-all'
            ? `${below} ${f.lowest}`
            : `${above} ${f.highest}`;
  return `(${where}; ${median} ${f.median})`;
}

const en: KpiMessages = {
  otherFigure: (label, period, shown, shownAbout, other, otherAbout, difference, direction) =>
    `${label}, ${period}: ${shown} (${shownAbout}); ${other} (${otherAbout}), ` +
    (direction === 'same' ? 'the same.' : `${difference} ${direction}.`),
  yearToDate: (quarters) => `year to date (${quarters})`,
  quarterSpan: (from, to) => (from === to ? from : `${from} to ${to}`),
  sameQuarters: (quarters, year) => `${quarters} of ${year}`,
  quarterLabel: (q, from, to) => `Q${q} (${from} to ${to})`,
  monthRange: (from, to) => `${from} to ${to}`,
  quarterShort: (q) => `Q${q}`,
  byQuarter: 'by quarter',
  yearTotal: 'year total',
  previousYear: 'previous year',
  chartPoint: (column, value) => `${column}: ${value}`,
  summaryIntro: (period, also) => `${also ? 'Also in' : 'In'} ${period}: `,
  summaryMeasure: (name, value) => `${name} ${value}`,
  summaryCount: (name, value) => `${value} ${name}`,
  summaryHeadline: (period, counts) => `In ${period} there were ${counts}.`,
  summaryPosition: (name, position) => `${name.charAt(0).toUpperCase()}${name.slice(1)} is ${position}.`,
  summaryChange: (change, previous) => `, ${change} on ${previous}`,
  summaryHighest: (label, quarter, value) => `${label} were highest in ${quarter}, at ${value}.`,
  qualityTotal: (label, year, stated, sum) =>
    `${label}, ${year}: the data states a year total of ${stated}, but the quarters add up to ${sum}. The table shows the stated total.`,
  qualityRate: (label, column, stated, derived, num, den) =>
    `${label}, ${column}: the data states ${stated}, but ${num} / ${den} = ${derived}. The table shows the rate worked out from the counts.`,
  kpiTitle: 'Safeguarding activity',
  position: (direction, reference, value) =>
    `${direction === 'above' ? 'above' : direction === 'below' ? 'below' : 'the same as'} ${reference} (${value})`,
  neighboursMedian: 'the neighbours’ median',
  neighboursMedianHeading: 'Neighbours’ median',
  notShownBreakdown: 'this table shows figures for the area as a whole, not broken down.',
  notShownAreasQuarterly: 'this table compares areas only in yearly figures, not by quarter.',
  finalTotal: (label, year) =>
    `${label}, ${year}: the year total is the final figure; the quarters are provisional and add up to a different total, given below.`,
  positionHeader: (reference) => `Position against ${reference}`,
  notCompared: 'not compared: counts depend on the size of the area',
  compareCaption: (year) => `Compared with other areas, ${year}`,
  thisArea: 'This area',
  placing: (position, count, of, five) =>
    `${EN_SPREAD[position]} ${enGroup(count, of)} ${range(position, five, 'to', 'lowest', 'highest', 'median')}`,
  band: (band) => `; band ${band} of A to D among all authorities (A the best)`,
  referenceFigure: (area, value) => `${area} ${value}`,
  placingSentence: (year, area, value, placing, references) =>
    `In ${year}, ${area}, at ${value}, is ${placing}${references.length ? `; ${references.join(', ')}` : ''}.`,
  positionAmong: 'Position among the statistical neighbours',
  neighboursLabel: 'Neighbours',
  medianLabel: 'median',
};

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`; see `loadWelsh()` in core/messages.ts). */
export const catalogues: { en: KpiMessages; cy?: KpiMessages } = { en };

/** The widget's strings in a language: the one way the element, model, figure and CLI reach them. */
export function kpiMessages(lang: Lang): KpiMessages {
  return catalogues[lang] ?? en;
}
