/**
 * Modules Plot imports that no chart of ours calls, left out of the build (rollup.config.mjs
 * replaces each by a module with the same exports, every function of which throws saying what was
 * called; test/bytes.test.mjs names any of them found in the build's source maps):
 *
 * - d3-geo, and Plot's projection.js: maps and projections (our charts are drawn on x and y scales).
 * - d3-scale-chromatic, Plot's scales/schemes.js and scales/diverging.js: named colour schemes and
 *   diverging scales (our charts pass their own colours and have no colour scale).
 * - d3-color and d3-interpolate (but its number interpolators): colour interpolation, for colour
 *   scales and legends only; our position, radius and opacity scales interpolate numbers.
 * - d3-format: format specifiers such as `,~r`; every axis of ours is given a tickFormat function
 *   (a linear axis without one would call d3-scale's tickFormat, which uses it).
 * - d3-time, d3-time-format and Plot's time.js: time scales and intervals (our periods are bands of
 *   text).
 * - Plot's facet.js and transforms/exclusiveFacets.js: facets (each chart of ours is one frame;
 *   small multiples are separate charts).
 * - d3-shape (but its `line`, the linear curve and the circle symbol), and Plot's curve.js and
 *   symbol.js, which name every curve and symbol d3-shape has: our lines are `linear`, our dots
 *   circles, and we draw no area, arc, pie, link or stack of d3's.
 * - Plot's marker.js: arrowheads and dots at line ends (none of ours has a marker).
 * - Plot's marks/vector.js: the tick dashes of axes (our axes have `tickSize: 0`) and vectors.
 * - Plot's transforms/group.js: grouping and reducers (reached only by a channel's `sort` option).
 * - Plot's transforms/stack.js: stacking; our bars are given both ends (`y1: 0, y2: 'y'`), never
 *   stacked, so only the check that keeps them as they are stays.
 * - Plot's transforms/interval.js: intervals (`interval: 'day'` and the like: none of ours).
 * - Plot's marks/frame.js: a frame around the chart, or an axis line (none of ours).
 * - Plot's tips, pointer and legends (our legends and keyboard are HTML).
 */
export const UNUSED_MODULES = [
  'd3-color',
  'd3-format',
  'd3-geo',
  'd3-interpolate',
  'd3-scale-chromatic',
  'd3-shape',
  'd3-time',
  'd3-time-format',
  '@observablehq/plot/src/curve.js',
  '@observablehq/plot/src/facet.js',
  '@observablehq/plot/src/legends.js',
  '@observablehq/plot/src/marker.js',
  '@observablehq/plot/src/projection.js',
  '@observablehq/plot/src/symbol.js',
  '@observablehq/plot/src/time.js',
  '@observablehq/plot/src/interactions/pointer.js',
  '@observablehq/plot/src/legends/ramp.js',
  '@observablehq/plot/src/legends/swatches.js',
  '@observablehq/plot/src/marks/frame.js',
  '@observablehq/plot/src/marks/tip.js',
  '@observablehq/plot/src/marks/vector.js',
  '@observablehq/plot/src/scales/diverging.js',
  '@observablehq/plot/src/scales/schemes.js',
  '@observablehq/plot/src/transforms/exclusiveFacets.js',
  '@observablehq/plot/src/transforms/group.js',
  '@observablehq/plot/src/transforms/interval.js',
  '@observablehq/plot/src/transforms/stack.js',
];

const plot = (file) => `@observablehq/plot/src/${file}`;
/** A function of a module copied into the build: from `from` to the end of the statement that starts with `through` (default `from`). */
const copy = (file, from, options = {}) => ({ file, from, ...options });

/**
 * What a left-out module keeps, export by export, because Plot calls it for every chart (as it
 * loads, or as it draws). Each is either
 *
 * - `{file, from, through?, local?, with?}`: code copied from the package's file, from `from` to
 *   the end of the statement that starts with `through` (default: the same), exported as the
 *   export's name (`local` is its name in that file; without it the copied code exports itself),
 *   after the parts listed in `with` (the helpers it calls, and their imports), or
 * - `{code}`: a small version of Plot's function for the only case our charts reach (no projection,
 *   no facet, no marker, the linear curve, the circle symbol), which calls `unused(what)` (defined by
 *   the stub module: it throws naming the module) for anything else, so that a chart that ever needs
 *   more fails with a clear error rather than drawing something else. Relative imports are Plot's.
 *
 * Every other export of the module is a function that throws.
 */
