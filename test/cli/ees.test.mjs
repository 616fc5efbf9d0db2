// `prepare` on whole published DfE files (test/fixtures/dfe/ees/), run as a user
// would (node bin/...), every figure checked against the raw CSV read here with
// d3-dsv, independently of the command line's own reading (arquero): values,
// neighbours' medians (neighbours found by old_la_code, which survives GSS code
// changes), units and period labels. Run with `node --test test/cli/` after a build.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, DFE, prepare, readCsvRows, root } from './run-cli.mjs';

const EES = join(DFE, 'ees');
const META = join(root, 'test/fixtures/dfe/meta');
const SN = join(DFE, 'dfe_sn_model_2025_wide.csv');
const file = (name) => join(EES, name);
const B1 = file('b1_children_in_need_2013_to_2025.csv');
const CSWW = file('csww_indicators_2017_to_2025.csv');
const CLA = file('cla_number_and_rate_per_10k_children.csv');
const POP = file('ons_mid-year_population_estimates_2012_to_2024.csv');
const STABILITY = file('la_cla_placement_stability.csv');
const NEIGHBOURS = 'Statistical neighbours (median)';

const cache = new Map();
async function raw(path) {
  if (!cache.has(path)) cache.set(path, readCsvRows(path));
  return cache.get(path);
}

const isNumber = (v) => /^-?\d+(\.\d+)?$/.test(v);
/** A published cell as the envelope must carry it: a number, or its symbol; empty is x. */
const published = (v) => (isNumber(v) ? Number(v) : v === '' || v === undefined ? 'x' : v);

function find(envelope, measure, period, area, extra = {}) {
  const rows = envelope.data.filter(
    (r) =>
      r.measure === measure &&
      r.period === period &&
      r.area === area &&
      Object.entries(extra).every(([k, v]) => r[k] === v),
  );
  assert.equal(rows.length, 1, `one row ${measure} ${period} ${area ?? '(own)'} ${JSON.stringify(extra)}`);
  return rows[0].value;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const decimals = (rows, column) => Math.max(0, ...rows.map((r) => (/\.(\d+)$/.exec(r[column]) ?? ['', ''])[1].length));
const round = (n, dp) => Math.round(n * 10 ** dp) / 10 ** dp;

async function neighbourCodes(oldCode) {
  const model = await raw(SN);
  const row = model.find((r) => r.old_la_code === oldCode);
  return Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]);
}

/** The neighbours' median worked out here from the raw file: neighbours by old_la_code, numbers only. */
async function expectedMedian(path, oldCode, column, timePeriod, filter = () => true) {
  const rows = (await raw(path)).filter(filter);
  const codes = await neighbourCodes(oldCode);
  const theirs = rows.filter(
    (r) => r.geographic_level === 'Local authority' && r.time_period === timePeriod && codes.includes(r.old_la_code),
  );
  // In whole units of the last published decimal place, so that 18.55 is exactly halfway.
  const dp = decimals(rows, column);
  const numbers = theirs
    .map((r) => r[column])
    .filter(isNumber)
    .map((v) => Math.round(Number(v) * 10 ** dp));
  return { value: Math.round(median(numbers)) / 10 ** dp, used: numbers.length, rows: theirs.length };
}

test('North Yorkshire and Somerset on b1: the whole series from 2012-13, under the old and the new GSS code', async () => {
  const rows = await raw(B1);
  for (const [name, oldCode, before, after] of [
    ['North Yorkshire', '815', 'E10000023', 'E06000065'],
    ['Somerset', '933', 'E10000027', 'E06000066'],
  ]) {
    const env = await prepare(B1, '--area', name, '--years', '20');
    const own = rows.filter((r) => r.geographic_level === 'Local authority' && r.old_la_code === oldCode);
    assert.equal(own.length, 13);
    assert.deepEqual(new Set(own.map((r) => r.new_la_code)), new Set([before, after]));
    const periods = [...new Set(env.data.map((r) => r.period))];
    assert.equal(periods[0], '2012-13');
    assert.equal(periods.at(-1), '2024-25');
    assert.equal(periods.length, 13);
    for (const r of own) {
      const period = `${Number(r.time_period) - 1}-${r.time_period.slice(2)}`;
      for (const column of ['Anypoint_episodes', 'At31_episodes', 'awaiting_assessment'])
        assert.equal(find(env, column, period), published(r[column]), `${name} ${column} ${period}`);
    }
    assert.equal(env.area.code, after);
    assert.deepEqual(env.area.formerCodes, [before]);
    assert.ok(env.notes.some((n) => n.includes(`changed from ${before} to ${after}`)));
    // Found by the former code too.
    const byOld = await prepare(B1, '--area', before, '--years', '20');
    assert.deepEqual(byOld.data, env.data);
  }
});

