// The built plugin zip against what WordPress and its plugin directory expect of a plugin:
// the readme.txt headers and short description, the main file's header, a zip that "Upload
// Plugin" takes (one folder, under PHP's default 2 MB upload limit), PHP files that do nothing
// when opened directly, and an uninstall.php as soon as the plugin stores anything of its own.
// Runs anywhere (no WordPress needed), in `npm run test:wordpress`, which builds the zip first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';

const root = new URL('../../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zipFile = join(root, 'release', `partnership-widgets-wordpress-${version}.zip`);
const SLUG = 'partnership-widgets';

const zip = existsSync(zipFile) ? readFileSync(zipFile) : undefined;
const files = zip ? unzipSync(new Uint8Array(zip)) : {};
const text = (name) => new TextDecoder().decode(files[`${SLUG}/${name}`]);
const phpFiles = Object.keys(files).filter((name) => name.endsWith('.php'));

/** "Name: value" lines of a header (readme.txt's, or the main file's doc comment). */
function headers(block) {
  const found = {};
  for (const line of block.split('\n')) {
    const m = /^[\s*]*([A-Z][A-Za-z ]+?):\s*(.+?)\s*$/.exec(line);
    if (m && !(m[1] in found)) found[m[1]] = m[2];
  }
  return found;
}

const readme = () => {
  const [head, ...rest] = text('readme.txt').split(/\n\s*\n/);
  return {
    name: /^=== (.+) ===$/m.exec(head)?.[1],
    fields: headers(head),
    short: rest.find((paragraph) => paragraph.trim() && !paragraph.startsWith('=='))?.trim() ?? '',
  };
};
const main = () => headers(/\/\*\*([\s\S]*?)\*\//.exec(text(`${SLUG}.php`))?.[1] ?? '');

test('the zip is what "Upload Plugin" takes: one folder, the main file in it, under 2 MB', () => {
  assert.ok(zip, `${zipFile} is missing: run \`npm run build:wordpress\` first`);
  const names = Object.keys(files);
  assert.deepEqual([...new Set(names.map((name) => name.split('/')[0]))], [SLUG]);
  assert.ok(names.includes(`${SLUG}/${SLUG}.php`));
  // PHP's default upload_max_filesize (Debian's, and many hosts'): the zip must fit without changing it.
  assert.ok(zip.length < 2 * 1024 * 1024, `the zip is ${zip.length} bytes`);
  assert.ok(!names.some((name) => name.endsWith('.map')), 'no source map in the plugin');
});

test('readme.txt has the headers the plugin directory reads, and a short description of 150 characters at most', () => {
  const { name, fields, short } = readme();
  assert.equal(name, main()['Plugin Name']);
  for (const field of ['Contributors', 'Tags', 'Requires at least', 'Tested up to', 'Requires PHP', 'Stable tag']) {
    assert.ok(fields[field], `readme.txt has no "${field}"`);
  }
  assert.equal(fields['Stable tag'], version);
  assert.equal(fields.License, 'GPL-2.0-or-later');
  assert.match(fields['License URI'], /^https:\/\/www\.gnu\.org\/licenses\/gpl-2\.0\.html$/);
  // Only WordPress's major version (6.1, not 6.1.9), no later than it was tested on, not before it is required.
  assert.match(fields['Tested up to'], /^\d+\.\d+$/);
  assert.ok(Number(fields['Tested up to']) >= Number(fields['Requires at least']));
  assert.ok(fields.Tags.split(',').length <= 5, 'the directory uses five tags at most');
  assert.ok(short.length > 0 && short.length <= 150, `short description is ${short.length} characters: ${short}`);
  assert.doesNotMatch(short, /[<>`*]|\n/, 'the short description is plain text on one line');
});

test("the main file's header agrees with readme.txt and package.json", () => {
  const header = main();
  const { fields } = readme();
  assert.equal(header.Version, version);
  assert.equal(header['Requires at least'], fields['Requires at least']);
  assert.equal(header['Requires PHP'], fields['Requires PHP']);
  assert.equal(header.License, fields.License);
  assert.equal(header['Text Domain'], SLUG, 'the text domain is the plugin’s folder name');
  assert.ok(header.Description && header.Author, 'Description and Author');
});

test('no PHP file does anything when opened directly by its address', () => {
  assert.ok(phpFiles.length > 0);
  for (const name of phpFiles) {
    const php = new TextDecoder().decode(files[name]);
    // A dependency list such as editor.asset.php only returns an array; every other file stops without WordPress.
    const onlyReturns = /^<\?php\s*(?:\/\/[^\n]*\n\s*)*return array\([^;]*\);\s*$/.test(php);
    assert.ok(onlyReturns || /^\s*defined\( 'ABSPATH' \) \|\| exit;$/m.test(php), `${name} runs without WordPress`);
  }
});

test('the plugin stores nothing of its own, or it has an uninstall.php that removes it', () => {
  const php = phpFiles.map((name) => new TextDecoder().decode(files[name])).join('\n');
  const stores =
    /\b(add_option|update_option|add_site_option|update_site_option|set_transient|set_site_transient|add_user_meta|update_user_meta|add_role|add_cap|dbDelta|wp_schedule_event|register_setting)\s*\(/.exec(
      php,
    );
  if (files[`${SLUG}/uninstall.php`]) {
    assert.match(
      text('uninstall.php'),
      /defined\( 'WP_UNINSTALL_PLUGIN' \)/,
      'uninstall.php runs only when WordPress uninstalls',
    );
  } else {
    assert.equal(stores, null, `the plugin calls ${stores?.[1]}() but has no uninstall.php to remove what it stores`);
  }
});
