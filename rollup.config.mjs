// Two builds (the command line, partnership-widgets-cli, builds in src/cli):
// 1. dist/partnership-widgets.js, for a CMS <script type="module"> tag (or a plain
//    <script>): a few hundred bytes that load, from the folder next to it,
//    dist/partnership-widgets/elements.js (every element, tables, summaries; English)
//    and, when a chart is first shown or printed, dist/partnership-widgets/charts.js
//    (Observable Plot and the figure code), and, when a widget's language is Welsh,
//    dist/partnership-widgets/welsh.js (the Welsh strings). Minified; no other file is needed. Writes
//    THIRD-PARTY-NOTICES: the licence of every package rollup put in them.
// 2. dist/lib/*.js: per-element ES modules with lit, Plot and d3 left as
//    imports, for npm users who bundle themselves (types in dist/types); their
//    chart code is a chunk loaded with a dynamic import(), as in (1).
// `rollup -c --environment BUNDLE_ONLY` builds only (1), which is all the demo loads.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import license from 'rollup-plugin-license';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { KEPT_EXPORTS, UNUSED_MODULES } from './bench/lib/unused-modules.mjs';

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

// Modules Plot imports that no chart of ours calls (bench/lib/unused-modules.mjs says which and
// why): each is replaced by a module with the same exports, every function of which throws saying
// what was called, so that a chart that ever needs one fails with a clear error (the print and
// page tests draw every chart from the build). What Plot calls for every chart is kept
// (KEPT_EXPORTS): copied from the package, or a small version for the only case our charts reach.
const STUB_PREFIX = '\0partnership-widgets-unused:';
const nodeModules = fileURLToPath(new URL('./node_modules/', import.meta.url));
/** The file a left-out module stands for (a package's entry for a package), to resolve its kept code's imports from. */
const stubbedFile = (name) => nodeModules + (name.endsWith('.js') ? name : `${name}/package.json`);
/** The code of a kept export copied from its package (see KEPT_EXPORTS); fails the build if not found. */
function keptCode(context, name, { file, from, through = from, local }) {
  const code = readFileSync(nodeModules + file, 'utf8');
  const start = code.indexOf(from);
  const last = code.indexOf(through, start);
  const lineEnd = code.indexOf('\n', last);
  // A statement on one line ends there; a longer one at the next `}` in the first column.
  const close = code.slice(last, lineEnd).trimEnd().endsWith(';') ? last : code.indexOf('\n}', last);
  const end = close < 0 ? -1 : code.indexOf('\n', close + 1);
  if (start < 0 || last < 0 || lineEnd < 0 || end < 0)
    context.error(`${file} changed: update KEPT_EXPORTS (${name}) in bench/lib/unused-modules.mjs`);
  return `${code.slice(start, end + 1)}${local ? `export { ${local} as ${name} };\n` : ''}`;
}

/** Exported for test/bytes.test.mjs, which builds Plot with it and draws with the result. */
export function unusedModules() {
  return {
    name: 'partnership-widgets-unused-modules',
    async resolveId(source, importer) {
      if (UNUSED_MODULES.includes(source)) return STUB_PREFIX + source;
      // The kept code's imports, from where the module it stands for is.
      if (importer?.startsWith(STUB_PREFIX))
        return this.resolve(source, stubbedFile(importer.slice(STUB_PREFIX.length)), { skipSelf: false });
      if (!importer || !source.startsWith('.') || !importer.includes('@observablehq')) return null;
      const file = resolve(dirname(importer), source).replace(/\\/g, '/');
      const unused = UNUSED_MODULES.find((name) => file.endsWith(`node_modules/${name}`));
      return unused ? STUB_PREFIX + unused : null;
    },
    async load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const name = id.slice(STUB_PREFIX.length);
      const url = name.includes('/src/') ? pathToFileURL(nodeModules + name).href : name;
      const kept = KEPT_EXPORTS[name] ?? {};
      const module = await import(url);
      const names = Object.keys(module).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !(n in kept));
      const message = `'partnership-widgets: ' + what + ' (${name}) is left out of this build: no chart of ours uses it.'`;
      return [
        ...Object.entries(kept).flatMap(([n, k]) =>
          [...(k.with ?? []), k].map((part) => (part.code ? `${part.code}\n` : keptCode(this, n, part))),
        ),
        'function unused(what) {',
        `  throw new Error(${message});`,
        '}',
        // A value that is not a function (a scheme's colours, a symbol) throws as soon as it is used.
        'function unusedValue(what) {',
        '  return new Proxy({}, { get() { unused(what); }, has() { unused(what); } });',
        '}',
        ...names.map((n) =>
          typeof module[n] === 'function'
            ? `export function ${n}() { unused(${JSON.stringify(n)}); }`
            : `export const ${n} = /*#__PURE__*/ unusedValue(${JSON.stringify(n)});`,
        ),
      ].join('\n');
    },
  };
}

