/**
 * partnership-widgets: importing this module registers every element.
 * (For a CMS page, use the self-contained `dist/partnership-widgets.js`.)
 */
export { KpiQuarterTable } from './kpi-quarter-table/kpi-quarter-table.js';
export { buildKpiModel } from './kpi-quarter-table/model.js';
export type { KpiModel, KpiOptions } from './kpi-quarter-table/model.js';
export { AttendanceBySector } from './attendance-by-sector/attendance-by-sector.js';
export { buildAttendanceModel } from './attendance-by-sector/model.js';
export type { AttendanceModel, AttendanceOptions } from './attendance-by-sector/model.js';
export { TrainingTrend } from './training-trend/training-trend.js';
export { buildTrainingModel } from './training-trend/model.js';
export type { TrainingModel, TrainingOptions } from './training-trend/model.js';
export { validateEnvelope, WidgetError } from './core/contract.js';
export type { Dataset, EnvelopeInput } from './core/contract.js';
