/**
 * What `<attendance-by-sector>` draws for a model, at a width, a font size and
 * a character width: the frame text, the key to the years' colours, and one
 * panel of grouped bars (its Plot options, with the sector names already
 * wrapped and every size worked out). The element maps it to its chart;
 * `partnership-widgets render` maps the same description to SVG, HTML or PNG.
 */
import type { Dataset } from '../core/contract.js';
import { figureFrame, type FigureDescription, type FigureLayout } from '../core/figure.js';
import { messages } from '../core/messages.js';
import { attendanceChartOptions, attendanceRowsLayout } from './chart.js';
import { attendanceMessages } from './messages.js';
import type { AttendanceModel } from './model.js';

import { CHART_STYLE } from '../core/theme.js';

export interface AttendanceFigureOptions {
  /** The heading the page gave the element, if any. */
  readonly heading?: string;
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  readonly asAt?: string;
  /** Id of the hatching pattern, unique in the document or shadow root (default `pw-hatch`). */
  readonly patternId?: string;
}

/**
 * The chart's width for the space it has: all of it, like the widget's
 * tables (one measure of width, docs/chart-style.md), at least 200px
 * (narrower, names go above the bars and the page scrolls).
 */
export function attendanceChartWidth(available: number): number {
  return Math.max(CHART_STYLE.minWidth, available);
}

export function describeAttendanceFigure(
  dataset: Dataset,
  model: AttendanceModel,
  layout: FigureLayout,
  options: AttendanceFigureOptions = {},
): FigureDescription {
  const { lang, width, fontSize, charWidth } = layout;
  const a = attendanceMessages(lang);
  const frame = figureFrame(dataset, model, messages(lang), {
    lang,
    defaultTitle: a.title,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.asAt ? { asAt: options.asAt } : {}),
  });
  const label = a.chartLabel(`${frame.title}, ${model.period}`);
  const chart = {
    width,
    fontSize,
    charEm: charWidth,
    ...(layout.height ? { height: layout.height } : {}),
    patternId: options.patternId ?? 'pw-hatch',
  };
  const rows = !model.empty && attendanceRowsLayout(model, chart);
  return {
    ...frame,
    label,
    legend: model.years.map((y, i) =>
      rows && i > 0
        ? { role: y.role, text: a.legendLine(y.label, y.note), mark: 'line' as const }
        : { role: y.role, text: a.legendItem(y.label, y.note) },
    ),
    panelWidth: width,
    columns: 1,
    gap: 0,
    lists: [],
    panels: model.empty
      ? []
      : [
          {
            key: 'sectors',
            options: attendanceChartOptions(model, chart),
            // Inside the group the caption names, and followed by the summary (read once, there).
            label: model.measure ? a.chartImage(model.measure.label) : label,
          },
        ],
  };
}
