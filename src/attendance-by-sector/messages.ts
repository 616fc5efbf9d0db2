/**
 * The strings `<attendance-by-sector>` writes beyond the core catalogue, in
 * English (en-GB) and Welsh (cy). Typed like `core/messages.ts`: a string
 * missing from either language is a compile error. Data strings (sector
 * names, measure labels, notes) are shown as the publisher wrote them.
 */
import { catalogues, type Lang, type Messages } from '../core/messages.js';

export interface AttendanceMessages {
  title: string;
  sector: string;
  total: string;
  latestYear: string;
  previousYear: string;
  /** The period line: "2024-25 compared with 2023-24, by sector". */
  period: (latest: string, previous?: string) => string;
  legend: string;
  legendItem: (year: string, role: string) => string;
  /** The key to a year drawn as an upright line across the latest year's bars (a chart fitted to a short height). */
  legendLine: (year: string, role: string) => string;
  /** A bar's accessible label: "Health, 2024-25: 42 attendances". */
  barLabel: (sector: string, year: string, value: string, measure: string) => string;
  /** A bar whose value is a GSS symbol: "Police, 2024-25: [c], confidential". */
  barSymbol: (sector: string, year: string, symbol: string, meaning: string) => string;
  /** A chart's accessible name, given the caption (the standalone SVG's title). */
  chartLabel: (caption: string) => string;
  /**
   * The chart's accessible name in the widget, inside the group the caption
   * names: "Bar chart: attendances by sector". The summary follows it.
   */
  chartImage: (measure: string) => string;
  /** A bar's place, after its label: "sector 3 of 9" (each sector has a bar per year). */
  sectorPosition: (n: number, count: number) => string;
  /** "down 24 (6.5%)". */
  changeWithPercent: (change: string, percent: string) => string;
  /** When the total is a symbol (it would include a suppressed figure). */
  summaryTotalSymbol: (measure: string, year: string, symbol: string, meaning: string) => string;
  /** "Schools and education (up 13, to 71)". */
  summaryChangeItem: (sector: string, change: string, value: string) => string;
  summaryRise: (items: string, count: number) => string;
  summaryFall: (items: string, count: number) => string;
  summarySame: (measure: string, previousYear: string) => string;
  summaryNone: (sectors: string, year: string) => string;
  summaryMissing: (sectors: string, year: string) => string;
  summarySymbol: (sector: string, year: string, symbol: string, meaning: string) => string;
  /** "Average attendance per meeting in 2024-25: online 15.5, face to face 9.0." */
  summaryFormats: (measure: string, year: string, parts: string) => string;
  summarySeparate: (label: string, year: string, value: string) => string;
  formatsCaption: string;
  format: string;
  formatNames: Record<'online' | 'face-to-face' | 'hybrid', string>;
  allFormats: string;
  separate: string;
  year: string;
  figure: string;
  emptyMeasure: (measure: string) => string;
  /** Why rows with another dimension (an area…) are not shown. */
  notShownOtherDimension: string;
  /** Why figures without a sector are not shown when the data has no figures by sector at all. */
  notShownNoSector: string;
  /** Why another measure's figures by sector are not shown: the chart draws one measure by sector. */
  notShownOtherMeasure: (main: string) => string;
  /** Why a derived measure's stated figures are not shown: its parts are not given by meeting format. */
  notShownDerived: (numerator: string, denominator: string) => string;
  qualityTotal: (measure: string, year: string, stated: string, sum: string) => string;
  qualityFormats: (measure: string, year: string, formats: string, total: string) => string;
  qualityDerived: (
    measure: string,
    where: string,
    stated: string,
    derived: string,
    numerator: string,
    denominator: string,
  ) => string;
  errors: {
    unknownMeasure: (id: string, known: string) => string;
    badSort: (value: string) => string;
  };
}