const d3Shape = 'd3-shape/dist/d3-shape.mjs';
export const KEPT_EXPORTS = {
  'd3-shape': {
    // d3-shape's line() as it is, with the helpers it calls; the linear curve is in the same lines.
    line: copy(d3Shape, 'function array(x) {', {
      through: 'function line(x$1, y$1) {',
      local: 'line',
      with: [
        { code: "import {Path} from 'd3-path';" },
        copy(d3Shape, 'function constant(x) {'),
        copy(d3Shape, 'function withPath(shape) {'),
      ],
    }),
    curveLinear: { code: 'export {curveLinear};' },
    symbolCircle: copy(d3Shape, 'var circle = {', {
      local: 'circle',
      with: [{ code: 'const sqrt = Math.sqrt, pi = Math.PI, tau = 2 * pi;' }],
    }),
  },
  'd3-interpolate': {
    interpolateNumber: copy('d3-interpolate/dist/d3-interpolate.mjs', 'function number(a, b) {', { local: 'number' }),
    interpolateRound: copy('d3-interpolate/dist/d3-interpolate.mjs', 'function round(a, b) {', { local: 'round' }),
  },
  [plot('curve.js')]: {
    maybeCurve: {
      code: `import {curveLinear} from "d3";
export function maybeCurve(curve = curveLinear, tension) {
  if (typeof curve === "function") return curve;
  if (\`\${curve}\`.toLowerCase() !== "linear" || tension !== undefined) unused(\`maybeCurve (the \${curve} curve)\`);
  return curveLinear;
}`,
    },
    maybeCurveAuto: copy(plot('curve.js'), 'export function maybeCurveAuto('),
    curveAuto: copy(plot('curve.js'), 'export function curveAuto('),
  },
  [plot('symbol.js')]: {
    sqrt3: copy(plot('symbol.js'), 'export const sqrt3 ='),
    sqrt4_3: copy(plot('symbol.js'), 'export const sqrt4_3 ='),
    isSymbol: {
      code: `import {symbolCircle} from "d3";
const otherSymbols = new Set("asterisk,cross,diamond,diamond2,hexagon,plus,square,square2,star,times,triangle,triangle2,wye".split(","));
function namedSymbol(name) {
  name = name.toLowerCase();
  if (name === "circle") return symbolCircle;
  if (otherSymbols.has(name)) unused(\`the \${name} symbol\`);
}
function isSymbolObject(value) {
  return value && typeof value.draw === "function";
}
export function isSymbol(value) {
  if (isSymbolObject(value)) return true;
  if (typeof value !== "string") return false;
  return namedSymbol(value) !== undefined;
}`,
    },
    maybeSymbol: {
      code: `export function maybeSymbol(symbol) {
  if (symbol == null || isSymbolObject(symbol)) return symbol;
  const value = namedSymbol(\`\${symbol}\`);
  if (value) return value;
  throw new Error(\`invalid symbol: \${symbol}\`);
}`,
    },
    maybeSymbolChannel: {
      code: `export function maybeSymbolChannel(symbol) {
  if (symbol == null || isSymbolObject(symbol)) return [undefined, symbol];
  if (typeof symbol === "string") {
    const value = namedSymbol(symbol);
    if (value) return [undefined, value];
  }
  return [symbol, undefined];
}`,
    },
  },
  [plot('projection.js')]: {
    createProjection: {
      code: `export function createProjection({projection} = {}) {
  if (projection != null) unused("createProjection (a projection)");
}`,
    },
    hasProjection: copy(plot('projection.js'), 'export function hasProjection('),
    projectionAspectRatio: {
      code: `export function projectionAspectRatio(projection) {
  if (projection != null) unused("projectionAspectRatio (a projection)");
}`,
    },
    applyPosition: {
      code: `import {valueObject} from "./channel.js";
import {coerceNumbers} from "./options.js";
export function applyPosition(channels, scales, {projection}) {
  if (projection) unused("applyPosition (a projection)");
  const {x, y} = channels;
  let position = {};
  if (x) position.x = x;
  if (y) position.y = y;
  position = valueObject(position, scales);
  if (x) position.x = coerceNumbers(position.x);
  if (y) position.y = coerceNumbers(position.y);
  return position;
}`,
    },
  },
  [plot('facet.js')]: {
    createFacets: {
      // Plot's makes the fx and fy scales from these channels; without them there are no facets.
      code: `export function createFacets(channelsByScale) {
  if (channelsByScale.has("fx") || channelsByScale.has("fy")) unused("createFacets (facets)");
}`,
    },
    maybeFacetAnchor: {
      // Axes name an anchor whether or not there are facets; it is called only to draw facets.
      code: `const facetAnchors = new Set("top,right,bottom,left,top-left,top-right,bottom-left,bottom-right,top-empty,right-empty,bottom-empty,left-empty,empty".split(","));
export function maybeFacetAnchor(facetAnchor) {
  if (facetAnchor == null) return null;
  if (facetAnchors.has(\`\${facetAnchor}\`.toLowerCase())) return () => unused(\`the \${facetAnchor} facet anchor\`);
  throw new Error(\`invalid facet anchor: \${facetAnchor}\`);
}`,
    },
  },
  [plot('transforms/exclusiveFacets.js')]: {
    exclusiveFacets: {
      code: `export function exclusiveFacets(data, facets) {
  if (facets.length === 1) return {data, facets};
  unused("exclusiveFacets (facets)");
}`,
    },
  },
  [plot('legends.js')]: {
    createLegends: {
      code: `export function createLegends(scales, context, options) {
  for (const key of ["color", "opacity", "symbol"]) if (options[key]?.legend && key in scales) unused("createLegends (a legend)");
  return [];
}`,
    },
    exposeLegends: {
      code: `export function exposeLegends() {
  return () => unused("legend");
}`,
    },
  },
  [plot('marker.js')]: {
    markers: {
      code: `export function markers(mark, {marker, markerStart = marker, markerMid = marker, markerEnd = marker} = {}) {
  for (const m of [markerStart, markerMid, markerEnd])
    if (!(m == null || m === false || \`\${m}\`.toLowerCase() === "none")) unused("markers (a marker)");
  mark.markerStart = mark.markerMid = mark.markerEnd = null;
}`,
    },
    applyMarkers: { code: 'export function applyMarkers() {}' },
    applyGroupedMarkers: { code: 'export function applyGroupedMarkers() {}' },
  },
  [plot('transforms/stack.js')]: {
    // Plot's, as they are: they leave bars with both ends given alone, and call stackX or stackY
    // (left out: they throw) for bars that would be stacked.
    maybeStackX: copy(plot('transforms/stack.js'), 'export function maybeStackX(', {
      with: [{ code: 'import {withTip} from "../mark.js";\nimport {maybeZero} from "../options.js";' }],
    }),
    maybeStackY: copy(plot('transforms/stack.js'), 'export function maybeStackY('),
  },
  [plot('transforms/interval.js')]: {
    // Marks ask for every chart; without an interval Plot's return the options as they are.
    maybeIntervalX: {
      code: `import {maybeValue} from "../options.js";
function noInterval(k, options = {}, trivial) {
  const value = maybeValue(options[k]);
  if (options.interval != null || value?.interval != null) unused(\`an interval (\${k})\`);
  if (trivial && value?.value != null) unused(\`\${k} without \${k}1 and \${k}2\`);
  return options;
}
export function maybeIntervalX(options) {
  return noInterval("x", options);
}`,
    },
    maybeIntervalY: { code: 'export function maybeIntervalY(options) {\n  return noInterval("y", options);\n}' },
    maybeIntervalMidX: { code: 'export function maybeIntervalMidX(options) {\n  return noInterval("x", options);\n}' },
    maybeIntervalMidY: { code: 'export function maybeIntervalMidY(options) {\n  return noInterval("y", options);\n}' },
    maybeTrivialIntervalX: {
      code: 'export function maybeTrivialIntervalX(options) {\n  return noInterval("x", options, true);\n}',
    },
    maybeTrivialIntervalY: {
      code: 'export function maybeTrivialIntervalY(options) {\n  return noInterval("y", options, true);\n}',
    },
  },
  [plot('time.js')]: {
    intervalDuration: copy(plot('time.js'), 'export const intervalDuration ='),
    intervalType: copy(plot('time.js'), 'export const intervalType ='),
  },
};

/** The unused module a source path of a source map belongs to, if any. */
export function unusedModuleOf(source) {
  const path = String(source).replace(/\\/g, '/');
  return UNUSED_MODULES.find((name) =>
    name.endsWith('.js') ? path.endsWith(`node_modules/${name}`) : path.includes(`node_modules/${name}/`),
  );
}
