/** `<training-trend>`'s strings in Welsh (cy), loaded on demand with the other Welsh catalogues (`src/welsh.ts`). */
import type { TrainingMessages } from './messages.js';

export const cy: TrainingMessages = {
  title: 'Hyfforddiant amlasiantaethol',
  year: 'Blwyddyn',
  attendees: 'Mynychwyr',
  events: 'Digwyddiadau hyfforddi',
  perEvent: 'Mynychwyr fesul digwyddiad',
  cancelled: 'Digwyddiadau a ganslwyd',
  booked: 'Lleoedd a archebwyd',
  attendanceRate: 'Presenoldeb o’i gymharu ag archebion',
  evaluation: 'Gwerthusiad (−100 i +100)',
  returns: 'Ffurflenni gwerthuso a ddychwelwyd',
  range: (low, high) => `${low} i ${high}`,
  aboutPerEvent: (n) => ` (tua ${n} fesul digwyddiad)`,
  summaryMain: (year, attendees, events, perEvent) =>
    `Yn ${year}, mynychodd ${attendees} o bobl ${events} o ddigwyddiadau hyfforddi${perEvent}`,
  trendName: 'presenoldeb',
  summaryCancelled: (text) => `Cafodd ${text} o ddigwyddiadau eu canslo.`,
  summaryNotAvailable: (label, meaning) => `${label}: ${meaning}.`,
  summaryBookings: (rate, booked) => `Defnyddiwyd ${rate} o’r ${booked} o leoedd a archebwyd.`,
  summaryEvaluation: (range, returns) =>
    `Gwerthusiad: ${range} ar raddfa o −100 i +100${returns ? `, gan ${returns} o’r mynychwyr` : ''}.`,
  summaryPartial: (year, parts) => `Yn ${year}: ${parts}`,
  summaryGaps: (years) => `Mae’r siart yn gadael bwlch, nid sero, lle nad oes ffigur: ${years}.`,
  returnsWords: (rate, year) => `Yn seiliedig ar ffurflenni gwerthuso gan ${rate} o’r mynychwyr yn ${year}.`,
  panelAttendees: 'Mynychwyr',
  panelEvents: 'Digwyddiadau hyfforddi',
  panelEvaluation: 'Sgôr gwerthuso (−100 i +100)',
  scale: 'Graddfa o −100 i +100',
  point: (year, parts) => `${year}: ${parts}`,
  attendeesPart: (value, n) => (n === undefined ? `mynychwyr ${value}` : `${value} o fynychwyr`),
  eventsPart: (value, n) => (n === undefined ? `digwyddiadau ${value}` : `${value} o ddigwyddiadau`),
  evaluationPart: (value, isSymbol) =>
    isSymbol ? `sgôr gwerthuso ${value}` : `sgôr gwerthuso ${value} ar raddfa o −100 i +100`,
  symbolMeanings: (meanings) => ` (${meanings})`,
  keyPoint: (year, panel, values) => `${year}, ${panel}: ${values}`,
  yearPosition: (n, count) => `blwyddyn ${n} o ${count}`,
  keysHelp:
    'Defnyddiwch y bysellau saeth chwith a de i symud ar draws y blynyddoedd, i fyny ac i lawr i symud rhwng y siartiau, Home ac End i fynd i’r flwyddyn gyntaf a’r olaf, ac Escape i adael y siartiau.',
  chartLabel: (caption) => `Siartiau: ${caption}`,
  annotationsHeading: 'Wedi’u nodi ar y siart',
  notShownBreakdown: 'mae’r teclyn hwn yn dangos cyfansymiau’r bartneriaeth, heb eu dadansoddi.',
  notShownMeasure:
    'mae’r teclyn hwn yn dangos mynychwyr, digwyddiadau, canslo, archebion a’r sgôr gwerthuso yn unig (dynodwyr mesur attendees, events, cancelled, booked, evaluation, evaluation_min, evaluation_max, evaluation_returns).',
  needsMeasures: (known) =>
    `Does gan y data ddim mesur "attendees" nac "events", felly does dim tuedd hyfforddi i’w llunio. Ei fesurau yw: ${known}.`,
};
