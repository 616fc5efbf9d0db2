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
  assert.match(bad.stderr, /--year-start-month "13" is not a whole number from 1 to 12\./);
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

const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
const { THEME_TOKENS } = await import(join(root, 'dist/lib/core.js'));

/** Each element's attributes, from the manifest the build writes from the elements' declarations. */
const attributesOf = (tag) =>
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === tag)
    .attributes.map((a) => a.name);

/** A value the element takes for each attribute (a new attribute fails here until it is given one). */
const GOOD = {
  heading: 'A heading',
  'heading-level': '4',
  view: 'chart',
  presenting: true,
  'year-start-month': '4',
  theme: 'dark',
  'data-as-at': '2021-09-29',
  year: '2021-22',
  years: '2',
  measure: 'attendances',
  sort: 'data',
};
const NOT_RENDERED = ['src', 'refresh', 'timeout'];
const SAMPLES = {
  'kpi-quarter-table': 'data/leicester-kpis-2021-22.json',
  'attendance-by-sector': 'data/norfolk-lscg-attendance-2024-25.json',
  'training-trend': 'data/llr-training.json',
};

test('render takes every attribute of each element (from the manifest), under the same name', async () => {
  const help = await cli('--help');
  for (const [tag, src] of Object.entries(SAMPLES)) {
    for (const attribute of attributesOf(tag).filter((a) => !NOT_RENDERED.includes(a))) {
      const option = `--${attribute.replace(/^data-/, '')}`;
      assert.ok(attribute in GOOD, `a value for ${attribute} in this test`);
      assert.ok(help.stdout.includes(option) || help.stderr.includes(option), `${option} in --help`);
      const value = GOOD[attribute] === true ? [] : [GOOD[attribute]];
      const run = await cli('render', tag, '--src', join(root, src), option, ...value);
      assert.equal(run.code, 0, `${tag} ${option}: ${run.stderr}`);
    }
  }
});

test("numbers are read with the element's ranges and refused in its words", async () => {
  const src = join(root, SAMPLES['kpi-quarter-table']);
  const cases = [
    ['--years', '0', /--years "0" is not a whole number from 1 to 100 \(or "all"\)\./],
    ['--years', '2.5', /--years "2\.5" is not a whole number\./],
    ['--heading-level', '7', /--heading-level "7" is above 6\./],
    ['--year-start-month', 'July', /--year-start-month "July" is not a whole number from 1 to 12\./],
    ['--theme', 'blue', /--theme must be light or dark, not "blue"\./],
    ['--as-at', '29/09/2021', /--as-at must be a date such as 2021-09-29\./],
  ];
  for (const [option, value, message] of cases) {
    const run = await cli('render', 'kpi-quarter-table', '--src', src, option, value);
    assert.equal(run.code, 1, `${option} ${value}`);
    assert.match(run.stderr, message);
  }
  const svg = await cli('render', 'kpi-quarter-table', '--src', src, '--format', 'svg', '--presenting');
  assert.equal(svg.code, 1);
  assert.match(svg.stderr, /--presenting is for --format html/);
});

test("--theme dark draws the SVG and the page in the dark theme's colours, from the theme object", async () => {
  const src = join(root, SAMPLES['attendance-by-sector']);
  const dark = THEME_TOKENS;
  const svg = await cli('render', 'attendance-by-sector', '--src', src, '--format', 'svg', '--theme', 'dark');
  assert.equal(svg.code, 0, svg.stderr);
  // The background: a rect as wide as the SVG (720 px by default), in the dark theme's background.
  assert.match(svg.stdout, new RegExp(`<rect fill="${dark['--_background'].dark}" height="\\d+" width="720"`));
  assert.ok(svg.stdout.includes(`fill="${dark['--_series-1'].dark}"`), 'the latest year in the dark series colour');
  assert.ok(!svg.stdout.includes(dark['--_series-1'].light), 'not the light one');
  const html = await cli('render', 'attendance-by-sector', '--src', src, '--theme', 'dark');
  assert.match(html.stdout, /<attendance-by-sector[^>]* theme="dark"/);
  assert.ok(html.stdout.includes(`background: ${dark['--_background'].dark}`));
});
