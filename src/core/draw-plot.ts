/**
 * Draws Plot options into an SVG that works under a strict CSP and passes axe:
 * Plot's injected `<style>` is removed (its rules live in `plotStyles`), and
 * groups Plot labels with `aria-label` are given `role="group"`. Part of the
 * chart code the elements load on demand (`charts.ts`).
 */
import { plot } from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { PLOT_CLASS, type DrawOptions } from './plot.js';

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
