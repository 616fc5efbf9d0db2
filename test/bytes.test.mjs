// The bytes budgets (bench/budget.json): what a page downloads before the first figures (the
// script and its elements) and with every chart (the chart code too), gzip-compressed, must stay
// within their limits. When one does not, the failure names what grew, per file, from the source
// maps against the sizes recorded with the budget. The chart code (Plot and d3) must stay out of
// the first files, and the modules no chart uses out of all of them. Run with `node --test` after
// `npm run build` (npm test does both).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { absoluteSources, checkBudget, contributors, distName, totalGzip } from '../bench/lib/bundle-size.mjs';
import { allFiles, budgetFile, chartsFile, elementsFile, firstFigureFiles, root } from '../bench/lib/paths.mjs';
import { unusedModuleOf } from '../bench/lib/unused-modules.mjs';

const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
const dist = join(root, 'dist');
const sources = (file) =>
  absoluteSources(JSON.parse(readFileSync(`${file}.map`, 'utf8')), `${file}.map`).sources.filter(Boolean);

test('the script and its chunks are built, with source maps', () => {
  for (const file of allFiles) {
    assert.ok(existsSync(file), `dist/${distName(file)} is missing: run \`npm run build\` first.`);
    assert.ok(existsSync(`${file}.map`), `dist/${distName(file)}.map is missing: the build must write it.`);
  }
});

for (const b of budget.budgets) {
  test(`${b.name}: ${b.files.join(' + ')} within ${b.limit.gzip} bytes gzip`, () => {
    const result = checkBudget(b, budget, dist);
    assert.ok(result.ok, result.report);
  });
  test(`${b.name}: at most ${b.target} bytes gzip (issue 18's target)`, () => {
    const gzip = totalGzip(b.files.map((f) => join(dist, f)));
    assert.ok(gzip <= b.target, `${gzip} bytes gzip, over issue 18's target of ${b.target}`);
    assert.ok(b.limit.gzip <= b.target, `the limit in bench/budget.json (${b.limit.gzip}) is above the target`);
  });
}

test('the budgets are the files a page downloads', () => {
  const [first, all] = budget.budgets;
  assert.deepEqual(first.files, firstFigureFiles.map(distName));
  assert.deepEqual(all.files, allFiles.map(distName));
  assert.equal(first.target, 55000);
  assert.equal(all.target, 100000);
  for (const b of budget.budgets) assert.ok(Number.isInteger(b.limit.gzip) && b.limit.gzip > 0);
  assert.ok(budget.measured.date, 'set with `node bench/bytes.mjs --write-budget`');
});

test('the chart code is not in the files loaded before the first figures', () => {
  const plotted = firstFigureFiles.flatMap((file) =>
    sources(file)
      .filter((s) => /node_modules\/(@observablehq\/plot|d3-(?!format|dsv))/.test(s.replace(/\\/g, '/')))
      .map((s) => `${distName(file)}: ${s.replace(/.*node_modules\//, '')}`),
  );
  assert.deepEqual(plotted, []);
  assert.ok(
    sources(chartsFile).some((s) => s.includes('@observablehq/plot')),
    'Plot is in partnership-widgets/charts.js',
  );
});

