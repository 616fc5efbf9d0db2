/**
 * Modules Plot imports that no chart of ours calls, left out of the build (rollup.config.mjs
 * replaces each by a module with the same exports, every function of which throws saying what was
 * called): d3-geo (maps and projections), d3-scale-chromatic (named colour schemes: our charts pass
 * their own colours), d3-time and d3-time-format (time scales: our periods are bands of text), and
 * Plot's tips, pointer and legends (our legends and keyboard are HTML). test/bytes.test.mjs names
 * any of them found in the build's source maps.
 */
export const UNUSED_MODULES = [
  'd3-geo',
  'd3-scale-chromatic',
  'd3-time',
  'd3-time-format',
  '@observablehq/plot/src/marks/tip.js',
  '@observablehq/plot/src/interactions/pointer.js',
  '@observablehq/plot/src/legends/ramp.js',
  '@observablehq/plot/src/legends/swatches.js',
];

/**
 * Exports of those modules that Plot calls as it loads, kept: their code is copied from the
 * package's file, from `from` to the end of the statement that starts with `through`, and
 * exported under its name (`local` is the function's name in that file). Plot builds its identity
 * projection with d3-geo's `geoTransform` whether or not a chart is a map.
 */
export const KEPT_EXPORTS = {
  'd3-geo': {
    geoTransform: {
      file: 'd3-geo/dist/d3-geo.js',
      from: 'function transform(methods) {',
      through: 'TransformStream.prototype = {',
      local: 'transform',
    },
  },
};

/** The unused module a source path of a source map belongs to, if any. */
export function unusedModuleOf(source) {
  const path = String(source).replace(/\\/g, '/');
  return UNUSED_MODULES.find((name) =>
    name.endsWith('.js') ? path.endsWith(`node_modules/${name}`) : path.includes(`node_modules/${name}/`),
  );
}
