/**
 * Sizes of a minified bundle (as served: gzip and brotli at their highest
 * settings, as a static host precompresses), and what it is made of: its
 * source map says which package or source folder each minified byte came
 * from. Shared by `npm run bench` and the bytes budget test.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/**
 * Compares a bundle against its budget; returns `{ok, gzip, limit, grew, report}`.
 * `grew` lists contributors that grew by more than `slack` bytes of gzip since
 * the budget was recorded (or are new), biggest growth first; `report` is the
 * message a failing test shows.
 */
export function checkBudget(budget, file, { slack = 256 } = {}) {
  const { gzip: size } = fileSizes(file);
  const now = contributors(file);
  const before = new Map(budget.contributors.map((c) => [c.name, c.gzip]));
  const grew = now
    .map((c) => ({ name: c.name, from: before.get(c.name) ?? 0, to: c.gzip }))
    .filter((c) => c.to - c.from > slack)
    .sort((a, b) => b.to - b.from - (a.to - a.from));
  const gone = [...before].filter(([name]) => !now.some((c) => c.name === name)).map(([name]) => name);
  const ok = size <= budget.limit.gzip;
  const lines = [
    `${budget.file} is ${kb(size)} gzip, over its budget of ${kb(budget.limit.gzip)} (bench/budget.json, set ${budget.measured.date} from ${kb(budget.measured.gzip)}).`,
  ];
  if (grew.length) {
    lines.push('What grew since the budget was set (gzip of each part on its own):');
    for (const g of grew) {
      lines.push(
        g.from
          ? `  ${g.name} grew from ${kb(g.from)} to ${kb(g.to)} (+${kb(g.to - g.from)})`
          : `  ${g.name} is new: ${kb(g.to)}`,
      );
    }
  } else {
    lines.push('No single part grew by more than a quarter of a KB: many small additions add up.');
  }
  if (gone.length) lines.push(`No longer in the bundle: ${gone.join(', ')}.`);
  lines.push(
    'If the growth is wanted, raise the budget on purpose: `node bench/bytes.mjs --write-budget` (see bench/README.md).',
  );
  return { ok, gzip: size, limit: budget.limit.gzip, grew, report: lines.join('\n') };
}
