/**
 * The strings `<training-trend>` writes beyond the core catalogue, in English
 * (en-GB) and Welsh (cy), typed so that a missing Welsh string is a compile
 * error. Data strings (labels, annotations, notes) are shown as written.
 */
import type { Lang } from '../core/messages.js';

export interface TrainingMessages {
  title: string;
  year: string;
  attendees: string;
  events: string;
  perEvent: string;
  cancelled: string;
  booked: string;
  attendanceRate: string;
  evaluation: string;
  returns: string;
  /** "+80 to +90". */
  range: (low: string, high: string) => string;
  aboutPerEvent: (n: string) => string;
  summaryMain: (year: string, attendees: string, events: string, perEvent: string) => string;
  summaryChange: (change: string, previous: string) => string;
  summaryCancelled: (text: string, n: number) => string;
  summaryNotAvailable: (label: string, meaning: string) => string;
  summaryBookings: (rate: string, booked: string) => string;
  summaryEvaluation: (range: string, returns?: string) => string;
  summaryGaps: (years: string, count: number) => string;
  returnsWords: (rate: string, year: string) => string;
  panelAttendees: string;
  panelEvents: string;
  panelEvaluation: string;
  scale: string;
  /** A point's announcement: "2021-22: 1,949 attendees, 98 events". */
  point: (year: string, parts: string) => string;
  pointPart: (label: string, value: string) => string;
  chartLabel: (caption: string) => string;
  annotationsHeading: string;
  needsMeasures: (known: string) => string;
}

const en: TrainingMessages = {
  title: 'Multi-agency training',
  year: 'Year',
  attendees: 'Attendees',
  events: 'Training events',
  perEvent: 'Attendees per event',
  cancelled: 'Events cancelled',
  booked: 'Places booked',
  attendanceRate: 'Attendance against bookings',
  evaluation: 'Evaluation (−100 to +100)',
  returns: 'Evaluation returns',
  range: (low, high) => `${low} to ${high}`,
  aboutPerEvent: (n) => ` (about ${n} per event)`,
  summaryMain: (year, attendees, events, perEvent) =>
    `In ${year}, ${attendees} people attended ${events} training events${perEvent}`,
  summaryChange: (change, previous) => `, attendance ${change} on ${previous}`,
  summaryCancelled: (text, n) => `${text} ${n === 1 ? 'event was' : 'events were'} cancelled.`,
  summaryNotAvailable: (label, meaning) => `${label}: ${meaning}.`,
  summaryBookings: (rate, booked) => `${rate} of the ${booked} places booked were taken up.`,
  summaryEvaluation: (range, returns) =>
    `Evaluation: ${range} on a scale from −100 to +100${returns ? `, from ${returns} of attendees` : ''}.`,
  summaryGaps: (years, count) =>
    `There ${count === 1 ? 'is no attendance figure for' : 'are no attendance figures for'} ${years}: the chart leaves a gap.`,
  returnsWords: (rate, year) => `Based on evaluation returns from ${rate} of attendees in ${year}.`,
  panelAttendees: 'Attendees',
  panelEvents: 'Training events',
  panelEvaluation: 'Evaluation score (−100 to +100)',
  scale: 'Scale from −100 to +100',
  point: (year, parts) => `${year}: ${parts}`,
  pointPart: (label, value) => `${value} ${label.toLowerCase()}`,
  chartLabel: (caption) => `Charts: ${caption}`,
  annotationsHeading: 'Marked on the chart',
  needsMeasures: (known) =>
    `The data has no "attendees" or "events" measure, so there is no training trend to draw. Its measures are: ${known}.`,
};

const cy: TrainingMessages = {
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
  summaryChange: (change, previous) => `, presenoldeb ${change} ers ${previous}`,
  summaryCancelled: (text) => `Cafodd ${text} o ddigwyddiadau eu canslo.`,
  summaryNotAvailable: (label, meaning) => `${label}: ${meaning}.`,
  summaryBookings: (rate, booked) => `Defnyddiwyd ${rate} o’r ${booked} o leoedd a archebwyd.`,
  summaryEvaluation: (range, returns) =>
    `Gwerthusiad: ${range} ar raddfa o −100 i +100${returns ? `, gan ${returns} o’r mynychwyr` : ''}.`,
  summaryGaps: (years) => `Does dim ffigurau presenoldeb ar gyfer ${years}: mae bwlch yn y siart.`,
  returnsWords: (rate, year) => `Yn seiliedig ar ffurflenni gwerthuso gan ${rate} o’r mynychwyr yn ${year}.`,
  panelAttendees: 'Mynychwyr',
  panelEvents: 'Digwyddiadau hyfforddi',
  panelEvaluation: 'Sgôr gwerthuso (−100 i +100)',
  scale: 'Graddfa o −100 i +100',
  point: (year, parts) => `${year}: ${parts}`,
  pointPart: (label, value) => `${label}: ${value}`,
  chartLabel: (caption) => `Siartiau: ${caption}`,
  annotationsHeading: 'Wedi’u nodi ar y siart',
  needsMeasures: (known) =>
    `Does gan y data ddim mesur "attendees" nac "events", felly does dim tuedd hyfforddi i’w llunio. Ei fesurau yw: ${known}.`,
};

export const trainingCatalogues: Record<Lang, TrainingMessages> = { en, cy };