/** "Attendances" → "attendances", but "LSCG attendances" stays as written. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const en: AttendanceMessages = {
  title: 'Attendance by sector',
  sector: 'Sector',
  total: 'Total',
  latestYear: 'latest year',
  previousYear: 'previous year',
  period: (latest, previous) => (previous ? `${latest} compared with ${previous}, by sector` : `${latest}, by sector`),
  legend: 'Key',
  legendItem: (year, role) => `${year} (${role})`,
  legendLine: (year, role) => `${year} (${role}), the line`,
  barLabel: (sector, year, value, measure) => `${sector}, ${year}: ${value} ${lowerFirst(measure)}`,
  barSymbol: (sector, year, symbol, meaning) => `${sector}, ${year}: ${symbol}, ${meaning}`,
  chartLabel: (caption) => `Bar chart: ${caption}`,
  chartImage: (measure) => `Bar chart: ${lowerFirst(measure)} by sector`,
  sectorPosition: (n, count) => `sector ${n} of ${count}`,
  changeWithPercent: (change, percent) => `${change} (${percent})`,
  summaryTotalSymbol: (measure, year, symbol, meaning) =>
    `${measure} in ${year}: no total is shown, because it would include a figure marked ${symbol} (${meaning}).`,
  summaryChangeItem: (sector, change, value) => `${sector} (${change}, to ${value})`,
  summaryRise: (items, count) => `The largest ${count > 1 ? 'rises were' : 'rise was'} from ${items}.`,
  summaryFall: (items, count) => `The largest ${count > 1 ? 'falls were' : 'fall was'} from ${items}.`,
  summarySame: (measure, previousYear) => `${measure}: every sector was the same as in ${previousYear}.`,
  summaryNone: (sectors, year) => `No attendance recorded from ${sectors} in ${year}.`,
  summaryMissing: (sectors, year) => `There is no figure for ${sectors} in ${year}.`,
  summarySymbol: (sector, year, symbol, meaning) => `${sector}, ${year}: ${symbol}, ${meaning}.`,
  summaryFormats: (measure, year, parts) => `${measure} in ${year}: ${parts}.`,
  summarySeparate: (label, year, value) => `Counted separately: ${label}, ${year}: ${value}.`,
  formatsCaption: 'By meeting format',
  format: 'Format',
  formatNames: { online: 'Online', 'face-to-face': 'Face to face', hybrid: 'Hybrid' },
  allFormats: 'All meetings',
  separate: 'Counted separately',
  year: 'Year',
  figure: 'Figure',
  emptyMeasure: (measure) => `There are no figures by sector for ${measure}.`,
  notShownNoSector: 'this widget draws figures by sector, and these have no sector.',
  notShownOtherDimension: 'this widget shows figures by sector and by meeting format only.',
  notShownOtherMeasure: (main) => `this widget draws one measure by sector, ${main}.`,
  notShownDerived: (numerator, denominator) =>
    `this widget works this figure out from ${numerator} and ${denominator} by meeting format, and the data does not give both by format.`,
  qualityTotal: (measure, year, stated, sum) =>
    `${measure}, ${year}: the data states a total of ${stated}, but the sectors add up to ${sum}. The total shown is the stated one.`,
  qualityFormats: (measure, year, formats, total) =>
    `${measure}, ${year}: the meeting formats add up to ${formats}, but the total is ${total}.`,
  qualityDerived: (measure, where, stated, derived, numerator, denominator) =>
    `${measure}, ${where}: the data states ${stated}, but ${numerator} / ${denominator} = ${derived}. The table shows the figure worked out from the counts.`,
  errors: {
    unknownMeasure: (id, known) =>
      `The measure attribute names "${id}", which is not a measure in the data (${known}).`,
    badSort: (value) => `The sort attribute should be "value" or "data", but is "${value}".`,
  },
};

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`; see `loadWelsh()` in core/messages.ts). */
export const catalogue: { en: AttendanceMessages; cy?: AttendanceMessages } = { en };

/** The widget's strings in a language: the one way the element, model, figure and CLI reach them. */
export function attendanceMessages(lang: Lang): AttendanceMessages {
  return catalogue[lang] ?? en;
}

/** The language of a core catalogue: a problem (an error or a quality note) is rendered from one. */
export function catalogueLang(m: Messages): Lang {
  return m === catalogues.cy ? 'cy' : 'en';
}