test('Norfolk and Rutland: neighbours whose GSS code changed (Somerset, North Yorkshire) stay in the median', async () => {
  for (const [name, oldCode, changed] of [
    ['Norfolk', '926', 'Somerset'],
    ['Rutland', '857', 'North Yorkshire'],
  ]) {
    const env = await prepare(B1, '--area', name, '--neighbours', SN, '--years', '13');
    const sn = env.comparators.find((c) => c.kind === 'neighbours');
    assert.ok(sn.members.some((m) => m.name === changed && m.formerCodes?.length === 1));
    for (const year of ['2014', '2021', '2023', '2024', '2025']) {
      const period = `${Number(year) - 1}-${year.slice(2)}`;
      for (const column of ['Started_episodes', 'At31_episodes', 'Ended_child']) {
        const expected = await expectedMedian(B1, oldCode, column, year);
        assert.equal(expected.rows, 10, `all ten neighbours have a row in ${year}`);
        assert.equal(find(env, column, period, NEIGHBOURS), expected.value, `${name} ${column} ${period}`);
        assert.equal(sn.used[column][period], expected.used);
        // Counts are medians rounded to whole numbers, as the published counts are.
        assert.ok(Number.isInteger(find(env, column, period, NEIGHBOURS)));
      }
    }
    assert.ok(!env.notes.some((n) => /suppressed or not available/.test(n)));
  }
});

test('every whole file prepares for several authorities, values as published, with units and period labels', async () => {
  const choices = {
    'absence_la.csv': ['--filter', 'social_care_group=CINO at 31 March', '--filter', 'phase_type_grouping=Total'],
    'cla_number_and_rate_per_10k_children.csv': [
      '--filter',
      'population_type=Children looked after on 31 March each year',
    ],
    'la_care_leavers_activity.csv': ['--filter', 'care_leaver_age=19 to 21 years', '--filter', 'breakdown=Total'],
    'la_cla_placement_stability.csv': [
      '--filter',
      'cla_group=CLA on 31 March',
      '--filter',
      'placement_stability=With 3 or more placements during the year',
    ],
  };
  const expectLabel = {
    'absence_la.csv': (tp) => `${tp.slice(0, 4)}/${tp.slice(4)}`,
    'csww_indicators_2017_to_2025.csv': (tp) => `30 September ${tp}`,
    'ons_mid-year_population_estimates_2012_to_2024.csv': (tp) => `mid-${tp}`,
  };
  const names = (await readdir(EES)).filter((n) => n.endsWith('.csv')).sort();
  assert.equal(names.length, 10);
  for (const name of names) {
    if (name.startsWith('LTLA')) {
      const refused = await cli('prepare', file(name), '--area', 'Leicester');
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /not an explore-education-statistics file/);
      continue;
    }
    const rows = await raw(file(name));
    const filters = choices[name] ?? [];
    const pairs = [];
    for (let i = 0; i < filters.length; i += 2) pairs.push(filters[i + 1].split('='));
    const keep = (r) => pairs.every(([c, v]) => r[c] === v);
    const columns = Object.keys(rows[0]);
    if (choices[name]) {
      // No choice made: refused, naming the breakdown columns and their values.
      const refused = await cli('prepare', file(name), '--area', 'Leicester');
      assert.equal(refused.code, 1, name);
      for (const [column, value] of pairs) {
        assert.ok(refused.stderr.includes(column), `${name}: ${refused.stderr}`);
        assert.ok(refused.stderr.includes(`"${value}"`), `${name} lists the value ${value}`);
      }
    }
    for (const area of ['Leicester', 'North Yorkshire', 'Trafford', 'Hackney']) {
      const env = await prepare(file(name), '--area', area, '--neighbours', SN, '--years', '3', ...filters);
      assert.ok(!/Children in need/i.test(env.title) || /b1_|c3_|d5_/.test(name), `${name} title: ${env.title}`);
      const own = rows.filter((r) => r.geographic_level === 'Local authority' && r.la_name === area && keep(r));
      const latest = [...new Set(own.map((r) => r.time_period))].sort().slice(-3);
      assert.ok(latest.length > 0, `${name} ${area}`);
      for (const tp of latest) {
        const row = own.find((r) => r.time_period === tp);
        const period = Object.entries(env.periodLabels).find(
          ([, label]) => label === (expectLabel[name] ?? ((t) => `${Number(t) - 1}-${t.slice(2)}`))(tp),
        )?.[0];
        assert.ok(period, `${name}: a period labelled for ${tp} in ${JSON.stringify(env.periodLabels)}`);
        for (const m of env.measures) {
          const column = columns.find((c) => c === m.id);
          assert.ok(column, m.id);
          assert.equal(find(env, m.id, period), published(row[column]), `${name} ${area} ${m.id} ${tp}`);
          const national = rows.find((r) => r.geographic_level === 'National' && r.time_period === tp && keep(r));
          assert.equal(find(env, m.id, period, 'England'), published(national[column]));
        }
        // A neighbours' median for one count and one rate, worked out here.
        for (const m of env.measures
          .filter((x) => !x.unit)
          .slice(0, 1)
          .concat(env.measures.filter((x) => x.unit === 'percent').slice(0, 1))) {
          const oldCode = own[0].old_la_code;
          const expected = await expectedMedian(file(name), oldCode, m.id, tp, keep);
          if (expected.used)
            assert.equal(find(env, m.id, period, NEIGHBOURS), expected.value, `${name} ${area} median ${m.id} ${tp}`);
        }
      }
      // Units: rates are percentages whatever they are called.
      for (const m of env.measures) {
        const rate = /_percent$|^pt_|_rate_fte$|_rate_headcount$|_cover_rate_fte$/.test(m.id);
        if (rate) assert.equal(m.unit, 'percent', `${name} ${m.id} is a percentage`);
        if (/^(t_|.*_count$|.*_headcount$)/.test(m.id) && !rate)
          assert.equal(m.unit, undefined, `${name} ${m.id} is a count`);
      }
      // London boroughs are compared with London, not Inner or Outer London.
      if (area === 'Hackney') assert.equal(env.comparators.find((c) => c.kind === 'region').area, 'London');
      // The rounding note only where the file's national and regional counts are rounded.
      const note = env.notes.some((n) => /rounded to the nearest 10/.test(n));
      if (/csww|ons_mid-year/.test(name)) assert.equal(note, false, `${name}: no rounding note`);
    }
  }
});

