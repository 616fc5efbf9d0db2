/**
 * A static HTML page with the real element rendered by Lit SSR
 * (@lit-labs/ssr) in Node: `<kpi-quarter-table>` with its shadow root as a
 * declarative shadow DOM (`<template shadowrootmode="open">`), its styles
 * inlined there, and the data it was drawn from in the element's inline
 * `<script type="application/json">` (data, not code). It shows with
 * JavaScript off; when the page also loads the widgets' script, the element
 * takes the markup over without a flash or a layout shift, and reads the
 * inline data instead of fetching any (core/prerendered.ts).
 *
 * Lit SSR constructs the element and calls its `render()`; it does not
 * connect it, so no observer, timer or request starts. The element's
 * `renderStatically()` hands it the figures (instead of its loading task),
 * the language and the chart width, and draws every view as for print. Its
 * charts are drawn by Plot (through the element's own `drawPlot`) into a
 * server-side document (linkedom), set as the global `document` while the
 * page renders, and written into the shadow root as markup. Both views show
 * (as the element keeps them after its script arrives); a few rules after the
 * element's styles keep the toolbar's room but not its buttons, which need
 * script, until the element is defined. A table wider than the column gets
 * the cue the live widget shows over it (render-scroll-cue.ts).
 */
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { renderValue, type RenderInfo } from '@lit-labs/ssr/lib/render-value.js';
import type { CSSResult, TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { isTemplateResult } from 'lit/directive-helpers.js';
import { randomUUID } from 'node:crypto';
import {
  loadCharts,
  messages,
  PartnershipWidget,
  type Dataset,
  type FigureFrame,
  type FigureModel,
  type Lang,
  type ResolvedTheme,
} from 'partnership-widgets/core.js';
import { CliError } from './ees.js';
import { figureTitle, isElementName, type ElementName } from './render-figures.js';
import { withScrollCues } from './render-scroll-cue.js';
import { FONT_FAMILY, serverDocument } from './render-svg.js';

/**
 * After the element's styles, for as long as no script has defined the
 * element: the buttons and the keyboard help need script, so they are not
 * shown, but the toolbar keeps its room (the script's buttons then appear
 * without moving anything).
 */
const STATIC_CSS = `
/* partnership-widgets render: until the script defines the element, its buttons (which need script) keep their room unseen. */
:host(:not(:defined)) .toolbar, :host(:not(:defined)) .keys-help { visibility: hidden; }
`;

export interface HtmlOptions {
  lang: Lang;
  /** Chart width in px (the attendance and training charts; the KPI small multiples size themselves). */
  width: number;
  theme: ResolvedTheme;
  /** The element's attributes, by attribute name, as a page would set them (`data-as-at`, `heading-level`). */
  attributes?: ElementAttributes;
  /** The data file's text and format, carried in the element's inline `<script>` for its script to read. */
  source?: { text: string; format: 'json' | 'csv' };
  /**
   * The figure's words (its frame: title, period line, summary, source), written
   * in the element's light DOM: shown only where no shadow root is attached (a
   * CMS that removed the `<template>`, and no script ran).
   */
  fallback?: Pick<FigureFrame, 'title' | 'subtitle' | 'summary' | 'source'>;
}

export type ElementAttributes = Readonly<Record<string, string | number | boolean>>;

/**
 * Chart nodes in a template (drawn by Plot into the server-side document, not
 * templates) cannot be written by Lit SSR. Each is replaced by a text marker
 * (a per-render nonce, so data text cannot collide with it), and the marker by
 * the node's serialisation (which escapes every text) once the page is
 * rendered: no markup is ever made from a data string.
 */
function withMarkers(value: unknown, nodes: Map<string, string>, nonce: string): unknown {
  if (isTemplateResult(value)) return { ...value, values: value.values.map((v) => withMarkers(v, nodes, nonce)) };
  if (Array.isArray(value)) return value.map((v) => withMarkers(v, nodes, nonce));
  if (typeof value === 'object' && value !== null && 'nodeType' in value && 'outerHTML' in value) {
    const marker = `pw-node-${nonce}-${nodes.size}`;
    nodes.set(marker, String((value as { outerHTML: string }).outerHTML));
    return marker;
  }
  return value;
}

type Widget = PartnershipWidget<FigureModel>;

/** A Lit SSR element renderer for our widgets, handing each the figures before it renders. */
function widgetRenderer(dataset: Dataset, options: HtmlOptions, nodes: Map<string, string>, nonce: string) {
  return class StaticWidgetRenderer extends LitElementRenderer {
    static override matchesClass(ctor: typeof HTMLElement): boolean {
      return ctor.prototype instanceof PartnershipWidget;
    }

    override connectedCallback(): void {
      (this.element as unknown as Widget).renderStatically(dataset, { lang: options.lang, width: options.width });
      super.connectedCallback();
    }

    override renderShadow(renderInfo: RenderInfo) {
      const element = this.element as unknown as { render(): unknown };
      const styles = (this.element.constructor as unknown as { elementStyles: CSSResult[] }).elementStyles;
      return [
        '<style>',
        ...styles.map((s) => s.cssText),
        STATIC_CSS,
        '</style>',
        () => renderValue(withMarkers(element.render(), nodes, nonce), renderInfo),
      ];
    }
  };
}

/**
 * `<kpi-quarter-table heading-level="3" …>`: the element with the attributes
 * given. Names come from the elements' own declarations (render-options.ts),
 * values are bound (escaped by Lit), a boolean attribute is written empty.
 */
function elementTemplate(name: ElementName, attributes: ElementAttributes = {}): TemplateResult {
  const given = Object.entries(attributes).filter(([, value]) => value !== false);
  // Only the tag and attribute names go into the markup as written, and only names the elements declare
  // (checked here too); every value is bound, so Lit SSR escapes it as text.
  if (!isElementName(name) || given.some(([attribute]) => !/^[a-z][a-z0-9-]*$/.test(attribute))) {
    throw new Error(`render: not an element or attribute name this package declares`);
  }
  const strings = ['<', ...given.map(([attribute]) => ` ${attribute}=`), '></', '>'];
  const values: unknown[] = [unsafeStatic(name), ...given.map(([, v]) => (v === true ? '' : v)), unsafeStatic(name)];
  // The literal parts between the values: "<" tag, " name=" for each attribute, "></" tag ">".
  const literal = Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;
  return Reflect.apply(staticHtml, undefined, [literal, ...values]) as TemplateResult;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The data as the element's inline `<script>` child, which it reads on
 * upgrade instead of fetching anything. JSON is written compact with every
 * `<` escaped (`\u003c`, the same string to a JSON reader), so no text in the
 * data can end the script. CSV cannot be escaped: one holding `</script` or
 * `<!--` is refused.
 */
export function inlineData(source: NonNullable<HtmlOptions['source']>): string {
  if (source.format === 'json') {
    const json = JSON.stringify(JSON.parse(source.text.replace(/^\uFEFF/, ''))).replace(/</g, '\\u003c');
    return `<script type="application/json">${json}</script>`;
  }
  if (/<\/script|<!--/i.test(source.text)) {
    throw new CliError('The CSV holds "</script" or "<!--", which cannot go inside a <script>: give the data as JSON.');
  }
  const text = source.text.replace(/^\uFEFF/, '');
  return `<script type="text/csv">\n${text}${text.endsWith('\n') ? '' : '\n'}</script>`;
}

/** The light-DOM fallback: the figure in words, each line escaped. */
function fallbackHtml(f: NonNullable<HtmlOptions['fallback']>): string {
  const lines = [`<strong>${escapeHtml(f.title)}</strong>`, f.subtitle, f.summary, f.source ?? '']
    .filter(Boolean)
    .map((line, i) => (i === 0 ? line : escapeHtml(line)));
  return lines.map((line) => `<p>${line}</p>`).join('');
}

/**
 * The KPI small multiples' grid (`data-columns`, `data-gap`), which the
 * element applies through the CSSOM once it runs (a strict CSP refuses style
 * attributes), as rules in the shadow root's style: the same grid with no
 * script, and nothing moves when the script takes over.
 */
function gridRules(body: string): string {
  const found = new Set<string>();
  for (const [, columns, gap] of body.matchAll(/\sdata-columns="(\d+)"\s+data-gap="(\d+(?:\.\d+)?)"/g)) {
    found.add(
      `.charts[data-columns="${columns}"][data-gap="${gap}"] { grid-template-columns: repeat(${columns}, minmax(0, 1fr)); column-gap: ${gap}px; }`,
    );
  }
  return [...found].join('\n');
}

/** The page: the element server-rendered, with a little page style; no script. */
export async function renderHtml(name: ElementName, dataset: Dataset, options: HtmlOptions): Promise<string> {
  // The elements load their chart code on demand; a static page draws every chart, so load it first.
  await loadCharts();
  const global = globalThis as { document?: Document };
  const previous = global.document;
  // The element's drawPlot draws in the global document: a server-side one while the page renders.
  global.document = serverDocument();
  let body: string;
  const nodes = new Map<string, string>();
  const nonce = randomUUID().replace(/-/g, '');
  try {
    body = await collectResult(
      render(elementTemplate(name, options.attributes), {
        elementRenderers: [widgetRenderer(dataset, options, nodes, nonce)],
      }),
    );
    body = body.replace(new RegExp(`pw-node-${nonce}-\\d+`, 'g'), (marker) => nodes.get(marker) ?? '');
    body = body.replace(STATIC_CSS, () => `${STATIC_CSS}${gridRules(body)}\n`);
    // The cue over a table that scrolls sideways, which the live widget measures and shows (nothing moves then).
    body = withScrollCues(body, options.width, messages(options.lang));
    // The words and the data go in the element's light DOM, after its declarative shadow root.
    const light = [
      options.fallback ? fallbackHtml(options.fallback) : '',
      options.source ? inlineData(options.source) : '',
    ];
    const end = body.lastIndexOf(`</${name}>`);
    body = `${body.slice(0, end)}${light.join('')}${body.slice(end)}`;
  } finally {
    if (previous === undefined) delete global.document;
    else global.document = previous;
  }
  const text = options.theme.get('--_text')!;
  const background = options.theme.get('--_background')!;
  const heading = options.attributes?.heading;
  const title = typeof heading === 'string' ? heading : figureTitle(name, dataset, options.lang);
  return `<!doctype html>
<html lang="${options.lang === 'cy' ? 'cy' : 'en-GB'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="partnership-widgets render">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0 auto; padding: 1rem; max-width: ${options.width}px; font-family: ${FONT_FAMILY}; color: ${text}; background: ${background}; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
