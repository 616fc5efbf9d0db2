import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, yearsSpec } from '../core/properties.js';
import { ChartSize } from '../core/chart-size.js';
import type { Dataset } from '../core/contract.js';
import type { Lang, Messages } from '../core/messages.js';
import { plotStyles } from '../core/plot.js';
import { chrome, tokens } from '../core/styles.js';
import { isSymbol } from '../core/symbols.js';
import { define, PartnershipWidget } from '../core/widget.js';
import { CHAR_EM, PRINT_WIDTH } from '../core/chart-size.js';
import { CHART_STYLE } from '../core/theme.js';
import { kpiMessages } from './messages.js';
import { definitionLink, scrollingTable } from '../core/table-parts.js';
import { tableStyles } from '../core/table-styles.js';
import { kpiStyles } from './kpi-quarter-table.styles.js';
import { buildKpiModel, type KpiModel, type KpiRow } from './model.js';

/**
 * The small charts' text on paper, in px: 9 pt, as the table's (the print rules in
 * kpiStyles). Fixed, because the charts are laid out when printing starts, before the
 * page's print styles apply: the chart text measured then is the screen's.
 */
const PRINT_FONT_SIZE = 12;

/**
 * @tag kpi-quarter-table
 * @summary A table of safeguarding activity measures by quarter of a reporting
 * year (or by year for annual data), with year totals, derived rates, the
 * change on the previous year, definitions and GSS symbols.
 *
 * @attr src - URL of a JSON envelope or tidy CSV file.
 * @attr year - Reporting year to show, e.g. `2021-22` (default: the latest).
 * @attr years - Number of years shown for annual data (default 5), or `all`: every year in the data. The chart
 * draws them all; the table opens scrolled to the latest years, the earlier ones a scroll away to the left.
 *
 * @csspart chart-view - The charts' wrapper.
 * @csspart table - The `<table>`.
 * @csspart comparison-table - The latest year against England, the region and the neighbours' median.
 * @csspart chart - Each small chart's `<figure>`.
 * @csspart chart-note - The line under a rate's chart placing it among its neighbours.
 * @csspart summary - The plain-English summary.
 *
 * @event {CustomEvent<{state: 'loaded' | 'empty'; view: 'table' | 'chart'; lang: 'en' | 'cy'; mode: 'quarterly' | 'annual'; year: string; columns: string[]; measures: string[]; placings: string[]}>} widget-ready - Figures were rendered (not sent again for a stale refresh). `placings`: for each rate with neighbours, the sentence that places the area among them (what a briefing answers "are we in the median range?" with).
 */
export class KpiQuarterTable extends PartnershipWidget<KpiModel> {
  static override styles = [tokens, chrome, plotStyles, tableStyles, kpiStyles];

  /** Reporting year to show (`2021-22`); default the latest in the data. */
  @property() year?: string;

  /** How many years to show when the data is annual; `all` (Infinity) for every year in the data. */
  @property({ type: Number, number: yearsSpec(5) }) years = 5;

  private charts = new WeakMap<KpiModel, Map<string, Element>>();
  /** The years each table scroller was last brought to the latest of (so a reader's own scrolling is kept). */
  private scrolledTo = new WeakMap<Element, string>();
  private readonly size = new ChartSize(this, '.charts .pw-plot', '.charts');
  /** What the charts' grid shows besides the charts when they are fitted to a height (measured; see kpiPanels). */
  private fitOverhead?: number;

