import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, yearsSpec } from '../core/properties.js';
import { CHAR_EM, ChartSize, PRINT_WIDTH } from '../core/chart-size.js';
import { ChartKeyboard, chartKeyboardStyles } from '../core/chart-keyboard.js';
import type { Dataset } from '../core/contract.js';
import type { FigureLayout } from '../core/figure.js';
import type { Lang, Messages } from '../core/messages.js';
import { plotStyles } from '../core/plot.js';
import { chrome, tokens } from '../core/styles.js';
import { scrollingTable } from '../core/table-parts.js';
import { tableStyles } from '../core/table-styles.js';
import { CHART_STYLE } from '../core/theme.js';
import { define, PartnershipWidget } from '../core/widget.js';
import type { TrainingChart } from './figure.js';
import type { ChartKit } from '../core/charts.js';
import { trainingMessages } from './messages.js';
import { buildTrainingModel, cellText, panelIds, type TrainingModel } from './model.js';

/** Narrower than this, the page scrolls rather than the year labels crowding. */
const MIN_WIDTH = 260;

/**
 * @tag training-trend
 * @summary Multi-agency safeguarding training over the years: attendees and
 * events in two aligned panels sharing the year axis (never two y-axes on
 * one panel), the evaluation score on its -100..+100 scale where the data
 * has it, annotations on years, and a table with the change on the previous year.
 *
 * @attr src - URL of a JSON envelope or tidy CSV file.
 * @attr years - Show at most the latest N years (default 12), or `all`: every year in the data.
 *
 * @csspart chart-view - The panels' wrapper (panels, keyboard help, live region).
 * @csspart table - The `<table>`.
 * @csspart chart - The focusable group of panels (one tab stop; arrow keys move across years and panels).
 * @csspart panel - Each panel's figure.
 * @csspart returns - The evaluation return rate in words.
 * @csspart annotations-heading - The heading over the annotations.
 * @csspart annotations - The list of annotations marked on the chart.
 * @csspart announcer - The polite live region that reads the year in hand.
 * @csspart summary - The plain-English summary (the panels' text alternative).
 *
 * @cssproperty --pw-chart-max-height - The height the panels may take together, in px (default: none; presenting: the
 * height of a container that scrolls, as a slide's stage). The plot areas get shorter to fit it; the text never shrinks.
 *
 * @event {CustomEvent<{state: 'loaded' | 'empty'; view: 'table' | 'chart'; lang: 'en' | 'cy'; years: string[]; panels: ('attendees' | 'events' | 'evaluation')[]}>} widget-ready - Figures were rendered (not sent again for a stale refresh).
 */
export class TrainingTrend extends PartnershipWidget<TrainingModel> {
  static override styles = [
    tokens,
    chrome,
    plotStyles,
    tableStyles,
    chartKeyboardStyles,
    css`
      .panel {
        margin: 0 0 0.75em;
      }
      .chart-nav[data-columns] {
        display: grid;
        align-items: start;
      }
      .panel-title {
        font-weight: 700;
        margin: 0 0 0.25em;
      }
      .pw-plot .pw-annotation {
        color: var(--_text);
      }
      .pw-plot circle.pw-focused {
        stroke: var(--_focus-text);
        stroke-width: 3px;
      }
      .pw-plot text.pw-annotation {
        fill: var(--_text);
      }
      .returns {
        margin: 0.25em 0 0.75em;
        color: var(--_muted);
      }
      .annotations {
        margin: 0.5em 0;
        padding-left: 1.75em;
      }
      .year-col {
        white-space: nowrap;
      }
      tr.changes th,
      tr.changes td {
        border-top: 2px solid var(--_text);
        font-style: italic;
      }
      @media print {
        .panel {
          break-inside: avoid;
        }
      }
    `,
  ];

  /** Show at most the latest N years; `all` (Infinity) for every year in the data. */
  @property({ type: Number, number: yearsSpec(12) }) years = 12;

  /** The host's width and the chart text's size, measured from a drawn panel. */
  private readonly size = new ChartSize(this, '.chart-nav .pw-plot', '.chart-nav');

