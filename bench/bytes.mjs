#!/usr/bin/env node
/**
 * Our bundle's bytes, quickly (no peers, no browser): sizes, what it is made
 * of, and how it stands against bench/budget.json. Run after `npm run build`.
 *
 *   node bench/bytes.mjs                   print
 *   node bench/bytes.mjs --write-budget    set the budget from this build:
 *                                          limit = gzip + 5%, rounded up to 1 KB
 *   node bench/bytes.mjs --write-budget --headroom 0.08
 *
 * Raising the budget is a decision: commit bench/budget.json with the change
 * that needed it, and say why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkBudget, contributors, fileSizes, kb } from './lib/bundle-size.mjs';
import { budgetFile, bundleFile, root } from './lib/paths.mjs';
import { textTable } from './lib/table.mjs';
import { writeJson } from './lib/write-json.mjs';

const { values } = parseArgs({
  options: { 'write-budget': { type: 'boolean', default: false }, headroom: { type: 'string', default: '0.05' } },
});

if (!existsSync(bundleFile)) {
  console.error('dist/partnership-widgets.js is missing: run `npm run build` first.');
  process.exit(1);
}

const size = fileSizes(bundleFile);
const parts = contributors(bundleFile);
console.log(
  `dist/partnership-widgets.js: ${kb(size.min)} minified, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli\n`,
);
console.log(
  textTable(
    ['Part', 'min', 'gzip'],
    parts.map((p) => [p.name, kb(p.min), kb(p.gzip)]),
  ),
);

if (values['write-budget']) {
  const headroom = Number(values.headroom);
  if (!(headroom >= 0 && headroom < 1)) throw new Error('--headroom must be a fraction such as 0.05');
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
  const budget = {
    about:
      'Bytes budget of the self-contained bundle, checked by test/bytes.test.mjs (npm test). limit.gzip is the measured gzip size plus the headroom, rounded up to 1,000 bytes. contributors (gzip of each part alone, from the source map) let a failing test say what grew. Set with `node bench/bytes.mjs --write-budget` after `npm run build`; raising it is a decision to commit and explain.',
    file: 'dist/partnership-widgets.js',
    limit: { gzip: Math.ceil((size.gzip * (1 + headroom)) / 1000) * 1000 },
    headroom,
    measured: {
      date: new Date().toISOString().slice(0, 10),
      commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain') ? '+changes' : ''}`,
      ...size,
    },
    contributors: parts,
  };
  await writeJson(budgetFile, budget);
  console.log(
    `\nWrote bench/budget.json: limit ${kb(budget.limit.gzip)} gzip (measured ${kb(size.gzip)} + ${headroom * 100}%).`,
  );
} else if (existsSync(budgetFile)) {
  const result = checkBudget(JSON.parse(readFileSync(budgetFile, 'utf8')), bundleFile);
  console.log(
    result.ok
      ? `\nWithin budget: ${kb(result.gzip)} of ${kb(result.limit)} gzip (bench/budget.json).`
      : `\n${result.report}`,
  );
  if (!result.ok) process.exitCode = 1;
}