test('the Welsh strings are in neither budget: a chunk of their own, fetched only for a Welsh widget', () => {
  const welshFile = join(dist, 'partnership-widgets/welsh.js');
  const welsh = (file) => sources(file).filter((s) => /\.cy\.ts$/.test(s));
  for (const file of allFiles) assert.deepEqual(welsh(file), [], `${distName(file)} holds Welsh catalogues`);
  assert.ok(existsSync(welshFile), 'dist/partnership-widgets/welsh.js is missing: run `npm run build` first.');
  assert.deepEqual(
    welsh(welshFile)
      .map((s) => s.replace(/\\/g, '/').replace(/.*\/src\//, 'src/'))
      .sort(),
    [
      'src/attendance-by-sector/messages.cy.ts',
      'src/core/chart-keyboard.cy.ts',
      'src/core/messages.cy.ts',
      'src/core/trend.cy.ts',
      'src/kpi-quarter-table/messages.cy.ts',
      'src/training-trend/messages.cy.ts',
    ],
  );
});

test('no module that no chart uses is in the build', () => {
  const found = allFiles.flatMap((file) =>
    sources(file)
      .filter((s) => unusedModuleOf(s))
      .map((s) => `${distName(file)}: ${unusedModuleOf(s)} (${s.replace(/.*node_modules\//, '')})`),
  );
  assert.deepEqual(found, [], 'left out on purpose (bench/lib/unused-modules.mjs), but back in the build');
});

test('Plot built without the modules no chart uses draws charts like ours, and fails naming what is left out otherwise', async () => {
  // Plot as the build bundles it (the same plugin), drawn in a server-side document.
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: commonjs } = await import('@rollup/plugin-commonjs');
  const { parseHTML } = await import('linkedom');
  const { unusedModules } = await import('../rollup.config.mjs');
  const bundle = await rollup({
    input: join(root, 'node_modules/@observablehq/plot/src/index.js'),
    plugins: [unusedModules(), nodeResolve({ browser: true }), commonjs({ strictRequires: false })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const folder = mkdtempSync(join(tmpdir(), 'pw-plot-'));
  writeFileSync(join(folder, 'plot.mjs'), output[0].code);
  const Plot = await import(pathToFileURL(join(folder, 'plot.mjs')).href);
  rmSync(folder, { recursive: true, force: true });
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const data = [
    { x: '2021-22', y: 3, label: '3' },
    { x: '2022-23', y: 5, label: '5' },
  ];
  const draw = (options) => Plot.plot({ document, width: 320, height: 200, ...options });
  // What our charts use: bands, bars given both ends, a line, dots, text, ticks, rules, a grid, and
  // axes whose ticks a function formats (attendance: rects and rules on linear scales, no axes).
  const svg = draw({
    x: { type: 'band', domain: data.map((d) => d.x), tickSize: 0, label: null },
    y: { domain: [0, 6], ticks: 3, tickSize: 0, grid: true, label: null, tickFormat: (d) => `${d}` },
    marks: [
      Plot.barY(data, { x: 'x', y1: 0, y2: 'y', fill: 'currentColor' }),
      Plot.line(data, { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: (d) => (d.y > 4 ? 1 : 0.6) }),
      Plot.dot(data, { x: 'x', y: 'y', r: (d) => d.y }),
      Plot.text(data, { x: 'x', y: 'y', text: 'label' }),
      Plot.tickY(data, { x: 'x', y: 'y' }),
      Plot.ruleY([0]),
      Plot.gridY({ ticks: 3 }),
      Plot.axisX({ ticks: [data[1].x], tickSize: 0 }),
    ],
  });
  assert.equal(svg.querySelectorAll('rect').length, 2);
  assert.equal(svg.querySelectorAll('circle').length, 2);
  assert.match(svg.querySelector('g[aria-label="line"] path').getAttribute('d'), /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  assert.deepEqual(
    [...svg.querySelectorAll('text')].map((t) => t.textContent),
    ['0', '2', '4', '6', '3', '5', data[1].x],
  );
  const bars = draw({
    x: { domain: [0, 6], axis: null },
    y: { domain: [0, 100], axis: null },
    marks: [
      Plot.rect(data, { x1: 0, x2: 'y', y1: (d) => d.y * 10, y2: (d) => d.y * 10 + 8 }),
      Plot.ruleX([0], { y1: 0, y2: 100 }),
      Plot.text(data, { x: 'y', y: (d) => d.y * 10, text: 'label', textAnchor: 'start', dx: 4 }),
    ],
  });
  assert.equal(bars.querySelectorAll('rect').length, 2);
  const horizontal = draw({
    y: { type: 'band', domain: data.map((d) => d.x), tickSize: 0 },
    x: { axis: null, domain: [0, 6] },
    marks: [Plot.barX(data, { y: 'x', x1: 0, x2: 'y' })],
  });
  assert.equal(horizontal.querySelectorAll('rect').length, 2);
  const leftOut = (what, module) =>
    new RegExp(
      `^Error: partnership-widgets: ${what} \\(${module.replace(/[/.]/g, '\\$&')}\\) is left out of this build`,
    );
  const fails = [
    [
      () => ({ marks: [Plot.barY(data, { x: 'x', y: 'y' })] }),
      leftOut('stackY', '@observablehq/plot/src/transforms/stack.js'),
    ],
    [
      () => ({ marks: [Plot.dot(data, { x: 'x', y: 'y', symbol: 'square' })] }),
      leftOut('the square symbol', '@observablehq/plot/src/symbol.js'),
    ],
    [
      () => ({ marks: [Plot.line(data, { x: 'x', y: 'y', curve: 'step' })] }),
      leftOut('maybeCurve \\(the step curve\\)', '@observablehq/plot/src/curve.js'),
    ],
    [
      () => ({ y: { axis: 'left', tickSize: 0, tickFormat: ',~r' }, marks: [Plot.dot(data, { x: 'x', y: 'y' })] }),
      leftOut('[a-zA-Z]+', 'd3-format'),
    ],
    [
      () => ({ projection: 'mercator', marks: [] }),
      leftOut('createProjection \\(a projection\\)', '@observablehq/plot/src/projection.js'),
    ],
    [
      () => ({ marks: [Plot.dot(data, { x: 'x', y: 'y', fx: 'x' })] }),
      leftOut('[a-zA-Z]+', '@observablehq/plot/src/facet.js'),
    ],
    [
      () => ({ color: { legend: true }, marks: [Plot.dot(data, { x: 'x', y: 'y', fill: 'x' })] }),
      leftOut('[a-zA-Z]+', '@observablehq/plot/src/scales/schemes.js'),
    ],
    [
      () => ({ y: { axis: 'left', tickSize: 6 }, marks: [Plot.dot(data, { x: 'x', y: 'y' })] }),
      leftOut('vectorY', '@observablehq/plot/src/marks/vector.js'),
    ],
    [
      () => ({ marks: [Plot.ruleY([0], { markerEnd: 'arrow' })] }),
      leftOut('markers \\(a marker\\)', '@observablehq/plot/src/marker.js'),
    ],
  ];
  // Plot's marks check their options as they are made: the mark or the chart fails.
  const noAxes = { x: { axis: null }, y: { axis: null }, fx: { axis: null } };
  for (const [options, message] of fails)
    assert.throws(() => draw({ ...noAxes, ...options() }), message, String(options));
});

test('a file over budget fails with what grew, in which file, by how much', () => {
  // Pretend the budget was set when Plot was 7 KB smaller, with a limit 1 KB below today's
  // size: the check must fail and name Plot's growth in the charts file.
  const all = budget.budgets[1];
  const charts = distName(chartsFile);
  const now = contributors(chartsFile);
  const plot = now.find((c) => c.name === '@observablehq/plot');
  assert.ok(plot, 'Plot is in the chart code');
  const old = {
    ...budget,
    contributors: {
      ...budget.contributors,
      [charts]: now.map((c) => (c === plot ? { ...c, gzip: c.gzip - 7000 } : c)),
    },
  };
  const limit = totalGzip(all.files.map((f) => join(dist, f))) - 1000;
  const result = checkBudget({ ...all, limit: { gzip: limit } }, old, dist);
  assert.equal(result.ok, false);
  assert.match(
    result.report,
    new RegExp(
      `${charts}: @observablehq/plot grew from ${((plot.gzip - 7000) / 1000).toFixed(1)} KB to ${(plot.gzip / 1000).toFixed(1)} KB`,
    ),
  );
  assert.deepEqual([result.grew[0].file, result.grew[0].name], [charts, '@observablehq/plot']);
});

test('the source maps account for every byte of each file', () => {
  for (const file of [elementsFile, chartsFile]) {
    const parts = contributors(file);
    const total = parts.reduce((s, c) => s + c.min, 0);
    assert.equal(total, readFileSync(file).length, distName(file));
  }
  const names = contributors(elementsFile)
    .slice(0, 5)
    .map((c) => c.name);
  assert.ok(names.includes('src/core'), names.join(', '));
});
