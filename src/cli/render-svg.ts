/**
 * A standalone SVG of a widget's figure description, drawn in Node without a browser.
 *
 * - Plot draws each panel's options (`drawPlot`, as on the page) into a
 *   server-side document (linkedom).
 * - Colours and type come from the theme object (core/theme.ts) that the
 *   element's CSS is generated from; the element's static styles are applied
 *   to the drawing as presentation attributes (render-styles.ts).
 * - Several panels (the KPI table's small multiples, the training panels) go
 *   into one SVG with the heading, period, key, panel titles and source as
 *   text; the chart's label is the `<title>` and the summary the `<desc>`.
 * - Text is wrapped at the layout's character width, as the charts estimate
 *   it; it is in generic families (a list of metric-compatible fonts, then
 *   `sans-serif`); nothing is embedded.
 */
import { parseHTML } from 'linkedom';
import { drawPlot, YEAR_ROLE_TOKEN, yearRoleClass, type ResolvedTheme } from 'partnership-widgets/core.js';
import { maxOf, wrapLabel } from 'partnership-widgets/internal.js';
import type { StaticFigure } from './render-figures.js';
import { applyRules, chartRules, type ChartRules } from './render-styles.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Arial's metrics (Liberation Sans and Arimo share them) suit the charts' text-width estimates; then any sans-serif. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

/**
 * Average character width of `FONT_FAMILY` as a fraction of the font size:
 * the `charWidth` of the layout `render` gives the figure description (which
 * sizes the charts' margins with it) and uses to wrap its own text.
 */
export const CHAR_WIDTH = 0.6;

/** A server-side document for Plot to draw in. */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
}

/** The chart text size in px, from the theme (`--_chart-font-size`, 14px by default). */
export function chartFontSize(theme: ResolvedTheme): number {
  const size = Number.parseFloat(theme.get('--_chart-font-size') ?? '');
  return Number.isFinite(size) && size > 0 ? size : 14;
}

export interface SvgOptions {
  /** Width of the whole SVG, in px. */
  width: number;
  fontSize: number;
  /** Average character width as a fraction of the font size: the figure layout's `charWidth`. */
  charWidth: number;
  theme: ResolvedTheme;
}

/** Padding around the figure, in px. */
export const PAD = 16;

interface TextStyle {
  size?: number;
  weight?: number;
  fill?: string;
  italic?: boolean;
  width?: number;
  x?: number;
}

/** A drawing in progress: the group text and charts go into, and how far down it has got. */
class Canvas {
  readonly doc = serverDocument();
  readonly body: Element;
  y = PAD;
  readonly text: string;
  readonly muted: string;
  readonly rules: ChartRules;

  constructor(
    readonly figure: StaticFigure,
    readonly options: SvgOptions,
  ) {
    this.body = this.el('g');
    this.text = options.theme.get('--_text')!;
    this.muted = options.theme.get('--_muted')!;
    this.rules = chartRules(figure.styles, options.theme);
  }

  get inner(): number {
    return this.options.width - 2 * PAD;
  }

  el(name: string, attrs: Record<string, string | number> = {}, text?: string): Element {
    const e = this.doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Characters a line holds at a size and weight, at the layout's character width. */
  chars(width: number, size: number, weight = 400): number {
    return width / (size * this.options.charWidth * (weight >= 700 ? 1.05 : 1));
  }

  /** Wrapped text at the left edge; moves `y` down past it. */
  paragraph(content: string, style: TextStyle = {}): void {
    const size = style.size ?? this.options.fontSize;
    const lineHeight = Math.round(size * 1.3);
    for (const line of wrapLabel(content, this.chars(style.width ?? this.inner, size, style.weight))) {
      const attrs = {
        x: style.x ?? PAD,
        y: Math.round(this.y + size * 0.95),
        'font-size': size,
        ...(style.weight ? { 'font-weight': style.weight } : {}),
        ...(style.italic ? { 'font-style': 'italic' } : {}),
        fill: style.fill ?? this.text,
      };
      this.body.append(this.el('text', attrs, line));
      this.y += lineHeight;
    }
  }

  /** A drawn chart, its styles applied, as a group at (x, top); returns its height. */
  chart(panel: StaticFigure['panels'][number], x: number, top: number): number {
    const node = drawPlot(panel.options, { label: panel.label, document: this.doc });
    applyRules(this.doc, node, this.rules, this.options.theme);
    const svg = node.localName === 'svg' ? node : node.querySelector('svg');
    if (!svg) return 0;
    const g = this.el('g', { transform: `translate(${x},${top})` });
    for (const attr of [...svg.attributes]) {
      if (/^(xmlns|width|height|viewBox|role|aria-|class|style|font-family|font-size)/i.test(attr.name)) continue;
      g.setAttribute(attr.name, attr.value);
    }
    g.setAttribute('class', svg.getAttribute('class') ?? '');
    g.setAttribute('font-size', String(this.options.fontSize));
    for (const child of [...svg.childNodes]) g.append(child);
    this.body.append(g);
    return Number(svg.getAttribute('height')) || 0;
  }
}

/** Heading, period line, as-at date, and the empty state's text. */
function drawHeading(c: Canvas, figure: StaticFigure): void {
  const { fontSize } = c.options;
  c.paragraph(figure.title, { size: Math.round(fontSize * 1.3), weight: 700 });
  c.y += 2;
  if (figure.subtitle) c.paragraph(figure.subtitle, { fill: c.muted });
  if (figure.asAt) c.paragraph(figure.asAt, { weight: 700 });
  c.y += Math.round(fontSize * 0.6);
  if (figure.empty) c.paragraph(figure.empty);
}

/** The key to the years' colours: a swatch like the bars (the previous year hatched) and its text. */
function drawLegend(c: Canvas, figure: StaticFigure): void {
  if (!figure.legend?.length || !figure.panels.length) return;
  const { fontSize, charWidth, width, theme } = c.options;
  const swatchW = Math.round(fontSize * 1.6);
  const swatchH = Math.round(fontSize);
  const lineHeight = Math.round(fontSize * 1.6);
  let x = PAD;
  for (const item of figure.legend) {
    const itemWidth = swatchW + fontSize * 0.5 + item.text.length * fontSize * charWidth;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      c.y += lineHeight;
    }
    const series = theme.get(YEAR_ROLE_TOKEN[item.role])!;
    c.body.append(
      item.mark === 'line'
        ? // A year drawn as an upright line across the bars.
          c.el('rect', {
            x: x + swatchW / 2 - 2,
            y: c.y - 2,
            width: 4,
            height: swatchH + 4,
            fill: series,
            class: yearRoleClass(item.role),
          })
        : c.el('rect', {
            x: x + 1,
            y: c.y + 1,
            width: swatchW - 2,
            height: swatchH - 2,
            fill: item.role === 'latest' ? series : 'url(#pw-hatch)',
            stroke: series,
            'stroke-width': 2,
            class: yearRoleClass(item.role),
          }),
      c.el('text', { x: x + swatchW + fontSize * 0.5, y: c.y + swatchH - 2, fill: c.text }, item.text),
    );
    x += itemWidth + fontSize * 1.5;
  }
  c.y += lineHeight;
}

