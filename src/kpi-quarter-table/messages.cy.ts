/** `<kpi-quarter-table>`'s strings in Welsh (cy), loaded on demand with the other Welsh catalogues (`src/welsh.ts`). */
import type { SpreadPosition } from '../core/contract.js';
import { range, type KpiMessages } from './messages.js';

const CY_SPREAD: Record<SpreadPosition, string> = {
  'below-all': 'yn is na phob un',
  'lower-quarter': 'yn y chwarter isaf',
  'middle-half': 'o fewn yr hanner canol',
  'upper-quarter': 'yn y chwarter uchaf',
  'above-all': 'yn uwch na phob un',
};

function cyGroup(count: number, of: number | undefined): string {
  return of !== undefined && count < of
    ? `o’r ${count} o’i ${of} cymydog ystadegol sydd â ffigur`
    : `o’i ${count} cymydog ystadegol`;
}

export const cy: KpiMessages = {
  otherFigure: (label, period, shown, shownAbout, other, otherAbout, difference, direction) =>
    `${label}, ${period}: ${shown} (${shownAbout}); ${other} (${otherAbout}), ` +
    (direction === 'same' ? 'yr un fath.' : `${difference} ${direction === 'fewer' ? 'yn llai' : 'yn fwy'}.`),
  yearToDate: (quarters) => `y flwyddyn hyd yma (${quarters})`,
  quarterSpan: (from, to) => (from === to ? from : `${from} i ${to}`),
  sameQuarters: (quarters, year) => `${quarters} ${year}`,
  quarterLabel: (q, from, to) => `Ch${q} (${from} i ${to})`,
  monthRange: (from, to) => `${from} i ${to}`,
  quarterShort: (q) => `Ch${q}`,
  byQuarter: 'fesul chwarter',
  yearTotal: 'cyfanswm y flwyddyn',
  previousYear: 'y flwyddyn flaenorol',
  chartPoint: (column, value) => `${column}: ${value}`,
  summaryIntro: (period, also) => `${also ? 'Hefyd yn' : 'Yn'} ${period}: `,
  summaryMeasure: (name, value) => `${name} ${value}`,
  summaryCount: (name, value) => `${value} ${name}`,
  summaryHeadline: (period, counts) => `Yn ${period} roedd ${counts}.`,
  summaryPosition: (name, position) => `Mae ${name} ${position}.`,
  summaryChange: (change, previous) => `, ${change} ers ${previous}`,
  summaryHighest: (label, quarter, value) => `Roedd ${label} ar eu huchaf yn ${quarter}, sef ${value}.`,
  qualityTotal: (label, year, stated, sum) =>
    `${label}, ${year}: mae’r data yn nodi cyfanswm blwyddyn o ${stated}, ond mae’r chwarteri yn adio i ${sum}. Mae’r tabl yn dangos y cyfanswm a nodwyd.`,
  qualityRate: (label, column, stated, derived, num, den) =>
    `${label}, ${column}: mae’r data yn nodi ${stated}, ond ${num} / ${den} = ${derived}. Mae’r tabl yn dangos y gyfradd a gyfrifwyd o’r cyfrifon.`,
  kpiTitle: 'Gweithgarwch diogelu',
  position: (direction, reference, value) =>
    `${direction === 'above' ? 'uwchlaw' : direction === 'below' ? 'islaw' : 'yr un fath â'} ${reference} (${value})`,
  neighboursMedian: 'canolrif y cymdogion',
  neighboursMedianHeading: 'Canolrif y cymdogion',
  notShownBreakdown: 'mae’r tabl hwn yn dangos ffigurau ar gyfer yr ardal gyfan, heb eu dadansoddi.',
  notShownAreasQuarterly: 'mae’r tabl hwn yn cymharu ardaloedd mewn ffigurau blynyddol yn unig, nid fesul chwarter.',
  finalTotal: (label, year) =>
    `${label}, ${year}: y cyfanswm blwyddyn yw’r ffigur terfynol; mae’r chwarteri dros dro ac yn adio i gyfanswm gwahanol, a roddir isod.`,
  positionHeader: (reference) => `Safle o’i gymharu â ${reference}`,
  notCompared: 'heb ei gymharu: mae cyfrifon yn dibynnu ar faint yr ardal',
  compareCaption: (year) => `O’i gymharu ag ardaloedd eraill, ${year}`,
  thisArea: 'Yr ardal hon',
  placing: (position, count, of, five) =>
    `${CY_SPREAD[position]} ${cyGroup(count, of)} ${range(position, five, 'i', 'isaf', 'uchaf', 'canolrif')}`,
  band: (band) => `; band ${band} o A i D ymhlith pob awdurdod (A yw’r gorau)`,
  referenceFigure: (area, value) => `${area} ${value}`,
  placingSentence: (year, area, value, placing, references) =>
    `Yn ${year}, mae ${area}, sef ${value}, ${placing}${references.length ? `; ${references.join(', ')}` : ''}.`,
  positionAmong: 'Safle ymhlith y cymdogion ystadegol',
  neighboursLabel: 'Cymdogion',
  medianLabel: 'canolrif',
};
