/**
 * A standalone SVG of a widget's chart, drawn in Node without a browser.
 *
 * - Plot draws the element's own chart options (`drawPlot`, as on the page)
 *   into a server-side document (linkedom).
 * - CSS custom properties do not exist outside the page, so the element's own
 *   static styles are applied to the drawing as presentation attributes, with
 *   `var(--_…)` resolved to the default theme's values, read from the
 *   `var(--pw-…, #hex)` fallbacks in `tokens` (src/core/styles.ts); then
 *   `currentColor` is resolved too. Rules inside `@media` (print, forced
 *   colours) are for other media and are left out.
 * - Several panels (the KPI table's small multiples, the training panels) go
 *   into one SVG with the heading, period, key, panel titles and source as
 *   text; the chart's label is the `<title>` and the summary the `<desc>`.
 * - Text is in generic families (a list of metric-compatible fonts, then
 *   `sans-serif`); nothing is embedded.
 */
import type { CSSResult, CSSResultGroup } from 'lit';
import { parseHTML } from 'linkedom';
import { drawPlot, tokens, yearRoleClass } from 'partnership-widgets/core.js';
import { maxOf, wrapLabel } from 'partnership-widgets/internal.js';
import type { StaticFigure } from './render-figures.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Arial's metrics (Liberation Sans and Arimo share them) suit the charts' text-width estimates; then any sans-serif. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

/** Average character width, in em, for wrapping text (as the charts estimate it). */
const CHAR_EM = 0.6;

/** A server-side document for Plot to draw in. */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
}

/**
 * The default (light) theme: each private token `--_x` with its value, from
 * the first `:host` block of `tokens` (`--_text: var(--pw-text-color, #0b0c0c)`
 * gives `--_text` = `#0b0c0c`).
 */
export function themeDefaults(): Map<string, string> {
  const css = tokens.cssText;
  const start = css.indexOf('{');
  const block = css.slice(start + 1, css.indexOf('}', start));
  const theme = new Map<string, string>();
  for (const [name, value] of declarations(block)) {
    const resolved = resolveVars(value, theme);
    if (name.startsWith('--_') && resolved !== undefined) theme.set(name, resolved);
  }
  return theme;
}

/** The chart text size in px, from the theme (`--_chart-font-size`, 14px by default). */
export function chartFontSize(theme: Map<string, string>): number {
  const size = Number.parseFloat(theme.get('--_chart-font-size') ?? '');
  return Number.isFinite(size) && size > 0 ? size : 14;
}

/** Splits at `sep` outside parentheses and quotes. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function declarations(body: string): [string, string][] {
  return splitTop(body, ';').flatMap((d) => {
    const colon = d.indexOf(':');
    if (colon < 1) return [];
    return [[d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim()] as [string, string]];
  });
}

/**
 * Replaces `var(--x, fallback)` with the theme's value or the fallback;
 * undefined when something cannot be resolved (or depends on the page:
 * `inherit`, `calc()`).
 */
function resolveVars(value: string, theme: Map<string, string>): string | undefined {
  let text = value.replace(/\s*!important\s*$/, '');
  for (let guard = 0; text.includes('var(') && guard < 10; guard++) {
    let failed = false;
    text = text.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_all, name: string, fallback?: string) => {
      const found = theme.get(name) ?? fallback?.trim();
      if (found === undefined) failed = true;
      return found ?? '';
    });
    if (failed) return undefined;
  }
  if (/var\(|calc\(|\binherit\b/.test(text)) return undefined;
  return text;
}

interface Rule {
  readonly selector: string;
  readonly specificity: number;
  readonly order: number;
  readonly declarations: readonly [string, string][];
}

/** The properties that matter to a static drawing. */
const SVG_PROPERTIES = new Set([
  'color',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-style',
  'font-weight',
  'visibility',
]);

function specificity(selector: string): number {
  const ids = (selector.match(/#[\w-]+/g) ?? []).length;
  const classes = (selector.match(/\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+/g) ?? []).length;
  const types = (selector.replace(/\[[^\]]*\]|\([^)]*\)/g, '').match(/(^|[\s>+~(])[a-z][\w-]*/gi) ?? []).length;
  return ids * 10000 + classes * 100 + types;
}

/** The plain style rules of a style sheet, in order; `@media` and other at-rules are skipped. */
function styleRules(cssText: string, theme: Map<string, string>, first: number): Rule[] {
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  let order = first;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    while (j < text.length && depth > 0) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
      j++;
    }
    const prelude = text.slice(i, open).trim();
    const body = text.slice(open + 1, j - 1);
    i = j;
    if (prelude.startsWith('@')) continue;
    const decls = declarations(body).flatMap(([name, value]) => {
      if (!SVG_PROPERTIES.has(name)) return [];
      const resolved = resolveVars(value, theme);
      return resolved === undefined ? [] : [[name, resolved] as [string, string]];
    });
    if (!decls.length) continue;
    for (const selector of splitTop(prelude, ',')) {
      if (/:host|::|:focus|:hover|:active/.test(selector)) continue;
      rules.push({ selector, specificity: specificity(selector), order: order++, declarations: decls });
    }
  }
  return rules;
}