/** One panel at (x, top): its title, its chart and its note; returns its height. */
function drawPanel(c: Canvas, panel: StaticFigure['panels'][number], x: number, titleHeight: number): number {
  const { panelWidth } = c.figure;
  const top = c.y;
  if (panel.title) {
    c.paragraph(panel.title, { weight: 700, width: panelWidth, x });
    c.y = top;
  }
  let height = titleHeight + c.chart(panel, x, top + titleHeight);
  if (panel.note) {
    c.y = top + height;
    c.paragraph(panel.note, { fill: c.muted, width: panelWidth, x });
    height = c.y - top;
    c.y = top;
  }
  return height;
}

/** The panels: in a grid (small multiples), or one under another. */
function drawPanels(c: Canvas, figure: StaticFigure): void {
  const { fontSize } = c.options;
  const { columns, gap, panelWidth } = figure;
  for (let start = 0; start < figure.panels.length; start += columns) {
    const row = figure.panels.slice(start, start + columns);
    const titleLines = row.map((p) => (p.title ? wrapLabel(p.title, c.chars(panelWidth, fontSize, 700)).length : 0));
    const titleHeight = maxOf(titleLines, 0) * Math.round(fontSize * 1.3);
    let rowHeight = 0;
    row.forEach((panel, i) => {
      rowHeight = Math.max(rowHeight, drawPanel(c, panel, PAD + i * (panelWidth + gap), titleHeight));
    });
    c.y += rowHeight + Math.round(fontSize * 0.75);
  }
}

/** Lists under the chart, the keys to symbols and the source line. */
function drawFooter(c: Canvas, figure: StaticFigure): void {
  const { fontSize } = c.options;
  for (const list of figure.lists) {
    c.paragraph(list.heading, { weight: 700 });
    for (const item of list.items) c.paragraph(item);
    c.y += Math.round(fontSize * 0.5);
  }
  if (figure.symbols.length || figure.source) c.y += Math.round(fontSize * 0.25);
  const small = { fill: c.muted, size: Math.round(fontSize * 0.9) };
  for (const line of figure.symbols) c.paragraph(line, small);
  if (figure.source) c.paragraph(figure.source, small);
}

/** The `<svg>` around the drawing: its size, language, title, description and background. */
function wrapSvg(c: Canvas, figure: StaticFigure): { svg: string; width: number; height: number } {
  const { width, fontSize, theme } = c.options;
  const height = Math.ceil(c.y + PAD);
  const root = c.el('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'pw-title',
    'aria-describedby': 'pw-desc',
    'xml:lang': figure.lang === 'cy' ? 'cy' : 'en-GB',
    'font-family': FONT_FAMILY,
    'font-size': fontSize,
    fill: c.text,
  });
  root.append(
    c.el('title', { id: 'pw-title' }, figure.label),
    c.el('desc', { id: 'pw-desc' }, figure.summary || figure.empty || figure.label),
    c.el('rect', { width, height, fill: theme.get('--_background')! }),
    c.body,
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${root.outerHTML}\n`, width, height };
}

/** The standalone SVG of a static figure. */
export function renderSvg(figure: StaticFigure, options: SvgOptions): { svg: string; width: number; height: number } {
  const canvas = new Canvas(figure, options);
  drawHeading(canvas, figure);
  drawLegend(canvas, figure);
  drawPanels(canvas, figure);
  drawFooter(canvas, figure);
  return wrapSvg(canvas, figure);
}
