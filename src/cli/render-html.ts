/**
 * A static HTML page with the real element rendered by Lit SSR
 * (@lit-labs/ssr) in Node: `<kpi-quarter-table>` with its shadow root as a
 * declarative shadow DOM (`<template shadowrootmode="open">`), its styles
 * inlined there, and no script. It shows with JavaScript off.
 *
 * Lit SSR constructs the element and calls its `render()`; it does not
 * connect it, so no observer, timer or request starts. The element's
 * `renderStatically()` hands it the figures (instead of its loading task),
 * the language and the chart width, and draws every view as for print. Its
 * charts are drawn by Plot (through the element's own `drawPlot`) into a
 * server-side document (linkedom), set as the global `document` while the
 * page renders, and written into the shadow root as markup. A few static
 * rules go after the element's styles: both views show, and the buttons and
 * keyboard help (which need script) do not.
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
  PartnershipWidget,
  type Dataset,
  type FigureModel,
  type Lang,
  type ResolvedTheme,
} from 'partnership-widgets/core.js';
import { figureTitle, type ElementName } from './render-figures.js';
import { FONT_FAMILY, serverDocument } from './render-svg.js';

/** After the element's styles: what a page without script needs. */
const STATIC_CSS = `
/* partnership-widgets render: a static page, no script. Both views show, as in print; the buttons and the keyboard help need script. */
.toolbar, .keys-help { display: none !important; }
.view[hidden] { display: block !important; }
.table-view + .chart-view { margin-top: 1em; }
`;

export interface HtmlOptions {
  lang: Lang;
  /** Chart width in px (the attendance and training charts; the KPI small multiples size themselves). */
  width: number;
  theme: ResolvedTheme;
  /** The element's attributes, by attribute name, as a page would set them (`data-as-at`, `heading-level`). */
  attributes?: ElementAttributes;
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
  const strings = ['<', ...given.map(([attribute]) => ` ${attribute}=`), '></', '>'];
  const values: unknown[] = [unsafeStatic(name), ...given.map(([, v]) => (v === true ? '' : v)), unsafeStatic(name)];
  // The literal parts between the values: "<" tag, " name=" for each attribute, "></" tag ">".
  const literal = Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;
  return Reflect.apply(staticHtml, undefined, [literal, ...values]) as TemplateResult;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

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
body { margin: 0 auto; padding: 1rem; max-width: ${Math.max(options.width + 32, 992)}px; font-family: ${FONT_FAMILY}; color: ${text}; background: ${background}; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
