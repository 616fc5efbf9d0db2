import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { edgeCases, LONG_SECTOR, oneSector, NORFOLK, NORFOLK_CSV, tiedRises } from './attendance-by-sector.examples.js';
import { loadJson, problemsOf } from '../../test/helpers.js';
import { validateEnvelope } from '../core/contract.js';
import { readCsv } from '../core/readers.js';
import { messages } from '../core/messages.js';
import { buildAttendanceModel, type AttendanceModel } from './model.js';

const en = messages('en');
const cy = messages('cy');

async function norfolk(options = {}, lang: 'en' | 'cy' = 'en') {
  return buildAttendanceModel(validateEnvelope(await loadJson(NORFOLK)), lang === 'en' ? en : cy, lang, options);
}

function table(model: AttendanceModel): string[][] {
  return model.sectors.map((row) => [row.sector, ...row.cells.map((c) => c.text), row.change?.text ?? '']);
}

/** Norfolk's sectors, largest first in 2024-25: name, 2024-25, 2023-24, change (in the table and the CSV). */
const NORFOLK_SECTORS = [
  ['Schools and education', '71', '58', 'up 13'],
  ["Children's Services", '62', '70', 'down 8'],
  ['Healthy Child Service', '58', '61', 'down 3'],
  ['Voluntary and community sector', '44', '38', 'up 6'],
  ['Early Childhood and Family Service', '39', '41', 'down 2'],
  ['District councils', '33', '36', 'down 3'],
  ['Hospitals', '22', '30', 'down 8'],
  ['Police', '19', '31', 'down 12'],
  ['Probation', '0', '7', 'down 7'],
];

