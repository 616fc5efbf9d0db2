// `partnership-widgets render` takes the element's attributes (--year-start-month, --year,
// --years, --measure, --sort, --heading, --heading-level), run as a user would, and draws what
// the element draws with them: checked against the element's own model built here from the
// package's public exports (dist/lib). Run with `node --test test/cli/` after a build.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, root } from './run-cli.mjs';

const { buildKpiModel, validateEnvelope } = await import(join(root, 'dist/lib/index.js'));
const { messages } = await import(join(root, 'dist/lib/core.js'));

const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('--year-start-month labels quarters as the attribute does, when the data does not say', async () => {
  const env = JSON.parse(await readFile(join(root, 'data/leicester-kpis-2021-22.json'), 'utf8'));
  delete env.yearStartMonth;
  const dir = await mkdtemp(join(tmpdir(), 'pw-attr-'));
  const src = join(dir, 'kpis.json');
  await writeFile(src, JSON.stringify(env));
  const july = await cli('render', 'kpi-quarter-table', '--src', src, '--year-start-month', '7');
  assert.equal(july.code, 0, july.stderr);
  assert.match(text(july.stdout), /Q1 \(Jul to Sep\)/);
  assert.doesNotMatch(text(july.stdout), /Q1 \(Apr to Jun\)/);
  const april = await cli('render', 'kpi-quarter-table', '--src', src);
  assert.match(text(april.stdout), /Q1 \(Apr to Jun\)/);
  const bad = await cli('render', 'kpi-quarter-table', '--src', src, '--year-start-month', '13');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--year-start-month must be a month number from 1 \(January\) to 12/);
});

test('--years and --year choose the years shown; --heading and --heading-level as on the element', async () => {
  const src = join(root, 'data/trafford-referrals-annual.json');
  const env = JSON.parse(await readFile(src, 'utf8'));
  const m = messages('en');
  const two = buildKpiModel(validateEnvelope(env), m, 'en', { years: 2 });
  const all = buildKpiModel(validateEnvelope(env), m, 'en', {});
  assert.ok(all.columns.length > two.columns.length, 'the test tells two years from the default');
  const html = await cli(
    'render',
    'kpi-quarter-table',
    '--src',
    src,
    '--years',
    '2',
    '--heading',
    'Referrals in Trafford',
    '--heading-level',
    '3',
  );
  assert.equal(html.code, 0, html.stderr);
  const headers = [...html.stdout.matchAll(/<th[^>]*scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((x) => text(x[1]).trim());
  for (const c of two.columns)
    assert.ok(
      headers.some((h) => h.includes(c.label)),
      `column ${c.label}`,
    );
  const dropped = all.columns.filter((c) => !two.columns.some((t) => t.key === c.key));
  for (const c of dropped) assert.ok(!headers.some((h) => h.includes(c.label)), `no column ${c.label}`);
  assert.match(html.stdout, /<h3[^>]*>[\s\S]*?Referrals in Trafford/);
  const svg = await cli('render', 'kpi-quarter-table', '--src', src, '--format', 'svg', '--years', '2');
  assert.equal(svg.code, 0, svg.stderr);
  const earlier = await cli('render', 'kpi-quarter-table', '--src', src, '--year', two.columns[0].key);
  assert.equal(earlier.code, 0, earlier.stderr);
  const wrong = await cli('render', 'training-trend', '--src', src, '--sort', 'data');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /--sort is an attribute of attendance-by-sector, not of training-trend/);
});
