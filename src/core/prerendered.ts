/**
 * Taking over prerendered markup. `partnership-widgets render --format html`
 * writes a widget's shadow root into the page as declarative shadow DOM
 * (`<template shadowrootmode="open">`): heading, table, chart, summary and
 * footer, with the element's styles, shown before any script runs, with both
 * views one after the other (a page without script has no button to switch)
 * and the data in the element's inline `<script type="application/json">`.
 *
 * When the script arrives, the element is upgraded with that shadow root
 * already attached. Lit would append its own rendering after the markup, so
 * the markup is taken out in the same task as Lit's first render (no frame is
 * painted in between), and the widget keeps the layout it was served with:
 * both views, at the same size (no layout shift). The data is read from the
 * inline `<script>` as for any widget, so nothing is fetched again.
 *
 * Where the chart code is still on its way when the figures are ready (the
 * widget's `chartPending()`), the prerendered chart stays in place until the
 * live chart can replace it.
 */

/** The part of a prerendered shadow root that marks it as a widget's (what `render` writes). */
const BASE = '[part="base"]';

export class PrerenderedContent {
  /** The prerendered chart view's children (Plot's SVGs with their captions), kept for `chartWhilePending`. */
  private chart?: Node[];
  /** The first model drawn: the one the prerendered chart shows. */
  private model?: object;

  private constructor(private readonly root: ShadowRoot) {
    const view = root.querySelector('[part="chart-view"]');
    if (view?.querySelector('svg')) this.chart = [...view.childNodes];
  }

  /** The prerendered content of an element being upgraded, if its shadow root came with the page. */
  static of(host: HTMLElement): PrerenderedContent | undefined {
    const root = host.shadowRoot;
    return root?.querySelector(BASE) ? new PrerenderedContent(root) : undefined;
  }

  /**
   * Takes the markup (and its `<style>`) out of the shadow root, for the
   * element's own rendering to replace: call it just before the first render.
   */
  clear(): ShadowRoot {
    this.root.replaceChildren();
    return this.root;
  }

  /**
   * The prerendered chart, to show instead of a chart that cannot be drawn
   * yet; only for the figures it was drawn from (the first model shown).
   */
  chartWhilePending(model: object): Node[] | undefined {
    this.model ??= model;
    return this.model === model ? this.chart : undefined;
  }

  /** The live chart is drawn: the prerendered one is let go. */
  release(): void {
    this.chart = undefined;
  }
}
