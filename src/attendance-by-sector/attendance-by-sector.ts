import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from '../core/properties.js';
import { CHAR_EM, ChartSize, PRINT_WIDTH } from '../core/chart-size.js';
import { ChartKeyboard, chartKeyboardMessages, chartKeyboardStyles } from '../core/chart-keyboard.js';
import type { Dataset } from '../core/contract.js';
import type { Lang, Messages } from '../core/messages.js';
import { paletteStyles, yearRoleClass } from '../core/palette.js';
import { plotStyles } from '../core/plot.js';
import { chrome, tokens } from '../core/styles.js';
import { isSymbol } from '../core/symbols.js';
import { definitionLink, scrollingTable } from '../core/table-parts.js';
import { tableStyles } from '../core/table-styles.js';
import { CHART_STYLE } from '../core/theme.js';
import { define, PartnershipWidget } from '../core/widget.js';
import { attendanceStyles } from './attendance-by-sector.styles.js';
import type { FigureDescription } from '../core/figure.js';
import type { ChartKit } from '../core/charts.js';
import { attendanceMessages } from './messages.js';
import { buildAttendanceModel, type AttendanceModel, type Change } from './model.js';

/** A chart drawn for a model: its description and the SVG Plot drew from it, for one layout. */
interface Drawn {
  readonly model: AttendanceModel;
  readonly key: string;
  readonly figure: FigureDescription;
  readonly svg: Element;
}

/**
 * @tag attendance-by-sector
 * @summary Attendance at multi-agency meetings (such as Local Safeguarding
 * Children Groups) by sector, the latest year against the previous one:
 * grouped horizontal bars coloured by year, a table, attendance by meeting
 * format with the average per meeting, and one-off events kept apart.
 *
 * @attr src - URL of a JSON envelope or tidy CSV file.
 * @attr measure - Id of the measure shown by sector (default: the first measure with `sector` rows).
 * @attr year - The latest reporting year to show, e.g. `2024-25` (default: the latest in the data).
 * @attr sort - `value` (default): sectors by the latest year, largest first; `data`: in data order.
 *
 * @csspart chart-view - The chart's wrapper (legend, chart, keyboard help).
 * @csspart table - The `<table>` of sectors by year.
 * @csspart legend - The key to the years' colours, above the chart.
 * @csspart chart - The focusable chart (one tab stop; arrow keys move between bars).
 * @csspart announcer - The polite live region that reads the bar in hand.
 * @csspart summary - The plain-English summary (the chart's text alternative).
 * @csspart formats - Meetings, attendances and averages by meeting format.
 * @csspart formats-table - The meeting-format `<table>`.
 * @csspart separate - Figures counted separately (a one-off all-groups meeting).
 *
 * @cssproperty --pw-focus-color - Focus highlight, and the band behind the bar in hand (default #ffdd00).
 * @cssproperty --pw-chart-max-height - The height the chart may take, in px (default: none; presenting: the height of a
 * container that scrolls, as a slide's stage). The bars and gaps get thinner to fit it, down to one line of text a bar; shorter
 * still, the chart is a row a sector (the latest year's bar, the previous year an upright line named in the key); the text never shrinks.
 * @cssproperty --pw-series-1 - The years' colour: the latest solid, the previous outlined and lightly hatched (default #12436d, dark blue).
 *
 * @event {CustomEvent<{state: 'loaded' | 'empty'; view: 'table' | 'chart'; lang: 'en' | 'cy'; measure?: string; year?: string; previousYear?: string; sort: 'value' | 'data'; sectors: string[]; formats: string[]}>} widget-ready - Figures were rendered (not sent again for a stale refresh).
 */
export class AttendanceBySector extends PartnershipWidget<AttendanceModel> {
  static override styles = [
    tokens,
    chrome,
    plotStyles,
    paletteStyles,
    tableStyles,
    chartKeyboardStyles,
    attendanceStyles,
  ];

  /** Id of the measure shown by sector; default the first measure with `sector` rows. */
  @property() measure?: string;

  /** The latest reporting year to show (`2024-25`); default the latest in the data. */
  @property() year?: string;

  /** `value` (default): sectors by the latest year, largest first; `data`: in data order. */
  @property() sort?: 'value' | 'data';

  /** The host's width and the chart's text size, measured; the chart is drawn to fit them. */
  private readonly size = new ChartSize(this, '.chart-nav', '.chart-nav');

  private readonly keys = new ChartKeyboard(this, {
    count: () => this.drawn?.model.bars.length ?? 0,
    label: (i) => this.drawn?.model.bars[i]?.label ?? '',
    // Bars are sectors by year: the place is the sector's, among the sectors.
    position: (i) => {
      const model = this.drawn?.model;
      const perSector = Math.max(1, model?.years.length ?? 1);
      return attendanceMessages(this.widgetLang).sectorPosition(
        Math.floor(i / perSector) + 1,
        model?.sectors.length ?? 0,
      );
    },
    lang: () => this.widgetLang,
    leave: () => this.renderRoot.querySelector<HTMLElement>('[part="toggle"]')?.focus(),
  });

