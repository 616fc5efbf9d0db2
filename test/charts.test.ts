// SVG snapshot tests for the chart views (after Observable Plot's own tests):
// each named function returns a chart; its normalised SVG is compared with
// test/output/<name>.svg. A mismatch writes <name>-changed.svg to review.
// Chromium only: text metrics differ between browsers.
import { expect } from '@open-wc/testing';
import { validateEnvelope } from '../src/core/contract.js';
import { messages } from '../src/core/messages.js';
import { drawPlot } from '../src/core/draw-plot.js';
import { attendanceChartOptions, type AttendanceChartOptions } from '../src/attendance-by-sector/chart.js';
import { buildAttendanceModel } from '../src/attendance-by-sector/model.js';
import { kpiChartOptions, type KpiChartOptions } from '../src/kpi-quarter-table/chart.js';
import { trainingPanels, type PanelId, type TrainingChartOptions } from '../src/training-trend/figure.js';
import { buildTrainingModel } from '../src/training-trend/model.js';
import { buildKpiModel } from '../src/kpi-quarter-table/model.js';
import { edgeCases, oneSector } from '../src/attendance-by-sector/attendance-by-sector.examples.js';
import { loadJson, svgSnapshot } from './helpers.js';
import { allSuppressed, missingYear, oneYear, twelveYears } from '../src/training-trend/training-trend.examples.js';

async function kpiChart(file: string, measure: string, fontSize = 14, options: KpiChartOptions = {}): Promise<Element> {
  const model = buildKpiModel(validateEnvelope(await loadJson(`/data/${file}`)), messages('en'), 'en');
  const row = model.rows.find((r) => r.measure.id === measure)!;
  return drawPlot(kpiChartOptions(row, model.columns, model.chartColumns, { fontSize, ...options }), {
    label: row.measure.label,
  });
}

async function attendanceChart(data: unknown, options: AttendanceChartOptions = {}): Promise<Element> {
  const envelope = typeof data === 'string' ? await loadJson(`/data/${data}`) : data;
  const model = buildAttendanceModel(validateEnvelope(envelope), messages('en'), 'en');
  return drawPlot(attendanceChartOptions(model, { width: 720, ...options }), { label: model.period });
}

/** One panel of the training chart: each panel is its own SVG, with one y axis. */
async function trainingChart(data: unknown, id: PanelId, options: TrainingChartOptions = {}): Promise<Element> {
  const envelope = typeof data === 'string' ? await loadJson(`/data/${data}`) : data;
  const model = buildTrainingModel(validateEnvelope(envelope), messages('en'), 'en');
  const panel = trainingPanels(model, { width: 640, ...options }).find((p) => p.id === id);
  if (!panel) throw new Error(`no ${id} panel`);
  return drawPlot(panel.options, { label: `${panel.title}: ${panel.labels.join('; ')}` });
}

const charts: Record<string, () => Promise<Element>> = {
  'kpi-leicester-contacts': () => kpiChart('leicester-kpis-2021-22.json', 'contacts'),
  'kpi-leicester-rereferral-rate': () => kpiChart('leicester-kpis-2021-22.json', 'rereferral_rate'),
  'kpi-leicester-contacts-presenting': () => kpiChart('leicester-kpis-2021-22.json', 'contacts', 20),
  'kpi-trafford-referrals': () => kpiChart('trafford-referrals-annual.json', 'referrals'),
  // A rate with comparators: Trafford's line, England dashed, the North West dotted, the neighbours' spread each year.
  'kpi-trafford-rereferral-rate-comparators': () =>
    kpiChart('trafford-referrals-prepared.json', 'rereferral_rate', 14, {
      width: 560,
      words: { area: 'Trafford', neighbours: 'Neighbours', median: 'median' },
    }),
  'kpi-trafford-rereferral-rate-comparators-narrow': () =>
    kpiChart('trafford-referrals-prepared.json', 'rereferral_rate', 14, {
      width: 288,
      words: { area: 'Trafford', neighbours: 'Neighbours', median: 'median' },
    }),
  'kpi-scilly-rereferrals-symbols': () => kpiChart('isles-of-scilly-referrals-annual.json', 'rereferrals'),
  // Narrower than a column per year fits (a phone, 400% zoom): horizontal bars, years down the side, symbols kept.
  'kpi-trafford-referrals-rows': () =>
    kpiChart('trafford-referrals-annual.json', 'referrals', 14, { layout: 'rows', width: 288 }),
  'kpi-scilly-rereferrals-symbols-rows': () =>
    kpiChart('isles-of-scilly-referrals-annual.json', 'rereferrals', 14, { layout: 'rows', width: 288 }),
  'attendance-norfolk': () => attendanceChart('norfolk-lscg-attendance-2024-25.json'),
  'attendance-norfolk-narrow': () => attendanceChart('norfolk-lscg-attendance-2024-25.json', { width: 300 }),
  'attendance-norfolk-presenting': () =>
    attendanceChart('norfolk-lscg-attendance-2024-25.json', { width: 1000, fontSize: 22.4 }),
  // Greyscale: the two years of one sector differ by more than hue (solid against hatched and outlined).
  'attendance-one-sector-two-years': () => attendanceChart(oneSector(), { width: 400 }),
  'attendance-hard-cases': () => attendanceChart(edgeCases()),
  'attendance-hard-cases-narrow': () => attendanceChart(edgeCases(), { width: 300 }),
  // Training: aligned panels, each with one y axis; the LLR sample has annotations on 2020-21 and 2021-22.
  'training-llr-attendees': () => trainingChart('llr-training.json', 'attendees'),
  'training-llr-events': () => trainingChart('llr-training.json', 'events'),
  'training-llr-evaluation': () => trainingChart('llr-training.json', 'evaluation'),
  'training-llr-narrow-attendees': () => trainingChart('llr-training.json', 'attendees', { width: 272 }),
  'training-llr-presenting-events': () => trainingChart('llr-training.json', 'events', { width: 1000, fontSize: 22.4 }),
  // A year with no rows: the line breaks, the symbol stands at the baseline.
  'training-missing-year-events': () => trainingChart(missingYear(), 'events'),
  'training-missing-year-attendees': () => trainingChart(missingYear(), 'attendees'),
  // Twelve years with an annotation on 2013-14 and 2020-21; narrow: year labels on two lines, every third year.
  'training-twelve-years-attendees': () => trainingChart(twelveYears(), 'attendees'),
  'training-twelve-years-narrow-events': () => trainingChart(twelveYears(), 'events', { width: 272 }),
  'training-one-year-attendees': () => trainingChart(oneYear(), 'attendees'),
  'training-one-year-evaluation': () => trainingChart(oneYear(), 'evaluation'),
  // Every measure of 2019-20 suppressed: [c] in each panel, never a bar, point or range of 0.
  'training-all-suppressed-attendees': () => trainingChart(allSuppressed(), 'attendees'),
  'training-all-suppressed-events': () => trainingChart(allSuppressed(), 'events'),
  'training-all-suppressed-evaluation': () => trainingChart(allSuppressed(), 'evaluation'),
};

describe('chart snapshots', () => {
  for (const [name, chart] of Object.entries(charts)) {
    it(name, async () => {
      const svg = await chart();
      expect(svg.querySelectorAll('style').length, 'Plot <style> removed').to.equal(0);
      const result = await svgSnapshot(name, svg);
      expect(result.status, `${name}: ${result.status} ${result.file ?? ''}`).to.be.oneOf(['match', 'created']);
    });
  }
});
