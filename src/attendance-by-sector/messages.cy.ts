/** `<attendance-by-sector>`'s strings in Welsh (cy), loaded on demand with the other Welsh catalogues (`src/welsh.ts`). */
import type { AttendanceMessages } from './messages.js';

export const cy: AttendanceMessages = {
  title: 'Presenoldeb fesul sector',
  sector: 'Sector',
  total: 'Cyfanswm',
  latestYear: 'y flwyddyn ddiweddaraf',
  previousYear: 'y flwyddyn flaenorol',
  period: (latest, previous) =>
    previous ? `${latest} o’i gymharu â ${previous}, fesul sector` : `${latest}, fesul sector`,
  legend: 'Allwedd',
  legendItem: (year, role) => `${year} (${role})`,
  legendLine: (year, role) => `${year} (${role}), y llinell`,
  barLabel: (sector, year, value, measure) => `${sector}, ${year}, ${measure}: ${value}`,
  barSymbol: (sector, year, symbol, meaning) => `${sector}, ${year}: ${symbol}, ${meaning}`,
  chartLabel: (caption) => `Siart bar: ${caption}`,
  chartImage: (measure) => `Siart bar: ${measure} fesul sector`,
  sectorPosition: (n, count) => `sector ${n} o ${count}`,
  changeWithPercent: (change, percent) => `${change} (${percent})`,
  summaryTotalSymbol: (measure, year, symbol, meaning) =>
    `${measure} yn ${year}: ni ddangosir cyfanswm, gan y byddai’n cynnwys ffigur â’r nod ${symbol} (${meaning}).`,
  summaryChangeItem: (sector, change, value) => `${sector} (${change}, i ${value})`,
  summaryRise: (items) => `Roedd y cynnydd mwyaf gan ${items}.`,
  summaryFall: (items) => `Roedd y gostyngiad mwyaf gan ${items}.`,
  summarySame: (measure, previousYear) => `${measure}: roedd pob sector yr un fath ag yn ${previousYear}.`,
  summaryNone: (sectors, year) => `Ni chofnodwyd presenoldeb gan ${sectors} yn ${year}.`,
  summaryMissing: (sectors, year) => `Does dim ffigur ar gyfer ${sectors} yn ${year}.`,
  summarySymbol: (sector, year, symbol, meaning) => `${sector}, ${year}: ${symbol}, ${meaning}.`,
  summaryFormats: (measure, year, parts) => `${measure} yn ${year}: ${parts}.`,
  summarySeparate: (label, year, value) => `Wedi’i gyfrif ar wahân: ${label}, ${year}: ${value}.`,
  formatsCaption: 'Yn ôl fformat y cyfarfod',
  format: 'Fformat',
  formatNames: { online: 'Ar-lein', 'face-to-face': 'Wyneb yn wyneb', hybrid: 'Hybrid' },
  allFormats: 'Pob cyfarfod',
  separate: 'Wedi’u cyfrif ar wahân',
  year: 'Blwyddyn',
  figure: 'Ffigur',
  emptyMeasure: (measure) => `Does dim ffigurau fesul sector ar gyfer ${measure}.`,
  notShownNoSector: 'mae’r teclyn hwn yn dangos ffigurau fesul sector, ac nid oes sector i’r rhain.',
  notShownOtherDimension: 'mae’r teclyn hwn yn dangos ffigurau fesul sector a fesul fformat cyfarfod yn unig.',
  notShownOtherMeasure: (main) => `mae’r teclyn hwn yn dangos un mesur fesul sector, ${main}.`,
  notShownDerived: (numerator, denominator) =>
    `mae’r teclyn hwn yn cyfrifo’r ffigur hwn o ${numerator} a ${denominator} fesul fformat cyfarfod, ac nid yw’r data yn rhoi’r ddau fesul fformat.`,
  qualityTotal: (measure, year, stated, sum) =>
    `${measure}, ${year}: mae’r data yn nodi cyfanswm o ${stated}, ond mae’r sectorau yn adio i ${sum}. Dangosir y cyfanswm a nodwyd.`,
  qualityFormats: (measure, year, formats, total) =>
    `${measure}, ${year}: mae fformatau’r cyfarfodydd yn adio i ${formats}, ond y cyfanswm yw ${total}.`,
  qualityDerived: (measure, where, stated, derived, numerator, denominator) =>
    `${measure}, ${where}: mae’r data yn nodi ${stated}, ond ${numerator} / ${denominator} = ${derived}. Mae’r tabl yn dangos y ffigur a gyfrifwyd o’r cyfrifon.`,
  errors: {
    unknownMeasure: (id, known) => `Mae’r briodwedd measure yn enwi "${id}", nad yw’n fesur yn y data (${known}).`,
    badSort: (value) => `Dylai’r briodwedd sort fod yn "value" neu "data", ond "${value}" ydyw.`,
  },
};
