/**
 * The figure description: what a widget draws for a model, at a width, a font
 * size and a character width. Each widget's `figure.ts` returns one; the
 * element maps it to its `<figure>`s and `partnership-widgets render` maps the
 * same description to SVG, HTML or PNG. Nothing outside a widget's `figure.ts`
 * works out a panel, a grid or a mark.
 *
 * The text around the chart (heading, period line, as-at date, source, the
 * keys to symbols and status marks) comes from `figureFrame`, for both.
 */
import type { PlotOptions } from '@observablehq/plot';
import { formatDate } from './format.js';
import type { Lang, Messages } from './messages.js';
import { MARKED_STATUSES, STATUS_MARKS } from './status.js';
import { SYMBOL_CODES } from './symbols.js';
import type { Dataset } from './contract.js';
import type { FigureModel } from './widget.js';
import type { YearRole } from './palette.js';

/** What a figure is drawn for: the space it has and the type it is set in. */
export interface FigureLayout {
  readonly lang: Lang;
  /** Width of the chart area, in px. */
  readonly width: number;
  /** Chart text size, in px. */
  readonly fontSize: number;
  /** Average character width as a fraction of the font size (0.6 unless measured). */
  readonly charWidth: number;
  /**
   * The height the chart may take, in px, when it is given one (presenting,
   * or `--pw-chart-max-height`): plot areas shrink to fit it, never the text.
   * Absent: the chart style's proportions (docs/chart-style.md).
   */
  readonly height?: number;
}

export interface FigurePanel {
  /** Shown above the panel (a small multiple's measure, a training panel's title). */
  readonly title?: string;
  /** A stable key for the panel (a measure id, a training panel id). */
  readonly key: string;
  readonly options: PlotOptions;
  /** The panel's accessible name. */
  readonly label: string;
  /** A line under the panel (the evaluation's return rate). */
  readonly note?: string;
}

export interface FigureFrame {
  readonly lang: Lang;
  readonly title: string;
  /** The period line: "2021-22, by quarter · publisher". */
  readonly subtitle: string;
  /** "Figures as at 29 September 2021". */
  readonly asAt?: string;
  /** Nothing to show: the element's empty-state text. */
  readonly empty?: string;
  /** The summary, one sentence after another. */
  readonly summary: string;
  /** "Source: …. Source published: …." */
  readonly source?: string;
  /** "[c] Confidential…" for each symbol shown, then "[p] Provisional…" for each status mark. */
  readonly symbols: readonly string[];
}

export interface FigureDescription extends FigureFrame {
  /** The chart's accessible name (the SVG's `<title>`). */
  readonly label: string;
  /** The key to the years' colours (attendance), above the chart; `line`: the year is an upright line, not a bar. */
  readonly legend?: readonly { readonly role: YearRole; readonly text: string; readonly mark?: 'line' }[];
  readonly panels: readonly FigurePanel[];
  /** Width of each panel, and how many go side by side (small multiples), `gap` px apart. */
  readonly panelWidth: number;
  readonly columns: number;
  readonly gap: number;
  /** Lists under the chart (the training annotations). */
  readonly lists: readonly { readonly heading: string; readonly items: readonly string[] }[];
}

export interface FrameOptions {
  readonly lang: Lang;
  /** The heading the page gave the element (its `heading` attribute), if any. */
  readonly heading?: string;
  /** The widget's own title, when neither the page nor the data gives one. */
  readonly defaultTitle: string;
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  readonly asAt?: string;
}

/** The title a figure goes by: the page's heading, the data's title, or the widget's own. */
export function figureTitle(dataset: Dataset | undefined, options: Pick<FrameOptions, 'heading' | 'defaultTitle'>) {
  return options.heading || dataset?.title || options.defaultTitle;
}

/** "Source: DfE. Source published: 23 November 2026." */
export function sourceLine(dataset: Dataset, m: Messages): string {
  return [
    dataset.source ? `${m.source}: ${dataset.source.name}.` : '',
    dataset.updated ? `${m.updated}: ${formatDate(dataset.updated, m)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The keys to GSS symbols and to status marks ([p], [r], [e]) a model uses, a line each. */
export function keyLines(model: Pick<FigureModel, 'symbols' | 'statuses'>, m: Messages): string[] {
  return [
    ...SYMBOL_CODES.filter((c) => model.symbols.includes(c)).map((c) => `[${c}] ${m.symbols[c]}`),
    ...MARKED_STATUSES.filter((s) => model.statuses?.includes(s)).map((s) => `[${STATUS_MARKS[s]}] ${m.statuses[s]}`),
  ];
}

/** The text around a widget's chart, the same for the element and for `render`. */
export function figureFrame(dataset: Dataset, model: FigureModel, m: Messages, options: FrameOptions): FigureFrame {
  const asAt = options.asAt || dataset.asAt;
  const source = sourceLine(dataset, m);
  return {
    lang: options.lang,
    title: figureTitle(dataset, options),
    subtitle: [model.period, dataset.publisher].filter(Boolean).join(' · '),
    ...(asAt ? { asAt: m.asAt(formatDate(asAt, m)) } : {}),
    ...(model.empty ? { empty: model.empty } : {}),
    summary: model.summary.join(' '),
    ...(source ? { source } : {}),
    symbols: keyLines(model, m),
  };
}
