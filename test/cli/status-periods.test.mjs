// `prepare` and the status of figures (provisional, revised, final) and the periods the contract
// cannot show (months, weeks, terms), on the real C1 file with a status column or time_identifier
// changed as some EES files have them.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, DFE } from './run-cli.mjs';

const C1 = join(DFE, 'dfe_cin_c1_referrals_rereferrals_2013_to_2025_extract.csv');
const SN = join(DFE, 'dfe_sn_model_2025_wide.csv');
const NEIGHBOURS = 'Statistical neighbours (median)';

/** The C1 lines, each split at its first comma-separated fields (no quoted commas in those of interest). */
async function c1Lines() {
  return (await readFile(C1, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
}

async function write(text) {
  const dir = await mkdtemp(join(tmpdir(), 'pw-status-'));
  const path = join(dir, 'c1_with_status.csv');
  await writeFile(path, text);
  return path;
}

test('a data_status column marks each figure; a provisional row beside the final one is kept and not compared', async () => {
  const [header, ...lines] = await c1Lines();
  const out = [`${header},data_status`, ...lines.map((l) => `${l},Final`)];
  // Trafford's 2024-25 row again, as a provisional local count: 1,890 referrals where DfE's final is 1,879.
  const trafford = lines.find((l) => l.startsWith('2025,') && l.includes(',Trafford,'));
  const cells = trafford.split(',');
  const at = header.split(',').indexOf('referral_count');
  assert.equal(cells[at], '1879');
  cells[at] = '1890';
  out.push(`${cells.join(',')},Provisional`);
  const path = await write(`${out.join('\n')}\n`);
  const result = await cli(
    'prepare',
    path,
    '--area',
    'Trafford',
    '--neighbours',
    SN,
    '--measures',
    'referral_count',
    '--years',
    '2',
  );
  assert.equal(result.code, 0, result.stderr);
  const envelope = JSON.parse(result.stdout);
  const own = envelope.data.filter((r) => r.period === '2024-25' && r.area === undefined);
  assert.deepEqual(own.map((r) => [r.value, r.status]).sort(), [
    [1879, 'final'],
    [1890, 'provisional'],
  ]);
  assert.ok(envelope.data.filter((r) => r.area === 'England').every((r) => r.status === 'final'));
  assert.equal(envelope.data.find((r) => r.area === NEIGHBOURS && r.period === '2024-25').status, 'final');
  assert.ok(envelope.notes.some((n) => /data_status column .* says which figures are final and provisional/.test(n)));
  // The widgets' validator takes both figures for one cell, showing the final one.
  const file = join(await mkdtemp(join(tmpdir(), 'pw-status-')), 'e.json');
  await writeFile(file, result.stdout);
  const check = await cli('check', file);
  assert.equal(check.code, 0, check.stderr);
});

test('--status provisional marks every figure of a release provisional; a wrong value is refused', async () => {
  const result = await cli(
    'prepare',
    C1,
    '--area',
    'Trafford',
    '--measures',
    'referral_count',
    '--years',
    '1',
    '--status',
    'provisional',
  );
  assert.equal(result.code, 0, result.stderr);
  const envelope = JSON.parse(result.stdout);
  assert.ok(envelope.data.length > 0);
  assert.ok(envelope.data.every((r) => r.status === 'provisional'));
  assert.ok(envelope.notes.some((n) => /is provisional, as its release says: marked \[p\]/.test(n)));
  const bad = await cli('prepare', C1, '--area', 'Trafford', '--status', 'draft');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--status must be one of provisional, revised, final, estimated/);
});

test('months, weeks and terms are refused naming the period type, the line and what to do', async () => {
  const [header, ...lines] = await c1Lines();
  const as = (identifier) => lines.map((l) => l.replace(/^(\d+),Reporting year,/, `$1,${identifier},`));
  for (const [identifier, words] of [
    ['January', /monthly figures\. These widgets show years and quarters of a year, not months/],
    ['Week 12', /weekly figures/],
    ['Autumn term', /termly figures \(Autumn term\)/],
  ]) {
    const path = await write(`${[header, ...as(identifier)].join('\n')}\n`);
    const result = await cli('prepare', path, '--area', 'Trafford');
    assert.equal(result.code, 1, identifier);
    assert.match(result.stderr, words);
    assert.match(result.stderr, /Line 2 of c1_with_status\.csv/);
    assert.match(result.stderr, /Add them up into/);
  }
  // A file with whole years too: the message names the filter that keeps them, and the filter works.
  const mixed = await write(`${[header, ...lines, ...as('Autumn term')].join('\n')}\n`);
  const refused = await cli('prepare', mixed, '--area', 'Trafford');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /also has "Reporting year": --filter "time_identifier=Reporting year" keeps those/);
  const kept = await cli(
    'prepare',
    mixed,
    '--area',
    'Trafford',
    '--filter',
    'time_identifier=Reporting year',
    '--years',
    '1',
  );
  assert.equal(kept.code, 0, kept.stderr);
  assert.deepEqual(JSON.parse(kept.stdout).periodLabels, { '2024-25': '2024-25' });
});
