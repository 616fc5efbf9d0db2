/**
 * The core catalogue in Welsh (cy). Not in the first script: it is loaded with the other Welsh
 * catalogues (`src/welsh.ts`) when a widget's language is Welsh (`loadWelsh()` in `messages.ts`).
 */
import { plural, type LimitedThing, type Messages } from './messages.js';

const CY_THINGS: Record<LimitedThing, string> = {
  rows: 'rhesi',
  measures: 'mesurau',
  periods: 'cyfnodau',
  sectors: 'sectorau',
  formats: 'fformatau cyfarfod',
  areas: 'ardaloedd',
  values: 'gwerthoedd mewn un golofn',
  columns: 'colofnau mewn un rhes',
  notes: 'nodiadau',
  annotations: 'anodiadau',
  comparators: 'ardaloedd cymharu',
  sources: 'ffynonellau',
};

export const cy: Messages = {
  loading: 'Wrthi’n llwytho’r ffigurau…',
  empty: 'Does dim ffigurau i’w dangos.',
  emptyYear: (year) => `Does dim ffigurau ar gyfer ${year}.`,
  errorTitle: 'Nid oedd modd dangos y ffigurau hyn',
  stale: (time) => `Nid oedd modd diweddaru’r ffigurau hyn. Yn dangos y ffigurau a lwythwyd am ${time}.`,
  staleReason: (reason) => `Rheswm: ${reason}`,
  showTable: 'Dangos tabl',
  showChart: 'Dangos siart',
  download: 'Lawrlwytho data (CSV)',
  source: 'Ffynhonnell',
  updated: 'Cyhoeddwyd y ffynhonnell',
  publishedBy: 'Cyhoeddwyd gan',
  asAt: (date) => `Ffigurau fel yr oeddent ar ${date}`,
  notes: 'Nodiadau',
  definitions: 'Diffiniadau',
  definitionRef: (n) => `diffiniad ${n}`,
  symbolKey: 'Symbolau a ddefnyddir',
  statusKey: 'Statws y ffigurau',
  statuses: {
    provisional: 'dros dro: gall newid pan gyhoeddir y ffigurau terfynol',
    revised: 'wedi’i ddiwygio ers ei gyhoeddi gyntaf',
    final: 'terfynol',
    estimated: 'amcangyfrif',
  },
  statusWord: { provisional: 'dros dro', revised: 'diwygiedig', final: 'terfynol', estimated: 'amcangyfrif' },
  figureSources: 'Ffynonellau’r ffigurau',
  otherFigures: 'Ffigurau dros dro a therfynol',
  dataQuality: 'Ansawdd data',
  notShown: 'Heb eu dangos',
  notShownItem: (measure, by, count, reason) =>
    `${measure}${by ? ` fesul ${by}` : ''} (${count.toLocaleString('cy-GB')} ${count === 1 ? 'ffigur' : 'ffigurau'}): ${reason}`,
  dimensionWord: (key) =>
    ({ sector: 'sector', format: 'fformat cyfarfod', area: 'ardal' })[key] ?? key.replace(/[_-]+/g, ' ').toLowerCase(),
  symbols: {
    c: 'cyfrinachol: wedi’i atal i ddiogelu preifatrwydd pobl',
    x: 'ddim ar gael',
    z: 'ddim yn berthnasol',
    u: 'dibynadwyedd isel',
    low: 'yn talgrynnu i sero, ond nid yw’n sero',
    k: 'yn talgrynnu i sero, ond nid yw’n sero (hen nodiant)',
  },
  monthsLong: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
  monthsShort: ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'],
  byYear: 'fesul blwyddyn',
  yearRange: (from, to) => (from === to ? from : `${from} i ${to}`),
  measure: 'Mesur',
  changeOn: (year) => `Newid ers ${year}`,
  up: (amount) => `i fyny ${amount}`,
  down: (amount) => `i lawr ${amount}`,
  noChange: 'dim newid',
  better: 'gwell',
  worse: 'gwaeth',
  percentagePoints: (amount) => `${amount} pwynt canran`,
  scrollCue: (left, right) =>
    [
      left.length ? `← Sgroliwch yn ôl am: ${left.join('; ')}` : '',
      right.length ? `Sgroliwch i’r ochr am: ${right.join('; ')} →` : '',
    ]
      .filter(Boolean)
      .join('. '),
  scrollRegion: (caption) => `${caption} (tabl, yn sgrolio i’r ochr)`,
  presenting: 'Cyflwyno',
  keyboardHelp: 'Bysellau: mae T yn newid rhwng tabl a siart, mae P yn chwyddo ar gyfer cyflwyno.',
  errors: {
    network: (url) => `Nid oedd modd llwytho’r ffigurau: methodd y cais rhwydwaith i ${url}.`,
    http: (status, url) => `Nid oedd modd llwytho’r ffigurau: atebodd y gweinydd gyda gwall ${status} ar gyfer ${url}.`,
    notFound: (url) => `Ni chafwyd hyd i’r ffeil ddata (gwall 404): ${url}.`,
    // A Welsh noun after a number stays singular (CLDR gives "{0} eiliad" in every category).
    timeout: (seconds, url) =>
      `Ni atebodd y gweinydd o fewn ${seconds} ${plural('cy', seconds, { zero: 'eiliad', one: 'eiliad', two: 'eiliad', few: 'eiliad', many: 'eiliad', other: 'eiliad' })}: ${url}.`,
    tooLarge: (megabytes, url) => `Mae’r ffeil ddata yn rhy fawr i’w dangos (mwy na ${megabytes} MB): ${url}.`,
    emptyBody: 'Mae’r ffeil ddata yn wag.',
    html: 'Anfonodd y gweinydd dudalen we, nid data. Efallai fod cyfeiriad y ffeil ddata yn anghywir.',
    truncated: 'Mae’r ffeil ddata yn gorffen yn rhy gynnar: mae ei JSON wedi’i dorri’n fyr.',
    notJson: 'Nid yw’r ffeil ddata yn JSON dilys.',
    notEnvelope:
      'Mae’r ffeil ddata yn JSON, ond nid yw’n ffeil ddata partnership-widgets: mae angen "measures" a "data".',
    csvMissingColumn: (column) =>
      `Does gan y ffeil CSV ddim colofn "${column}". Mae angen y colofnau measure, period a value.`,
    csvNoRows: 'Mae gan y ffeil CSV bennawd ond dim rhesi.',
    field: (where, field, expected, got) => `${where}: dylai "${field}" fod yn ${expected}, ond ${got} ydyw.`,
    missingField: (where, field) => `${where}: mae "${field}" ar goll.`,
    row: (n) => `Rhes ${n}`,
    measureAt: (id) => `Mesur "${id}"`,
    envelope: 'Y ffeil ddata',
    expected: {
      text: 'destun',
      number: 'rhif',
      list: 'rhestr',
      object: 'gwrthrych',
      value: 'rhif neu symbol GSS (c, x, z, u, low)',
      polarity: 'up-good, down-good neu neutral',
      unit: 'count, percent neu ratio',
      kind: 'national, region, neighbours neu other',
      month: 'rhif mis o 1 i 12',
      date: 'dyddiad fel 2022-06-30',
      url: 'cyfeiriad gwe sy’n dechrau https:// neu http://',
      id: 'dynodydd o lythrennau, digidau, _ neu -',
      status: 'provisional, revised, final neu estimated',
      band: 'A, B, C neu D',
      position: 'below-all, lower-quarter, middle-half, upper-quarter neu above-all',
    },
    unknownMeasure: (row, id, known) => `Rhes ${row}: nid yw’r mesur "${id}" yn un o’r mesurau a restrir (${known}).`,
    unknownRef: (measure, role, ref) =>
      `Mesur "${measure}": nid yw ei ${role === 'numerator' ? 'rifiadur' : 'enwadur'} "${ref}" yn fesur yn y ffeil hon.`,
    notAQuarter: (row, text) => `Rhes ${row}: nid yw’r cyfnod "${text}" yn chwarter (Ch1 i Ch4).`,
    notAPeriod: (row, text) =>
      `Rhes ${row}: nid yw’r cyfnod "${text}" yn flwyddyn adrodd fel 2021-22 nac yn chwarter fel 2021-22 Q1.`,
    yearsNotConsecutive: (row, text) =>
      `Rhes ${row}: nid yw’r cyfnod "${text}" yn enwi dwy flynedd yn olynol, fel y mae 2021-22.`,
    duplicate: (first, second, measure, period) =>
      `Mae rhesi ${first} a ${second} ill dwy yn rhoi "${measure}" ar gyfer ${period}.`,
    duplicateMeasure: (id) => `Mae’r mesur "${id}" wedi’i restru ddwywaith.`,
    unknownSource: (row, id) => `Rhes ${row}: nid yw’r ffynhonnell "${id}" yn un o’r ffynonellau o dan "sources".`,
    tooMany: (count, what, limit) =>
      `Mae gan y ffeil hon ${count} o ${CY_THINGS[what]}; mae’r siart hon yn dangos ${limit} ar y mwyaf. Rhannwch y ffeil, neu cadwch y ffigurau i’w dangos yn unig.`,
    moreThan: (count) => `mwy na ${count}`,
    tooLong: (where, field, length, limit) =>
      `${where}: mae "${field}" yn ${length} o nodau o hyd; mae’r siart hon yn dangos testun o ${limit} nod ar y mwyaf.`,
    valueTooLarge: (row, value, limit) =>
      `Rhes ${row}: mae’r gwerth ${value} yn rhy fawr i’w adio’n fanwl gywir; rhaid i ffigurau fod rhwng -${limit} a ${limit}.`,
    moreProblems: (n) => `…a ${n} problem arall.`,
    unexpected: 'Nid oedd modd llunio’r ffigurau hyn oherwydd nam yn y teclyn. Rhowch wybod i berchennog y dudalen.',
    noSource: 'Dim data: rhowch briodwedd src, sgript JSON fewnol neu briodwedd data i’r teclyn.',
    badYear: (year) => `Nid yw’r flwyddyn "${year}" yn flwyddyn adrodd fel 2021-22.`,
  },
};
