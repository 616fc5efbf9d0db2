// The `partnership-widgets` command line, run as a user would (node bin/...),
// checked against figures worked out here independently of arquero, straight
// from the published DfE files. Run with `node --test test/cli/` after a build.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, DFE, prepare, readCsvRows, root } from './run-cli.mjs';

const C1 = join(DFE, 'dfe_cin_c1_referrals_rereferrals_2013_to_2025_extract.csv');
const D3 = join(DFE, 'dfe_cin_d3_cpps_subsequent_plan_2013_to_2025_extract.csv');
const SN = join(DFE, 'dfe_sn_model_2025_wide.csv');

const published = readCsvRows;

function find(envelope, measure, period, area) {
  const row = envelope.data.find((r) => r.measure === measure && r.period === period && r.area === area);
  assert.ok(row, `no row ${measure} ${period} ${area ?? '(own)'}`);
  return row.value;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

test('Trafford, England, North West and the neighbours’ median match the published file', async () => {
  const env = await prepare(
    C1,
    '--area',
    'Trafford',
    '--neighbours',
    SN,
    '--measures',
    'referral_count,rereferral_percent',
  );
  const rows = await published(C1);
  const model = await published(SN);
  const neighbours = (() => {
    const t = model.find((r) => r.old_la_code === '358');
    return Array.from({ length: 10 }, (_, i) => t[`SN_${i + 1}`]);
  })();
  assert.equal(neighbours.length, 10);
  for (const year of ['2025', '2024', '2022']) {
    const period = `${Number(year) - 1}-${year.slice(2)}`;
    const at = (pred) => rows.filter((r) => r.time_period === year && pred(r));
    const trafford = at((r) => r.la_name === 'Trafford')[0];
    const england = at((r) => r.geographic_level === 'National')[0];
    const northWest = at((r) => r.geographic_level === 'Regional' && r.region_name === 'North West')[0];
    const nbr = at((r) => r.geographic_level === 'Local authority' && neighbours.includes(r.old_la_code));
    assert.equal(nbr.length, 10, `all ten neighbours are in the extract for ${year}`);
    for (const column of ['referral_count', 'rereferral_percent']) {
      assert.equal(find(env, column, period), Number(trafford[column]), `Trafford ${column} ${period}`);
      assert.equal(find(env, column, period, 'England'), Number(england[column]), `England ${column} ${period}`);
      assert.equal(
        find(env, column, period, 'North West'),
        Number(northWest[column]),
        `North West ${column} ${period}`,
      );
      const numbers = nbr
        .map((r) => r[column])
        .filter((v) => /^-?\d+(\.\d+)?$/.test(v))
        .map(Number);
      // Rounded as the published figures are: counts to whole numbers, rates to their published decimals.
      const dp = Math.max(...rows.map((r) => (/\.(\d+)$/.exec(r[column]) ?? ['', ''])[1].length));
      assert.equal(
        find(env, column, period, 'Statistical neighbours (median)'),
        Math.round(median(numbers) * 10 ** dp) / 10 ** dp,
        `median ${column} ${period}`,
      );
    }
  }
  // Spot values, as published: Trafford 2024-25 referrals 1,879, re-referrals 18%; England 632,830 and 22.6%.
  assert.equal(find(env, 'referral_count', '2024-25'), 1879);
  assert.equal(find(env, 'rereferral_percent', '2024-25', 'England'), 22.6);
  const sn = env.comparators.find((c) => c.kind === 'neighbours');
  assert.deepEqual(
    sn.members.map((m) => m.name),
    [
      'Hertfordshire',
      'Stockport',
      'Buckinghamshire',
      'Oxfordshire',
      'Surrey',
      'Bromley',
      'Cheshire East',
      'Cambridgeshire',
      'Gloucestershire',
      'Solihull',
    ],
  );
  assert.equal(sn.used.rereferral_percent['2024-25'], 10);
  assert.deepEqual(
    [...new Set(env.data.map((r) => r.period))],
    ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'],
  );
  assert.equal(env.publisher, 'Department for Education');
  // EES files state no publication date: the envelope says none rather than the day prepare ran.
  assert.equal(env.updated, undefined);
});

test('the median of rates is the median of the neighbours’ rates, not a ratio of medians', async () => {
  const env = await prepare(
    D3,
    '--area',
    '358',
    '--neighbours',
    SN,
    '--measures',
    'CPP_start,CPP_subsequent,CPP_subsequent_percent',
  );
  for (const period of ['2020-21', '2024-25']) {
    const ratioOfMedians =
      (find(env, 'CPP_subsequent', period, 'Statistical neighbours (median)') /
        find(env, 'CPP_start', period, 'Statistical neighbours (median)')) *
      100;
    const medianRate = find(env, 'CPP_subsequent_percent', period, 'Statistical neighbours (median)');
    assert.notEqual(
      Math.round(ratioOfMedians * 100) / 100,
      medianRate,
      `${period}: they differ here, so the test tells them apart`,
    );
  }
});

test('areas by name (any case), new code and old code; unknown areas get suggestions', async () => {
  const byName = await prepare(C1, '--area', 'herefordshire, county of', '--years', '2');
  const byNew = await prepare(C1, '--area', 'E06000019', '--years', '2');
  const byOld = await prepare(C1, '--area', '884', '--years', '2');
  assert.equal(byName.area.name, 'Herefordshire, County of');
  assert.deepEqual(byNew.data, byName.data);
  assert.deepEqual(byOld.data, byName.data);
  const wrong = await cli('prepare', C1, '--area', 'Traford');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /No local authority "Traford" in this file\. Closest: Trafford \(E08000009, 358\)/);
});

