import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { messages } from './messages.js';
import { symbol, type Value } from './symbols.js';
import { describeTrend, measureName, type TrendOptions } from './trend.js';

const en = messages('en');
const cy = messages('cy');

/** A yearly series from 2014-15: `series(2014, [1, 2, 3])`. */
function series(first: number, values: readonly Value[]) {
  return values.map((value, i) => {
    const y = first + i;
    return { label: `${y}-${String((y + 1) % 100).padStart(2, '0')}`, value };
  });
}

const counts: TrendOptions = { kind: 'count', polarity: 'neutral' };
const rate: TrendOptions = { kind: 'percent', decimals: 1, polarity: 'down-good' };

describe('describeTrend', () => {
  it('a series that rises: the run, the change on last year, and the highest since', () => {
    // 2014-15 was higher than 2024-25; every year from 2015-16 to 2023-24 was lower.
    const points = series(2014, [3300, 3100, 3000, 2900, 2800, 2950, 2700, 2600, 2800, 2966, 3203]);
    const trend = describeTrend('referrals', points, counts, en, 'en')!;
    expect(trend.text).to.equal(
      'Referrals rose in each of the last three years, to 3,203 in 2024-25 (up 8.0% on 2023-24), the highest since 2014-15.',
    );
    expect([trend.direction, trend.run]).to.deep.equal(['up', 3]);
  });

  it('a series that rises in every year is the highest since the figures begin', () => {
    const points = series(2017, [1180, 1320, 1410, 1630, 1949]);
    expect(describeTrend('attendees', points, { kind: 'count', polarity: 'up-good' }, en, 'en')!.text).to.equal(
      'Attendees rose in each of the last four years, to 1,949 in 2021-22 (up 19.6% on 2020-21), ' +
        'the highest since the figures begin in 2017-18. That is an improvement.',
    );
  });

  it('a rate that falls, judged by its polarity (down is good)', () => {
    const points = series(2020, [0.221, 0.205, 0.19, 0.168]);
    const trend = describeTrend('the re-referral rate', points, rate, en, 'en')!;
    expect(trend.text).to.equal(
      'The re-referral rate fell in each of the last three years, to 16.8% in 2023-24 ' +
        '(down 2.2 percentage points on 2022-23), the lowest since the figures begin in 2020-21. That is an improvement.',
    );
    expect(trend.tone).to.equal('good');
  });

  it('a reversal: down on last year, but still above the year the rise began', () => {
    const points = series(2019, [2500, 2400, 2700, 3000, 3203, 2900]);
    expect(describeTrend('referrals', points, counts, en, 'en')!.text).to.equal(
      'Referrals fell to 2,900 in 2024-25, down 9.5% on 2023-24, but still above 2020-21 (2,400).',
    );
  });

  it('a reversal that undoes the rise is the lowest since an earlier year', () => {
    // The rise began in 2021-22 at 2,000; 1,900 is below it, and 2019-20 (1,800) is the last year as low.
    const points = series(2019, [1800, 2100, 2000, 2400, 2700, 1900]);
    expect(describeTrend('referrals', points, counts, en, 'en')!.text).to.equal(
      'Referrals fell to 1,900 in 2024-25, down 29.6% on 2023-24, the lowest since 2019-20.',
    );
  });

  it('a rise on a rate whose polarity says down is good is worse', () => {
    const points = series(2022, [0.15, 0.168]);
    expect(describeTrend('the re-referral rate', points, rate, en, 'en')!.text).to.equal(
      'The re-referral rate rose to 16.8% in 2023-24, up 1.8 percentage points on 2022-23. That is a deterioration.',
    );
  });

  it('a flat series: changes under the stated threshold are "about the same"', () => {
    // 1,000 → 1,005 → 998 → 1,004: each under 1% of the year before.
    const flat = series(2020, [1000, 1005, 998, 1004]);
    expect(describeTrend('referrals', flat, counts, en, 'en')!.text).to.equal(
      'Referrals stayed about the same for four years, at 1,004 in 2023-24.',
    );
    // 0.4 percentage points is under the 0.5 threshold; 1% is not.
    const rates = series(2022, [0.2, 0.204]);
    expect(describeTrend('the re-referral rate', rates, rate, en, 'en')!.text).to.equal(
      'The re-referral rate stayed about the same as in 2022-23, at 20.4% in 2023-24 (up 0.4 percentage points).',
    );
    expect(describeTrend('referrals', series(2022, [1000, 1010]), counts, en, 'en')!.direction).to.equal('up');
  });

  it('a [c] in the middle breaks the run, and the sentence says so', () => {
    const points = series(2018, [900, 1000, symbol('c'), 1100, 1200, 1300]);
    const trend = describeTrend('referrals', points, counts, en, 'en')!;
    expect(trend.text).to.equal(
      'Referrals rose in each of the last two years, to 1,300 in 2023-24 (up 8.3% on 2022-23). ' +
        'The figure for 2020-21 is [c] (confidential: withheld to protect people’s privacy), ' +
        'so the years before it are not compared.',
    );
    expect([trend.run, trend.brokenBy]).to.deep.equal([2, '2020-21']);
  });

  it('a symbol in the year before: no change to report, and why', () => {
    const points = series(2021, [1000, symbol('x'), 1300]);
    expect(describeTrend('referrals', points, counts, en, 'en')!.text).to.equal(
      'In 2023-24, referrals stood at 1,300. The figure for 2022-23 is [x] (not available), ' +
        'so there is no change on the year before to report.',
    );
    const latest = series(2022, [1000, symbol('c')]);
    expect(describeTrend('referrals', latest, counts, en, 'en')!.text).to.equal(
      'The figure for referrals in 2023-24 is [c] (confidential: withheld to protect people’s privacy).',
    );
  });

  it('speaks Welsh', () => {
    const rising = series(2021, [2600, 2800, 2966, 3203]);
    expect(describeTrend('Atgyfeiriadau', rising, counts, cy, 'cy')!.text).to.equal(
      'Cododd Atgyfeiriadau ym mhob un o’r 3 blynedd diwethaf, i 3,203 yn 2024-25 (i fyny 8.0% ers 2023-24), ' +
        'yr uchaf ers i’r ffigurau ddechrau yn 2021-22.',
    );
    const reversal = series(2019, [2500, 2400, 2700, 3000, 3203, 2900]);
    expect(describeTrend('Atgyfeiriadau', reversal, counts, cy, 'cy')!.text).to.equal(
      'Gostyngodd Atgyfeiriadau i 2,900 yn 2024-25, i lawr 9.5% ers 2023-24, ond yn dal yn uwch nag yn 2020-21 (2,400).',
    );
    const broken = series(2018, [900, 1000, symbol('c'), 1100, 1200]);
    expect(describeTrend('Atgyfeiriadau', broken, counts, cy, 'cy')!.text).to.equal(
      'Cododd Atgyfeiriadau i 1,200 yn 2022-23, i fyny 9.1% ers 2021-22. ' +
        `Mae’r ffigur ar gyfer 2020-21 yn [c] (${cy.symbols.c}), felly ni chymharir y blynyddoedd cyn hynny.`,
    );
    const flat = series(2022, [0.2, 0.204]);
    expect(describeTrend('cyfradd ail-atgyfeirio', flat, rate, cy, 'cy')!.text).to.equal(
      'Arhosodd cyfradd ail-atgyfeirio tua’r un fath ag yn 2022-23, sef 20.4% yn 2023-24 (i fyny 0.4 pwynt canran).',
    );
  });
});

describe('measureName', () => {
  it('names a rate without its unit symbol, and lowercases a word but not an acronym', () => {
    expect(measureName('Contact NFA %', 'percent', 'en')).to.equal('the contact NFA rate');
    expect(measureName('Re-referrals (%)', 'percent', 'en')).to.equal('the re-referrals rate');
    expect(measureName('CPP', 'count', 'en')).to.equal('CPP');
    expect(measureName('Referrals', 'count', 'en')).to.equal('referrals');
    expect(measureName('Contact NFA %', 'percent', 'cy')).to.equal('cyfradd Contact NFA');
  });
});