test('workforce: a 30 September snapshot with rates, Leicester’s turnover a fall in percentage points', async () => {
  const env = await prepare(
    CSWW,
    '--area',
    'Leicester',
    '--measures',
    'turnover_rate_fte,caseload_fte',
    '--years',
    '2',
  );
  assert.equal(env.periodType, 'as-at-30-september');
  assert.equal(env.yearStartMonth, 10);
  assert.deepEqual(env.periodLabels, { '2023-24': '30 September 2024', '2024-25': '30 September 2025' });
  assert.equal(find(env, 'turnover_rate_fte', '2023-24'), 20.8);
  assert.equal(find(env, 'turnover_rate_fte', '2024-25'), 13.3);
  const turnover = env.measures.find((m) => m.id === 'turnover_rate_fte');
  assert.equal(turnover.unit, 'percent');
  assert.equal(turnover.decimals, 1);
  assert.ok(env.notes.some((n) => n.startsWith('Figures are a snapshot at 30 September each year')));
  assert.ok(!env.notes.some((n) => /reporting years ending 31 March/.test(n)));
  assert.doesNotMatch(env.title, /Children in need/i);
  // Barnsley's GSS code changed in the workforce file in 2025: one series.
  const barnsley = await prepare(CSWW, '--area', 'Barnsley', '--measures', 'turnover_rate_fte', '--years', '9');
  assert.equal([...new Set(barnsley.data.filter((r) => !r.area).map((r) => r.period))].length, 9);
});

test('EES metadata: labels, units and decimals from the .meta.csv', async () => {
  const env = await prepare(
    CSWW,
    '--area',
    'Leicester',
    '--measures',
    'turnover_rate_fte,caseload_fte',
    '--meta',
    join(META, 'csww_indicators.meta.csv'),
  );
  const turnover = env.measures.find((m) => m.id === 'turnover_rate_fte');
  assert.equal(turnover.label, 'Turnover rate (FTE)');
  assert.equal(turnover.unit, 'percent');
  const caseload = env.measures.find((m) => m.id === 'caseload_fte');
  assert.equal(caseload.label, 'Average caseload per case holder (FTE)');
  assert.equal(caseload.decimals, 1);
  // The metadata's Filter columns are breakdowns; its labels name the dimension.
  const stability = await prepare(
    STABILITY,
    '--area',
    'Trafford',
    '--meta',
    join(META, 'la_cla_placement_stability.meta.csv'),
    '--filter',
    'cla_group=CLA on 31 March',
    '--breakdown',
    'placement_stability',
  );
  assert.equal(stability.dimensions[0].label, 'Placement stability');
  assert.equal(stability.measures.find((m) => m.id === 'children_percent').label, 'Percentage of children');
});

