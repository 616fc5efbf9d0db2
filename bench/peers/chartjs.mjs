// Chart.js as most sites use it: `chart.js/auto` registers every chart type,
// scale, element and plugin.
export { Chart } from 'chart.js/auto';
