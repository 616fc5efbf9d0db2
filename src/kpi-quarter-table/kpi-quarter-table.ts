import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, yearsSpec } from '../core/properties.js';
import { ChartSize } from '../core/chart-size.js';
import type { Dataset } from '../core/contract.js';
import type { Lang, Messages } from '../core/messages.js';
import { drawPlot, plotStyles } from '../core/plot.js';
import { chrome, tokens } from '../core/styles.js';
import { isSymbol } from '../core/symbols.js';
import { define, PartnershipWidget } from '../core/widget.js';
import { CHAR_EM } from '../core/chart-size.js';
import { kpiPanels } from './figure.js';
import { kpiMessages } from './messages.js';
import { tableStyles } from '../core/table-styles.js';
import { kpiStyles } from './kpi-quarter-table.styles.js';
import { buildKpiModel, type KpiModel, type KpiRow } from './model.js';

/** The text width of an A4 board paper (170 mm at 96 px per inch), for printing. */
const PRINT_WIDTH = 640;

/**
 * @tag kpi-quarter-table
 * @summary A table of safeguarding activity measures by quarter of a reporting
 * year (or by year for annual data), with year totals, derived rates, the
 * change on the previous year, definitions and GSS symbols.
 *
 * @attr src - URL of a JSON envelope or tidy CSV file.
 * @attr year - Reporting year to show, e.g. `2021-22` (default: the latest).
 * @attr years - Number of years shown for annual data (default 5).
 *
 * @csspart base - The whole figure.
 * @csspart header - Heading and period line.
 * @csspart heading - The heading (h2-h6, see `heading-level`).
 * @csspart subtitle - The period and publisher line.
 * @csspart as-at - "Figures as at 29 September 2021" (attribute `data-as-at` or the data's `asAt`).
 * @csspart status - The live region for loading.
 * @csspart error - The error message box.
 * @csspart stale - The "could not update" note.
 * @csspart empty - The "no figures" message.
 * @csspart toolbar - The show table/chart and download buttons.
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart download - The "Download data (CSV)" button.
 * @csspart table-view - The table's wrapper.
 * @csspart chart-view - The charts' wrapper.
 * @csspart table - The `<table>`.
 * @csspart comparison-table - The latest year against England, the region and the neighbours' median.
 * @csspart chart - Each small chart's `<figure>`.
 * @csspart summary - The plain-English summary.
 * @csspart footer - Source, updated date, symbols, definitions, notes.
 * @csspart symbol-key - The key to GSS symbols.
 * @csspart definitions - The numbered definitions.
 * @csspart notes - The notes.
 * @csspart quality - Data-quality notes.
 *
 * @cssproperty --pw-font-family - Font (default: inherited from the page).
 * @cssproperty --pw-font-size - Base font size (default 1rem).
 * @cssproperty --pw-chart-font-size - Chart text size (default 14px; keep >= 12px).
 * @cssproperty --pw-text-color - Text colour (default #0b0c0c).
 * @cssproperty --pw-muted-color - Secondary text (default #505a5f).
 * @cssproperty --pw-background - Background (default #ffffff).
 * @cssproperty --pw-surface-color - Buttons and notes background (default #f3f2f1).
 * @cssproperty --pw-border-color - Rules and borders (default #b1b4b6).
 * @cssproperty --pw-accent-color - Links (default #1d70b8).
 * @cssproperty --pw-focus-color - Focus highlight (default #ffdd00).
 * @cssproperty --pw-focus-text-color - Text on the focus highlight (default #0b0c0c).
 * @cssproperty --pw-good-color - A change for the better (default #00703c).
 * @cssproperty --pw-bad-color - A change for the worse (default #aa2a16).
 * @cssproperty --pw-error-color - Error messages (default #aa2a16).
 * @cssproperty --pw-series-1 - First series colour (default #12436d).
 * @cssproperty --pw-series-2 - Second series colour (default #f46a25).
 * @cssproperty --pw-series-3 - Third series colour (default #28a197).
 * @cssproperty --pw-series-4 - Fourth series colour (default #801650).
 * @cssproperty --pw-series-5 - Fifth series colour (default #3d3d3d).
 * @cssproperty --pw-series-6 - Sixth series colour (default #a285d1).
 *
 * @event {CustomEvent<{state: 'loaded' | 'empty'; view: 'table' | 'chart'; lang: 'en' | 'cy'; mode: 'quarterly' | 'annual'; year: string; columns: string[]; measures: string[]}>} widget-ready - Figures were rendered (not sent again for a stale refresh).
 * @event {CustomEvent<{kind: 'network' | 'http' | 'timeout' | 'parse' | 'validation' | 'config'; message: string; messages: string[]}>} widget-error - The data could not be shown: `message` is the first line of `messages`, in English.
 *
 * @slot - An optional `<script type="application/json">` holding the data inline.
 */
