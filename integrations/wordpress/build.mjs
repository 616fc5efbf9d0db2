/**
 * npm run build:wordpress: release/partnership-widgets-wordpress-<version>.zip, the
 * plugin as WordPress's "Upload Plugin" takes it: one top folder, partnership-widgets/,
 * holding the main plugin file, block.json, the editor script, readme.txt, the GPL
 * (the plugin's licence), and the widgets' bundle copied into dist/ with its MIT
 * licence and THIRD-PARTY-NOTICES (not its source map: 3 MB, more than many hosts take as an
 * upload). Run after the bundle is built (`npm run build:wordpress` builds it first).
 * The version in every plugin file must equal package.json's, or the build fails.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const plugin = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (!existsSync(join(root, 'dist/partnership-widgets.js'))) {
  console.error('dist/partnership-widgets.js is missing: run `npm run build:wordpress` (or `npm run build`) first.');
  process.exit(1);
}

const pluginFiles = [
  'partnership-widgets.php',
  'includes/validate.php',
  'block.json',
  'editor.js',
  'editor.asset.php',
  'readme.txt',
  'LICENSE',
];
const files = Object.fromEntries(pluginFiles.map((name) => [name, readFileSync(join(plugin, name))]));
Object.assign(files, {
  'dist/partnership-widgets.js': readFileSync(join(root, 'dist/partnership-widgets.js')),
  'LICENSE-partnership-widgets': readFileSync(join(root, 'LICENSE')),
  'THIRD-PARTY-NOTICES': readFileSync(join(root, 'THIRD-PARTY-NOTICES')),
});
// The chunks the script loads from the folder next to it: the elements, and the charts on demand
// (source maps stay out of the plugin, as the script's own does).
for (const name of readdirSync(join(root, 'dist/partnership-widgets')).sort()) {
  if (name.endsWith('.js'))
    files[`dist/partnership-widgets/${name}`] = readFileSync(join(root, 'dist/partnership-widgets', name));
}

const text = (name) => files[name].toString('utf8');
const versions = {
  'partnership-widgets.php (header)': /^\s*\*\s*Version:\s*(\S+)/m.exec(text('partnership-widgets.php'))?.[1],
  'partnership-widgets.php (constant)': /PARTNERSHIP_WIDGETS_VERSION\s*=\s*'([^']+)'/.exec(
    text('partnership-widgets.php'),
  )?.[1],
  'block.json': JSON.parse(text('block.json')).version,
  'editor.asset.php': /'version'\s*=>\s*'([^']+)'/.exec(text('editor.asset.php'))?.[1],
  'readme.txt (Stable tag)': /^Stable tag:\s*(\S+)/m.exec(text('readme.txt'))?.[1],
};
const wrong = Object.entries(versions).filter(([, v]) => v !== version);
if (wrong.length) {
  console.error(
    `Plugin versions differ from package.json (${version}): ${wrong.map(([f, v]) => `${f} = ${v}`).join(', ')}`,
  );
  process.exit(1);
}

const mtime = new Date('2026-01-01T00:00:00Z'); // the same bytes for the same files
const zip = zipSync(
  Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [`partnership-widgets/${name}`, [new Uint8Array(bytes), { mtime }]]),
  ),
  { level: 9 },
);
const out = join(root, 'release', `partnership-widgets-wordpress-${version}.zip`);
mkdirSync(join(root, 'release'), { recursive: true });
writeFileSync(out, zip);
console.log(`Wrote ${relative(root, out)}: ${Object.keys(files).length} files, ${(zip.length / 1024).toFixed(0)} KB.`);
