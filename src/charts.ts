/**
 * The chart code the elements load on demand (a chunk of its own): Observable Plot, the figure
 * descriptions and the drawing. The first script (the elements, tables and summaries) never imports
 * this module statically; `core/charts.ts` loads it when a chart is first shown or printed.
 */
export { drawPlot } from './core/draw-plot.js';
export { kpiPanels } from './kpi-quarter-table/figure.js';
export { attendanceChartWidth, describeAttendanceFigure } from './attendance-by-sector/figure.js';
export { trainingChart } from './training-trend/figure.js';
export { highlightMark, moveIndex } from './core/chart-marks.js';
