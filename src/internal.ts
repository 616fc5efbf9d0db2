/**
 * partnership-widgets/internal.js: the elements' figure descriptions and message modules, for the
 * partnership-widgets-cli package, which renders the same figures in Node. Not a public
 * API: it follows the elements and may change in any release. Registers no element. Loads the Welsh
 * catalogues at once (the elements load them on demand), so that Node renders Welsh synchronously.
 */
import './welsh.js';
export { describeKpiFigure } from './kpi-quarter-table/figure.js';
export { kpiMessages } from './kpi-quarter-table/messages.js';
export { describeAttendanceFigure, type AttendanceFigureOptions } from './attendance-by-sector/figure.js';
export { attendanceMessages } from './attendance-by-sector/messages.js';
export { describeTrainingFigure } from './training-trend/figure.js';
export { trainingMessages } from './training-trend/messages.js';
export * from './core/extent.js';
export { wrapLabel } from './core/text.js';