describe('attendance model: the Norfolk LSCG sample', () => {
  it('shows every sector for 2024-25 against 2023-24, largest first in 2024-25', async () => {
    const model = await norfolk();
    expect(model.years.map((y) => [y.key, y.role])).to.deep.equal([
      ['2024-25', 'latest'],
      ['2023-24', 'previous'],
    ]);
    expect(model.period).to.equal('2024-25 compared with 2023-24, by sector');
    expect(table(model)).to.deep.equal(NORFOLK_SECTORS);
    expect(model.total!.cells.map((c) => c.text)).to.deep.equal(['348', '372']);
    expect(model.total!.change!.text).to.equal('down 24 (6.5%)');
    expect(model.changeLabel).to.equal('Change on 2023-24');
    expect(model.quality).to.deep.equal([]);
  });

  it('keeps the data order with sort="data"', async () => {
    const model = await norfolk({ sort: 'data' });
    expect(model.sectors.map((s) => s.sector)).to.deep.equal([
      "Children's Services",
      'Healthy Child Service',
      'Hospitals',
      'Early Childhood and Family Service',
      'Schools and education',
      'Police',
      'District councils',
      'Voluntary and community sector',
      'Probation',
    ]);
  });

  it('gives one bar per sector and year, the latest first, each with an accessible label', async () => {
    const model = await norfolk();
    expect(model.bars).to.have.length(18);
    expect(model.bars.slice(0, 3).map((b) => [b.role, b.label])).to.deep.equal([
      ['latest', 'Schools and education, 2024-25: 71 attendances'],
      ['previous', 'Schools and education, 2023-24: 58 attendances'],
      ['latest', "Children's Services, 2024-25: 62 attendances"],
    ]);
  });

  it('works out the average per meeting by format from the counts, and its total from the totals', async () => {
    const model = await norfolk();
    const formats = model.formats!;
    expect(formats.columns.map((c) => [c.measure.label, c.kind])).to.deep.equal([
      ['Meetings', 'count'],
      ['Attendances', 'count'],
      ['Average attendance per meeting', 'ratio'],
    ]);
    const rows = formats.groups.map((g) => [g.year, ...g.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])]);
    expect(rows).to.deep.equal([
      [
        '2024-25',
        ['Online', '12', '186', '15.5'],
        ['Face to face', '18', '162', '9.0'],
        ['All meetings', '30', '348', '11.6'],
      ],
      [
        '2023-24',
        ['Online', '28', '308', '11.0'],
        ['Face to face', '8', '64', '8.0'],
        // 372 / 36 = 10.33, not the mean of 11.0 and 8.0.
        ['All meetings', '36', '372', '10.3'],
      ],
    ]);
  });

  it('keeps the all-groups meeting apart from the regular meetings', async () => {
    const model = await norfolk();
    expect(model.separate.map((s) => [s.measure.label, s.year, s.cell.text])).to.deep.equal([
      ['Annual all-groups meeting (November 2024)', '2024-25', '54'],
    ]);
    expect(model.sectors.some((s) => s.sector === '')).to.equal(false);
    expect(model.total!.cells[0]!.value).to.equal(348);
  });

  it('numbers the definitions of the measures shown', async () => {
    const model = await norfolk();
    expect(model.definitions.map((d) => [d.n, d.label])).to.deep.equal([
      [1, 'Attendances'],
      [2, 'Meetings'],
      [3, 'Annual all-groups meeting (November 2024)'],
    ]);
    expect(model.footnote).to.equal(1);
  });

  it('writes a summary: the total and its change, the largest rise and fall, sectors with no attendance', async () => {
    const model = await norfolk();
    expect(model.summary).to.deep.equal([
      // 372 in 2023-24, 348 in 2024-25: 24 fewer, 6.5% of 372; more attendance is better.
      'Attendances fell to 348 in 2024-25, down 24 (6.5%) on 2023-24. That is a deterioration.',
      'The largest rise was from Schools and education (up 13, to 71).',
      'The largest fall was from Police (down 12, to 19).',
      'No attendance recorded from Probation in 2024-25.',
      'Average attendance per meeting in 2024-25: Online 15.5, Face to face 9.0.',
      'Counted separately: Annual all-groups meeting (November 2024), 2024-25: 54.',
    ]);
  });

  it('downloads the tables as CSV: sectors, then formats, then figures counted separately', async () => {
    const model = await norfolk();
    expect(model.csv).to.deep.equal([
      ['Sector', 'Attendances, 2024-25 (latest year)', 'Attendances, 2023-24 (previous year)', 'Change on 2023-24'],
      ...NORFOLK_SECTORS,
      ['Total', '348', '372', 'down 24 (6.5%)'],
      [],
      ['Year', 'Format', 'Meetings', 'Attendances', 'Average attendance per meeting'],
      ['2024-25', 'Online', '12', '186', '15.5'],
      ['2024-25', 'Face to face', '18', '162', '9.0'],
      ['2024-25', 'All meetings', '30', '348', '11.6'],
      ['2023-24', 'Online', '28', '308', '11.0'],
      ['2023-24', 'Face to face', '8', '64', '8.0'],
      ['2023-24', 'All meetings', '36', '372', '10.3'],
      [],
      ['Counted separately', 'Year', 'Figure'],
      ['Annual all-groups meeting (November 2024)', '2024-25', '54'],
    ]);
  });

  it('reads the same figures from the CSV twin', async () => {
    const text = await (await fetch(NORFOLK_CSV)).text();
    const fromCsv = buildAttendanceModel(readCsv(text), en, 'en');
    const fromJson = await norfolk();
    expect(table(fromCsv)).to.deep.equal(table(fromJson));
    expect(fromCsv.total!.cells.map((c) => c.text)).to.deep.equal(['348', '372']);
    // CSV has no derived measures: the format table shows the counts only.
    expect(fromCsv.formats!.columns.map((c) => c.measure.id)).to.deep.equal(['attendances', 'meetings']);
    expect(fromCsv.separate.map((s) => [s.measure.label, s.cell.text])).to.deep.equal([['All groups meeting', '54']]);
  });

  it('shows one year alone when the data has no previous year', async () => {
    const model = await norfolk({ year: '2023-24' });
    expect(model.years.map((y) => y.key)).to.deep.equal(['2023-24']);
    expect(model.bars.every((b) => b.role === 'latest')).to.equal(true);
    expect(model.changeLabel).to.equal(undefined);
    expect(model.summary[0]).to.equal('In 2023-24, attendances stood at 372.');
    expect(model.sectors[0]!.sector).to.equal("Children's Services");
  });

  it('writes in Welsh', async () => {
    const model = await norfolk({}, 'cy');
    expect(model.period).to.equal('2024-25 o’i gymharu â 2023-24, fesul sector');
    expect(model.summary[0]).to.equal(
      'Gostyngodd Attendances i 348 yn 2024-25, i lawr 24 (6.5%) ers 2023-24. Mae hynny’n ddirywiad.',
    );
    expect(model.summary[3]).to.equal('Ni chofnodwyd presenoldeb gan Probation yn 2024-25.');
    expect(model.formats!.groups[0]!.rows.map((r) => r.label)).to.deep.equal([
      'Ar-lein',
      'Wyneb yn wyneb',
      'Pob cyfarfod',
    ]);
    expect(model.bars[0]!.label).to.equal('Schools and education, 2024-25, Attendances: 71');
  });
});

