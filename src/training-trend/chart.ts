/**
 * The training trend's panels under their former module name, for tests
 * outside the widget's folder that still import them from here. The chart
 * lives in `figure.ts`.
 */
export { trainingPanels, yearAxis, type Panel, type PanelId, type TrainingChartOptions } from './figure.js';
