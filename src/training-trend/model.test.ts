import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { loadJson, problemsOf } from '../../test/helpers.js';
import {
  allSuppressed,
  calendarYears,
  LLR_SAMPLE,
  missingYear,
  noTrainingMeasures,
  oneYear,
  TWELVE_ATTENDEES,
  twelveYears,
} from './training-trend.examples.js';
import { validateEnvelope } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { readCsv } from '../core/readers.js';
import { trainingMessages } from './messages.js';
import { buildTrainingModel, cellText, type TrainingModel, type TrainingOptions } from './model.js';

const en = messages('en');
const cy = messages('cy');
const LLR = LLR_SAMPLE;

async function llr(options: TrainingOptions = {}, lang: 'en' | 'cy' = 'en') {
  return buildTrainingModel(validateEnvelope(await loadJson(LLR)), lang === 'en' ? en : cy, lang, options);
}

function build(data: unknown, lang: 'en' | 'cy' = 'en', options: TrainingOptions = {}) {
  return buildTrainingModel(validateEnvelope(data), lang === 'en' ? en : cy, lang, options);
}

/** The table as text: the year, then every column. */
function table(model: TrainingModel): string[][] {
  return model.years.map((y) => [y.period.key, ...model.columns.map((c) => cellText(y, c.key))]);
}