  /** The dataset each model was built from (a model's figure description needs both). */
  private readonly sources = new WeakMap<AttendanceModel, Dataset>();
  /** The chart last drawn (kept while the model and layout stay the same). */
  private drawn?: Drawn;
  /** The model the keyboard's bar in hand belongs to. */
  private keyedModel?: AttendanceModel;

  constructor() {
    super();
    // The chart is what this widget is for; the table is one key (t) or one button away.
    this.view = 'chart';
  }

  protected override defaultTitle(_m: Messages): string {
    return attendanceMessages(this.widgetLang).title;
  }

  protected override modelKey(): string {
    return `${this.measure ?? ''}|${this.year ?? ''}|${this.sort ?? ''}`;
  }

  protected override buildModel(dataset: Dataset, m: Messages, lang: Lang): AttendanceModel {
    const model = buildAttendanceModel(dataset, m, lang, {
      ...(this.measure ? { measure: this.measure } : {}),
      ...(this.year ? { year: this.year } : {}),
      ...(this.sort ? { sort: this.sort } : {}),
    });
    this.sources.set(model, dataset);
    return model;
  }

  protected override readyDetail(model: AttendanceModel): Record<string, unknown> {
    return {
      measure: model.measure?.id,
      year: model.years[0]?.key,
      previousYear: model.years[1]?.key,
      sort: model.sort,
      sectors: model.sectors.map((s) => s.sector),
      formats: model.formats?.groups[0]?.rows.filter((r) => !r.total).map((r) => r.format) ?? [],
    };
  }

  private footnote(n: number | undefined) {
    return n ? definitionLink(this.renderRoot, this.uid, n, this.m) : nothing;
  }

  /** Text with its reporting years ("2023-24") kept on one line. */
  private keepYears(text: string) {
    return text.split(/(\d{4}-\d{2})/).map((part, i) => (i % 2 ? html`<span class="year">${part}</span>` : part));
  }

  private renderChange(change: Change | undefined) {
    if (!change) return html`<td></td>`;
    const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
    return html`<td class="change ${change.direction === 'none' ? 'symbol' : ''}">
      <span class="arrow" aria-hidden="true">${arrow}</span>${change.text}
    </td>`;
  }

