/**
 * Every string a widget writes, in English (en-GB) here and Welsh (cy) in `messages.cy.ts`, which
 * is loaded on demand (`loadWelsh()`: a page in English never downloads it). A small
 * typed catalogue rather than @lit/localize: the widgets switch language at
 * run time by the nearest `lang`, per element, which the catalogue does with a
 * lookup and no build step. The type makes a missing Welsh string a compile error.
 */
import { onDemand } from './on-demand.js';
import type { Status } from './status.js';
import type { SymbolCode } from './symbols.js';

export type Lang = 'en' | 'cy';

/** A plural category of Intl.PluralRules: Welsh uses all six, English `one` and `other`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The form of a word for a count, chosen by the language's plural rules (`other` when a form is not given). */
export function plural(lang: Lang, count: number, forms: Partial<Record<PluralCategory, string>> & { other: string }) {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return forms[rules.select(count) as PluralCategory] ?? forms.other;
}

export interface Messages {
  loading: string;
  empty: string;
  emptyYear: (year: string) => string;
  errorTitle: string;
  stale: (time: string) => string;
  staleReason: (reason: string) => string;
  showTable: string;
  showChart: string;
  download: string;
  source: string;
  updated: string;
  publishedBy: string;
  asAt: (date: string) => string;
  notes: string;
  definitions: string;
  definitionRef: (n: number) => string;
  symbolKey: string;
  dataQuality: string;
  /** The heading of the notes naming figures in the data that the widget does not show. */
  notShown: string;
  /** "Attendances by sector (18 figures): <reason>" (`by` is a list of dimension words, or empty). */
  notShownItem: (measure: string, by: string, count: number, reason: string) => string;
  /** A dimension in words, for `notShownItem`: "sector", "meeting format", "area". */
  dimensionWord: (key: string) => string;
  symbols: Record<SymbolCode, string>;
  /** The heading of the key to status marks ([p], [r], [e]). */
  statusKey: string;
  /** Each status in the key: "provisional: may change when final figures are published". */
  statuses: Record<Status, string>;
  /** Each status as one word, for notes: "provisional". */
  statusWord: Record<Status, string>;
  /** The heading of the sources of individual figures. */
  figureSources: string;
  /** The heading of the notes comparing figures of two statuses. */
  otherFigures: string;
  monthsShort: readonly string[];
  monthsLong: readonly string[];
  byYear: string;
  yearRange: (from: string, to: string) => string;
  measure: string;
  changeOn: (year: string) => string;
  up: (amount: string) => string;
  down: (amount: string) => string;
  noChange: string;
  better: string;
  worse: string;
  percentagePoints: (amount: string) => string;
  scrollRegion: (caption: string) => string;
  /** Over a table that scrolls sideways: the columns off-screen to the left and right ('' when none). */
  scrollCue: (left: readonly string[], right: readonly string[]) => string;
  presenting: string;
  keyboardHelp: string;
  errors: ErrorMessages;
}

/** What a data file can have too many of (see LIMITS in contract.ts). */
export type LimitedThing =
  | 'rows'
  | 'measures'
  | 'periods'
  | 'sectors'
  | 'formats'
  | 'areas'
  | 'values'
  | 'columns'
  | 'notes'
  | 'annotations'
  | 'comparators'
  | 'sources';

export interface ErrorMessages {
  network: (url: string) => string;
  http: (status: number, url: string) => string;
  notFound: (url: string) => string;
  timeout: (seconds: number, url: string) => string;
  tooLarge: (megabytes: number, url: string) => string;
  emptyBody: string;
  html: string;
  truncated: string;
  notJson: string;
  notEnvelope: string;
  csvMissingColumn: (column: string) => string;
  csvNoRows: string;
  field: (where: string, field: string, expected: string, got: string) => string;
  missingField: (where: string, field: string) => string;
  row: (n: number) => string;
  measureAt: (id: string) => string;
  envelope: string;
  expected: Record<
    | 'text'
    | 'number'
    | 'list'
    | 'object'
    | 'value'
    | 'polarity'
    | 'unit'
    | 'kind'
    | 'month'
    | 'date'
    | 'url'
    | 'id'
    | 'status'
    | 'band'
    | 'position',
    string
  >;
  unexpected: string;
  unknownMeasure: (row: number, id: string, known: string) => string;
  unknownRef: (measure: string, role: 'numerator' | 'denominator', ref: string) => string;
  notAQuarter: (row: number, text: string) => string;
  notAPeriod: (row: number, text: string) => string;
  yearsNotConsecutive: (row: number, text: string) => string;
  duplicate: (first: number, second: number, measure: string, period: string) => string;
  duplicateMeasure: (id: string) => string;
  unknownSource: (row: number, id: string) => string;
  /** "This file has 41,260 sectors; this chart shows at most 500." (numbers already formatted) */
  tooMany: (count: string, what: LimitedThing, limit: string) => string;
  /** "more than 20,000", for `tooMany`'s count. */
  moreThan: (count: string) => string;
  /** "Row 5: "sector" is 5,000,000 characters long; ..." */
  tooLong: (where: string, field: string, length: string, limit: string) => string;
  /** A figure beyond what can be added up exactly. */
  valueTooLarge: (row: number, value: string, limit: string) => string;
  moreProblems: (n: number) => string;
  noSource: string;
  badYear: (year: string) => string;
}

