// Two builds (the command line, partnership-widgets-cli, builds in src/cli):
// 1. dist/partnership-widgets.js: one self-contained, minified ES module that
//    registers every element, for a CMS <script type="module"> tag. Writes
//    THIRD-PARTY-NOTICES: the licence of every package rollup put in it.
// 2. dist/lib/*.js: per-element ES modules with lit, Plot and d3 left as
//    imports, for npm users who bundle themselves (types in dist/types).
// `rollup -c --environment BUNDLE_ONLY` builds only (1), which is all the demo loads.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import license from 'rollup-plugin-license';

// d3-dsv's csvParse builds row objects with `new Function` (a strict CSP
// forbids it). We only call csvParseRows, but the code ships in the bundle;
// replace it with a plain loop so nothing in the bundle can need eval. The
// build fails if d3-dsv changes and the pattern is no longer found.
function cspSafeDsv() {
  const pattern = /function objectConverter\(columns\) \{\n {2}return new Function\([\s\S]*?\n\}\n/;
  return {
    name: 'csp-safe-d3-dsv',
    transform(code, id) {
      if (!/[\\/]d3-dsv[\\/]/.test(id) || !code.includes('new Function')) return null;
      if (!pattern.test(code)) this.error('d3-dsv changed: update the csp-safe-d3-dsv patch in rollup.config.mjs');
      return {
        code: code.replace(
          pattern,
          'function objectConverter(columns) {\n  return function (d) {\n    var o = {};\n    for (var i = 0; i < columns.length; i++) o[columns[i]] = d[i] || "";\n    return o;\n  };\n}\n',
        ),
        map: null,
      };
    },
  };
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
// BUNDLE_ONLY (npm start) skips type checking, which is most of the build's time:
// `npm run build` and `npm run typecheck` still check every file.
const bundleOnly = Boolean(process.env.BUNDLE_ONLY);
const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts', 'src/cli/**'],
    declaration: false,
    sourceMap: true,
    outDir: undefined,
    noEmitOnError: true,
    ...(bundleOnly ? { noCheck: true } : {}),
  });

// THIRD-PARTY-NOTICES, from the modules rollup actually bundled (so it stays true). Only
// for dist/partnership-widgets.js: other builds that reuse these plugins (the benchmark's
// per-element bundles) leave the file alone.
function thirdPartyNotices() {
  const bundle = resolve('dist/partnership-widgets.js');
  const ours = (outputOptions) => Boolean(outputOptions.file) && resolve(outputOptions.file) === bundle;
  const plugin = license({
    thirdParty: {
      includePrivate: false,
      output: {
        file: fileURLToPath(new URL('./THIRD-PARTY-NOTICES', import.meta.url)),
        template: (dependencies) =>
          [
            `dist/partnership-widgets.js (partnership-widgets ${pkg.version}, MIT, see LICENSE) bundles the`,
            `following ${dependencies.length} packages. Their licences follow. Written by the build.`,
            '',
            ...dependencies
              .slice()
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((d) =>
                [
                  '-'.repeat(78),
                  `${d.name} ${d.version} (${d.license})`,
                  d.homepage || (typeof d.repository === 'string' ? d.repository : d.repository?.url) || '',
                  '',
                  (d.licenseText || `Licensed under ${d.license}.`).trim(),
                  ...(d.noticeText ? ['', d.noticeText.trim()] : []),
                  '',
                ].join('\n'),
              ),
          ].join('\n'),
      },
    },
  });
  return {
    name: plugin.name,
    renderChunk(code, chunk, outputOptions) {
      return ours(outputOptions) ? plugin.renderChunk.call(this, code, chunk, outputOptions) : null;
    },
    generateBundle(outputOptions, ...rest) {
      if (ours(outputOptions)) plugin.generateBundle.call(this, outputOptions, ...rest);
    },
  };
}

const config = [
  {
    input: 'src/bundle.ts',
    output: {
      file: 'dist/partnership-widgets.js',
      // A classic function body, not an ES module with exports: a CMS page may
      // include the script twice (two URLs or versions), and the second copy
      // must stop before Lit runs again, since a strict CSP
      // (`trusted-types lit-html`) refuses a second 'lit-html' policy. It still
      // loads with <script type="module"> (or a plain <script>).
      format: 'iife',
      intro:
        "if (globalThis[Symbol.for('partnership-widgets')]) return;\nglobalThis[Symbol.for('partnership-widgets')] = true;",
      sourcemap: true,
      banner: `/*! partnership-widgets ${pkg.version} | MIT | bundles lit (BSD-3-Clause), @observablehq/plot and d3 (ISC), valibot (MIT): licences in THIRD-PARTY-NOTICES */`,
    },
    plugins: [
      nodeResolve({ browser: true }),
      cspSafeDsv(),
      commonjs({ strictRequires: false }),
      ts(),
      terser({ format: { comments: /^!/ }, ecma: 2021, module: true }),
      thirdPartyNotices(),
    ],
  },
  {
    input: {
      index: 'src/index.ts',
      'kpi-quarter-table': 'src/kpi-quarter-table/kpi-quarter-table.ts',
      'attendance-by-sector': 'src/attendance-by-sector/attendance-by-sector.ts',
      'training-trend': 'src/training-trend/training-trend.ts',
      core: 'src/core/index.ts',
      // Chart and message modules for partnership-widgets-cli (not a public API).
      internal: 'src/internal.ts',
      react: 'src/frameworks/react.ts',
    },
    external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    output: { dir: 'dist/lib', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [ts()],
  },
];

export default bundleOnly ? config.slice(0, 1) : config;
