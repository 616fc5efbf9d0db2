/** Trend sentences in Welsh (cy), loaded on demand with the other Welsh catalogues (`src/welsh.ts`). */
import type { TrendMessages } from './trend.js';

export const cy: TrendMessages = {
  years: (n) => String(n),
  rose: (name, value, year, change, previous) => `Cododd ${name} i ${value} yn ${year}, ${change} ers ${previous}`,
  fell: (name, value, year, change, previous) => `Gostyngodd ${name} i ${value} yn ${year}, ${change} ers ${previous}`,
  roseRun: (name, years, value, year, change, previous) =>
    `Cododd ${name} ym mhob un o’r ${years} ${years === '2' ? 'flynedd' : 'blynedd'} diwethaf, i ${value} yn ${year} (${change} ers ${previous})`,
  fellRun: (name, years, value, year, change, previous) =>
    `Gostyngodd ${name} ym mhob un o’r ${years} ${years === '2' ? 'flynedd' : 'blynedd'} diwethaf, i ${value} yn ${year} (${change} ers ${previous})`,
  same: (name, value, year, change, previous) =>
    `Arhosodd ${name} tua’r un fath ag yn ${previous}, sef ${value} yn ${year} (${change})`,
  sameRun: (name, years, value, year) =>
    `Arhosodd ${name} tua’r un fath am ${years} ${years === '2' ? 'flynedd' : 'blynedd'}, sef ${value} yn ${year}`,
  highestSince: (year) => `, yr uchaf ers ${year}`,
  lowestSince: (year) => `, yr isaf ers ${year}`,
  highestEver: (first) => `, yr uchaf ers i’r ffigurau ddechrau yn ${first}`,
  lowestEver: (first) => `, yr isaf ers i’r ffigurau ddechrau yn ${first}`,
  stillAbove: (year, value) => `, ond yn dal yn uwch nag yn ${year} (${value})`,
  stillBelow: (year, value) => `, ond yn dal yn is nag yn ${year} (${value})`,
  better: '. Mae hynny’n welliant',
  worse: '. Mae hynny’n ddirywiad',
  brokenBy: (year, code, meaning) =>
    `. Mae’r ffigur ar gyfer ${year} yn ${code} (${meaning}), felly ni chymharir y blynyddoedd cyn hynny`,
  previousMissing: (name, value, year, previous, code, meaning) =>
    `Roedd ${name} yn ${value} yn ${year}. Mae’r ffigur ar gyfer ${previous} yn ${code} (${meaning}), felly nid oes newid ers y flwyddyn flaenorol i’w nodi`,
  latestMissing: (name, year, code, meaning) => `Mae’r ffigur ar gyfer ${name} yn ${year} yn ${code} (${meaning})`,
  only: (name, value, year) => `Roedd ${name} yn ${value} yn ${year}`,
};