const EN_THINGS: Record<LimitedThing, string> = {
  rows: 'rows',
  measures: 'measures',
  periods: 'periods',
  sectors: 'sectors',
  formats: 'meeting formats',
  areas: 'areas',
  values: 'values in one column',
  columns: 'columns in one row',
  notes: 'notes',
  annotations: 'annotations',
  comparators: 'comparator areas',
  sources: 'sources',
};
const en: Messages = {
  loading: 'Loading figures…',
  empty: 'There are no figures to show.',
  emptyYear: (year) => `There are no figures for ${year}.`,
  errorTitle: 'These figures could not be shown',
  stale: (time) => `Could not update these figures. Showing the figures loaded at ${time}.`,
  staleReason: (reason) => `Reason: ${reason}`,
  showTable: 'Show table',
  showChart: 'Show chart',
  download: 'Download data (CSV)',
  source: 'Source',
  updated: 'Source published',
  publishedBy: 'Published by',
  asAt: (date) => `Figures as at ${date}`,
  notes: 'Notes',
  definitions: 'Definitions',
  definitionRef: (n) => `definition ${n}`,
  symbolKey: 'Symbols used',
  statusKey: 'Status of figures',
  statuses: {
    provisional: 'provisional: may change when final figures are published',
    revised: 'revised since first published',
    final: 'final',
    estimated: 'estimated',
  },
  statusWord: { provisional: 'provisional', revised: 'revised', final: 'final', estimated: 'estimated' },
  figureSources: 'Sources of figures',
  otherFigures: 'Provisional and final figures',
  dataQuality: 'Data quality',
  notShown: 'Not shown',
  notShownItem: (measure, by, count, reason) =>
    `${measure}${by ? ` by ${by}` : ''} (${count.toLocaleString('en-GB')} ${count === 1 ? 'figure' : 'figures'}): ${reason}`,
  dimensionWord: (key) =>
    ({ sector: 'sector', format: 'meeting format', area: 'area' })[key] ?? key.replace(/[_-]+/g, ' ').toLowerCase(),
  symbols: {
    c: 'confidential: withheld to protect people’s privacy',
    x: 'not available',
    z: 'not applicable',
    u: 'low reliability',
    low: 'rounds to zero, but is not zero',
    k: 'rounds to zero, but is not zero (older notation)',
  },
  monthsLong: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  byYear: 'by year',
  yearRange: (from, to) => (from === to ? from : `${from} to ${to}`),
  measure: 'Measure',
  changeOn: (year) => `Change on ${year}`,
  up: (amount) => `up ${amount}`,
  down: (amount) => `down ${amount}`,
  noChange: 'no change',
  better: 'better',
  worse: 'worse',
  percentagePoints: (amount) => `${amount} percentage points`,
  scrollCue: (left, right) =>
    [
      left.length ? `← Scroll back for: ${left.join('; ')}` : '',
      right.length ? `Scroll sideways for: ${right.join('; ')} →` : '',
    ]
      .filter(Boolean)
      .join('. '),
  scrollRegion: (caption) => `${caption} (table, scrolls sideways)`,
  presenting: 'Presenting',
  keyboardHelp: 'Keys: T switches between table and chart, P enlarges for presenting.',
  errors: {
    network: (url) => `The figures could not be loaded: the network request to ${url} failed.`,
    http: (status, url) => `The figures could not be loaded: the server answered with error ${status} for ${url}.`,
    notFound: (url) => `The data file was not found (error 404): ${url}.`,
    timeout: (seconds, url) =>
      `The server did not answer within ${seconds} ${plural('en', seconds, { one: 'second', other: 'seconds' })}: ${url}.`,
    tooLarge: (megabytes, url) => `The data file is too large to show (more than ${megabytes} MB): ${url}.`,
    emptyBody: 'The data file is empty.',
    html: 'The server sent a web page, not data. The address of the data file may be wrong.',
    truncated: 'The data file ends too soon: its JSON is cut short.',
    notJson: 'The data file is not valid JSON.',
    notEnvelope: 'The data file is JSON, but not a partnership-widgets data file: it needs "measures" and "data".',
    csvMissingColumn: (column) =>
      `The CSV file has no "${column}" column. It needs the columns measure, period and value.`,
    csvNoRows: 'The CSV file has a header but no rows.',
    field: (where, field, expected, got) => `${where}: "${field}" should be ${expected}, but is ${got}.`,
    missingField: (where, field) => `${where}: "${field}" is missing.`,
    row: (n) => `Row ${n}`,
    measureAt: (id) => `Measure "${id}"`,
    envelope: 'The data file',
    expected: {
      text: 'text',
      number: 'a number',
      list: 'a list',
      object: 'an object',
      value: 'a number or a GSS symbol (c, x, z, u, low)',
      polarity: 'up-good, down-good or neutral',
      unit: 'count, percent or ratio',
      kind: 'national, region, neighbours or other',
      month: 'a month number from 1 to 12',
      date: 'a date such as 2022-06-30',
      url: 'a web address starting https:// or http://',
      id: 'an identifier of letters, digits, _ or -',
      status: 'provisional, revised, final or estimated',
      band: 'A, B, C or D',
      position: 'below-all, lower-quarter, middle-half, upper-quarter or above-all',
    },
    unknownMeasure: (row, id, known) => `Row ${row}: measure "${id}" is not one of the measures listed (${known}).`,
    unknownRef: (measure, role, ref) => `Measure "${measure}": its ${role} "${ref}" is not a measure in this file.`,
    notAQuarter: (row, text) => `Row ${row}: period "${text}" is not a quarter (Q1 to Q4).`,
    notAPeriod: (row, text) =>
      `Row ${row}: period "${text}" is not a reporting year such as 2021-22 or a quarter such as 2021-22 Q1.`,
    yearsNotConsecutive: (row, text) =>
      `Row ${row}: period "${text}" does not name two years in a row, as 2021-22 does.`,
    duplicate: (first, second, measure, period) => `Rows ${first} and ${second} both give "${measure}" for ${period}.`,
    duplicateMeasure: (id) => `Measure "${id}" is listed twice.`,
    unknownSource: (row, id) => `Row ${row}: source "${id}" is not one of the sources listed under "sources".`,
    tooMany: (count, what, limit) =>
      `This file has ${count} ${EN_THINGS[what]}; this chart shows at most ${limit}. Split the file, or keep only the figures to show.`,
    moreThan: (count) => `more than ${count}`,
    tooLong: (where, field, length, limit) =>
      `${where}: "${field}" is ${length} characters long; this chart shows text of at most ${limit} characters.`,
    valueTooLarge: (row, value, limit) =>
      `Row ${row}: the value ${value} is too large to add up exactly; figures must be between -${limit} and ${limit}.`,
    moreProblems: (n) => `…and ${n} more ${n === 1 ? 'problem' : 'problems'}.`,
    unexpected: 'These figures could not be drawn because of a fault in the widget. Please tell the page’s owner.',
    noSource: 'No data: give the widget a src attribute, an inline JSON script or a data property.',
    badYear: (year) => `The year "${year}" is not a reporting year such as 2021-22.`,
  },
};