  /** The widget's own strings, in the element's language. */
  private get k() {
    return kpiMessages(this.widgetLang);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The grid the figure description gave (written on the charts' wrapper),
    // applied through the CSSOM, which a strict CSP allows: a style attribute
    // (even styleMap's first render) is refused by style-src-attr.
    const charts = this.renderRoot.querySelector<HTMLElement>('.charts[data-columns]');
    if (charts) {
      charts.style.setProperty('grid-template-columns', `repeat(${charts.dataset.columns}, minmax(0, 1fr))`);
      charts.style.setProperty('column-gap', `${charts.dataset.gap}px`);
    }
    this.showLatestYears();
    this.measureFitOverhead();
  }

  /**
   * Charts fitted to a height (presenting on a slide): what the grid shows
   * besides them (titles, notes, gaps) is measured once drawn, and the charts
   * drawn again if the estimate was out. It does not depend on the charts'
   * height, so this settles at the second drawing.
   */
  private measureFitOverhead(): void {
    const charts = this.renderRoot.querySelector<HTMLElement>('.charts[data-height]');
    const count = charts ? charts.querySelectorAll(':scope > figure').length : 0;
    if (!charts || count === 0 || charts.offsetHeight === 0) return;
    const rows = Math.ceil(count / Number(charts.dataset.columns));
    const overhead = Math.ceil(charts.getBoundingClientRect().height - rows * Number(charts.dataset.height));
    if (this.fitOverhead === undefined || Math.abs(overhead - this.fitOverhead) >= 2) {
      this.fitOverhead = overhead;
      this.requestUpdate();
    }
  }

  /**
   * Annual data wider than the table's box (`years="all"`): the table opens at
   * its right end, so the latest years are in view and the earlier ones a
   * scroll away; done once for each set of years, once the table is shown.
   */
  private showLatestYears(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroll[data-years]');
    if (!scroller || scroller.clientWidth === 0) return;
    const years = scroller.dataset.years!;
    if (this.scrolledTo.get(scroller) === years) return;
    this.scrolledTo.set(scroller, years);
    scroller.scrollLeft = scroller.scrollWidth;
  }

  protected override defaultTitle(): string {
    return this.k.kpiTitle;
  }

  protected override modelKey(): string {
    return `${this.year ?? ''}|${this.years}`;
  }

  protected override buildModel(dataset: Dataset, m: Messages, lang: Lang): KpiModel {
    return buildKpiModel(dataset, m, lang, {
      ...(this.year ? { year: this.year } : {}),
      years: this.years,
    });
  }

  protected override readyDetail(model: KpiModel): Record<string, unknown> {
    return {
      mode: model.mode,
      year: model.year,
      columns: model.columns.map((c) => c.key),
      measures: model.rows.map((r) => r.measure.id),
      placings: model.rows.flatMap((r) => (r.placing ? [r.placing] : [])),
    };
  }

  private renderRowHeader(row: KpiRow) {
    const n = row.footnote;
    // Named by the measure alone: the marker's text would otherwise be part of the
    // header's name, read with every cell of the row ("Contacts definition 1").
    // The marker stays a link to the definition, with its own name.
    return html`<th scope="row" aria-label=${n ? row.measure.label : nothing}>
      ${row.measure.label}${n ? definitionLink(this.renderRoot, this.uid, n, this.m) : nothing}
    </th>`;
  }

  private renderChange(row: KpiRow) {
    const change = row.change;
    if (!change) return html`<td></td>`;
    const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
    return html`<td class="change ${change.tone}">
      <span class="arrow" aria-hidden="true">${arrow}</span>${change.text}${
        change.toneText ? html` (${change.toneText})` : nothing
      }
    </td>`;
  }

  private renderPosition(row: KpiRow) {
    const position = row.position;
    if (!position) {
      return html`<td class="position"><span class="visually-hidden">${this.k.notCompared}</span></td>`;
    }
    return html`<td class="position change ${position.tone}">
      ${position.text}${position.toneText ? html` (${position.toneText})` : nothing}
    </td>`;
  }

  protected override renderTable(model: KpiModel, caption: string): TemplateResult {
    const m = this.m;
    const groups: { name?: string; rows: KpiRow[] }[] = [];
    for (const row of model.rows) {
      const last = groups[groups.length - 1];
      if (last && last.name === row.measure.group) last.rows.push(row);
      else groups.push({ ...(row.measure.group ? { name: row.measure.group } : {}), rows: [row] });
    }
    const width = model.columns.length + 1 + (model.changeLabel ? 1 : 0);
    const years = model.mode === 'annual' ? model.columns.map((c) => c.key).join(' ') : undefined;
    return html`${scrollingTable(
      caption,
      html`<thead>
          <tr>
            <th scope="col" class="text">${m.measure}</th>
            ${model.columns.map(
              (c) =>
                html`<th scope="col" class="period ${c.kind === 'total' ? 'total' : ''}">
                  ${c.months ? c.short : c.label}${
                    c.months || c.note ? html` <span class="col-note">${c.months ?? c.note}</span>` : nothing
                  }
                </th>`,
            )}
            ${model.changeLabel ? html`<th scope="col" class="text">${model.changeLabel}</th>` : nothing}
          </tr>
        </thead>
        ${groups.map(
          (group) =>
            html`<tbody class="group">
              ${
                group.name
                  ? html`<tr>
                      <th scope="rowgroup" colspan=${width} class="group-heading">${group.name}</th>
                    </tr>`
                  : nothing
              }
              ${group.rows.map(
                (row) =>
                  html`<tr class=${row.kind === 'percent' ? 'rate' : 'count'}>
                    ${this.renderRowHeader(row)}
                    ${row.cells.map(
                      (cell, i) =>
                        html`<td
                          class="${model.columns[i]!.kind === 'total' ? 'total' : ''} ${isSymbol(cell.value) ? 'symbol' : ''}"
                        >
                          ${cell.text}
                        </td>`,
                    )}
                    ${model.changeLabel ? this.renderChange(row) : nothing}
                  </tr>`,
              )}
            </tbody>`,
        )}`,
      m,
      years,
    )}
    ${model.comparators.length ? this.renderComparison(model) : nothing}`;
  }

  /**
   * The latest year against the comparators (England, region, neighbours'
   * median), in a table of its own so that "are we in the median range?" is
   * answered without scrolling sideways past the years.
   */
  private renderComparison(model: KpiModel) {
    const m = this.m;
    const latestIndex = model.columns.length - 1;
    const year = model.columns[latestIndex]?.label ?? '';
    const caption = this.k.compareCaption(year);
    return html`<div class="scroll comparison" tabindex="0" role="region" aria-label=${m.scrollRegion(caption)}>
      <table class="data-table" part="comparison-table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="text">${m.measure}</th>
            <th scope="col" class="period">${model.area ?? this.k.thisArea}</th>
            ${model.comparators.map((c) => html`<th scope="col" class="comparator">${c.label}</th>`)}
            ${model.positionLabel ? html`<th scope="col" class="text">${model.positionLabel}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${model.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.measure.label}</th>
                <td class="total ${isSymbol(row.cells[latestIndex]!.value) ? 'symbol' : ''}">
                  ${row.cells[latestIndex]!.text}
                </td>
                ${(row.comparisons ?? []).map(
                  (cell) => html`<td class="comparator ${isSymbol(cell.value) ? 'symbol' : ''}">${cell.text}</td>`,
                )}
                ${model.positionLabel ? this.renderPosition(row) : nothing}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  protected override renderChart(model: KpiModel, caption: string): TemplateResult {
    // The small charts are drawn when first shown (or printed): a table of
    // many measures would otherwise draw a hidden chart per measure (the
    // benchmark measured 939 ms against 441 ms for 1,000 measures).
    if (this.view !== 'chart' && !this.printing && !this.allViews && !this.charts.has(model)) {
      return html`<div class="charts" role="group" aria-label=${caption}></div>`;
    }
    // The chart code arrives on demand (the widget renders again then).
    const kit = this.chartKit();
    if (!kit) return html`<div class="charts chart-pending" role="group" aria-label=${caption}></div>`;
    let drawn = this.charts.get(model);
    if (!drawn) {
      drawn = new Map();
      this.charts.set(model, drawn);
    }
    // Charts are drawn at the width they are shown, never scaled down (their
    // text would shrink below 12px). Printing lays out for an A4 page's text width, at 9 pt.
    const fontSize = this.printing
      ? PRINT_FONT_SIZE
      : this.size.fontSize || (this.presenting ? CHART_STYLE.presentingFontSize : CHART_STYLE.fontSize);
    const charWidth = this.size.charEm || CHAR_EM;
    let width = this.size.currentWidth() || this.staticWidth;
    if (this.printing) width = Math.min(width || PRINT_WIDTH, PRINT_WIDTH);
    // Given a height (presenting on a slide, or --pw-chart-max-height), the charts share it; on paper they pack closer.
    const height = this.printing ? 0 : this.size.height;
    const figure = kit.kpiPanels(
      model,
      { lang: this.widgetLang, width, fontSize, charWidth, ...(height ? { height } : {}) },
      { overhead: this.fitOverhead, paper: this.printing },
    );
    const figures = figure.panels.map((panel) => {
      const key = `${panel.key}|${fontSize}|${figure.panelWidth}|${figure.panelHeight ?? ''}|${charWidth}|${this.printing}`;
      let svg = drawn.get(key);
      if (!svg) {
        svg = kit.drawPlot(panel.options, { label: panel.label });
        drawn.set(key, svg);
      }
      return html`<figure part="chart">
        <figcaption>${panel.title}</figcaption>
        ${svg} ${panel.note ? html`<p class="chart-note" part="chart-note">${panel.note}</p>` : nothing}
      </figure>`;
    });
    return html`<div
      class="charts"
      role="group"
      aria-label=${caption}
      data-columns=${figure.columns}
      data-gap=${figure.gap}
      data-height=${figure.panelHeight ?? nothing}
      aria-details=${model.summary.length ? `${this.uid}-summary` : nothing}
    >
      ${figures}
    </div>`;
  }
}

define('kpi-quarter-table', KpiQuarterTable);

declare global {
  interface HTMLElementTagNameMap {
    'kpi-quarter-table': KpiQuarterTable;
  }
}
