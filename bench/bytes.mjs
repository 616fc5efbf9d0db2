#!/usr/bin/env node
/**
 * Our script's bytes, quickly (no peers, no browser): the size of each file a page downloads
 * (the script, its elements, its charts on demand), what each is made of, and how they stand
 * against the budgets in bench/budget.json. Run after `npm run build`.
 *
 *   node bench/bytes.mjs                   print
 *   node bench/bytes.mjs --write-budget    set the budgets from this build: each limit is
 *                                          gzip + 3%, rounded up to 1 KB, and never above
 *                                          the budget's target
 *   node bench/bytes.mjs --write-budget --headroom 0.05
 *
 * Raising a budget is a decision: commit bench/budget.json with the change
 * that needed it, and say why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudget, contributorsByFile, distName, fileSizes, kb, totalGzip } from './lib/bundle-size.mjs';
import { allFiles, budgetFile, root } from './lib/paths.mjs';
import { textTable } from './lib/table.mjs';
import { writeJson } from './lib/write-json.mjs';

const { values } = parseArgs({
  options: { 'write-budget': { type: 'boolean', default: false }, headroom: { type: 'string', default: '0.03' } },
});

const missing = allFiles.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`${missing.map(distName).join(', ')} missing: run \`npm run build\` first.`);
  process.exit(1);
}

const dist = join(root, 'dist');
const byFile = contributorsByFile(allFiles);
for (const file of allFiles) {
  const size = fileSizes(file);
  console.log(`\ndist/${distName(file)}: ${kb(size.min)} minified, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli`);
  const parts = byFile[distName(file)];
  if (parts.length > 1)
    console.log(
      textTable(
        ['Part', 'min', 'gzip'],
        parts.map((p) => [p.name, kb(p.min), kb(p.gzip)]),
      ),
    );
}

// The Welsh strings: fetched only where a widget's language is Welsh, so in neither budget.
const welshFile = join(dist, 'partnership-widgets/welsh.js');
if (existsSync(welshFile)) {
  const size = fileSizes(welshFile);
  console.log(
    `\ndist/${distName(welshFile)} (Welsh pages only; in no budget): ${kb(size.min)} minified, ${kb(size.gzip)} gzip`,
  );
}

const recorded = JSON.parse(readFileSync(budgetFile, 'utf8'));
if (values['write-budget']) {
  const headroom = Number(values.headroom);
  if (!(headroom >= 0 && headroom < 1)) throw new Error('--headroom must be a fraction such as 0.03');
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
  const budgets = recorded.budgets.map((b) => {
    const measured = totalGzip(b.files.map((f) => join(dist, f)));
    const limit = Math.min(b.target, Math.ceil((measured * (1 + headroom)) / 1000) * 1000);
    return { ...b, limit: { gzip: Math.max(limit, Math.ceil(measured / 1000) * 1000) } };
  });
  const budget = {
    ...recorded,
    budgets,
    headroom,
    measured: {
      date: new Date().toISOString().slice(0, 10),
      commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain') ? '+changes' : ''}`,
      files: Object.fromEntries(allFiles.map((f) => [distName(f), fileSizes(f)])),
    },
    contributors: byFile,
  };
  await writeJson(budgetFile, budget);
  for (const b of budgets)
    console.log(`\nWrote bench/budget.json: ${b.name}: limit ${kb(b.limit.gzip)} gzip (target ${kb(b.target)}).`);
} else {
  for (const b of recorded.budgets) {
    const result = checkBudget(b, recorded, dist);
    const target = result.gzip <= b.target ? 'meets' : 'misses';
    console.log(
      result.ok
        ? `\n${b.name}: ${kb(result.gzip)} of ${kb(result.limit)} gzip; ${target} its target of ${kb(b.target)}.`
        : `\n${result.report}`,
    );
    if (!result.ok) process.exitCode = 1;
  }
}