/**
 * The catalogues loaded: English always; Welsh once `loadWelsh()` has brought it (with every other
 * Welsh catalogue: `src/welsh.ts` fills in `cy`). A page in English never downloads the Welsh.
 */
export const catalogues: { en: Messages; cy?: Messages } = { en };

const welsh = onDemand(() => import('../welsh.js'));

/** True once the Welsh catalogues have arrived (a Welsh widget shows its loading state until then). */
export function welshLoaded(): boolean {
  return Boolean(catalogues.cy);
}

/**
 * Loads the Welsh catalogues (once per page; a failed fetch may be retried). Like the chart code,
 * they are a module next to the script, fetched with `import()` relative to its own URL.
 */
export function loadWelsh(): Promise<void> {
  return welsh.load().then(() => undefined);
}

/** The Welsh for "Loading figures…", shown by a Welsh widget while its catalogues are on their way. */
export const WELSH_LOADING = 'Wrthi’n llwytho’r ffigurau…';

/** `cy`, `cy-GB` → cy; anything else → en. */
export function normaliseLang(lang: string | null | undefined): Lang {
  return lang && /^cy\b/i.test(lang.trim()) ? 'cy' : 'en';
}

export function messages(lang: Lang): Messages {
  // Before the Welsh catalogues arrive a Welsh widget shows only its loading state (PartnershipWidget).
  return catalogues[lang] ?? catalogues.en;
}

/** Welsh "ac" (and) before a vowel, "a" before a consonant. */
const WELSH_VOWEL = /^[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]/i;

/**
 * "A, B and C" in English, "A, B ac C" / "A, B a C" in Welsh (no comma before
 * the last item in either). The one place lists of names are joined. Not
 * Intl.ListFormat: ICU's Welsh writes "a(c)", and browsers built without full
 * ICU data have no Welsh at all.
 */
export function joinList(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  const and = lang === 'cy' ? (WELSH_VOWEL.test(last) ? 'ac' : 'a') : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

/**
 * The nearest `lang` attribute, looking through shadow roots to their hosts,
 * so a widget inside another component still follows the page.
 */
export function nearestLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const found = node.closest('[lang]');
      if (found) return found.getAttribute('lang') ?? '';
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    } else {
      node = null;
    }
  }
  return document.documentElement.lang;
}
