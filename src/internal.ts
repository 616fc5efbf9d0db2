/**
 * partnership-widgets/internal.js: the elements' chart and message modules, for the
 * partnership-widgets-cli package, which renders the same figures in Node. Not a public
 * API: it follows the elements and may change in any release. Registers no element.
 */
export * from './kpi-quarter-table/chart.js';
export * from './attendance-by-sector/chart.js';
export * from './attendance-by-sector/messages.js';
export { describeTrainingFigure } from './training-trend/figure.js';
export { trainingMessages } from './training-trend/messages.js';
export * from './core/extent.js';