export class KpiQuarterTable extends PartnershipWidget<KpiModel> {
  static override styles = [tokens, chrome, plotStyles, tableStyles, kpiStyles];

  /** Reporting year to show (`2021-22`); default the latest in the data. */
  @property() year?: string;

  /** How many years to show when the data is annual. */
  @property({ type: Number, number: yearsSpec(5) }) years = 5;

  private charts = new WeakMap<KpiModel, Map<string, Element>>();
  private readonly size = new ChartSize(this, '.charts .pw-plot');

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
    };
  }

  private jumpToDefinition(event: Event, n: number) {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-def-${n}`);
    if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  }

  private renderRowHeader(row: KpiRow) {
    const n = row.footnote;
    // Named by the measure alone: the marker's text would otherwise be part of the
    // header's name, read with every cell of the row ("Contacts definition 1").
    // The marker stays a link to the definition, with its own name.
    return html`<th scope="row" aria-label=${n ? row.measure.label : nothing}>
      ${row.measure.label}${
        n
          ? html`<a
              class="fn"
              href="#${this.uid}-def-${n}"
              aria-label=${this.m.definitionRef(n)}
              @click=${(e: Event) => this.jumpToDefinition(e, n)}
              >${n}</a
            >`
          : nothing
      }
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
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${m.scrollRegion(caption)}>
        <table class="data-table" part="table">
          <caption class="visually-hidden">
            ${caption}
          </caption>
          <thead>
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
              ${model.changeLabel ? html`<th scope="col">${model.changeLabel}</th>` : nothing}
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
          )}
        </table>
      </div>
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
            ${model.positionLabel ? html`<th scope="col">${model.positionLabel}</th>` : nothing}
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
    if (this.view !== 'chart' && !this.printing && !this.charts.has(model)) {
      return html`<div class="charts" role="group" aria-label=${caption}></div>`;
    }
    let drawn = this.charts.get(model);
    if (!drawn) {
      drawn = new Map();
      this.charts.set(model, drawn);
    }
    // Charts are drawn at the width they are shown, never scaled down (their
    // text would shrink below 12px). Printing lays out for an A4 page's text width.
    const fontSize = this.size.fontSize || (this.presenting ? 24.5 : 14);
    const charWidth = this.size.charEm || CHAR_EM;
    let width = this.size.currentWidth() || this.staticWidth;
    if (this.printing) width = Math.min(width || PRINT_WIDTH, PRINT_WIDTH);
    const figure = kpiPanels(model, { lang: this.widgetLang, width, fontSize, charWidth });
    const figures = figure.panels.map((panel) => {
      const key = `${panel.key}|${fontSize}|${figure.panelWidth}|${charWidth}`;
      let svg = drawn.get(key);
      if (!svg) {
        svg = drawPlot(panel.options, { label: panel.label });
        drawn.set(key, svg);
      }
      return html`<figure part="chart">
        <figcaption>${panel.title}</figcaption>
        ${svg} ${panel.note ? html`<p class="chart-note">${panel.note}</p>` : nothing}
      </figure>`;
    });
    return html`<div
      class="charts"
      role="group"
      aria-label=${caption}
      data-columns=${figure.columns}
      data-gap=${figure.gap}
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
