/**
 * The widgets the benchmark measures, one named case each. A case is
 * measured only when its element is registered by dist/partnership-widgets.js
 * (`customElements.get(tag)`), so a widget still being written is left out
 * rather than failing the run.
 *
 * Adding a widget (see bench/README.md, "Adding a widget"):
 *   1. add its case here: id, tag, entry (for its own bundle's size), sample
 *      data (same file for us and the peers), attributes, and `generate` for
 *      the scale table if it has a size that grows;
 *   2. add a function for the case id to each peer in bench/pages/peer-*.js
 *      (a peer without one is left out of that case's comparison, and says so).
 */
import { attendanceEnvelope, kpiEnvelope } from './lib/generate.mjs';

export const CASES = [
  {
    id: 'kpi',
    label: 'KPI table (Leicester 2021-22)',
    tag: 'kpi-quarter-table',
    entry: 'src/kpi-quarter-table/kpi-quarter-table.ts',
    sample: '/data/leicester-kpis-2021-22.json',
    attrs: {},
    // The element's default view, its table (on the default-views and table-first pages). Peers draw a plain <table>.
    page: true,
    scale: {
      label: 'measures x 20 years',
      sizes: [1, 10, 100, 1000],
      generate: (n) => kpiEnvelope(n, 20),
    },
  },
  {
    id: 'kpi-chart',
    label: 'KPI small multiples (chart view)',
    tag: 'kpi-quarter-table',
    sample: '/data/leicester-kpis-2021-22.json',
    attrs: { view: 'chart' },
    page: false,
  },
  {
    id: 'attendance',
    label: 'Attendance by sector (Norfolk 2024-25)',
    tag: 'attendance-by-sector',
    entry: 'src/attendance-by-sector/attendance-by-sector.ts',
    sample: '/data/norfolk-lscg-attendance-2024-25.json',
    attrs: {},
    page: true,
    scale: {
      label: 'sectors x 2 years',
      sizes: [10, 100, 1000],
      generate: (n) => attendanceEnvelope(n),
    },
  },
  {
    id: 'training',
    label: 'Training trend (LLR 2017-18 to 2021-22)',
    tag: 'training-trend',
    entry: 'src/training-trend/training-trend.ts',
    sample: '/data/llr-training.json',
    attrs: {},
    page: true,
  },
  // The chart views first (the chart-first page) and the table views first (the table-first page):
  // a peer draws the same figures as for the case without -chart or -table (it has no table view).
  {
    id: 'attendance-chart',
    label: 'Attendance by sector (chart view)',
    tag: 'attendance-by-sector',
    sample: '/data/norfolk-lscg-attendance-2024-25.json',
    attrs: { view: 'chart' },
    page: false,
  },
  {
    id: 'training-chart',
    label: 'Training trend (chart view)',
    tag: 'training-trend',
    sample: '/data/llr-training.json',
    attrs: { view: 'chart' },
    page: false,
  },
  {
    id: 'attendance-table',
    label: 'Attendance by sector (table view)',
    tag: 'attendance-by-sector',
    sample: '/data/norfolk-lscg-attendance-2024-25.json',
    attrs: { view: 'table' },
    page: false,
  },
  {
    id: 'training-table',
    label: 'Training trend (table view)',
    tag: 'training-trend',
    sample: '/data/llr-training.json',
    attrs: { view: 'table' },
    page: false,
  },
];

/**
 * The three widgets with their tables first (`<kpi-quarter-table>`'s default view is its table; the
 * other two default to their charts, so they are given `view="table"`): the table-first page, whose
 * first figures need no chart code.
 */
export const TABLE_FIRST = ['kpi', 'attendance-table', 'training-table'];

/** The three chart views, each first: the chart-first page. */
export const CHART_FIRST = ['kpi-chart', 'attendance-chart', 'training-chart'];