function flatten(styles: CSSResultGroup): CSSResult[] {
  if (Array.isArray(styles)) return styles.flatMap((s: CSSResultGroup) => flatten(s));
  return 'cssText' in (styles as object) ? [styles as CSSResult] : [];
}

/** The element's style rules that can apply to a chart, in cascade order (specificity, then source order). */
export function chartRules(styles: CSSResultGroup, theme: Map<string, string>): Rule[] {
  let order = 0;
  const rules = flatten(styles).flatMap((sheet) => {
    const found = styleRules(sheet.cssText, theme, order);
    order += found.length;
    return found;
  });
  return rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
}

/**
 * Applies the rules to a drawn chart as presentation attributes (author CSS
 * overrides presentation attributes, so overwriting them is the same
 * cascade), then replaces `currentColor` with the colour in force.
 */
function applyRules(doc: Document, node: Element, rules: readonly Rule[], theme: Map<string, string>): void {
  doc.body.append(node);
  for (const rule of rules) {
    let matched: Element[];
    try {
      matched = [...doc.querySelectorAll(rule.selector)].filter((el) => node === el || node.contains(el));
    } catch {
      continue; // a selector the server-side DOM does not know (it cannot match a static drawing)
    }
    for (const el of matched) for (const [name, value] of rule.declarations) el.setAttribute(name, value);
  }
  node.remove();
  resolveCurrentColor(node, { color: theme.get('--_text') ?? '#0b0c0c' });
}

/**
 * Replaces `currentColor` in `fill` and `stroke` with the colour in force. An
 * inherited `fill: currentColor` follows each element's own `color` (a bar
 * group coloured by its class inherits `fill` from the chart), so where an
 * element sets `color` under an inherited `currentColor`, it gets the
 * resolved paint too.
 */
function resolveCurrentColor(el: Element, inherited: { color: string; fill?: boolean; stroke?: boolean }): void {
  const own = el.getAttribute('color');
  const color = own && own.toLowerCase() !== 'currentcolor' ? own : inherited.color;
  const next = { color, fill: inherited.fill, stroke: inherited.stroke };
  for (const attr of ['fill', 'stroke'] as const) {
    const value = el.getAttribute(attr);
    if (value?.toLowerCase() === 'currentcolor') {
      el.setAttribute(attr, color);
      next[attr] = true;
    } else if (value !== null) {
      next[attr] = false;
    } else if (inherited[attr] && own) {
      el.setAttribute(attr, color);
    }
  }
  for (const child of el.children) resolveCurrentColor(child, next);
}

export interface SvgOptions {
  /** Width of the whole SVG, in px. */
  width: number;
  fontSize: number;
  theme: Map<string, string>;
}

/** Padding around the figure, in px. */
export const PAD = 16;

