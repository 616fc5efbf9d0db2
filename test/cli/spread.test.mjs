// The neighbours' spread (lowest, quartiles, median, highest) and the quartile bands among all
// authorities that `prepare` adds to an envelope (`spread`), checked on real DfE files against an
// independent calculation: the CSV read here with d3-dsv, the ten neighbours found in DfE's model
// by old_la_code, and d3-array's `quantile` (the inclusive method, as Excel's QUARTILE.INC).
// Run with `node --test test/cli/` after a build.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile } from 'd3-array';
import { cli, DFE, prepare, readCsvRows, root } from './run-cli.mjs';

const C1 = join(DFE, 'dfe_cin_c1_referrals_rereferrals_2013_to_2025_extract.csv');
const B1 = join(DFE, 'ees/b1_children_in_need_2013_to_2025.csv');
const CLA = join(DFE, 'ees/cla_number_and_rate_per_10k_children.csv');
const SN = join(DFE, 'dfe_sn_model_2025_wide.csv');
const LABELS = join(root, 'data/dfe-labels.json');

const csv = readCsvRows;

/** The old_la_codes of an authority's ten statistical neighbours, from DfE's model. */
async function neighbourCodes(oldCode) {
  const row = (await csv(SN)).find((r) => r.old_la_code.trim() === oldCode);
  return Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`].trim());
}

/** The published numbers of a column for some authorities in a year (time_period), symbols left out. */
function values(rows, column, timePeriod, oldCodes) {
  return rows
    .filter((r) => r.geographic_level === 'Local authority' && r.time_period === timePeriod)
    .filter((r) => !oldCodes || oldCodes.includes(r.old_la_code))
    .map((r) => r[column])
    .filter((v) => /^-?\d+(\.\d+)?$/.test(v))
    .map(Number);
}

/** Rounded as the published figures are: `decimals` places. */
const rounded = (n, decimals) => Number((Math.round(n * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals));

function expectedSpread(numbers, decimals) {
  const q = (p) => rounded(quantile(numbers, p), decimals);
  return {
    count: numbers.length,
    lowest: q(0),
    lowerQuartile: q(0.25),
    median: q(0.5),
    upperQuartile: q(0.75),
    highest: q(1),
  };
}

function spreadOf(envelope, measure, period) {
  const found = envelope.spread.filter((s) => s.measure === measure && s.period === period);
  assert.equal(found.length, 1, `one spread entry for ${measure} ${period}`);
  return found[0];
}

function pick(stats) {
  const { count, lowest, lowerQuartile, median, upperQuartile, highest } = stats;
  return { count, lowest, lowerQuartile, median, upperQuartile, highest };
}

test('Trafford, table C1: the ten neighbours’ quartiles of referrals and the re-referral rate, 2023-24 and 2024-25', async () => {
  const envelope = await prepare(
    C1,
    '--area',
    'Trafford',
    '--neighbours',
    SN,
    '--labels',
    LABELS,
    '--measures',
    'referral_count,rereferral_percent',
    '--years',
    '2',
    '--updated',
    '2025-12-01',
  );
  const rows = await csv(C1);
  const codes = await neighbourCodes('358');
  const own = (column, tp) => Number(rows.find((r) => r.old_la_code === '358' && r.time_period === tp)[column]);
  for (const [period, tp] of [
    ['2023-24', '2024'],
    ['2024-25', '2025'],
  ]) {
    for (const [column, id, decimals] of [
      ['referral_count', 'referrals', 0],
      ['rereferral_percent', 'rereferral_rate', 1],
    ]) {
      const numbers = values(rows, column, tp, codes);
      assert.equal(numbers.length, 10, `all ten neighbours have ${column} in ${tp}`);
      const entry = spreadOf(envelope, id, period);
      const expected = expectedSpread(numbers, decimals);
      assert.deepEqual(pick(entry.neighbours), expected, `${id} ${period}`);
      assert.equal(entry.neighbours.of, 10);
      // The existing median comparator is the same median.
      const medianRow = envelope.data.find(
        (r) => r.measure === id && r.period === period && r.area === 'Statistical neighbours (median)',
      );
      assert.equal(medianRow.value, expected.median);
      // Where Trafford's own figure sits, worked out here from the same numbers.
      const mine = own(column, tp);
      const position =
        mine < expected.lowest
          ? 'below-all'
          : mine < expected.lowerQuartile
            ? 'lower-quarter'
            : mine <= expected.upperQuartile
              ? 'middle-half'
              : mine <= expected.highest
                ? 'upper-quarter'
                : 'above-all';
      assert.equal(entry.neighbours.position, position, `${id} ${period}: ${mine}`);
    }
  }
  // Trafford's referrals are fewer than any neighbour's in 2024-25 (1,879 against 2,599 to 10,284).
  assert.equal(spreadOf(envelope, 'referrals', '2024-25').neighbours.position, 'below-all');
  // An extract of some authorities is no basis for bands among all authorities: none, and a note says why.
  assert.ok(envelope.spread.every((s) => s.authorities === undefined));
  assert.ok(envelope.notes.some((n) => /fewer than 100 local authorities, so no quartile bands/.test(n)));
  assert.ok(envelope.notes.some((n) => /inclusive method \(as Excel’s QUARTILE\.INC\)/.test(n)));
});

test('Leicester, table B1 (whole file): the ten neighbours’ quartiles of two counts in two years, rounded as counts', async () => {
  const envelope = await prepare(
    B1,
    '--area',
    'Leicester',
    '--neighbours',
    SN,
    '--measures',
    'Started_episodes,At31_episodes',
    '--years',
    '2',
    '--updated',
    '2025-12-01',
  );
  const rows = await csv(B1);
  const codes = await neighbourCodes('856');
  for (const [period, tp] of [
    ['2023-24', '2024'],
    ['2024-25', '2025'],
  ]) {
    for (const column of ['Started_episodes', 'At31_episodes']) {
      const numbers = values(rows, column, tp, codes);
      assert.equal(numbers.length, 10);
      const entry = spreadOf(envelope, column, period);
      assert.deepEqual(pick(entry.neighbours), expectedSpread(numbers, 0), `${column} ${period}`);
      for (const k of ['lowest', 'lowerQuartile', 'median', 'upperQuartile', 'highest'])
        assert.ok(Number.isInteger(entry.neighbours[k]), `${column} ${period} ${k} is a whole number`);
      // Counts depend on an area's size: no band among all authorities.
      assert.equal(entry.authorities, undefined);
    }
  }
});

test('Leicester, children looked after per 10,000: quartile band B among all authorities (low is good)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-spread-'));
  const labels = join(dir, 'labels.json');
  await writeFile(labels, JSON.stringify({ measures: { rate_per_10000: { polarity: 'down-good' } } }));
  const filter = 'population_type=Children looked after on 31 March each year';
  const envelope = await prepare(
    CLA,
    '--area',
    'Leicester',
    '--neighbours',
    SN,
    '--filter',
    filter,
    '--measures',
    'rate_per_10000',
    '--labels',
    labels,
    '--years',
    '1',
    '--updated',
    '2025-12-01',
  );
  const rows = (await csv(CLA)).filter((r) => r.population_type === filter.split('=')[1]);
  const all = values(rows, 'rate_per_10000', '2025');
  const entry = spreadOf(envelope, 'rate_per_10000', '2024-25');
  assert.deepEqual(pick(entry.authorities), expectedSpread(all, 0));
  // By hand: Leicester 66 per 10,000 at 31 March 2025; of 151 authorities with a figure the lower
  // quartile is 53, the median 67 and the upper quartile 90: above the lower quartile and not above
  // the median, so band B where a low rate is good.
  assert.equal(Number(rows.find((r) => r.old_la_code === '856' && r.time_period === '2025').rate_per_10000), 66);
  assert.equal(all.length, 151);
  assert.equal(quantile(all, 0.25), 53);
  assert.ok(quantile(all, 0.5) >= 66 && quantile(all, 0.5) <= 67);
  assert.equal(entry.authorities.band, 'B');

  // The same figures with high as good put Leicester in band C; with no polarity there is no band.
  await writeFile(labels, JSON.stringify({ measures: { rate_per_10000: { polarity: 'up-good' } } }));
  const up = await prepare(
    CLA,
    '--area',
    'Leicester',
    '--filter',
    filter,
    '--measures',
    'rate_per_10000',
    '--labels',
    labels,
    '--years',
    '1',
  );
  assert.equal(spreadOf(up, 'rate_per_10000', '2024-25').authorities.band, 'C');
  const neutral = await prepare(
    CLA,
    '--area',
    'Leicester',
    '--filter',
    filter,
    '--measures',
    'rate_per_10000',
    '--years',
    '1',
  );
  const plain = spreadOf(neutral, 'rate_per_10000', '2024-25');
  assert.equal(plain.authorities.band, undefined);
  assert.equal(plain.neighbours, undefined, 'no neighbours model given: no neighbours’ spread');
});

test('check refuses a spread out of order or for a measure the envelope does not have, naming it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-spread-'));
  const envelope = {
    measures: [{ id: 'rate', unit: 'percent' }],
    data: [{ measure: 'rate', period: '2024-25', value: 16.8 }],
    spread: [
      {
        measure: 'rate',
        period: '2024-25',
        neighbours: {
          count: 10,
          of: 10,
          lowest: 14,
          lowerQuartile: 21.3,
          median: 20.1,
          upperQuartile: 15.9,
          highest: 30,
        },
      },
      {
        measure: 'other',
        period: '2024-25',
        neighbours: { count: 3, lowest: 1, lowerQuartile: 2, median: 3, upperQuartile: 4, highest: 5 },
      },
      {
        measure: 'rate',
        period: '2024-25',
        authorities: { count: 150, lowest: 1, lowerQuartile: 2, median: 3, upperQuartile: 4, highest: 5, band: 'E' },
      },
    ],
  };
  const path = join(dir, 'bad.json');
  await writeFile(path, JSON.stringify(envelope));
  const result = await cli('check', path);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /"spread\.2\.authorities\.band" should be A, B, C or D, but is "E"/);
  // Once the shape is right, the order of the five numbers and the measure are checked.
  envelope.spread[2].authorities.band = 'A';
  await writeFile(path, JSON.stringify(envelope));
  const second = await cli('check', path);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /spread\[0\].*"neighbours" should be a number.*14, 21\.3, 20\.1, 15\.9, 30/);
  assert.match(second.stderr, /spread\[1\].*"measure".*"other"/);

  // A good one passes.
  envelope.spread = [
    {
      measure: 'rate',
      period: '2024-25',
      neighbours: {
        count: 10,
        of: 10,
        lowest: 14,
        lowerQuartile: 15.9,
        median: 20.1,
        upperQuartile: 21.3,
        highest: 30,
        position: 'middle-half',
      },
    },
  ];
  await writeFile(path, JSON.stringify(envelope));
  const good = await cli('check', path);
  assert.equal(good.code, 0, good.stderr);
});
