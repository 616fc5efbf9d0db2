// The two published packages as a user receives them: `npm pack` of partnership-widgets (the
// elements) and partnership-widgets-cli (the command line), their file lists and package.json
// fields, a production bundle of the widgets tarball, and both tarballs installed into an empty
// project from the registry with no override. Needs `npm run build` first; the installs need the
// npm registry. Run with `node --test test/package.test.mjs` (part of `npm run check:package`).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = await mkdtemp(join(tmpdir(), 'pw-package-'));

function run(command, args, cwd = root) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** `npm pack` without lifecycle scripts (the build ran before): its file list and the tarball. */
async function pack(workspace) {
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', work];
  if (workspace) args.push('--workspace', workspace);
  const [info] = JSON.parse(await run('npm', args));
  const dir = join(work, info.name);
  mkdirSync(dir, { recursive: true });
  await run('tar', ['xzf', join(work, info.filename), '-C', dir]);
  const unpacked = join(dir, 'package');
  return {
    tarball: join(work, info.filename),
    dir: unpacked,
    files: info.files.map((f) => f.path).sort(),
    pkg: JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')),
    text: (path) => readFileSync(join(unpacked, path), 'utf8'),
  };
}

/** package.json `sideEffects` globs (`*`, `**`) as a test on a package-relative path. */
function globTest(glob) {
  const source = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const pattern = new RegExp(`^${source}$`);
  return (path) => pattern.test(path);
}

/** Bare module specifiers imported by a module's text (`from 'x'`, `import 'x'`, `import('x')`). */
function bareImports(code) {
  const found = new Set();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"./][^'"]*)['"]/g)) {
    const spec = m[1];
    if (spec.startsWith('node:')) continue;
    found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return found;
}

const CLI_ONLY = ['arquero', '@uwdata/flechette', '@resvg/resvg-js', '@lit-labs/ssr', 'linkedom'];

assert.ok(existsSync(join(root, 'dist/partnership-widgets.js')), 'dist/ is missing: run `npm run build` first.');
assert.ok(existsSync(join(root, 'src/cli/dist/main.js')), 'src/cli/dist is missing: run `npm run build` first.');
const widgets = await pack();
const cli = await pack('partnership-widgets-cli');

