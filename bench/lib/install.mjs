/**
 * The benchmark's own packages (bench/package.json: the chart libraries it
 * measures against, and Lighthouse) live in bench/node_modules, so that the
 * root `npm install && npm test` never needs them. They are installed from
 * bench/package-lock.json on first use, and again when the lockfile asks for
 * versions other than those installed. Run alone: `node bench/lib/install.mjs`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDir } from './paths.mjs';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The installed version of one of the benchmark's packages, or undefined. */
export function benchPackageVersion(name) {
  const file = join(benchDir, 'node_modules', name, 'package.json');
  return existsSync(file) ? readJson(file).version : undefined;
}

/** The packages whose installed version is not the one bench/package-lock.json pins. */
export function missingBenchPackages() {
  const lock = readJson(join(benchDir, 'package-lock.json'));
  const wanted = Object.keys(readJson(join(benchDir, 'package.json')).dependencies ?? {});
  return wanted
    .map((name) => ({ name, version: lock.packages?.[`node_modules/${name}`]?.version }))
    .filter(({ name, version }) => benchPackageVersion(name) !== version);
}

export function ensureBenchPackages(log = (msg) => console.error(msg)) {
  const missing = missingBenchPackages();
  if (!missing.length) return;
  log(
    `installing the benchmark's packages into bench/node_modules (${missing.map((p) => `${p.name}@${p.version}`).join(', ')}): npm ci --prefix bench`,
  );
  // npm's own output goes to stderr: stdout is the benchmark's report.
  const r = spawnSync('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], {
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) {
    throw new Error('`npm ci --prefix bench` failed: the benchmark needs the packages in bench/package.json.');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBenchPackages();