describe('attendance model: hard cases', () => {
  const model = () => buildAttendanceModel(validateEnvelope(edgeCases()), en, 'en');

  it('shows a sector missing from a year as [x], a suppressed figure as [c], never as 0', () => {
    expect(table(model())).to.deep.equal([
      ['Health', '42', '40', 'up 2'],
      [LONG_SECTOR, '17', '11', 'up 6'],
      ['Youth justice', '6', '[x]', '[x]'],
      ['Probation', '0', '3', 'down 3'],
      ['Police', '[c]', '12', '[c]'],
      ['Housing', '[x]', '5', '[x]'],
    ]);
    expect(model().symbols).to.deep.equal(['c', 'x']);
  });

  it('does not total over a suppressed figure', () => {
    const m = model();
    expect(m.total!.cells.map((c) => c.text)).to.deep.equal(['[c]', '71']);
    expect(m.summary).to.deep.equal([
      'Attendances in 2024-25: no total is shown, because it would include a figure marked [c] (confidential: withheld to protect people’s privacy).',
      `The largest rise was from ${LONG_SECTOR} (up 6, to 17).`,
      'The largest fall was from Probation (down 3, to 0).',
      'No attendance recorded from Probation in 2024-25.',
      'There is no figure for Housing in 2024-25.',
      'Police, 2024-25: [c], confidential: withheld to protect people’s privacy.',
    ]);
  });

  it('labels symbol bars with their meaning', () => {
    const labels = model().bars.map((b) => b.label);
    expect(labels).to.include('Police, 2024-25: [c], confidential: withheld to protect people’s privacy');
    expect(labels).to.include('Housing, 2024-25: [x], not available');
    expect(labels).to.include('Youth justice, 2023-24: [x], not available');
  });

  it('names ties for the largest rise together', () => {
    const data = tiedRises();
    const en2 = buildAttendanceModel(validateEnvelope(data), en, 'en');
    expect(en2.summary[1]).to.equal('The largest rises were from B (up 3, to 5) and A (up 3, to 4).');
    const cy2 = buildAttendanceModel(validateEnvelope(data), cy, 'cy');
    expect(cy2.summary[1]).to.equal('Roedd y cynnydd mwyaf gan B (i fyny 3, i 5) ac A (i fyny 3, i 4).');
  });

  it('says when every sector is unchanged', () => {
    const same = buildAttendanceModel(validateEnvelope(oneSector()), en, 'en', {});
    expect(same.summary[1]).to.equal('The largest rise was from Health (up 4, to 42).');
    const data = oneSector() as { data: { value: number }[] };
    data.data[0]!.value = 42;
    expect(buildAttendanceModel(validateEnvelope(data), en, 'en').summary[1]).to.equal(
      'Attendances: every sector was the same as in 2023-24.',
    );
  });

  it('notes a stated total that the sectors do not add up to', async () => {
    const data = (await loadJson(NORFOLK)) as { data: { measure: string; period: string; value: number }[] };
    const row = data.data.find(
      (r) => r.measure === 'attendances' && r.period === '2024-25' && !('sector' in r) && !('format' in r),
    )!;
    row.value = 350;
    const m = buildAttendanceModel(validateEnvelope(data), en, 'en');
    expect(m.total!.cells[0]!.text).to.equal('350');
    expect(m.quality.map((q) => q(en))).to.deep.equal([
      'Attendances, 2024-25: the data states a total of 350, but the sectors add up to 348. The total shown is the stated one.',
      'Attendances, 2024-25: the meeting formats add up to 348, but the total is 350.',
    ]);
  });

  it('notes a stated average that disagrees with the counts', async () => {
    const data = (await loadJson(NORFOLK)) as { data: Record<string, unknown>[] };
    data.data.push({ measure: 'attendance_per_meeting', period: '2024-25', format: 'online', value: 14 });
    const m = buildAttendanceModel(validateEnvelope(data), en, 'en');
    expect(m.quality.map((q) => q(en))).to.deep.equal([
      'Average attendance per meeting, Online, 2024-25: the data states 14.0, but 186 / 12 = 15.5. The table shows the figure worked out from the counts.',
    ]);
  });

  it('adds up quarters to a year that has no row of its own', () => {
    const data = {
      measures: [{ id: 'attendances' }],
      data: [1, 2, 3, 4].map((q) => ({
        measure: 'attendances',
        period: `2024-25 Q${q}`,
        sector: 'Health',
        value: q * 10,
      })),
    };
    const m = buildAttendanceModel(validateEnvelope(data), en, 'en');
    expect(table(m)).to.deep.equal([['Health', '100', '']]);
  });

  it('adds up rows by sector and format, for the sectors and for the formats', () => {
    const rows: [string, string, number][] = [
      ['Health', 'online', 10],
      ['Health', 'face-to-face', 5],
      ['Police', 'online', 4],
      ['Police', 'face-to-face', 'c' as unknown as number],
    ];
    const data = {
      measures: [{ id: 'attendances' }],
      data: rows.map(([sector, format, value]) => ({
        measure: 'attendances',
        period: '2024-25',
        sector,
        format,
        value,
      })),
    };
    const m = buildAttendanceModel(validateEnvelope(data), en, 'en');
    expect(table(m)).to.deep.equal([
      ['Health', '15', ''],
      ['Police', '[c]', ''],
    ]);
    // Formats add up over the sectors; a total over a suppressed figure is that symbol.
    expect(m.formats!.groups[0]!.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).to.deep.equal([
      ['Online', '14'],
      ['Face to face', '[c]'],
      ['All meetings', '[c]'],
    ]);
  });

  it('ignores rows for other areas rather than mixing them in', () => {
    const data = {
      measures: [{ id: 'attendances' }],
      data: [
        { measure: 'attendances', period: '2024-25', sector: 'Health', value: 10 },
        { measure: 'attendances', period: '2024-25', sector: 'Health', area: 'England', value: 9999 },
      ],
    };
    expect(table(buildAttendanceModel(validateEnvelope(data), en, 'en'))).to.deep.equal([['Health', '10', '']]);
  });
});

