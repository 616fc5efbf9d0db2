/**
 * Sizes of a minified bundle (as served: gzip and brotli at their highest
 * settings, as a static host precompresses), and what it is made of: its
 * source map says which package or source folder each minified byte came
 * from. Shared by `npm run bench` and the bytes budget test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { splitBySource } from './sourcemap.mjs';

export const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
export const brotli = (buffer) =>
  brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;

/** `{min, gzip, brotli}` in bytes. */
export function sizes(buffer) {
  return { min: buffer.length, gzip: gzip(buffer), brotli: brotli(buffer) };
}

/** `{min, gzip, brotli}` of a file. */
export function fileSizes(file) {
  return sizes(readFileSync(file));
}

/**
 * The contributor a source belongs to: its npm package
 * (`…/node_modules/@observablehq/plot/src/marks/bar.js` → `@observablehq/plot`),
 * or its folder under src (`…/src/core/widget.ts` → `src/core`).
 */
export function contributorOf(source) {
  if (source === null) return '(unmapped: banner)';
  const path = source.replace(/\\/g, '/');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = path.match(/(?:^|\/)src\/([^/]+)\//);
  if (src) return `src/${src[1]}`;
  const file = path.match(/(?:^|\/)(src\/[^/]+)$/);
  return file ? file[1] : path.replace(/^(\.\.\/)+/, '');
}

/** The map with its `sources` as absolute paths (they are relative to the map's folder and `sourceRoot`). */
export function absoluteSources(map, mapFile) {
  const base = resolve(dirname(mapFile), map.sourceRoot ?? '');
  return { ...map, sources: map.sources.map((s) => (s === null ? null : resolve(base, s))) };
}

/**
 * What a minified bundle is made of: for each contributor, the minified bytes
 * mapped to it and the gzip size of those bytes on their own (gzip of a part
 * alone is a little larger than its share of the whole; the parts' sum is
 * larger than the bundle's gzip). Biggest first.
 */
export function contributors(file, mapFile = `${file}.map`) {
  const code = readFileSync(file, 'utf8');
  const map = absoluteSources(JSON.parse(readFileSync(mapFile, 'utf8')), mapFile);
  const groups = new Map();
  for (const [source, text] of splitBySource(code, map)) {
    const name = contributorOf(source);
    groups.set(name, (groups.get(name) ?? '') + text);
  }
  return [...groups]
    .map(([name, text]) => {
      const buffer = Buffer.from(text);
      return { name, min: buffer.length, gzip: gzip(buffer) };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** Bytes as "83.0 KB" (1 KB = 1,000 bytes, as npm, bundlephobia and browsers' devtools show). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** A file's name under dist/ (`partnership-widgets/charts.js`), as budgets and reports name it. */
export function distName(file) {
  return relative(resolve(dirname(fileURLToPath(import.meta.url)), '../../dist'), file).replace(/\\/g, '/');
}

/** Gzip bytes of several files, each compressed on its own (as a server sends them). */
export function totalGzip(files) {
  return files.reduce((sum, file) => sum + fileSizes(file).gzip, 0);
}

/** What each file is made of, by file name under dist/ (`{'partnership-widgets.js': [...]}`). */
export function contributorsByFile(files) {
  return Object.fromEntries(files.map((file) => [distName(file), contributors(file)]));
}

/**
 * Checks one budget of bench/budget.json (`{name, files, limit: {gzip}}`, files under dist/)
 * against the build; returns `{ok, gzip, limit, grew, report}`. `grew` lists contributors, per
 * file, that grew by more than `slack` bytes of gzip since the budget was recorded (or are new),
 * biggest growth first (`{file, name, from, to}`); `report` is the message a failing test shows.
 */
export function checkBudget(budget, recorded, distDir, { slack = 256 } = {}) {
  const files = budget.files.map((name) => join(distDir, name));
  const size = totalGzip(files);
  const grew = [];
  const gone = [];
  for (const file of budget.files) {
    const now = contributors(join(distDir, file));
    const before = new Map((recorded.contributors[file] ?? []).map((c) => [c.name, c.gzip]));
    for (const c of now) {
      const from = before.get(c.name) ?? 0;
      if (c.gzip - from > slack) grew.push({ file, name: c.name, from, to: c.gzip });
    }
    for (const [name] of before) if (!now.some((c) => c.name === name)) gone.push(`${name} (${file})`);
  }
  grew.sort((a, b) => b.to - b.from - (a.to - a.from));
  const ok = size <= budget.limit.gzip;
  const lines = [
    `${budget.name} (${budget.files.join(' + ')}): ${kb(size)} gzip, over its budget of ${kb(budget.limit.gzip)} (bench/budget.json, set ${recorded.measured.date}).`,
  ];
  if (grew.length) {
    lines.push('What grew since the budget was set (gzip of each part on its own):');
    for (const g of grew) {
      lines.push(
        g.from
          ? `  ${g.file}: ${g.name} grew from ${kb(g.from)} to ${kb(g.to)} (+${kb(g.to - g.from)})`
          : `  ${g.file}: ${g.name} is new: ${kb(g.to)}`,
      );
    }
  } else {
    lines.push('No single part grew by more than a quarter of a KB: many small additions add up.');
  }
  if (gone.length) lines.push(`No longer there: ${gone.join(', ')}.`);
  lines.push(
    'If the growth is wanted, raise the budget on purpose: `node bench/bytes.mjs --write-budget` (see bench/README.md).',
  );
  return { ok, gzip: size, limit: budget.limit.gzip, grew, report: lines.join('\n') };
}