describe('training model: the LLR sample', () => {
  it('shows every year from 2017-18 to 2021-22 with every column', async () => {
    const model = await llr();
    expect(model.period).to.equal('2017-18 to 2021-22, by year');
    expect(model.columns.map((c) => c.label)).to.deep.equal([
      'Attendees',
      'Training events',
      'Attendees per event',
      'Events cancelled',
      'Places booked',
      'Attendance against bookings',
      'Evaluation (−100 to +100)',
      'Evaluation returns',
    ]);
    expect(table(model)).to.deep.equal([
      ['2017-18', '1,180', '74', '15.9', '6', '1,390', '85%', '[x]', '[x]'],
      ['2018-19', '1,320', '81', '16.3', '5', '1,560', '85%', '[x]', '[x]'],
      ['2019-20', '1,410', '86', '16.4', '9', '1,700', '83%', '[x]', '[x]'],
      ['2020-21', '1,630', '79', '20.6', '12', '2,150', '76%', '+80 to +90', '[x]'],
      ['2021-22', '1,949', '98', '19.9', '[x]', '[x]', '[x]', '+80 to +90', '42%'],
    ]);
    expect(model.has).to.deep.equal({ cancelled: true, booked: true, evaluation: true, returns: true });
    expect(model.symbols).to.deep.equal(['x']);
    expect(model.quality).to.deep.equal([]);
  });

  it('has the report’s 2021-22 figures: 1,949 attendees at 98 events, about 20 per event', async () => {
    const latest = (await llr()).latest!;
    expect(latest.period.key).to.equal('2021-22');
    expect(latest.attendees.value).to.equal(1949);
    expect(latest.events.value).to.equal(98);
    expect(latest.perEvent.value).to.be.closeTo(1949 / 98, 1e-9);
    expect(latest.perEvent.text).to.equal('19.9');
    expect(latest.evaluationLow!.value).to.equal(80);
    expect(latest.evaluationHigh!.value).to.equal(90);
    expect(latest.evaluationText).to.equal('+80 to +90');
    // Returns are a stated rate in percent: 42 means 42%.
    expect(latest.returns!.value).to.be.closeTo(0.42, 1e-9);
    expect(latest.returns!.text).to.equal('42%');
  });

  it('keeps cancellations and bookings for 2021-22 as not available [x], never 0', async () => {
    const latest = (await llr()).latest!;
    expect(latest.cancelled!.value).to.deep.equal({ symbol: 'x' });
    expect(latest.cancelled!.text).to.equal('[x]');
    expect(latest.booked!.text).to.equal('[x]');
    // Attendance against bookings over a missing booking figure is that symbol too.
    expect(latest.attendanceRate!.text).to.equal('[x]');
  });

  it('derives attendance against bookings as attendees / booked for each year', async () => {
    const model = await llr();
    const rates = model.years.map((y) => y.attendanceRate!.value);
    const expected = [
      [1180, 1390],
      [1320, 1560],
      [1410, 1700],
      [1630, 2150],
    ].map(([a, b]) => a! / b!);
    rates.slice(0, 4).forEach((r, i) => expect(r).to.be.closeTo(expected[i]!, 1e-12));
    expect(model.years.map((y) => y.attendanceRate!.text)).to.deep.equal(['85%', '85%', '83%', '76%', '[x]']);
  });

  it('gives the change on the previous year: attendees up 19.6% on 2020-21', async () => {
    const model = await llr();
    // 1949 / 1630 = 1.1957; 98 / 79 = 1.2405; (1949/98) / (1630/79) = 0.9639.
    expect(model.changes).to.deep.equal({
      label: 'Change on 2020-21',
      // A symbol on either side makes the change that symbol (the core rule): 2021-22's cancelled,
      // booked and attendance are [x], and 2020-21's returns; the evaluation range has no change.
      cells: ['up 19.6%', 'up 24.1%', 'down 3.6%', '[x]', '[x]', '[x]', '', '[x]'],
    });
  });

  it('writes the summary: attendees, events, per event, change, cancellations and evaluation', async () => {
    expect((await llr()).summary).to.deep.equal([
      // 1,180, 1,320, 1,410, 1,630, 1,949 from 2017-18: four rises; 1,949 / 1,630 = 1.196; 1,949 / 98 = 19.9.
      'Attendance rose in each of the last four years, to 1,949 in 2021-22 (up 19.6% on 2020-21), ' +
        'the highest since the figures begin in 2017-18. That is an improvement.',
      'In 2021-22, 1,949 people attended 98 training events (about 20 per event).',
      'Events cancelled: not available.',
      'Evaluation: +80 to +90 on a scale from −100 to +100, from 42% of attendees.',
    ]);
  });

  it('says where the return rate comes from, under the evaluation panel', async () => {
    expect((await llr()).returnsText).to.equal('Based on evaluation returns from 42% of attendees in 2021-22.');
  });

  it('numbers the annotations in year order', async () => {
    const model = await llr();
    expect(model.annotations.map((a) => [a.n, a.period])).to.deep.equal([
      [1, '2020-21'],
      [2, '2021-22'],
    ]);
    expect(model.annotations[0]!.text).to.equal('Training moved online (Covid-19).');
    expect(model.years.map((y) => y.annotation?.n)).to.deep.equal([undefined, undefined, undefined, 1, 2]);
  });

  it('numbers the definitions of the measures', async () => {
    const model = await llr();
    expect(model.definitions.map((d) => [d.n, d.label])).to.deep.equal([
      [1, 'Attendees'],
      [2, 'Training events'],
      [3, 'Events cancelled'],
      [4, 'Evaluation gain (lowest area)'],
      [5, 'Evaluation gain (highest area)'],
      [6, 'Evaluation returns'],
    ]);
  });

  it('downloads the table as CSV: counts without separators, rates in percent without the sign (the header says " (%)"), scores without a leading +', async () => {
    expect((await llr()).csv).to.deep.equal([
      [
        'Year',
        'Attendees',
        'Training events',
        'Attendees per event',
        'Events cancelled',
        'Places booked',
        'Attendance against bookings (%)',
        'Evaluation (−100 to +100)',
        'Evaluation returns (%)',
      ],
      ['2017-18', '1180', '74', '15.9', '6', '1390', '85', '[x]', '[x]'],
      ['2018-19', '1320', '81', '16.3', '5', '1560', '85', '[x]', '[x]'],
      ['2019-20', '1410', '86', '16.4', '9', '1700', '83', '[x]', '[x]'],
      ['2020-21', '1630', '79', '20.6', '12', '2150', '76', '80 to 90', '[x]'],
      ['2021-22', '1949', '98', '19.9', '[x]', '[x]', '[x]', '80 to 90', '42'],
      ['Change on 2020-21', 'up 19.6%', 'up 24.1%', 'down 3.6%', '[x]', '[x]', '[x]', '', '[x]'],
    ]);
  });

  it('shows only the latest N years with years', async () => {
    const model = await llr({ years: 2 });
    expect(model.years.map((y) => y.period.key)).to.deep.equal(['2020-21', '2021-22']);
    expect(model.annotations.map((a) => a.n)).to.deep.equal([1, 2]);
    // A years that is not a number keeps the default.
    expect((await llr({ years: Number.NaN })).years).to.have.length(5);
  });

  it('reads the same figures from tidy CSV', async () => {
    const envelope = (await loadJson(LLR)) as { data: { measure: string; period: string; value: number | string }[] };
    const csv = ['measure,period,value', ...envelope.data.map((r) => `${r.measure},${r.period},${r.value}`)].join('\n');
    const fromCsv = buildTrainingModel(readCsv(csv), en, 'en');
    const fromJson = await llr();
    // CSV has no derived measures, definitions or labels: the figures are the same.
    expect(fromCsv.years.map((y) => [y.attendees.text, y.events.text, y.evaluationText])).to.deep.equal(
      fromJson.years.map((y) => [y.attendees.text, y.events.text, y.evaluationText]),
    );
    // CSV has no polarity either, so the trend is not judged better or worse.
    expect(fromCsv.summary[0]).to.equal(fromJson.summary[0]!.replace(' That is an improvement.', ''));
    expect(fromCsv.summary[1]).to.equal(fromJson.summary[1]);
  });

  it('writes in Welsh', async () => {
    const model = await llr({}, 'cy');
    expect(model.period).to.equal('2017-18 i 2021-22, fesul blwyddyn');
    expect(model.summary).to.deep.equal([
      'Cododd presenoldeb ym mhob un o’r 4 blynedd diwethaf, i 1,949 yn 2021-22 (i fyny 19.6% ers 2020-21), ' +
        'yr uchaf ers i’r ffigurau ddechrau yn 2017-18. Mae hynny’n welliant.',
      'Yn 2021-22, mynychodd 1,949 o bobl 98 o ddigwyddiadau hyfforddi (tua 20 fesul digwyddiad).',
      // The measure's label is the publisher's (a data string); the rest is Welsh.
      'Events cancelled: ddim ar gael.',
      'Gwerthusiad: +80 i +90 ar raddfa o −100 i +100, gan 42% o’r mynychwyr.',
    ]);
    expect(model.columns.map((c) => c.label)).to.include.members([
      'Mynychwyr fesul digwyddiad',
      'Gwerthusiad (−100 i +100)',
    ]);
    expect(model.changes!.label).to.equal('Newid ers 2020-21');
    expect(model.changes!.cells.slice(0, 3)).to.deep.equal(['i fyny 19.6%', 'i fyny 24.1%', 'i lawr 3.6%']);
    expect(model.latest!.evaluationText).to.equal('+80 i +90');
    expect(model.returnsText).to.equal('Yn seiliedig ar ffurflenni gwerthuso gan 42% o’r mynychwyr yn 2021-22.');
    expect(model.csv[0]![0]).to.equal('Blwyddyn');
    expect(model.csv.at(-1)![0]).to.equal('Newid ers 2020-21');
    expect(trainingMessages(model.lang).panelEvaluation).to.equal('Sgôr gwerthuso (−100 i +100)');
  });
});