  protected override renderTable(model: AttendanceModel, caption: string): TemplateResult {
    const m = this.m;
    const a = attendanceMessages(this.widgetLang);
    const span = model.years.length + (model.changeLabel ? 1 : 0);
    const row = (r: { sector: string; cells: AttendanceModel['sectors'][number]['cells']; change?: Change }) =>
      html`<th scope="row">${r.sector}</th>
        ${r.cells.map((c) => html`<td class=${isSymbol(c.value) ? 'symbol' : ''}>${c.text}</td>`)}
        ${model.changeLabel ? this.renderChange(r.change) : nothing}`;
    return scrollingTable(
      caption,
      html`<colgroup>
          <col />
        </colgroup>
        <colgroup span=${span}></colgroup>
        <thead>
          <tr>
            <th scope="col" rowspan="2" class="text">${a.sector}</th>
            <th
              scope="colgroup"
              colspan=${span}
              class="group"
              aria-label=${model.footnote && model.measure ? model.measure.label : nothing}
            >
              ${model.measure?.label}${this.footnote(model.footnote)}
            </th>
          </tr>
          <tr>
            ${model.years.map(
              (y) =>
                html`<th scope="col"><span class="year">${y.label}</span><span class="col-note">${y.note}</span></th>`,
            )}
            ${model.changeLabel ? html`<th scope="col">${this.keepYears(model.changeLabel)}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${model.sectors.map(
            (r) =>
              html`<tr>
                ${row(r)}
              </tr>`,
          )}
        </tbody>
        ${
          model.total
            ? html`<tfoot>
                <tr>
                  ${row(model.total)}
                </tr>
              </tfoot>`
            : nothing
        }`,
      m,
    );
  }

  /** The chart for a model at the width and type measured: described, then drawn by Plot (once per layout). */
  private chartFor(model: AttendanceModel, kit: ChartKit): Drawn {
    const shown = this.size.currentWidth() || this.staticWidth || 640;
    const width = kit.attendanceChartWidth(this.printing ? Math.min(shown, PRINT_WIDTH) : shown);
    const fontSize = this.size.fontSize || (this.presenting ? CHART_STYLE.presentingFontSize : CHART_STYLE.fontSize);
    const charWidth = this.size.charEm || CHAR_EM;
    const height = this.size.height;
    const key = [this.widgetLang, this.heading ?? '', width, fontSize, charWidth, height].join('|');
    const drawn = this.drawn;
    if (drawn && drawn.model === model && drawn.key === key) return drawn;
    const dataset = this.sources.get(model)!;
    const layout = { lang: this.widgetLang, width, fontSize, charWidth, ...(height ? { height } : {}) };
    const figure = kit.describeAttendanceFigure(dataset, model, layout, {
      ...(this.heading ? { heading: this.heading } : {}),
      patternId: `${this.uid}-hatch`,
    });
    const panel = figure.panels[0]!;
    return (this.drawn = { model, key, figure, svg: kit.drawPlot(panel.options, { label: panel.label }) });
  }

  protected override renderChart(model: AttendanceModel, caption: string): TemplateResult {
    const a = attendanceMessages(this.widgetLang);
    // The chart code arrives on demand (the widget renders again then).
    const kit = this.chartKit();
    if (!kit) return html`<div class="chart-nav chart-pending"></div>`;
    const { figure, svg } = this.chartFor(model, kit);
    return html`
      <ul class="legend" part="legend" aria-label=${a.legend}>
        ${(figure.legend ?? []).map(
          (item) =>
            html`<li>
              <span
                class="swatch ${yearRoleClass(item.role)} ${item.mark === 'line' ? 'swatch-line' : ''}"
                aria-hidden="true"
              ></span
              >${item.text}
            </li>`,
        )}
      </ul>
      <div
        class="chart-nav"
        part="chart"
        tabindex="0"
        role="group"
        aria-label=${caption}
        aria-describedby="${this.uid}-keys"
        aria-details=${model.summary.length ? `${this.uid}-summary` : nothing}
        @keydown=${this.keys.onKeydown}
        @click=${this.onChartClick}
      >
        ${svg}
      </div>
      <p class="keys-help" id="${this.uid}-keys" aria-hidden="true">
        ${chartKeyboardMessages(this.widgetLang).instructions}
      </p>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" part="announcer">
        ${this.keys.announcement}
      </div>
    `;
  }

  /** A click (or tap) on a bar takes it in hand, as the arrow keys would. */
  private onChartClick = (event: Event) => {
    const target = (event.target as Element | null)?.closest?.('[aria-label]');
    const label = target?.getAttribute('aria-label');
    const index = this.drawn?.model.bars.findIndex((b) => b.label === label) ?? -1;
    if (index >= 0) this.keys.select(index);
  };

  protected override renderExtra(model: AttendanceModel): TemplateResult | typeof nothing {
    const m = this.m;
    const a = attendanceMessages(this.widgetLang);
    const formats = model.formats;
    return html`
      ${
        formats
          ? html`<div class="formats" part="formats">
              <div class="scroll" tabindex="0" role="region" aria-label=${m.scrollRegion(a.formatsCaption)}>
                <table class="data-table" part="formats-table">
                  <caption>
                    ${a.formatsCaption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" class="text">${a.format}</th>
                      ${formats.columns.map(
                        (c) =>
                          html`<th scope="col" aria-label=${c.footnote ? c.measure.label : nothing}>
                            ${c.measure.label}${this.footnote(c.footnote)}
                          </th>`,
                      )}
                    </tr>
                  </thead>
                  ${formats.groups.map(
                    (group) =>
                      html`<tbody>
                        <tr>
                          <th scope="rowgroup" colspan=${formats.columns.length + 1} class="group-heading">
                            ${group.year}
                          </th>
                        </tr>
                        ${group.rows.map(
                          (r) =>
                            html`<tr class=${r.total ? 'total' : ''}>
                              <th scope="row">${r.label}</th>
                              ${r.cells.map((c) => html`<td class=${isSymbol(c.value) ? 'symbol' : ''}>${c.text}</td>`)}
                            </tr>`,
                        )}
                      </tbody>`,
                  )}
                </table>
              </div>
            </div>`
          : nothing
      }
      ${
        model.separate.length
          ? html`<div class="separate" part="separate">
              <p class="separate-heading">${a.separate}</p>
              <ul>
                ${model.separate.map(
                  (s) =>
                    html`<li>
                      ${s.measure.label}${this.footnote(s.footnote)}, ${s.year}: <strong>${s.cell.text}</strong>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const model = this.drawn?.model;
    // New figures (another year, a refresh): the bar in hand was one of the old ones.
    if (model !== this.keyedModel) {
      this.keyedModel = model;
      this.keys.reset();
    }
    const index = this.keys.index;
    const svg = this.renderRoot.querySelector('.chart-nav svg');
    this.chartKit()?.highlightMark(svg, index === undefined ? undefined : model?.bars[index]?.label, index);
  }
}

define('attendance-by-sector', AttendanceBySector);

declare global {
  interface HTMLElementTagNameMap {
    'attendance-by-sector': AttendanceBySector;
  }
}