// dist/lib (npm users, the command line) has its Welsh catalogues registered as soon as any of its
// modules is imported, so that `messages('cy')` and the models answer in Welsh at once: each entry
// imports src/welsh.ts (after its own imports). Only the script a page includes loads them on demand.
function welshAtOnce() {
  const welsh = fileURLToPath(new URL('./src/welsh.js', import.meta.url));
  return {
    name: 'partnership-widgets-welsh-at-once',
    transform(code, id) {
      if (!this.getModuleInfo(id)?.isEntry) return null;
      return { code: `${code}\nimport ${JSON.stringify(welsh)};\n`, map: null };
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
  const bundle = resolve('dist');
  const ours = (outputOptions) => Boolean(outputOptions.dir) && resolve(outputOptions.dir) === bundle;
  const plugin = license({
    thirdParty: {
      includePrivate: false,
      output: {
        file: fileURLToPath(new URL('./THIRD-PARTY-NOTICES', import.meta.url)),
        template: (bundled) => {
          // Code copied from a package left out (KEPT_EXPORTS) keeps its licence notice.
          const packageOf = (file) =>
            file
              .split('/')
              .slice(0, file.startsWith('@') ? 2 : 1)
              .join('/');
          const copiedFrom = Object.values(KEPT_EXPORTS).flatMap((k) => Object.values(k).map((e) => e.file));
          const copied = [...new Set(copiedFrom.filter(Boolean).map(packageOf))]
            .filter((name) => !bundled.some((d) => d.name === name))
            .map((name) => {
              const p = JSON.parse(readFileSync(`${nodeModules}${name}/package.json`, 'utf8'));
              const licenseText = readFileSync(`${nodeModules}${name}/LICENSE`, 'utf8');
              return { name, version: p.version, license: p.license, homepage: p.homepage, licenseText };
            });
          const dependencies = [...bundled, ...copied];
          return [
            `dist/partnership-widgets.js and dist/partnership-widgets/ (partnership-widgets ${pkg.version}, MIT, see LICENSE) bundle the`,
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
          ].join('\n');
        },
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
    input: { 'partnership-widgets': 'src/bundle.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // Stable names, so a page can preload them (<link rel="modulepreload">) and a CMS copy them.
      chunkFileNames: 'partnership-widgets/[name].js',
      sourcemap: true,
      banner: `/*! partnership-widgets ${pkg.version} | MIT | bundles lit (BSD-3-Clause), @observablehq/plot and d3 (ISC), valibot (MIT): licences in THIRD-PARTY-NOTICES */`,
    },
    plugins: [
      unusedModules(),
      nodeResolve({ browser: true }),
      cspSafeDsv(),
      commonjs({ strictRequires: false }),
      ts(),
      // Lit's html`` and css`` templates without their indentation and comments (the script a page
      // includes). Whitespace between elements is kept as one space (conservativeCollapse): a space
      // between two spans is a word space a reader sees. Nothing else is changed in the markup.
      minifyTemplateLiterals({
        include: ['src/**/*.ts'],
        options: {
          minifyOptions: {
            conservativeCollapse: true,
            decodeEntities: false,
            removeEmptyAttributes: false,
            removeScriptTypeAttributes: false,
            removeStyleLinkTypeAttributes: false,
            minifyJS: false,
          },
        },
      }),
      // Measured on this build (gzip of the three files): passes 3 (-30 bytes), pure_getters (no
      // property read of ours or of our packages' is there for its side effect: -150) and
      // unsafe_arrows (no function expression of theirs is a constructor: -120); toplevel, ecma
      // 2020 and keep_fargs: false gave nothing, or nothing safe.
      terser({
        format: { comments: /^!/ },
        ecma: 2021,
        module: true,
        compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
      }),
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
    plugins: [welshAtOnce(), ts()],
  },
];

export default bundleOnly ? config.slice(0, 1) : config;