describe('training model: hard cases', () => {
  it('one year of data: no change row, no change in the summary, a single score', () => {
    const model = build(oneYear());
    expect(model.period).to.equal('2021-22, by year');
    expect(table(model)).to.deep.equal([['2021-22', '312', '14', '22.3', '+85', '40%']]);
    expect(model.changes).to.equal(undefined);
    expect(model.summary).to.deep.equal([
      'In 2021-22, 312 people attended 14 training events (about 22 per event).',
      'Evaluation: +85 on a scale from −100 to +100, from 40% of attendees.',
    ]);
    expect(model.csv).to.deep.equal([
      [
        'Year',
        'Attendees',
        'Training events',
        'Attendees per event',
        'Evaluation (−100 to +100)',
        'Evaluation returns (%)',
      ],
      ['2021-22', '312', '14', '22.3', '85', '40'],
    ]);
  });

  it('twelve years of data: every year shown, oldest first, with the change on the year before', () => {
    const model = build(twelveYears());
    expect(model.years.map((y) => y.period.key)).to.deep.equal([
      '2010-11',
      '2011-12',
      '2012-13',
      '2013-14',
      '2014-15',
      '2015-16',
      '2016-17',
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2021-22',
    ]);
    expect(model.years.map((y) => y.attendees.value)).to.deep.equal(TWELVE_ATTENDEES);
    expect(model.period).to.equal('2010-11 to 2021-22, by year');
    expect(model.changes!.cells[0]).to.equal('up 19.6%');
    // Rates change in percentage points: 40% to 41% returns.
    expect(model.changes!.cells.at(-1)).to.equal('up 1.0 percentage points');
    expect(model.annotations.map((a) => [a.n, a.period])).to.deep.equal([
      [1, '2013-14'],
      [2, '2020-21'],
    ]);
    expect(model.summary).to.deep.equal([
      'Attendance rose in each of the last 11 years, to 1,949 in 2021-22 (up 19.6% on 2020-21), ' +
        'the highest since the figures begin in 2010-11.',
      'In 2021-22, 1,949 people attended 98 training events (about 20 per event).',
      '5 events were cancelled.',
      '83% of the 2,339 places booked were taken up.',
      'Evaluation: +82 to +86 on a scale from −100 to +100, from 41% of attendees.',
    ]);
    // A thirteenth year would be cut: the default shows the latest twelve.
    const data = twelveYears() as { data: Record<string, unknown>[] };
    data.data.push({ measure: 'attendees', period: '2009-10', value: 600 });
    expect(build(data).years[0]!.period.key).to.equal('2010-11');
  });

  it('a year with every measure suppressed stays [c] in every column, never 0', () => {
    const model = build(allSuppressed());
    const year = model.years.find((y) => y.period.key === '2019-20')!;
    expect(table(model)[2]).to.deep.equal(['2019-20', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]']);
    for (const f of [year.attendees, year.events, year.perEvent, year.cancelled!, year.booked!, year.returns!]) {
      expect(f.value).to.deep.equal({ symbol: 'c' });
    }
    expect(year.attendanceRate!.value).to.deep.equal({ symbol: 'c' });
    expect(year.evaluationLow!.value).to.deep.equal({ symbol: 'c' });
    expect(model.csv[3]).to.deep.equal(['2019-20', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]']);
    expect(model.symbols).to.deep.equal(['c']);
    expect(model.summary.at(-1)).to.equal('The chart leaves a gap, not a zero, where there is no figure: 2019-20 [c].');
    // The annotation on the suppressed year is kept.
    expect(year.annotation).to.deep.equal({ n: 1, text: 'Figures withheld: the courses were run for one small team.' });
  });

  it('the latest year suppressed: the summary gives the symbol and its meaning, not a sentence of [c]', () => {
    const data = allSuppressed() as { data: { period: string; value: unknown }[] };
    for (const row of data.data) if (row.period === '2021-22') row.value = 'c';
    const model = build(data);
    expect(model.summary[0]).to.equal(
      'In 2021-22: attendees [c], events [c] (confidential: withheld to protect people’s privacy).',
    );
    // Every figure of the latest year is [c]: so is every change on the year before (the evaluation range has none).
    expect(new Set(model.changes!.cells.filter(Boolean))).to.deep.equal(new Set(['[c]']));
    expect(build(data, 'cy').summary[0]).to.equal(
      'Yn 2021-22: mynychwyr [c], digwyddiadau [c] (cyfrinachol: wedi’i atal i ddiogelu preifatrwydd pobl).',
    );
  });

  it('a year with no rows in the middle is not available [x], never 0', () => {
    const model = build(missingYear());
    expect(table(model)).to.deep.equal([
      ['2017-18', '1,180', '74', '15.9', '+70 to +82'],
      ['2018-19', '1,320', '81', '16.3', '+72 to +85'],
      ['2019-20', '[x]', '[x]', '[x]', '[x]'],
      ['2020-21', '1,630', '79', '20.6', '+80 to +90'],
      ['2021-22', '1,949', '98', '19.9', '+80 to +90'],
    ]);
    expect(model.years[2]!.attendees.value).to.deep.equal({ symbol: 'x' });
    expect(model.summary.at(-1)).to.equal('The chart leaves a gap, not a zero, where there is no figure: 2019-20 [x].');
    expect(model.symbols).to.deep.equal(['x']);
  });

  it('lists separate gaps by year, each with its symbol', () => {
    const data = missingYear() as { data: { measure: string; period: string; value: unknown }[] };
    data.data.find((r) => r.measure === 'events' && r.period === '2017-18')!.value = 'c';
    expect(build(data).summary.at(-1)).to.equal(
      'The chart leaves a gap, not a zero, where there is no figure: 2017-18 [c] and 2019-20 [x].',
    );
    expect(build(data, 'cy').summary.at(-1)).to.equal(
      'Mae’r siart yn gadael bwlch, nid sero, lle nad oes ffigur: 2017-18 [c] a 2019-20 [x].',
    );
  });

  it('data with neither attendees nor events is a clear error, in the reader’s language', () => {
    const dataset = validateEnvelope(noTrainingMeasures());
    expect(problemsOf(() => buildTrainingModel(dataset, en, 'en'))).to.deep.equal([
      'The data has no "attendees" or "events" measure, so there is no training trend to draw. Its measures are: contacts.',
    ]);
    expect(problemsOf(() => buildTrainingModel(dataset, cy, 'cy'), 'cy')[0]).to.match(/^Does gan y data ddim mesur/);
    // The widget-error event is in English, whatever the page's language.
    expect(problemsOf(() => buildTrainingModel(dataset, cy, 'cy'), 'en')[0]).to.match(/^The data has no/);
  });

  it('training measures declared but no rows for them: empty, not an error', () => {
    const dataset = validateEnvelope({
      measures: [{ id: 'attendees' }, { id: 'contacts' }],
      data: [{ measure: 'contacts', period: '2021-22', value: 3 }],
    });
    const model = buildTrainingModel(dataset, en, 'en');
    expect(model.empty).to.equal('There are no figures to show.');
    expect(model.years).to.deep.equal([]);
  });

  it('leaves out rows by format and quarterly rows rather than mixing them into the year', () => {
    const data = oneYear() as { data: Record<string, unknown>[] };
    data.data.push({ measure: 'attendees', period: '2021-22', format: 'online', value: 200 });
    data.data.push({ measure: 'attendees', period: '2021-22 Q1', value: 80 });
    expect(build(data).latest!.attendees.text).to.equal('312');
  });
});

describe('training model: status of figures and period labels', () => {
  const data = calendarYears();

  it('marks each figure with its status in the table, the summary and the CSV, and keys the marks', () => {
    const model = build(data);
    expect(table(model)).to.deep.equal([
      ['2023-24', '1,800', '90', '20.0'],
      ['2024-25', '1,949 [p]', '98 [e]', '19.9 [e]'],
    ]);
    expect(model.statuses).to.deep.equal(['provisional', 'estimated']);
    expect(model.summary[0]).to.contain('1,949 [p]');
    expect(model.csv.slice(1, 3)).to.deep.equal([
      ['2023', '1800', '90', '20.0'],
      ['2024', '1949 [p]', '98 [e]', '19.9 [e]'],
    ]);
  });

  it('names calendar years as 2024 in the table, the period line, the change and the annotations', () => {
    const model = build(data);
    expect(model.years.map((y) => y.label)).to.deep.equal(['2023', '2024']);
    expect(model.years.map((y) => cellText(y, 'year'))).to.deep.equal(['2023', '2024']);
    expect(model.period).to.equal('2023 to 2024, by year');
    expect(model.changes!.label).to.equal('Change on 2023');
    expect(model.summary[0]).to.match(/^Attendance rose to 1,949 \[p\] in 2024, up 8\.3% on 2023\./);
    expect(model.summary[1]).to.match(/^In 2024,/);
    expect(model.annotations).to.deep.equal([{ n: 1, period: '2024', text: 'New e-learning offer' }]);
    const own = build({ ...data, yearStartMonth: 4, periodLabels: { '2024-25': '2024/25', '2023-24': '2023/24' } });
    expect(own.period).to.equal('2023/24 to 2024/25, by year');
  });
});