test('a breakdown becomes a row dimension, each value with its own neighbours’ median', async () => {
  const rows = await raw(STABILITY);
  const env = await prepare(
    STABILITY,
    '--area',
    'Trafford',
    '--neighbours',
    SN,
    '--filter',
    'cla_group=CLA on 31 March',
    '--breakdown',
    'placement_stability',
    '--years',
    '2',
  );
  const values = [...new Set(rows.filter((r) => r.cla_group === 'CLA on 31 March').map((r) => r.placement_stability))];
  assert.deepEqual(new Set(env.dimensions[0].values), new Set(values));
  for (const value of values) {
    const keep = (r) => r.cla_group === 'CLA on 31 March' && r.placement_stability === value;
    const own = rows.find((r) => r.la_name === 'Trafford' && r.time_period === '2025' && keep(r));
    const dim = { placement_stability: value };
    assert.equal(find(env, 'children_count', '2024-25', undefined, dim), published(own.children_count));
    const expected = await expectedMedian(STABILITY, '358', 'children_percent', '2025', keep);
    assert.equal(find(env, 'children_percent', '2024-25', NEIGHBOURS, dim), expected.value);
  }
  // A value that is not there is named with the values that are.
  const wrong = await cli('prepare', STABILITY, '--area', 'Trafford', '--filter', 'cla_group=Everyone');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /no rows have that value\. Values of cla_group: "Children looked after/);
});

test('two rows for one place and year are named by their CSV lines', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-'));
  const lines = (await readFile(B1, 'utf8')).split('\n');
  const trafford = lines.findIndex((l) => l.includes(',Trafford,'));
  const path = join(dir, 'twice.csv');
  // Header, England 2025, Trafford's first row, then that row again.
  await writeFile(path, [lines[0], lines[1], lines[trafford], lines[trafford]].join('\n') + '\n');
  const result = await cli('prepare', path, '--area', 'Trafford');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Lines 3 and 4 of twice\.csv both give figures for Trafford, 2024-25\./);
});

test('calendar years, financial quarters and academic years get their own labels; --years counts years', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-'));
  const head =
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,things';
  const la = (tp, id, v) =>
    `${tp},${id},Local authority,E92000001,England,E12000002,North West,358,E08000009,Trafford,${v}`;
  const calendar = join(dir, 'calendar.csv');
  await writeFile(calendar, [head, la('2023', 'Calendar year', 5), la('2024', 'Calendar year', 7)].join('\n'));
  const cal = await prepare(calendar, '--area', 'Trafford');
  assert.equal(cal.yearStartMonth, 1);
  assert.deepEqual(cal.periodLabels, { '2023-24': '2023', '2024-25': '2024' });
  assert.ok(cal.notes.includes('Years are calendar years, January to December.'));
  const quarters = join(dir, 'quarters.csv');
  const q = [];
  for (const tp of ['202223', '202324', '202425'])
    for (const n of [1, 2, 3, 4]) q.push(la(tp, `Financial year Q${n}`, n));
  await writeFile(quarters, [head, ...q].join('\n'));
  const fq = await prepare(quarters, '--area', 'Trafford', '--years', '2');
  assert.equal(fq.yearStartMonth, 4);
  const periods = [...new Set(fq.data.map((r) => r.period))];
  assert.equal(periods.length, 8, 'two years of four quarters');
  assert.equal(periods[0], '2023-24 Q1');
  // A column named with a % sign (DfE's csww_headline has turnover_rate_fte_%): a percentage, a valid id.
  const percent = join(dir, 'headline.csv');
  await writeFile(
    percent,
    [
      head.replace('things', 'turnover_rate_fte_%'),
      la('2023', 'Calendar year', 15.5),
      la('2024', 'Calendar year', 14.2),
    ].join('\n'),
  );
  const headline = await prepare(percent, '--area', 'Trafford');
  assert.deepEqual(headline.measures, [
    {
      id: 'turnover_rate_fte_percent',
      label: 'Turnover rate FTE (%)',
      polarity: 'neutral',
      unit: 'percent',
      decimals: 1,
    },
  ]);
  assert.equal(find(headline, 'turnover_rate_fte_percent', '2024-25'), 14.2);
  const monthly = join(dir, 'monthly.csv');
  await writeFile(monthly, [head, la('2024', 'January', 3)].join('\n'));
  const refused = await cli('prepare', monthly, '--area', 'Trafford');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /time_identifier "January": monthly figures\. These widgets show years and quarters/);
});

