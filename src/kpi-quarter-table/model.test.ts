import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { loadJson } from '../../test/helpers.js';
import { validateEnvelope, WidgetError } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { kpiExamples, type KpiExample } from './kpi-quarter-table.examples.js';
import { buildKpiModel } from './model.js';

const en = messages('en');
const cy = messages('cy');

async function dataset(file: string) {
  return validateEnvelope(await loadJson(`/data/${file}`));
}

/** An example's envelope, validated. */
function example(e: KpiExample) {
  return validateEnvelope(e.data!());
}

function texts(model: ReturnType<typeof buildKpiModel>, id: string): string[] {
  const row = model.rows.find((r) => r.measure.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row.cells.map((c) => c.text);
}

describe('kpi model: the Leicester 2021-22 tables', () => {
  it('shows every count of the report, in its order, with totals', async () => {
    const model = buildKpiModel(await dataset('leicester-kpis-2021-22.json'), en, 'en');
    expect(model.mode).to.equal('quarterly');
    expect(model.columns.map((c) => c.label)).to.deep.equal([
      'Q1 (Apr to Jun)',
      'Q2 (Jul to Sep)',
      'Q3 (Oct to Dec)',
      'Q4 (Jan to Mar)',
      '2021-22',
    ]);
    expect(model.rows.map((r) => r.measure.label)).to.deep.equal([
      'Contacts',
      'Contact NFA',
      'Contact NFA %',
      'Referrals',
      'Re-referrals',
      'Re-referral %',
      'CPP',
      'Repeat CPP (ever)',
      'Repeat CPP (ever) %',
      'Repeat CPP (1 yr)',
      'Repeat CPP (1 yr) %',
    ]);
    expect(texts(model, 'contacts')).to.deep.equal(['4,369', '3,657', '4,115', '4,283', '16,424']);
    expect(texts(model, 'contacts_nfa')).to.deep.equal(['714', '694', '757', '930', '3,095']);
    // The report's own referrals are provisional local figures: marked [p].
    expect(texts(model, 'referrals')).to.deep.equal(['618 [p]', '567 [p]', '554 [p]', '556 [p]', '2,295 [p]']);
    expect(texts(model, 'rereferrals')).to.deep.equal(['126', '76', '87', '76', '365']);
    expect(texts(model, 'cpp')).to.deep.equal(['122', '116', '120', '130', '488']);
    expect(texts(model, 'repeat_cpp_ever')).to.deep.equal(['23', '20', '27', '15', '85']);
    expect(texts(model, 'repeat_cpp_1yr')).to.deep.equal(['5', '10', '15', '4', '34']);
  });

  it('derives the percentages from the counts, as published', async () => {
    const model = buildKpiModel(await dataset('leicester-kpis-2021-22.json'), en, 'en');
    expect(texts(model, 'contacts_nfa_rate')).to.deep.equal(['16.3%', '19.0%', '18.4%', '21.7%', '18.8%']);
    // A rate over provisional referrals is provisional too.
    expect(texts(model, 'rereferral_rate')).to.deep.equal([
      '20.4% [p]',
      '13.4% [p]',
      '15.7% [p]',
      '13.7% [p]',
      '15.9% [p]',
    ]);
    expect(texts(model, 'repeat_cpp_1yr_rate')).to.deep.equal(['4.1%', '8.6%', '12.5%', '3.1%', '7.0%']);
    // 23 / 122 = 18.85%: the report prints 18.8%, a disagreement beyond rounding.
    expect(texts(model, 'repeat_cpp_ever_rate')).to.deep.equal(['18.9%', '17.2%', '22.5%', '11.5%', '17.4%']);
    const quality = model.quality.map((q) => q(en));
    expect(quality).to.deep.equal([
      'Repeat CPP (ever) %, Q1 (Apr to Jun): the data states 18.8%, but 23 / 122 = 18.9%. The table shows the rate worked out from the counts.',
    ]);
  });

  it('year rates are the ratio of the totals, not the mean of the quarters', async () => {
    const model = buildKpiModel(await dataset('leicester-kpis-2021-22.json'), en, 'en');
    const rate = model.rows.find((r) => r.measure.id === 'repeat_cpp_1yr_rate')!.cells[4]!.value as number;
    expect(rate).to.be.closeTo(34 / 488, 1e-12);
    const meanOfQuarters = (5 / 122 + 10 / 116 + 15 / 120 + 4 / 130) / 4;
    // 7.0% as published, where the mean of the quarterly rates would print 7.1%.
    expect(Math.abs(rate - meanOfQuarters)).to.be.greaterThan(0.0005);
  });

  it('numbers the definitions from the row headers and writes a summary', async () => {
    const model = buildKpiModel(await dataset('leicester-kpis-2021-22.json'), en, 'en');
    expect(model.definitions.map((d) => [d.n, d.label])).to.deep.equal([
      [1, 'Contacts'],
      [2, 'Contact NFA'],
      [3, 'Referrals'],
      [4, 'Re-referrals'],
      [5, 'CPP'],
    ]);
    // Reviewed against data/leicester-kpis-2021-22.json: the quarters add up to 16,424 contacts, 3,095 NFA,
    // 2,295 referrals [p] (618 + 567 + 554 + 556), 365 re-referrals, 488 CPP, 85 and 34 repeat plans;
    // 3,095 / 16,424 = 18.8%, 365 / 2,295 = 15.9%, 85 / 488 = 17.4%, 34 / 488 = 7.0%. One year: no change to lead with,
    // so the year's headline counts (the first of each group) come first, and no label is followed by its unit.
    expect(model.summary).to.deep.equal([
      'In 2021-22 there were 16,424 contacts, 2,295 [p] referrals and 488 CPP.',
      'Also in 2021-22: contact NFA 3,095; the contact NFA rate 18.8%; re-referrals 365; ' +
        'the re-referral rate 15.9% [p]; repeat CPP (ever) 85; the repeat CPP (ever) rate 17.4%; ' +
        'repeat CPP (1 yr) 34; the repeat CPP (1 yr) rate 7.0%.',
      'Contacts were highest in Q1 (Apr to Jun), at 4,369.',
    ]);
    expect(model.summary.join(' ')).not.to.match(/% \d/);
    const welsh = buildKpiModel(await dataset('leicester-kpis-2021-22.json'), cy, 'cy');
    expect(welsh.summary[0]).to.equal('Yn 2021-22 roedd 16,424 Contacts, 2,295 [p] Referrals a 488 CPP.');
    expect(model.csv[1]).to.deep.equal(['Contacts', '4369', '3657', '4115', '4283', '16424']);
    expect(model.csv[3]).to.deep.equal(['Contact NFA %', '16.3', '19.0', '18.4', '21.7', '18.8']);
  });

  it('labels quarters for a July year start and in Welsh', async () => {
    const raw = await loadJson<Record<string, unknown>>('/data/leicester-kpis-2021-22.json');
    const july = buildKpiModel(validateEnvelope({ ...raw, yearStartMonth: 7 }), cy, 'cy');
    expect(july.columns.map((c) => c.label).slice(0, 4)).to.deep.equal([
      'Ch1 (Gorff i Medi)',
      'Ch2 (Hyd i Rhag)',
      'Ch3 (Ion i Maw)',
      'Ch4 (Ebr i Meh)',
    ]);
  });
});

describe('kpi model: year on year', () => {
  it('shows the previous year and the change with words and polarity', () => {
    const model = buildKpiModel(example(kpiExamples.yearOnYear), en, 'en');
    expect(model.columns.map((c) => c.label)).to.deep.equal([
      'Q1 (Apr to Jun)',
      'Q2 (Jul to Sep)',
      'Q3 (Oct to Dec)',
      'Q4 (Jan to Mar)',
      '2020-21',
      '2021-22',
    ]);
    expect(model.changeLabel).to.equal('Change on 2020-21');
    const [refs, re, rate] = model.rows;
    expect(refs!.change).to.deep.equal({ direction: 'up', text: 'up 4.5%', amount: 4.5, tone: 'neutral' });
    expect(re!.change).to.include({ direction: 'down', text: 'down 12.5%', tone: 'good', toneText: 'better' });
    // 70/418 = 16.7% against 80/400 = 20.0%: 3.3 percentage points.
    expect(rate!.change).to.include({ text: 'down 3.3 percentage points', tone: 'good' });
  });

  it('keeps symbols through sums, rates and changes, with a key', () => {
    const model = buildKpiModel(example(kpiExamples.symbols), en, 'en');
    expect(model.rows[1]!.cells.map((c) => c.text)).to.deep.equal(['20', '[c]', '20', '20', '[c]']);
    expect(model.rows[2]!.cells.map((c) => c.text)).to.deep.equal(['20.0%', '[c]', '20.0%', '20.0%', '[c]']);
    expect(model.symbols).to.deep.equal(['c']);
  });

  it('reports a stated year total that is not the sum of its quarters', () => {
    const model = buildKpiModel(example(kpiExamples.statedTotal), en, 'en');
    expect(model.rows[0]!.cells[4]!.text).to.equal('41');
    expect(model.quality.map((q) => q(en))).to.deep.equal([
      'Referrals, 2021-22: the data states a year total of 41, but the quarters add up to 40. The table shows the stated total.',
    ]);
  });

  it('is empty for a year the data does not hold, and rejects a year that is not one', () => {
    const ds = example(kpiExamples.emptyYear);
    expect(buildKpiModel(ds, en, 'en', kpiExamples.emptyYear.attrs).empty).to.equal(
      'There are no figures for 2019-20.',
    );
    expect(() => buildKpiModel(ds, en, 'en', { year: 'next year' })).to.throw(WidgetError);
  });
});

describe('kpi model: a derived average (unit ratio)', () => {
  it('shows attendances per meeting as a number, per quarter and for the year, and checks a stated figure', () => {
    const ds = example(kpiExamples.average);
    const model = buildKpiModel(ds, en, 'en');
    // 29/3 = 9.67, 30/3 = 10.0, 31/3 = 10.33, 32/3 = 10.67; year 122/12 = 10.17.
    expect(model.rows[2]!.cells.map((c) => c.text)).to.deep.equal(['9.7', '10.0', '10.3', '10.7', '10.2']);
    expect(model.quality).to.deep.equal([]);
    expect(model.csv[3]).to.deep.equal(['Per meeting', '9.7', '10.0', '10.3', '10.7', '10.2']);
  });
});

describe('kpi model: annual data (DfE)', () => {
  it('shows the latest five years as columns, oldest first, with the change on the year before', async () => {
    const model = buildKpiModel(await dataset('trafford-referrals-annual.json'), en, 'en');
    expect(model.mode).to.equal('annual');
    expect(model.columns.map((c) => c.label)).to.deep.equal(['2020-21', '2021-22', '2022-23', '2023-24', '2024-25']);
    expect(texts(model, 'referrals')).to.deep.equal(['2,019', '2,134', '1,983', '1,888', '1,879']);
    expect(model.changeLabel).to.equal('Change on 2023-24');
  });

  it('keeps c, u and x as symbols with a key', async () => {
    const scilly = buildKpiModel(await dataset('isles-of-scilly-referrals-annual.json'), en, 'en');
    expect(texts(scilly, 'rereferrals')).to.include('[c]');
    expect(scilly.symbols).to.include('c');
    const hereford = buildKpiModel(await dataset('herefordshire-referrals-annual.json'), en, 'en');
    expect(texts(hereford, 'referrals')[3]).to.equal('[u]');
    expect(hereford.symbols).to.include('u');
  });
});

describe('kpi model: comparators prepared from DfE files', () => {
  it('shows England, the region and the neighbours’ median for the latest year, with a position for rates', async () => {
    const model = buildKpiModel(await dataset('trafford-referrals-prepared.json'), en, 'en');
    expect(model.comparators.map((c) => c.label)).to.deep.equal(['England', 'North West', 'Neighbours’ median']);
    // The data has the neighbours' spread, so rates are placed in it.
    expect(model.positionLabel).to.equal('Position among the statistical neighbours');
    const rate = model.rows.find((r) => r.measure.id === 'rereferral_rate')!;
    expect(rate.cells.map((c) => c.text)).to.deep.equal(['17.2%', '21.4%', '19.9%', '20.4%', '18.0%']);
    // Published: England 22.6%, North West 21.7%; the median of the ten neighbours' rates is 21.95%.
    expect(rate.comparisons!.map((c) => c.text)).to.deep.equal(['22.6%', '21.7%', '22.0%']);
    // Trafford's 18.0% lies between the neighbours' lowest (15.8%) and their lower quartile (18.4%).
    const placed = 'in the lowest quarter of its 10 statistical neighbours (15.8% to 18.4%; median 22.0%)';
    expect(rate.position).to.deep.equal({ text: placed, tone: 'good', toneText: 'better' });
    expect(rate.placing).to.equal(`In 2024-25, Trafford, at 18.0%, is ${placed}; England 22.6%, North West 21.7%.`);
    // Drawn: England and the region in every year, and the neighbours' spread of each year.
    expect(rate.references!.map((r) => [r.area, r.kind, r.values.length])).to.deep.equal([
      ['England', 'national', 5],
      ['North West', 'region', 5],
    ]);
    // The five numbers, as published in percent, held as fractions as the cells are.
    const last = rate.spread![4]!;
    expect(
      [last.lowest, last.lowerQuartile, last.median, last.upperQuartile, last.highest].map(
        (v) => +(v * 100).toFixed(6),
      ),
    ).to.deep.equal([15.8, 18.4, 22, 23.6, 29.2]);
    expect(rate.spread!.map((s) => s?.position)).to.deep.equal([
      'lower-quarter',
      'middle-half',
      'middle-half',
      'middle-half',
      'lower-quarter',
    ]);
    const referrals = model.rows.find((r) => r.measure.id === 'referrals')!;
    // The neighbours' median of counts is rounded as published counts are (5,282.5 -> 5,283; issue 15).
    expect(referrals.comparisons!.map((c) => c.text)).to.deep.equal(['632,830', '86,120', '5,283']);
    expect(referrals.position, 'counts are not ranked against areas of other sizes').to.equal(undefined);
    expect([referrals.spread, referrals.references, referrals.placing], 'nor drawn against them').to.deep.equal([
      undefined,
      undefined,
      undefined,
    ]);
    expect(model.positionLabel).to.equal('Position among the statistical neighbours');
    // The rate moved most (2.4 points on 20.4%, against 0.5% fewer referrals), so it leads; then its place.
    expect(model.summary.slice(0, 2)).to.deep.equal([
      'The re-referrals rate fell to 18.0% in 2024-25, down 2.4 percentage points on 2023-24, ' +
        'the lowest since 2020-21. That is an improvement.',
      `The re-referrals rate is ${placed}.`,
    ]);
    expect(model.csv[0]!.slice(-4)).to.deep.equal([
      'England (2024-25)',
      'North West (2024-25)',
      'Neighbours’ median (2024-25)',
      'Position among the statistical neighbours',
    ]);
    expect(model.csv[2]!.slice(-4)).to.deep.equal(['22.6', '21.7', '22.0', placed]);
  });

  it('places a rate in the middle half, in Welsh, and a band among all authorities when the data has one', async () => {
    const data = await dataset('trafford-cpp-prepared.json');
    const model = buildKpiModel(data, cy, 'cy');
    const rate = model.rows.find((r) => r.measure.id === 'cpp_subsequent_rate')!;
    // 27.5% is the neighbours' upper quartile: inside the middle half (quartiles by the inclusive method).
    const placed = 'o fewn yr hanner canol o’i 10 cymydog ystadegol (23.6% i 27.5%; canolrif 24.5%)';
    expect(rate.position!.text).to.equal(placed);
    expect(rate.position!.tone).to.equal('neutral');
    expect(rate.placing).to.equal(`Yn 2024-25, mae Trafford, sef 27.5%, ${placed}; England 24.5%, North West 23.3%.`);
    expect(model.positionLabel).to.equal('Safle ymhlith y cymdogion ystadegol');
    expect(model.comparators[2]!.label).to.equal('Canolrif y cymdogion');
    expect(model.comparators[2]!.words).to.equal('canolrif y cymdogion');
    // With a band among all authorities (as `prepare` writes over a whole file) and one neighbour without a figure.
    const banded = {
      ...data,
      spread: data.spread!.map((e) =>
        e.measure === 'cpp_subsequent_rate' && e.period.key === '2024-25'
          ? {
              ...e,
              neighbours: { ...e.neighbours!, count: 9 },
              authorities: {
                count: 150,
                lowest: 5,
                lowerQuartile: 18,
                median: 22,
                upperQuartile: 26,
                highest: 40,
                band: 'D' as const,
              },
            }
          : e,
      ),
    };
    const en2 = buildKpiModel(banded, en, 'en').rows.find((r) => r.measure.id === 'cpp_subsequent_rate')!;
    expect(en2.position!.text).to.equal(
      'within the middle half of the 9 of its 10 statistical neighbours with a figure (23.6% to 27.5%; median 24.5%)' +
        '; band D of A to D among all authorities (A the best)',
    );
  });
});

describe('kpi model: provisional and final figures', () => {
  it('Leicester: the year total is the local sum, and a note gives DfE’s final count and the difference', async () => {
    const data = await dataset('leicester-kpis-2021-22.json');
    // Both figures for 2021-22 are in the data: the final one wins the cell, the local one is kept beside it.
    const stated = data.rows.find((r) => r.measure === 'referrals' && r.period.key === '2021-22')!;
    expect([stated.value, stated.status, stated.source]).to.deep.equal([2286, 'final', 'dfe']);
    expect(data.superseded.map((r) => [r.value, r.status, r.source])).to.deep.equal([[2295, 'provisional', 'local']]);

    const model = buildKpiModel(data, en, 'en');
    expect(texts(model, 'referrals')[4]).to.equal('2,295 [p]');
    expect(model.others!.map((n) => n(en))).to.deep.equal([
      'Referrals, 2021-22: 2,295 (provisional; Leicester Safeguarding Children Partnership Board, Yearly Report ' +
        '2021/22, local authority data); 2,286 (final; Department for Education, Characteristics of children in ' +
        'need 2022, table C1), 9 fewer.',
    ]);
    // Not a data-quality problem: the two figures differ in status, and the note says so.
    expect(model.quality.map((q) => q(en)).join(' ')).not.to.contain('Referrals');
    expect(model.statuses).to.deep.equal(['provisional']);
    expect(model.summary[0]).to.contain('2,295 [p] referrals');
    const referrals = model.csv.find((r) => r[0] === 'Referrals')!;
    expect(referrals.slice(1)).to.deep.equal(['618 [p]', '567 [p]', '554 [p]', '556 [p]', '2295 [p]']);
    expect(buildKpiModel(data, cy, 'cy').others!.map((n) => n(cy))[0]).to.contain('9 yn llai');
  });

  const envelope = (data: object[], extra: object = {}) =>
    validateEnvelope({
      measures: [{ id: 'referrals', label: 'Referrals' }],
      sources: [
        { id: 'local', name: 'Our own count' },
        { id: 'dfe', name: 'DfE statistics', url: 'https://example.org/dfe' },
      ],
      data,
      ...extra,
    });

  it('annual data shows the final figure, marks the others and notes the difference', () => {
    const data = envelope([
      { measure: 'referrals', period: '2020-21', value: 2100, status: 'final', source: 'dfe' },
      { measure: 'referrals', period: '2021-22', value: 2295, status: 'provisional', source: 'local' },
      { measure: 'referrals', period: '2021-22', value: 2286, status: 'final', source: 'dfe' },
      { measure: 'referrals', period: '2022-23', value: 2400, status: 'provisional', source: 'local' },
      { measure: 'referrals', period: '2019-20', value: 1990, status: 'revised', source: 'dfe' },
    ]);
    const model = buildKpiModel(data, en, 'en');
    expect(texts(model, 'referrals')).to.deep.equal(['1,990 [r]', '2,100', '2,286', '2,400 [p]']);
    expect(model.others!.map((n) => n(en))).to.deep.equal([
      'Referrals, 2021-22: 2,286 (final; DfE statistics); 2,295 (provisional; Our own count), 9 more.',
    ]);
    expect(model.statuses).to.deep.equal(['provisional', 'revised']);
    expect(model.csv[1]).to.deep.equal(['Referrals', '1990 [r]', '2100', '2286', '2400 [p]', 'up 5.0%']);
  });

  it('the final figure wins whichever row comes first', () => {
    const data = envelope([
      { measure: 'referrals', period: '2021-22', value: 2286, status: 'final' },
      { measure: 'referrals', period: '2021-22', value: 2295, status: 'provisional' },
    ]);
    expect(data.rows.map((r) => r.value)).to.deep.equal([2286]);
    expect(data.superseded.map((r) => r.value)).to.deep.equal([2295]);
  });

  it('two figures of one status, or one without a status, are still duplicates', () => {
    for (const statuses of [
      ['final', 'final'],
      ['provisional', undefined],
      [undefined, undefined],
    ]) {
      const rows = statuses.map((status, i) => ({
        measure: 'referrals',
        period: '2021-22',
        value: 2286 + i,
        ...(status ? { status } : {}),
      }));
      let error: unknown;
      try {
        envelope(rows);
      } catch (e) {
        error = e;
      }
      expect(error, String(statuses)).to.be.instanceOf(WidgetError);
      expect((error as WidgetError).describe(en)).to.deep.equal(['Rows 1 and 2 both give "referrals" for 2021-22.']);
    }
  });

  it('refuses an unknown status or source, naming the row', () => {
    let error: unknown;
    try {
      envelope([
        { measure: 'referrals', period: '2021-22', value: 1, status: 'draft' },
        { measure: 'referrals', period: '2022-23', value: 1, source: 'ons' },
      ]);
    } catch (e) {
      error = e;
    }
    expect((error as WidgetError).describe(en)).to.deep.equal([
      'Row 1: "status" should be provisional, revised, final or estimated, but is "draft".',
    ]);
    try {
      envelope([{ measure: 'referrals', period: '2022-23', value: 1, source: 'ons' }]);
    } catch (e) {
      error = e;
    }
    expect((error as WidgetError).describe(en)).to.deep.equal([
      'Row 1: source "ons" is not one of the sources listed under "sources".',
    ]);
  });
});

describe('kpi model: a year under way', () => {
  const quarters = (year: string, values: number[], measure = 'contacts') =>
    values.map((value, i) => ({ measure, period: `${year} Q${i + 1}`, value }));
  const partial = () => example(kpiExamples.yearUnderway);

  it('shows the quarters there are and a year-to-date total, compared with the same quarters a year before', () => {
    const model = buildKpiModel(partial(), en, 'en');
    expect(model.yearToDate).to.equal('Q1');
    expect(model.columns.map((c) => [c.label, c.note ?? c.months])).to.deep.equal([
      ['Q1 (Apr to Jun)', 'Apr to Jun'],
      ['2024-25', 'year to date (Q1)'],
      ['2025-26', 'year to date (Q1)'],
    ]);
    expect(texts(model, 'contacts')).to.deep.equal(['1,050', '1,000', '1,050']);
    expect(texts(model, 'nfa_rate')).to.deep.equal(['12.0%', '10.0%', '12.0%']);
    expect(model.changeLabel).to.equal('Change on Q1 of 2024-25');
    expect(model.rows.find((r) => r.measure.id === 'contacts')!.change!.text).to.equal('up 5.0%');
    expect(model.rows.find((r) => r.measure.id === 'nfa_rate')!.change!.text).to.equal('up 2.0 percentage points');
    // NFA rose most (126 on 100, against 1,050 contacts on 1,000): it leads, the rest follow.
    expect(model.summary).to.deep.equal([
      'Contact NFA rose to 126 in Q1 of 2025-26, up 26.0% on Q1 of 2024-25.',
      'Also in 2025-26, year to date (Q1): contacts 1,050, up 5.0% on Q1 of 2024-25; ' +
        'the contact NFA rate 12.0%, up 2.0 percentage points on Q1 of 2024-25.',
    ]);
    expect(JSON.stringify(model.csv)).not.to.contain('[x]');
    expect(model.csv[0]).to.deep.equal([
      'Measure',
      'Q1 (Apr to Jun)',
      '2024-25 (year to date (Q1))',
      '2025-26 (year to date (Q1))',
      'Change on Q1 of 2024-25',
    ]);
  });

  it('two quarters in: "Q1 to Q2"; without the previous year, no change', () => {
    const data = validateEnvelope({
      measures: [{ id: 'contacts', label: 'Contacts' }],
      data: quarters('2025-26', [1050, 950]),
    });
    const model = buildKpiModel(data, en, 'en');
    expect(model.columns.map((c) => c.note ?? c.months)).to.deep.equal([
      'Apr to Jun',
      'Jul to Sep',
      'year to date (Q1 to Q2)',
    ]);
    expect(texts(model, 'contacts')).to.deep.equal(['1,050', '950', '2,000']);
    expect(model.changeLabel).to.equal(undefined);
    expect(model.summary[0]).to.equal('In 2025-26, year to date (Q1 to Q2) there were 2,000 contacts.');
    expect(buildKpiModel(data, cy, 'cy').columns[2]!.note).to.equal('y flwyddyn hyd yma (Ch1 i Ch2)');
  });

  it('an earlier year chosen with missing quarters still shows them as not available', () => {
    const data = validateEnvelope({
      measures: [{ id: 'contacts', label: 'Contacts' }],
      data: [...quarters('2024-25', [1000, 1100]), ...quarters('2025-26', [1, 2, 3, 4])],
    });
    const model = buildKpiModel(data, en, 'en', { year: '2024-25' });
    expect(texts(model, 'contacts')).to.deep.equal(['1,000', '1,100', '[x]', '[x]', '[x]']);
  });
});
