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
 * Where the chart code is still on its way when the figures are ready, the
 * prerendered chart stays in place until the live chart can replace it.
 */

import { html, type TemplateResult } from 'lit';

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

  /** True while the markup stays shown after the element took over: a Welsh widget waits for its strings. */
  private kept = false;

  /**
   * Just before the element's first render (its render root is made): the markup goes, so the
   * element's own rendering replaces it with no frame in between; unless `ready` is false (a Welsh
   * widget whose strings are on their way), when it stays until the first update.
   */
  beforeFirstRender(ready: boolean): void {
    if (ready) this.root.replaceChildren();
    else this.kept = true;
  }

  /** Whether the element should hold its updates: the markup is kept and the strings are `waiting`. */
  holding(waiting: boolean): boolean {
    return this.kept && waiting;
  }

  /** Before an update renders: kept markup goes now, and the element renders into the emptied root. */
  beforeUpdate(renderOptions: { renderBefore?: ChildNode | null }): void {
    if (!this.kept) return;
    this.kept = false;
    this.root.replaceChildren();
    renderOptions.renderBefore = null;
  }

  /**
   * The prerendered chart, to show while the live chart cannot be drawn yet (`pending`); only for
   * the figures it was drawn from (the first model shown). Once the live chart is drawn, the
   * prerendered one is let go.
   */
  chartWhilePending(model: object, pending: boolean): TemplateResult | undefined {
    this.model ??= model;
    if (pending && this.model === model && this.chart) return html`${this.chart}`;
    this.chart = undefined;
    return undefined;
  }
}
