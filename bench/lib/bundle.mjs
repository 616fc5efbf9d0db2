/**
 * Bundles the peers, and each of our elements on its own, the way our own
 * bundle is made: rollup + @rollup/plugin-node-resolve (browser field) +
 * @rollup/plugin-commonjs + @rollup/plugin-terser, one minified ES module each.
 *
 * Our entries reuse the plugins of the first build in rollup.config.mjs (the
 * one that makes dist/partnership-widgets.js), so "the same way" is literal.
 * The peers get the same resolve, commonjs and terser options, plus the
 * `process.env.NODE_ENV` → "production" replacement every bundler does for
 * them (ECharts guards its development checks with it; without it the bundle
 * throws in a browser and carries its dev-only code).
 */
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { root } from './paths.mjs';

/** What @rollup/plugin-replace would do with `{'process.env.NODE_ENV': '"production"'}`. */
function productionEnv() {
  return {
    name: 'production-env',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV')) return null;
      return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
    },
  };
}

/** The terser options of rollup.config.mjs (licence comments kept). */
const terserOptions = { format: { comments: /^!/ }, ecma: 2021, module: true };

/** Peers: name, what they are, the entry under bench/peers/, and the packages whose versions to report. */
export const PEERS = [
  {
    id: 'chartjs',
    label: 'Chart.js (chart.js/auto)',
    entry: 'bench/peers/chartjs.mjs',
    packages: ['chart.js'],
  },
  {
    id: 'vega',
    label: 'vega-embed + vega + vega-lite',
    entry: 'bench/peers/vega.mjs',
    packages: ['vega-embed', 'vega', 'vega-lite'],
  },
  {
    id: 'echarts',
    label: 'ECharts (bar + line, SVG)',
    entry: 'bench/peers/echarts.mjs',
    packages: ['echarts'],
  },
];

async function write(input, plugins, file) {
  const warnings = [];
  const bundle = await rollup({
    input: join(root, input),
    plugins,
    onwarn: (w) => {
      // Circular dependencies inside d3, vega and echarts are theirs, not ours.
      if (w.code !== 'CIRCULAR_DEPENDENCY' && w.code !== 'THIS_IS_UNDEFINED') warnings.push(w.message);
    },
  });
  await bundle.write({ file, format: 'es', sourcemap: true });
  await bundle.close();
  return warnings;
}

/** Bundles one peer into `outDir/<id>.js`; returns the file. */
export async function bundlePeer(peer, outDir) {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${peer.id}.js`);
  const plugins = [
    nodeResolve({ browser: true }),
    productionEnv(),
    commonjs({ strictRequires: false }),
    terser(terserOptions),
  ];
  const warnings = await write(peer.entry, plugins, file);
  return { file, warnings };
}

let ourPlugins;
/** The plugins of our own bundle's build (rollup.config.mjs, first entry). */
async function ours() {
  if (!ourPlugins) {
    const { default: configs } = await import(join(root, 'rollup.config.mjs'));
    const main = configs.find((c) => c.output?.file === 'dist/partnership-widgets.js') ?? configs[0];
    ourPlugins = main.plugins;
  }
  return ourPlugins;
}

/** Bundles one of our element entries (e.g. src/kpi-quarter-table/kpi-quarter-table.ts), self-contained and minified. */
export async function bundleOurEntry(id, entry, outDir) {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `ours-${id}.js`);
  const warnings = await write(entry, await ours(), file);
  return { file, warnings };
}