/** The standalone SVG of a static figure. */
export function renderSvg(figure: StaticFigure, options: SvgOptions): { svg: string; width: number; height: number } {
  const { width, fontSize, theme } = options;
  const doc = serverDocument();
  const colour = (token: string, fallback: string) => theme.get(token) ?? fallback;
  const textColour = colour('--_text', '#0b0c0c');
  const muted = colour('--_muted', '#505a5f');
  const background = colour('--_background', '#ffffff');
  const rules = chartRules(figure.styles, theme);
  const inner = width - 2 * PAD;

  const el = (name: string, attrs: Record<string, string | number> = {}, text?: string): Element => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const body = el('g');
  let y = PAD;

  /** Wrapped text at the left edge; moves `y` down past it. */
  const paragraph = (
    content: string,
    style: { size?: number; weight?: number; fill?: string; italic?: boolean; width?: number; x?: number } = {},
  ) => {
    const size = style.size ?? fontSize;
    const lineHeight = Math.round(size * 1.3);
    const chars = (style.width ?? inner) / (size * CHAR_EM * (style.weight && style.weight >= 700 ? 1.05 : 1));
    for (const line of wrapLabel(content, chars)) {
      body.append(
        el(
          'text',
          {
            x: style.x ?? PAD,
            y: Math.round(y + size * 0.95),
            'font-size': size,
            ...(style.weight ? { 'font-weight': style.weight } : {}),
            ...(style.italic ? { 'font-style': 'italic' } : {}),
            fill: style.fill ?? textColour,
          },
          line,
        ),
      );
      y += lineHeight;
    }
  };

  /** A drawn chart, its styles applied, as a group at (x, y); returns its height. */
  const chart = (options: StaticFigure['panels'][number], x: number, top: number): number => {
    const node = drawPlot(options.options, { label: options.label, document: doc });
    applyRules(doc, node, rules, theme);
    const svg = node.localName === 'svg' ? node : node.querySelector('svg');
    if (!svg) return 0;
    const height = Number(svg.getAttribute('height')) || 0;
    const g = el('g', { transform: `translate(${x},${top})` });
    for (const attr of [...svg.attributes]) {
      if (/^(xmlns|width|height|viewBox|role|aria-|class|style|font-family|font-size)/i.test(attr.name)) continue;
      g.setAttribute(attr.name, attr.value);
    }
    g.setAttribute('class', svg.getAttribute('class') ?? '');
    g.setAttribute('font-size', String(fontSize));
    for (const child of [...svg.childNodes]) g.append(child);
    body.append(g);
    return height;
  };

  // Heading, period line, as-at.
  paragraph(figure.title, { size: Math.round(fontSize * 1.3), weight: 700 });
  y += 2;
  if (figure.subtitle) paragraph(figure.subtitle, { fill: muted });
  if (figure.asAt) paragraph(figure.asAt, { weight: 700 });
  y += Math.round(fontSize * 0.6);

  if (figure.empty) paragraph(figure.empty);

  // The key to the years' colours: a swatch like the bars (the previous year hatched) and its text.
  if (figure.legend?.length && figure.panels.length) {
    const swatchW = Math.round(fontSize * 1.6);
    const swatchH = Math.round(fontSize);
    let x = PAD;
    const lineHeight = Math.round(fontSize * 1.6);
    const patternRef = 'url(#pw-hatch)';
    for (const item of figure.legend) {
      const itemWidth = swatchW + fontSize * 0.5 + item.text.length * fontSize * CHAR_EM;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        y += lineHeight;
      }
      const series = item.role === 'latest' ? colour('--_series-1', '#12436d') : colour('--_series-2', '#f46a25');
      body.append(
        el('rect', {
          x: x + 1,
          y: y + 1,
          width: swatchW - 2,
          height: swatchH - 2,
          fill: item.role === 'latest' ? series : patternRef,
          stroke: series,
          'stroke-width': 2,
          class: yearRoleClass(item.role),
        }),
        el('text', { x: x + swatchW + fontSize * 0.5, y: y + swatchH - 2, fill: textColour }, item.text),
      );
      x += itemWidth + fontSize * 1.5;
    }
    y += lineHeight;
  }

  // The panels: in a grid (small multiples), or one under another.
  const { columns, gap } = figure;
  for (let start = 0; start < figure.panels.length; start += columns) {
    const row = figure.panels.slice(start, start + columns);
    const titleLines = row.map((p) =>
      p.title ? wrapLabel(p.title, figure.panelWidth / (fontSize * CHAR_EM * 1.05)).length : 0,
    );
    const titleHeight = maxOf(titleLines, 0) * Math.round(fontSize * 1.3);
    let rowHeight = 0;
    row.forEach((panel, i) => {
      const x = PAD + i * (figure.panelWidth + gap);
      const top = y;
      if (panel.title) {
        const save = y;
        paragraph(panel.title, { weight: 700, width: figure.panelWidth, x });
        y = save;
      }
      let height = titleHeight + chart(panel, x, top + titleHeight);
      if (panel.note) {
        const save = y;
        y = top + height;
        paragraph(panel.note, { fill: muted, width: figure.panelWidth, x });
        height = y - top;
        y = save;
      }
      rowHeight = Math.max(rowHeight, height);
    });
    y += rowHeight + Math.round(fontSize * 0.75);
  }

  for (const list of figure.lists) {
    paragraph(list.heading, { weight: 700 });
    for (const item of list.items) paragraph(item);
    y += Math.round(fontSize * 0.5);
  }
  if (figure.symbols.length || figure.source) y += Math.round(fontSize * 0.25);
  for (const line of figure.symbols) paragraph(line, { fill: muted, size: Math.round(fontSize * 0.9) });
  if (figure.source) paragraph(figure.source, { fill: muted, size: Math.round(fontSize * 0.9) });

  const height = Math.ceil(y + PAD);
  const root = el('svg', {
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
    fill: textColour,
  });
  root.append(
    el('title', { id: 'pw-title' }, figure.label),
    el('desc', { id: 'pw-desc' }, figure.summary || figure.empty || figure.label),
    el('rect', { width, height, fill: background }),
    body,
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${root.outerHTML}\n`, width, height };
}
