/**
 * partnership-widgets/internal.js: the elements' chart and message modules, for the
 * partnership-widgets-cli package, which renders the same figures in Node. Not a public
 * API: it follows the elements and may change in any release. Registers no element.
 */
export { describeKpiFigure } from './kpi-quarter-table/figure.js';
export { kpiMessages } from './kpi-quarter-table/messages.js';
export * from './attendance-by-sector/chart.js';
export * from './attendance-by-sector/messages.js';
export * from './training-trend/chart.js';
export * from './training-trend/messages.js';
export * from './core/extent.js';
