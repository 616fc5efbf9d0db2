// The bytes budget: dist/partnership-widgets.js, gzip-compressed, must stay
// under the limit in bench/budget.json. When it does not, the failure names
// what grew, from the bundle's source map against the sizes recorded with the
// budget. Run with `node --test` after `npm run build` (npm test does both).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkBudget, contributors, fileSizes } from '../bench/lib/bundle-size.mjs';
import { budgetFile, bundleFile } from '../bench/lib/paths.mjs';

const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));

test('the bundle is built', () => {
  assert.ok(existsSync(bundleFile), 'dist/partnership-widgets.js is missing: run `npm run build` first.');
  assert.ok(existsSync(`${bundleFile}.map`), 'dist/partnership-widgets.js.map is missing: the build must write it.');
});

test(`dist/partnership-widgets.js stays within its gzip budget (${budget.limit.gzip} bytes)`, () => {
  const result = checkBudget(budget, bundleFile);
  assert.ok(result.ok, result.report);
});

test('a bundle over budget fails with what grew, by how much', () => {
  // Pretend the budget was set when Plot was 7 KB smaller, with a limit 1 KB
  // below today's size: the check must fail and name Plot's growth.
  const now = contributors(bundleFile);
  const plot = now.find((c) => c.name === '@observablehq/plot');
  assert.ok(plot, 'Plot is in the bundle');
  const old = {
    ...budget,
    limit: { gzip: fileSizes(bundleFile).gzip - 1000 },
    contributors: now.map((c) => (c === plot ? { ...c, gzip: c.gzip - 7000 } : c)),
  };
  const result = checkBudget(old, bundleFile);
  assert.equal(result.ok, false);
  assert.match(
    result.report,
    new RegExp(
      `@observablehq/plot grew from ${((plot.gzip - 7000) / 1000).toFixed(1)} KB to ${(plot.gzip / 1000).toFixed(1)} KB`,
    ),
  );
  assert.equal(result.grew[0].name, '@observablehq/plot');
});

test('the source map accounts for every byte of the bundle', () => {
  const parts = contributors(bundleFile);
  const total = parts.reduce((s, c) => s + c.min, 0);
  assert.equal(total, readFileSync(bundleFile).length);
  // And the biggest parts are the ones we expect, by name.
  const names = parts.slice(0, 5).map((c) => c.name);
  assert.ok(names.includes('@observablehq/plot'), names.join(', '));
  assert.ok(names.includes('src/core'), names.join(', '));
});

test('the budget file is well formed', () => {
  assert.equal(budget.file, 'dist/partnership-widgets.js');
  assert.ok(Number.isInteger(budget.limit.gzip) && budget.limit.gzip >= budget.measured.gzip);
  assert.ok(budget.contributors.length > 5 && budget.contributors.every((c) => c.name && c.gzip > 0));
  // A limit far above the measurement would budget nothing.
  assert.ok(budget.limit.gzip <= budget.measured.gzip * 1.15, 'headroom above 15%: set the budget again');
});