test('rates per 10,000 children from ONS estimates match the published rates (England and three authorities)', async () => {
  const rows = await raw(CLA);
  const keep = (r) => r.population_type === 'Children looked after on 31 March each year';
  for (const area of ['Trafford', 'North Yorkshire', 'Somerset', 'Leicester']) {
    const env = await prepare(
      CLA,
      '--area',
      area,
      '--filter',
      'population_type=Children looked after on 31 March each year',
      '--measures',
      'children_count',
      '--per-10000',
      '--population',
      POP,
      '--neighbours',
      SN,
    );
    for (const tp of ['2021', '2022', '2023', '2024', '2025']) {
      const period = `${Number(tp) - 1}-${tp.slice(2)}`;
      const own = rows.find((r) => r.la_name === area && r.time_period === tp && keep(r));
      const england = rows.find((r) => r.geographic_level === 'National' && r.time_period === tp && keep(r));
      // DfE divides the year to 31 March 2025 by the ONS mid-2024 estimate: worked out here from the raw files.
      const pop = await raw(POP);
      const people = (pred) =>
        Number(pop.find((r) => r.time_period === String(Number(tp) - 1) && pred(r)).population_estimate);
      const ownRate = (Number(own.children_count) / people((r) => r.old_la_code === own.old_la_code)) * 10000;
      const englandRate = (Number(england.children_count) / people((r) => r.geographic_level === 'National')) * 10000;
      assert.equal(Math.round(ownRate), Number(own.rate_per_10000), `${area} ${period}: published rate`);
      assert.equal(Math.round(englandRate), Number(england.rate_per_10000), `England ${period}: published rate`);
      assert.equal(find(env, 'children_count_per_10000', period), round(ownRate, 1), `${area} ${period}`);
      assert.equal(find(env, 'children_count_per_10000', period, 'England'), round(englandRate, 1));
    }
    const m = env.measures.find((x) => x.id === 'children_count_per_10000');
    assert.equal(m.unit, 'ratio');
    assert.ok(env.notes.some((n) => n.includes('mid-2020 to mid-2024')));
    // The neighbours' median of rates is the median of each neighbour's rate.
    const pop = await raw(POP);
    const codes = await neighbourCodes(env.area.oldCode);
    const rates = codes.map((code) => {
      const count = rows.find((r) => r.old_la_code === code && r.time_period === '2025' && keep(r));
      const people = pop.find((r) => r.old_la_code === code && r.time_period === '2024');
      return (Number(count.children_count) / Number(people.population_estimate)) * 10000;
    });
    assert.equal(find(env, 'children_count_per_10000', '2024-25', NEIGHBOURS), round(median(rates), 1));
  }
});

test('--area all writes one envelope per authority, under 20 seconds for a whole file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-all-'));
  const started = Date.now();
  const result = await cli('prepare', B1, '--area', 'all', '--neighbours', SN, '--out', dir);
  const seconds = (Date.now() - started) / 1000;
  assert.equal(result.code, 0, result.stderr);
  assert.ok(seconds < 20, `${seconds} s`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const rows = await raw(B1);
  const authorities = new Set(rows.filter((r) => r.geographic_level === 'Local authority').map((r) => r.old_la_code));
  // One per authority: old codes survive code changes (Dorset has two old codes but one name).
  assert.equal(files.length, authorities.size - 1);
  const poole = JSON.parse(await readFile(join(dir, 'poole.json'), 'utf8'));
  assert.ok(
    poole.notes.includes('Poole: figures end in 2018-19, when it became part of Bournemouth, Christchurch and Poole.'),
  );
  const trafford = JSON.parse(await readFile(join(dir, 'trafford.json'), 'utf8'));
  const updated = trafford.updated ? ['--updated', trafford.updated] : [];
  const single = await prepare(B1, '--area', 'Trafford', '--neighbours', SN, ...updated);
  assert.deepEqual(trafford, single);
});
