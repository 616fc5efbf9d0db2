/**
 * Draws Plot options into an SVG that works under a strict CSP and passes axe:
 * Plot's injected `<style>` is removed (its rules live in `plotStyles`), and
 * groups Plot labels with `aria-label` are given `role="group"`.
 */
import { plot, type PlotOptions } from '@observablehq/plot';
import { css } from 'lit';

export const PLOT_CLASS = 'pw-plot';

export interface DrawOptions {
  /** The chart's accessible name (its text alternative). */
  label: string;
  /**
   * The document to draw in: the page's by default; a server-side one (linkedom)
   * for static rendering in Node (`partnership-widgets render`).
   */
  document?: Document;
}

/**
 * The `<svg>` of a drawn chart: the node itself, or the one inside the
 * `<figure>` Plot returns when it adds a legend or title. Works in any
 * document (Node has no `SVGSVGElement` to test with `instanceof`).
 */
export function chartSvg(node: Element): SVGSVGElement | null {
  return node.localName === 'svg' ? (node as SVGSVGElement) : node.querySelector('svg');
}

export function drawPlot(options: PlotOptions, draw: DrawOptions): SVGSVGElement | HTMLElement {
  // The page's document is Plot's default too (`window.document`); in Node, the global one is a server-side document.
  const document = draw.document ?? globalThis.document;
  const node = plot({ ...options, className: PLOT_CLASS, document }) as SVGSVGElement | HTMLElement;
  node.querySelectorAll('style').forEach((s) => s.remove());
  node.querySelectorAll('[aria-label]:not([role])').forEach((g) => {
    if (g !== node) g.setAttribute('role', 'group');
  });
  const svg = chartSvg(node);
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', draw.label);
    svg.removeAttribute('aria-description');
    // The text alternative is the label; the marks inside are not read one by one.
    svg.querySelectorAll('g[role="group"]').forEach((g) => g.setAttribute('aria-hidden', 'true'));
  }
  return node;
}

/** The rules Plot would have injected, plus our type and colours. */
export const plotStyles = css`
  .pw-plot {
    display: block;
    height: auto;
    max-width: 100%;
    overflow: visible;
    background: transparent;
    font-family: var(--_font-family);
    font-size: calc(var(--_chart-font-size) * var(--_scale));
    color: var(--_text);
  }
  .pw-plot text,
  .pw-plot tspan {
    white-space: pre;
    fill: var(--_text);
  }
  .pw-plot .pw-series-1 {
    color: var(--_series-1);
  }
  .pw-plot .pw-series-2 {
    color: var(--_series-2);
  }
  .pw-plot .pw-series-3 {
    color: var(--_series-3);
  }
  .pw-plot .pw-series-4 {
    color: var(--_series-4);
  }
  .pw-plot .pw-series-5 {
    color: var(--_series-5);
  }
  .pw-plot .pw-series-6 {
    color: var(--_series-6);
  }
  .pw-plot .pw-baseline {
    color: var(--_text);
  }
  .pw-plot .pw-symbols text {
    fill: var(--_muted);
    font-style: italic;
  }
  @media (forced-colors: active) {
    .pw-plot [class*='pw-series-'] {
      color: CanvasText;
    }
  }
`;