describe('partnership-widgets (the elements)', () => {
  test('ships the built modules, types, manifest, editor data and licences, and no source or CLI', () => {
    for (const file of [
      'LICENSE',
      'THIRD-PARTY-NOTICES',
      'CHANGELOG.md',
      'README.md',
      'custom-elements.json',
      'vscode.html-custom-data.json',
      'web-types.json',
      'dist/partnership-widgets.js',
      'dist/lib/index.js',
      'dist/types/index.d.ts',
      'schema/envelope.schema.json',
    ]) {
      assert.ok(widgets.files.includes(file), `${file} is not in the package`);
    }
    const stray = widgets.files.filter((f) => /^(src|test|demo|bin|bench|scripts|data)\/|^dist\/cli\//.test(f));
    assert.deepEqual(stray, []);
  });

  test('every exports target, main, types, unpkg, jsdelivr and editor data file is in the package', () => {
    const { pkg } = widgets;
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    targets.push(pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.jsdelivr, pkg.customElements, pkg['web-types']);
    targets.push(...pkg.contributes.html.customData);
    for (const target of targets) {
      assert.ok(widgets.files.includes(target.replace(/^\.\//, '')), `${target} is not in the package`);
    }
    // A CDN serves unpkg/jsdelivr as is: the self-contained script, no bare imports left.
    assert.equal(pkg.unpkg, './dist/partnership-widgets.js');
    assert.equal(pkg.jsdelivr, './dist/partnership-widgets.js');
    assert.deepEqual([...bareImports(widgets.text('dist/partnership-widgets.js'))], []);
  });

  test('names its repository, home page, issues and licence; has no command line', () => {
    const { pkg } = widgets;
    assert.equal(pkg.license, 'MIT');
    assert.match(widgets.text('LICENSE'), /^MIT License/);
    assert.match(pkg.repository.url, /github\.com\/partnership-widgets\/partnership-widgets/);
    assert.match(pkg.homepage, /^https:\/\/github\.com\/partnership-widgets\/partnership-widgets/);
    assert.match(pkg.bugs.url, /\/issues$/);
    assert.equal(pkg.bin, undefined);
    assert.match(widgets.text('CHANGELOG.md'), new RegExp(`## ${pkg.version.replaceAll('.', '\\.')}\\b`));
  });

  test('depends on browser packages only, with caret ranges, and declares every package it imports', () => {
    const deps = widgets.pkg.dependencies;
    // react is an optional peer: only partnership-widgets/react imports it.
    const peers = widgets.pkg.peerDependencies ?? {};
    for (const name of CLI_ONLY) assert.equal(deps[name], undefined, `${name} is a dependency of the elements`);
    for (const [name, range] of Object.entries(deps)) assert.match(range, /^\^\d/, `${name}: ${range}`);
    for (const name of ['lit', '@observablehq/plot', '@lit/task']) assert.ok(deps[name], name);
    const imported = new Set(
      widgets.files.filter((f) => /^dist\/lib\/.*\.js$/.test(f)).flatMap((f) => [...bareImports(widgets.text(f))]),
    );
    assert.deepEqual(
      [...imported].filter((name) => !deps[name] && !peers[name]),
      [],
    );
  });

  test('sideEffects covers every module that registers an element', () => {
    const keeps = widgets.pkg.sideEffects.map(globTest);
    const registering = widgets.files.filter(
      (f) => f.endsWith('.js') && /customElements\.define\(/.test(widgets.text(f)),
    );
    assert.ok(
      registering.some((f) => f.startsWith('dist/lib/')),
      'no module in dist/lib registers an element',
    );
    assert.deepEqual(
      registering.filter((f) => !keeps.some((keep) => keep(f))),
      [],
    );
  });

  test('THIRD-PARTY-NOTICES names every package bundled in dist/partnership-widgets.js and its chunks', () => {
    // The source maps stay out of the package (3 MB): they are read from the build.
    const maps = [
      'dist/partnership-widgets.js.map',
      ...readdirSync(join(root, 'dist/partnership-widgets'))
        .filter((f) => f.endsWith('.js.map'))
        .map((f) => `dist/partnership-widgets/${f}`),
    ];
    const sources = maps.flatMap((f) => JSON.parse(readFileSync(join(root, f), 'utf8')).sources);
    const bundled = new Set();
    for (const source of sources) {
      const at = source.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const parts = source.slice(at + 'node_modules/'.length).split('/');
      bundled.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
    }
    assert.ok(bundled.has('lit-html') && bundled.has('@observablehq/plot') && bundled.has('valibot'));
    const notices = widgets.text('THIRD-PARTY-NOTICES');
    for (const name of bundled) {
      const { version } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
      assert.ok(notices.includes(`\n${name} ${version} (`), `${name} ${version} is not in THIRD-PARTY-NOTICES`);
    }
  });

  test('custom-elements.json names shipped modules, typed events and enum values', () => {
    const manifest = JSON.parse(widgets.text('custom-elements.json'));
    const text = JSON.stringify(manifest);
    assert.doesNotMatch(text, /"src\//);
    for (const module of manifest.modules) assert.ok(widgets.files.includes(module.path), module.path);
    const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement && d.tagName));
    assert.deepEqual(elements.map((e) => e.tagName).sort(), [
      'attendance-by-sector',
      'kpi-quarter-table',
      'training-trend',
    ]);
    for (const element of elements) {
      for (const event of element.events) assert.match(event.type.text, /^CustomEvent<\{.+\}>$/, event.name);
      const attr = (name) => element.attributes.find((a) => a.name === name)?.type.text ?? '';
      assert.match(attr('view'), /'table' \| 'chart'/);
      assert.match(attr('theme'), /'light' \| 'dark'/);
    }
    const sort = elements.find((e) => e.tagName === 'attendance-by-sector').attributes.find((a) => a.name === 'sort');
    assert.match(sort.type.text, /'value' \| 'data'/);
    const vscode = JSON.parse(widgets.text('vscode.html-custom-data.json'));
    const theme = vscode.tags[0].attributes.find((a) => a.name === 'theme');
    assert.deepEqual(theme.values.map((v) => v.name).sort(), ['dark', 'light']);
    const webTypes = JSON.parse(widgets.text('web-types.json'));
    assert.equal(webTypes.contributions.html.elements.length, 3);
  });

  test('a minified, tree-shaken production bundle keeps the element registrations', async () => {
    const app = join(work, 'esbuild-app');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    await run('cp', ['-R', widgets.dir, join(app, 'node_modules/partnership-widgets')]);
    const bundle = async (code) => {
      writeFileSync(join(app, 'entry.js'), code);
      const result = await build({
        absWorkingDir: app,
        entryPoints: ['entry.js'],
        bundle: true,
        minify: true,
        treeShaking: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        // The tarball is in the app's node_modules; its own dependencies come from this repository's.
        nodePaths: [join(root, 'node_modules')],
      });
      return result.outputFiles[0].text;
    };
    const all = await bundle("import 'partnership-widgets';\n");
    assert.match(all, /customElements\.define\(/);
    for (const tag of ['kpi-quarter-table', 'attendance-by-sector', 'training-trend'])
      assert.ok(all.includes(`"${tag}"`), tag);
    const one = await bundle("import 'partnership-widgets/kpi-quarter-table.js';\n");
    assert.match(one, /customElements\.define\(/);
    assert.ok(one.includes('"kpi-quarter-table"'));
    assert.ok(one.length < all.length, 'one element bundles less than all three');
  });
});

describe('partnership-widgets-cli (the command line)', () => {
  test('ships its bin, build, labels and licence, and no TypeScript', () => {
    for (const file of [
      'bin/partnership-widgets.mjs',
      'dist/main.js',
      'data/dfe-labels.json',
      'LICENSE',
      'README.md',
    ]) {
      assert.ok(cli.files.includes(file), `${file} is not in the package`);
    }
    assert.deepEqual(
      cli.files.filter((f) => f.endsWith('.ts')),
      [],
    );
    assert.equal(cli.text('data/dfe-labels.json'), readFileSync(join(root, 'data/dfe-labels.json'), 'utf8'));
    assert.equal(cli.pkg.bin['partnership-widgets'], './bin/partnership-widgets.mjs');
  });

  test('depends on partnership-widgets at this version and on flechette 2.6.0, and declares what it imports', () => {
    const deps = cli.pkg.dependencies;
    assert.equal(cli.pkg.version, rootPkg.version);
    assert.equal(deps['partnership-widgets'], `^${rootPkg.version}`);
    assert.equal(deps['@uwdata/flechette'], '2.6.0');
    const imported = new Set(
      cli.files.filter((f) => f.endsWith('.js') || f.endsWith('.mjs')).flatMap((f) => [...bareImports(cli.text(f))]),
    );
    assert.ok(imported.has('partnership-widgets') && imported.has('arquero'));
    assert.deepEqual(
      [...imported].filter((name) => !deps[name]),
      [],
    );
  });
});

describe('installed from the tarballs into an empty project, with no overrides', () => {
  const install = async (name, tarballs) => {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], dir);
    return dir;
  };

  test('the elements install without arquero, flechette, resvg, Lit SSR or linkedom', async () => {
    const dir = await install('widgets-only', [widgets.tarball]);
    for (const name of CLI_ONLY) assert.ok(!existsSync(join(dir, 'node_modules', name)), `${name} was installed`);
    assert.ok(existsSync(join(dir, 'node_modules/lit/package.json')));
    // React's wrappers need @lit/react and react, optional peers: a page without React installs neither.
    assert.ok(!existsSync(join(dir, 'node_modules/@lit/react')), '@lit/react was installed');
    // At most 20 MB on disk, as `du` counts it (whole blocks), not only the bytes of the files.
    const kilobytes = Number((await run('du', ['-sk', join(dir, 'node_modules')], dir)).split(/\s/)[0]);
    assert.ok(kilobytes * 1024 <= 20e6, `node_modules takes ${((kilobytes * 1024) / 1e6).toFixed(1)} MB`);
  });

  test('the command line installs (flechette 2.6.0) and runs as npx partnership-widgets', async () => {
    const dir = await install('with-cli', [widgets.tarball, cli.tarball]);
    const flechette = JSON.parse(readFileSync(join(dir, 'node_modules/@uwdata/flechette/package.json'), 'utf8'));
    assert.equal(flechette.version, '2.6.0');
    assert.ok(readdirSync(join(dir, 'node_modules/.bin')).includes('partnership-widgets'));
    const out = await run('npx', ['partnership-widgets', 'check', join(root, 'data/leicester-kpis-2021-22.json')], dir);
    assert.match(out, /valid\. 11 measures, 55 rows/);
    const svg = await run(
      'npx',
      [
        'partnership-widgets',
        'render',
        'training-trend',
        '--src',
        join(root, 'data/llr-training.json'),
        '--format',
        'svg',
      ],
      dir,
    );
    assert.ok(
      /<svg[^>]*role="img"/.test(svg) && svg.includes('Multi-agency safeguarding training'),
      'render wrote no SVG',
    );
  });
});