describe('attendance model: options and empty data', () => {
  it('a year not in the data is empty, a year that is not a year is an error', async () => {
    expect((await norfolk({ year: '2019-20' })).empty).to.equal('There are no figures for 2019-20.');
    const dataset = validateEnvelope(await loadJson(NORFOLK));
    expect(problemsOf(() => buildAttendanceModel(dataset, en, 'en', { year: 'last year' }))).to.deep.equal([
      'The year "last year" is not a reporting year such as 2021-22.',
    ]);
  });

  it('a measure not in the data, or a sort that is not one, is a specific error', async () => {
    const dataset = validateEnvelope(await loadJson(NORFOLK));
    expect(problemsOf(() => buildAttendanceModel(dataset, en, 'en', { measure: 'attendees' }))).to.deep.equal([
      'The measure attribute names "attendees", which is not a measure in the data (meetings, attendances, attendance_per_meeting, all_groups_meeting).',
    ]);
    expect(problemsOf(() => buildAttendanceModel(dataset, en, 'en', { sort: 'size' }))).to.deep.equal([
      'The sort attribute should be "value" or "data", but is "size".',
    ]);
  });

  it('a measure with no sector rows is empty, with a reason', async () => {
    expect((await norfolk({ measure: 'meetings' })).empty).to.equal('There are no figures by sector for Meetings.');
  });

  it('data with no sector rows at all is empty', () => {
    const dataset = validateEnvelope({
      measures: [{ id: 'contacts' }],
      data: [{ measure: 'contacts', period: '2024-25', value: 3 }],
    });
    expect(buildAttendanceModel(dataset, en, 'en').empty).to.equal('There are no figures to show.');
  });
});