  /** The chart last drawn and its panels' SVGs (a cache: drawn again only when the model or layout changes). */
  private drawn?: { model: TrainingModel; key: string; chart: TrainingChart; svgs: Element[] };
  /** The model the keys move over: a new one puts down the year in hand (in `updated`, after it is drawn). */
  private keyedModel?: TrainingModel;

  private get shownModel(): TrainingModel | undefined {
    return this.drawn?.model;
  }

  private get shownPanels(): TrainingChart['panels'] {
    return this.drawn?.chart.panels ?? [];
  }

  private readonly keys = new ChartKeyboard(this, {
    count: () => this.shownPanels.length * (this.shownModel?.years.length ?? 0),
    columns: () => this.shownModel?.years.length ?? 0,
    label: (i) => this.spokenAt(i),
    position: (i) => this.positionAt(i),
    lang: () => this.widgetLang,
    leave: () => this.renderRoot.querySelector<HTMLElement>('[part="toggle"]')?.focus(),
  });

  constructor() {
    super();
    this.view = 'chart';
  }

  private labelAt(index: number): string {
    const n = this.shownModel?.years.length ?? 0;
    if (!n) return '';
    return this.shownPanels[Math.floor(index / n)]?.labels[index % n] ?? '';
  }

  /** What the keys say for a year in a panel: "2018-19, Training events: 81 events, 1,320 attendees". */
  private spokenAt(index: number): string {
    const model = this.shownModel;
    const n = model?.years.length ?? 0;
    const panel = this.shownPanels[Math.floor(index / n)];
    const year = model?.years[index % n];
    if (!model || !panel || !year) return '';
    return trainingMessages(model.lang).keyPoint(year.label, panel.title, panel.values[index % n] ?? '');
  }

  /** The year's place within its panel ("2 of 5 years"), not among all the panels' marks. */
  private positionAt(index: number): string {
    const model = this.shownModel;
    const n = model?.years.length ?? 0;
    return model && n ? trainingMessages(model.lang).yearPosition((index % n) + 1, n) : '';
  }

  protected override defaultTitle(_m: Messages): string {
    return trainingMessages(this.widgetLang).title;
  }

  protected override modelKey(): string {
    return String(this.years);
  }

  protected override buildModel(dataset: Dataset, m: Messages, lang: Lang): TrainingModel {
    return buildTrainingModel(dataset, m, lang, { years: this.years });
  }

  protected override readyDetail(model: TrainingModel): Record<string, unknown> {
    return {
      years: model.years.map((y) => y.period.key),
      panels: panelIds(model),
    };
  }