test('symbols stay symbols and a true 0 stays 0', async () => {
  const hackney = await prepare(C1, '--area', 'Hackney', '--years', '13');
  assert.equal(find(hackney, 'referral_count', '2021-22'), 'x');
  const hereford = await prepare(C1, '--area', 'Herefordshire, County of', '--years', '13');
  assert.equal(find(hereford, 'rereferral_percent', '2023-24'), 'u');
  assert.equal(find(hereford, 'no_further_action_count', '2024-25'), 0);
  const scilly = await prepare(C1, '--area', 'Isles of Scilly', '--years', '13');
  assert.equal(find(scilly, 'no_further_action_count', '2024-25'), 'c');
  assert.equal(find(scilly, 'rereferral_count', '2024-25'), 0);
  // Default labels are readable.
  assert.equal(scilly.measures.find((m) => m.id === 'rereferral_percent').label, 'Re-referrals (%)');
  assert.equal(scilly.measures.find((m) => m.id === 'rereferral_percent').unit, 'percent');
});

test('neighbours with a symbol are left out of the median, and the number used is recorded', async () => {
  // Trafford's real neighbours have numbers in every year, so give it a model
  // whose neighbours include Hackney (all x in 2021-22) and Herefordshire (u in 2023-24).
  const dir = await mkdtemp(join(tmpdir(), 'pw-'));
  const model = (await readFile(SN, 'utf8')).replace(/^\uFEFF/, '');
  const lines = model.split(/\r?\n/);
  const header = lines[0];
  const synthetic = `${header}\n358,Trafford,5,North West,${[
    '204',
    '884',
    '420',
    '919',
    '356',
    '825',
    '931',
    '936',
    '305',
    '895',
  ]
    .map((c) => `${c},Close`)
    .join(',')}\n`;
  const file = join(dir, 'sn.csv');
  await writeFile(file, synthetic);
  const env = await prepare(
    C1,
    '--area',
    'Trafford',
    '--neighbours',
    file,
    '--measures',
    'rereferral_percent',
    '--years',
    '13',
  );
  const sn = env.comparators.find((c) => c.kind === 'neighbours');
  // 2021-22: Hackney is x, so 9 of 10 are used.
  assert.equal(sn.used.rereferral_percent['2021-22'], 9);
  assert.ok(env.notes.some((n) => n.includes('Re-referrals (%), 2021-22: 9 of 10 (Hackney: not available [x])')));
});

test('check accepts prepared output and rejects a broken envelope, naming the row', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-'));
  const out = join(dir, 'trafford.json');
  const written = await cli('prepare', C1, '--area', 'Trafford', '--neighbours', SN, '--out', out);
  assert.equal(written.code, 0, written.stderr);
  const ok = await cli('check', out);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /valid\. \d+ measures, \d+ rows, 2020-21 to 2024-25/);
  const env = JSON.parse(await readFile(out, 'utf8'));
  env.data[3].period = '2021-22 Q5';
  env.data[7].value = 'lots';
  const broken = join(dir, 'broken.json');
  await writeFile(broken, JSON.stringify(env));
  const bad = await cli('check', broken);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Row 8: "value" should be a number or a GSS symbol \(c, x, z, u, low\), but is "lots"\./);
  const notJson = join(dir, 'not.json');
  await writeFile(notJson, '{"data": [');
  assert.equal((await cli('check', notJson)).code, 1);
});

test('a file that is not an EES file, and a missing measure column, fail with a message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-'));
  const file = join(dir, 'tidy.csv');
  await writeFile(file, 'measure,period,value\nreferrals,2021-22,3\n');
  const notEes = await cli('prepare', file, '--area', 'Trafford');
  assert.equal(notEes.code, 1);
  assert.match(notEes.stderr, /not an explore-education-statistics file/);
  const column = await cli('prepare', C1, '--area', 'Trafford', '--measures', 'referrals');
  assert.equal(column.code, 1);
  assert.match(column.stderr, /No measure column "referrals"\. Measure columns: referral_count/);
});

test('arquero stays out of the browser bundle', async () => {
  // The script a page includes is a loader; the elements and the chart code are its chunks.
  const chunks = (await readdir(join(root, 'dist/partnership-widgets'))).filter((f) => f.endsWith('.js.map'));
  const maps = ['dist/partnership-widgets.js.map', ...chunks.map((f) => `dist/partnership-widgets/${f}`)];
  const sources = [];
  for (const f of maps) sources.push(...JSON.parse(await readFile(join(root, f), 'utf8')).sources);
  const offenders = sources.filter((s) => /arquero|acorn|flechette/.test(s));
  assert.deepEqual(offenders, [], 'arquero (or its parser) is in dist/partnership-widgets.js or its chunks');
  assert.ok(
    sources.some((s) => s.includes('@observablehq/plot')),
    'the source maps list bundled modules',
  );
});