describe('attendance model: status of figures and period labels', () => {
  const data = () =>
    validateEnvelope({
      yearStartMonth: 1,
      measures: [{ id: 'attendances', label: 'Attendances' }],
      data: [
        { measure: 'attendances', period: '2023-24', sector: 'Health', value: 40, status: 'final' },
        { measure: 'attendances', period: '2023-24', sector: 'Police', value: 20, status: 'final' },
        { measure: 'attendances', period: '2024-25', sector: 'Health', value: 42, status: 'provisional' },
        { measure: 'attendances', period: '2024-25', sector: 'Police', value: 18, status: 'revised' },
      ],
    });

  it('marks each figure with its status, in the table, the total, the bars, the summary and the CSV', () => {
    const model = buildAttendanceModel(data(), en, 'en');
    expect(table(model)).to.deep.equal([
      ['Health', '42 [p]', '40', 'up 2'],
      ['Police', '18 [r]', '20', 'down 2'],
    ]);
    // A total over a provisional figure is provisional.
    expect(model.total!.cells.map((c) => c.text)).to.deep.equal(['60 [p]', '60']);
    expect(model.statuses).to.deep.equal(['provisional', 'revised']);
    expect(model.bars[0]!.label).to.contain('42 [p] (provisional)');
    expect(model.summary[0]).to.contain('60 [p]');
    expect(model.csv.slice(1, 4).map((r) => r.slice(0, 3))).to.deep.equal([
      ['Health', '42 [p]', '40'],
      ['Police', '18 [r]', '20'],
      ['Total', '60 [p]', '60'],
    ]);
  });

  it('marks the meeting-format table too: a format over a provisional sector, and rates over it', () => {
    const envelope = {
      measures: [
        { id: 'attendances', label: 'Attendances' },
        { id: 'meetings', label: 'Meetings' },
        { id: 'per_meeting', label: 'Per meeting', numerator: 'attendances', denominator: 'meetings', unit: 'ratio' },
      ],
      data: [
        { measure: 'attendances', period: '2024-25', sector: 'Health', format: 'online', value: 30 },
        {
          measure: 'attendances',
          period: '2024-25',
          sector: 'Police',
          format: 'online',
          value: 12,
          status: 'provisional',
        },
        { measure: 'attendances', period: '2024-25', sector: 'Health', format: 'face-to-face', value: 9 },
        { measure: 'meetings', period: '2024-25', format: 'online', value: 6 },
        { measure: 'meetings', period: '2024-25', format: 'face-to-face', value: 3 },
      ],
    };
    const model = buildAttendanceModel(validateEnvelope(envelope), en, 'en');
    expect(model.formats!.groups[0]!.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).to.deep.equal([
      ['Online', '42 [p]', '6', '7.0 [p]'],
      ['Face to face', '9', '3', '3.0'],
      ['All meetings', '51 [p]', '9', '5.7 [p]'],
    ]);
    expect(model.csv).to.deep.include(['2024-25', 'Online', '42 [p]', '6', '7.0 [p]']);
  });

  it('names calendar years as 2024, and years by the data’s own labels', () => {
    const model = buildAttendanceModel(data(), en, 'en');
    expect(model.years.map((y) => [y.key, y.label])).to.deep.equal([
      ['2024-25', '2024'],
      ['2023-24', '2023'],
    ]);
    expect(model.period).to.equal('2024 compared with 2023, by sector');
    expect(model.changeLabel).to.equal('Change on 2023');
    const labelled = validateEnvelope({
      periodLabels: { '2024-25': '2024/25', '2023-24': '2023/24' },
      measures: [{ id: 'attendances', label: 'Attendances' }],
      data: [
        { measure: 'attendances', period: '2023-24', sector: 'Health', value: 40 },
        { measure: 'attendances', period: '2024-25', sector: 'Health', value: 42 },
      ],
    });
    const own = buildAttendanceModel(labelled, en, 'en');
    expect(own.period).to.equal('2024/25 compared with 2023/24, by sector');
    expect(own.csv[0]).to.deep.equal([
      'Sector',
      'Attendances, 2024/25 (latest year)',
      'Attendances, 2023/24 (previous year)',
      'Change on 2023/24',
    ]);
  });
});
