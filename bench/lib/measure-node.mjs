/**
 * The command line: `partnership-widgets prepare` (arquero, Node) on the DfE
 * C1 file as we have it (an extract: every national and regional row, 17
 * authorities), on generated files the size of the full published file
 * (2,132 rows: 13 years x 164 areas) and 100 times larger than each: wall
 * time, CPU time and peak resident memory of the process (its own
 * `process.resourceUsage()`, through a preloaded module).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { growEes } from './generate.mjs';
import { root } from './paths.mjs';
import { median } from './stats.mjs';

export const dfeDir = () => process.env.DFE_DIR ?? join(root, 'test/fixtures/dfe');
const C1 = 'dfe_cin_c1_referrals_rereferrals_2013_to_2025_extract.csv';
const SN = 'dfe_sn_model_2025_wide.csv';
const usageModule = pathToFileURL(join(root, 'bench/lib/child-usage.mjs')).href;

function runCli(args, usageFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--import', usageModule, join(root, 'bin/partnership-widgets.mjs'), ...args],
      { env: { ...process.env, BENCH_USAGE_FILE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`partnership-widgets ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ wallMs, ...JSON.parse(readFileSync(usageFile, 'utf8')) });
    });
  });
}

export async function measureNode({ genDir, runs, log }) {
  const dir = dfeDir();
  const c1 = join(dir, C1);
  if (!existsSync(c1)) {
    log(`  skipped: ${c1} not found (set DFE_DIR to the folder of the DfE files)`);
    return { skipped: `${C1} not found in ${dir}` };
  }
  const text = readFileSync(c1, 'utf8');
  const rows =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean).length - 1;
  const inputs = [{ label: 'DfE C1 extract, as published', rows, file: c1, bytes: Buffer.byteLength(text) }];
  for (const [label, n] of [
    ['generated: full published file size', 2132],
    ['generated: 100x the extract', rows * 100],
    ['generated: 100x the full file', 2132 * 100],
  ]) {
    const file = join(genDir, `c1-${n}.csv`);
    const grown = growEes(text, n);
    await writeFile(file, grown);
    inputs.push({ label, rows: n, file, bytes: Buffer.byteLength(grown) });
  }
  const usage = join(genDir, 'usage.json');
  const results = [];
  // The fixed cost: Node starting, loading the command line, checking a small envelope.
  const check = [];
  for (let r = 0; r < runs; r++)
    check.push(await runCli(['check', join(root, 'data/leicester-kpis-2021-22.json')], usage));
  results.push({ label: 'check a small envelope (start-up cost)', rows: 55, bytes: 0, ...medians(check), runs: check });
  let reference;
  for (const input of inputs) {
    const out = join(genDir, 'out.json');
    const args = [
      'prepare',
      input.file,
      '--area',
      'Trafford',
      '--neighbours',
      join(dir, SN),
      '--labels',
      join(root, 'data/dfe-labels.json'),
      '--updated',
      '2025-01-01',
      '--out',
      out,
    ];
    const all = [];
    for (let r = 0; r < runs; r++) all.push(await runCli(args, usage));
    // The figures must not depend on the file's size (notes name the file, so compare the rest).
    const { measures, data, area, comparators } = JSON.parse(readFileSync(out, 'utf8'));
    const output = JSON.stringify({ measures, data, area, comparators });
    reference ??= output;
    results.push({
      label: input.label,
      rows: input.rows,
      bytes: input.bytes,
      ...medians(all),
      sameOutput: output === reference,
      runs: all,
    });
    log(`  prepare ${input.rows} rows: ${median(all.map((a) => a.wallMs)).toFixed(0)} ms`);
  }
  return {
    command:
      'partnership-widgets prepare FILE --area Trafford --neighbours dfe_sn_model_2025_wide.csv --labels data/dfe-labels.json',
    results,
  };
}

function medians(all) {
  return {
    wallMs: median(all.map((a) => a.wallMs)),
    cpuMs: median(all.map((a) => a.userMs + a.systemMs)),
    maxRssMB: median(all.map((a) => a.maxRssKB)) / 1024,
  };
}
