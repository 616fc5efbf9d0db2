/**
 * npm run release: release/partnership-widgets-<version>.zip, for people without Node.
 * One folder holding the script, the chunks it loads from partnership-widgets/ next to it
 * (elements; charts on demand) and their source maps, LICENSE and
 * THIRD-PARTY-NOTICES, the sample data (data/*.json and *.csv, not the CLI's labels file),
 * an example.html with relative paths that works once the folder is on a web server,
 * and a README.txt. Run after the bundle is built (`npm run release` builds it first).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = `partnership-widgets-${version}`;
const read = (path) => readFileSync(join(root, path));

const files = {
  'partnership-widgets.js': read('dist/partnership-widgets.js'),
  'partnership-widgets.js.map': read('dist/partnership-widgets.js.map'),
  LICENSE: read('LICENSE'),
  'THIRD-PARTY-NOTICES': read('THIRD-PARTY-NOTICES'),
  'CHANGELOG.md': read('CHANGELOG.md'),
  'README.txt': Buffer.from(read('scripts/release/README.txt').toString('utf8').replaceAll('__VERSION__', version)),
  'example.html': read('scripts/release/example.html'),
};
// The chunks the script loads, from the folder next to it (the build writes every one there).
for (const name of readdirSync(join(root, 'dist/partnership-widgets')).sort()) {
  files[`partnership-widgets/${name}`] = read(`dist/partnership-widgets/${name}`);
}
for (const name of readdirSync(join(root, 'data')).sort()) {
  if (/\.(json|csv)$/.test(name) && name !== 'dfe-labels.json') files[`data/${name}`] = read(`data/${name}`);
}

const mtime = new Date('2026-01-01T00:00:00Z'); // the same bytes for the same files
const zip = zipSync(
  Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [`${folder}/${name}`, [new Uint8Array(bytes), { mtime }]]),
  ),
  { level: 9 },
);
const out = join(root, 'release', `${folder}.zip`);
mkdirSync(join(root, 'release'), { recursive: true });
writeFileSync(out, zip);
console.log(`Wrote ${relative(root, out)}: ${Object.keys(files).length} files, ${(zip.length / 1024).toFixed(0)} KB.`);