  protected override renderTable(model: TrainingModel, caption: string): TemplateResult {
    const m = this.m;
    return scrollingTable(
      caption,
      html`<thead>
          <tr>
            <th scope="col" class="text">${trainingMessages(model.lang).year}</th>
            ${model.columns.map((c) => html`<th scope="col">${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${model.years.map(
            (y) =>
              html`<tr>
                <th scope="row" class="year-col" aria-label=${y.annotation ? y.label : nothing}>
                  ${y.label}${y.annotation ? html` <span class="col-note">(${y.annotation.n})</span>` : nothing}
                </th>
                ${model.columns.map((c) => {
                  const text = cellText(y, c.key);
                  return html`<td class=${text.startsWith('[') ? 'symbol' : ''}>${text}</td>`;
                })}
              </tr>`,
          )}
          ${
            model.changes
              ? html`<tr class="changes">
                  <th scope="row">${model.changes.label}</th>
                  ${model.changes.cells.map((c) => html`<td>${c}</td>`)}
                </tr>`
              : nothing
          }
        </tbody>`,
      m,
    );
  }

  /**
   * What the chart is drawn for: the host's whole width (the measure its table
   * spans too), the height it is given (if any), the chart text's size and its
   * characters' width.
   */
  private layout(): FigureLayout {
    const height = this.size.height;
    const shown = this.size.currentWidth() || this.staticWidth || 640;
    return {
      lang: this.widgetLang,
      width: Math.max(MIN_WIDTH, this.printing ? Math.min(shown, PRINT_WIDTH) : shown),
      fontSize: this.size.fontSize || (this.presenting ? CHART_STYLE.presentingFontSize : CHART_STYLE.fontSize),
      charWidth: this.size.charEm || CHAR_EM,
      ...(height ? { height } : {}),
    };
  }

  /** The chart for a model at a layout, drawn once and kept while neither changes. */
  private chartFor(model: TrainingModel, caption: string, layout: FigureLayout, kit: ChartKit) {
    const key = `${layout.width}|${layout.fontSize}|${layout.charWidth}|${layout.height}|${layout.lang}|${caption}`;
    if (this.drawn?.model === model && this.drawn.key === key) return this.drawn;
    const chart = kit.trainingChart(model, caption, layout);
    // Named under its caption by its own figures; the summary under the panels is read once, after them.
    const svgs = chart.panels.map((p) => kit.drawPlot(p.options, { label: p.name }));
    this.drawn = { model, key, chart, svgs };
    return this.drawn;
  }

  protected override renderChart(model: TrainingModel, caption: string): TemplateResult {
    // The chart code arrives on demand (the widget renders again then).
    const kit = this.chartKit();
    if (!kit) return html`<div class="chart-nav chart-pending"></div>`;
    const { chart, svgs } = this.chartFor(model, caption, this.layout(), kit);
    const tm = trainingMessages(model.lang);
    return html`
      <div
        class="chart-nav"
        part="chart"
        data-columns=${chart.columns > 1 ? chart.columns : nothing}
        data-gap=${chart.columns > 1 ? chart.gap : nothing}
        tabindex="0"
        role="group"
        aria-label=${chart.label}
        aria-describedby="${this.uid}-keys"
        aria-details=${model.summary.length ? `${this.uid}-summary` : nothing}
        @keydown=${this.keys.onKeydown}
        @click=${this.onChartClick}
      >
        ${chart.panels.map(
          (p, i) =>
            html`<figure class="panel" part="panel" data-panel=${p.key}>
              <figcaption class="panel-title">${p.title}</figcaption>
              ${svgs[i]} ${p.note ? html`<p class="returns" part="returns">${p.note}</p>` : nothing}
            </figure>`,
        )}
      </div>
      <p class="keys-help" id="${this.uid}-keys" aria-hidden="true">${tm.keysHelp}</p>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" part="announcer">
        ${this.keys.announcement}
      </div>
    `;
  }

  protected override renderExtra(model: TrainingModel): TemplateResult | typeof nothing {
    if (!model.annotations.length) return nothing;
    return html`<p class="footer-heading" part="annotations-heading">
        ${trainingMessages(model.lang).annotationsHeading}
      </p>
      <ol class="annotations" part="annotations">
        ${model.annotations.map((a) => html`<li value=${a.n}>${a.period}: ${a.text}</li>`)}
      </ol>`;
  }

  /** A click on a mark takes its year in hand, as the arrow keys would. */
  private onChartClick = (event: Event) => {
    const label = (event.target as Element | null)?.closest?.('[aria-label]')?.getAttribute('aria-label');
    const n = this.shownModel?.years.length ?? 0;
    this.shownPanels.forEach((p, pi) => {
      const yi = p.labels.indexOf(label ?? '');
      if (yi >= 0) this.keys.select(pi * n + yi);
    });
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.shownModel !== this.keyedModel) {
      // New figures: the year in hand (if any) is put down; that redraws only when one was in hand.
      this.keyedModel = this.shownModel;
      this.keys.reset();
    }
    const index = this.keys.index;
    const nav = this.renderRoot.querySelector<HTMLElement>('.chart-nav');
    // Panels side by side (given a height too short for them stacked): the grid the chart gave, set through the
    // CSSOM, which a strict CSP allows (a style attribute is refused).
    if (nav?.dataset.columns) {
      nav.style.setProperty('grid-template-columns', `repeat(${nav.dataset.columns}, minmax(0, 1fr))`);
      nav.style.setProperty('column-gap', `${nav.dataset.gap}px`);
    } else {
      nav?.style.removeProperty('grid-template-columns');
      nav?.style.removeProperty('column-gap');
    }
    // The label finds the mark; the index finds its band (panels in order, each with a band per year).
    this.chartKit()?.highlightMark(nav, index === undefined ? undefined : this.labelAt(index), index);
  }
}

define('training-trend', TrainingTrend);

declare global {
  interface HTMLElementTagNameMap {
    'training-trend': TrainingTrend;
  }
}
