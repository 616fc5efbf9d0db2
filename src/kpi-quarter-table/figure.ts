/**
 * What `<kpi-quarter-table>` draws for a model, at a width, a font size and a
 * character width: small multiples, one small bar chart per measure, in a
 * grid of as many columns as fit at the width the charts need for their
 * labels, stretched to fill. Narrower than one chart, each chart turns to
 * horizontal bars at the width there is (a phone, or 400% zoom), rather than
 * being scaled down with its text. The element and `partnership-widgets
 * render` both draw this description; nothing else works out the layout.
 */
import type { Dataset } from '../core/contract.js';
import { figureFrame, type FigureDescription, type FigureLayout, type FigurePanel } from '../core/figure.js';
import { messages } from '../core/messages.js';
import { kpiChartName, kpiChartOptions, kpiChartWidth } from './chart.js';
import { kpiMessages } from './messages.js';
import type { KpiModel } from './model.js';

/** The small multiples: their panels, each panel's width, and the grid they sit in. */
export interface KpiPanels {
  readonly panels: readonly FigurePanel[];
  readonly panelWidth: number;
  /** Each chart's height when given one (see `fittedHeight`); absent: each chart's own. */
  readonly panelHeight?: number;
  readonly columns: number;
  readonly gap: number;
}

export interface KpiFigureOptions {
  /** The heading the page gave the element, if any. */
  readonly heading?: string;
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  readonly asAt?: string;
}

/** On paper, the narrowest a small chart is drawn (its labels permitting): three quarterly charts fit a row of A4 at 9 pt. */
const PAPER_MIN_WIDTH = 180;
/** On paper, a small chart's height in ems of its text (on screen: 170 px, or 15 em with comparators). */
const PAPER_HEIGHT_EM = 11;

/**
 * The height of each chart when the small multiples are given a height
 * (`layout.height`: presenting, or `--pw-chart-max-height`): the grid's rows
 * share it, less `overhead` (what the grid shows besides the charts: titles,
 * notes, the gaps between rows; estimated when not measured). Never under
 * nine lines of chart text, room for a rate's four labels at its end.
 */
function fittedHeight(layout: FigureLayout, rows: number, overhead: number | undefined): number | undefined {
  if (!layout.height || layout.height <= 0 || rows === 0) return undefined;
  const { fontSize } = layout;
  const around = overhead ?? rows * Math.round(fontSize * 1.75) + (rows - 1) * fontSize;
  return Math.max(Math.round(fontSize * 9), Math.floor((layout.height - around) / rows));
}

/**
 * Given a height (a slide) too short for the charts one a row (each would be
 * under nine lines of its text tall), two a row where their labels still fit
 * side by side without the natural width's gaps between columns (a slide of
 * 1024 px): 2; otherwise 1. Decided on the estimated overhead, so that the
 * measured one (smaller with fewer rows) cannot turn it back.
 */
function sideBySide(model: KpiModel, layout: FigureLayout, count: number, gap: number): number {
  if (!layout.height || layout.height <= 0 || count < 2 || layout.width <= 0) return 1;
  const { fontSize } = layout;
  const around = count * Math.round(fontSize * 1.75) + (count - 1) * fontSize;
  if ((layout.height - around) / count >= fontSize * 9) return 1;
  const tight = kpiChartWidth(
    model.rows,
    model.columns,
    model.chartColumns,
    fontSize,
    layout.charWidth,
    undefined,
    0.2,
  );
  return (layout.width - gap) / 2 >= tight ? 2 : 1;
}

/**
 * The small multiples for a layout. A `width` of 0 (not measured yet) lays
 * the charts out one to a row at the width they need. Given a height, charts
 * side by side (not the narrow `rows` layout) share it (`overhead`: see
 * `fittedHeight`). On `paper` (printing), the charts are packed closer, so
 * that a table of many measures does not take pages of charts: each as
 * narrow as its labels allow (not the screen's minimum), a gap of one em, no
 * more columns than there are charts, and shorter (11 em).
 */
export function kpiPanels(
  model: KpiModel,
  layout: FigureLayout,
  { overhead, paper = false }: { overhead?: number; paper?: boolean } = {},
): KpiPanels {
  const { fontSize, charWidth: charEm } = layout;
  const minWidth = paper ? PAPER_MIN_WIDTH : undefined;
  const natural = kpiChartWidth(model.rows, model.columns, model.chartColumns, fontSize, charEm, minWidth);
  const available = layout.width > 0 ? layout.width : natural;
  const gap = Math.round(fontSize * (paper ? 1 : 1.5));
  const count = model.empty ? 0 : model.rows.length;
  const fit = Math.max(1, Math.floor((available + gap) / (natural + gap)), sideBySide(model, layout, count, gap));
  // On paper, and given a height (a slide), no empty columns: the charts share the width there is.
  const columns = (paper || (layout.height && layout.height > 0)) && count > 0 ? Math.min(fit, count) : fit;
  const chart = available < natural && fit === 1 ? 'rows' : 'columns';
  const panelWidth = chart === 'rows' ? available : Math.floor((available - gap * (columns - 1)) / columns);
  const rowsOfCharts = Math.ceil((model.empty ? 0 : model.rows.length) / columns);
  const height = chart === 'columns' ? fittedHeight(layout, rowsOfCharts, overhead) : undefined;
  const m = messages(layout.lang);
  const k = kpiMessages(layout.lang);
  const rows = model.empty ? [] : model.rows;
  return {
    panelWidth,
    ...(height ? { panelHeight: height } : {}),
    columns,
    gap,
    panels: rows.map((row) => ({
      key: row.measure.id,
      title: row.measure.label,
      options: kpiChartOptions(row, model.columns, model.chartColumns, {
        fontSize,
        width: panelWidth,
        ...(paper && chart === 'columns'
          ? { height: Math.round(fontSize * PAPER_HEIGHT_EM) }
          : height
            ? { height }
            : {}),
        layout: chart,
        charEm,
        words: { area: model.area ?? k.thisArea, neighbours: k.neighboursLabel, median: k.medianLabel },
      }),
      // Named by its figures: the panel's title gives the measure, once; a rate placed among its
      // neighbours says so in words, under the chart too.
      label: [kpiChartName(row, model.columns, model.chartColumns, m, k), row.placing].filter(Boolean).join(' '),
      ...(row.placing ? { note: row.placing } : {}),
    })),
  };
}

/** The whole figure: the text around the chart, and the small multiples. */
export function describeKpiFigure(
  dataset: Dataset,
  model: KpiModel,
  layout: FigureLayout,
  options: KpiFigureOptions = {},
): FigureDescription {
  const frame = figureFrame(dataset, model, messages(layout.lang), {
    lang: layout.lang,
    defaultTitle: kpiMessages(layout.lang).kpiTitle,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.asAt ? { asAt: options.asAt } : {}),
  });
  return {
    ...frame,
    label: `${frame.title}, ${model.period}`,
    ...kpiPanels(model, layout),
    lists: [],
  };
}
