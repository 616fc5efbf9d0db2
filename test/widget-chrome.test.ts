/** The shared chrome suite (test/widget-chrome.ts), for each element with its sample data. */
import '../src/attendance-by-sector/attendance-by-sector.js';
import '../src/kpi-quarter-table/kpi-quarter-table.js';
import '../src/training-trend/training-trend.js';
import { runWidgetChromeTests } from './widget-chrome.js';

runWidgetChromeTests('kpi-quarter-table', {
  file: 'leicester-kpis-2021-22.json',
  // A year the file has no figures for.
  empty: { attrs: { year: '2019-20' } },
  chart: '.charts svg',
});

runWidgetChromeTests('attendance-by-sector', {
  file: 'norfolk-lscg-attendance-2024-25.json',
  empty: { attrs: { year: '2019-20' } },
  chart: '.chart-nav svg',
});

runWidgetChromeTests('training-trend', {
  file: 'llr-training.json',
  // Valid data, but none of the training measures.
  empty: {
    data: {
      title: 'No training figures yet',
      measures: [{ id: 'attendees' }, { id: 'contacts' }],
      data: [{ measure: 'contacts', period: '2021-22', value: 3 }],
    },
  },
  chart: '.chart-nav svg',
});
