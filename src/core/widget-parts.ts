/**
 * The chrome every widget draws around its figures, as templates: the
 * header (heading, period, as-at date), the error and stale boxes, the
 * toolbar with the two views, and the footer (source, keys, notes).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Dataset, Problem, WidgetError } from './contract.js';
import { toWidgetError } from './dataset-controller.js';
import { formatDate, formatTime } from './format.js';
import type { Lang, Messages } from './messages.js';
import { MARKED_STATUSES, STATUS_MARKS, type Status } from './status.js';
import { SYMBOL_CODES, type SymbolCode } from './symbols.js';

/** What every widget's model offers the chrome. */
export interface FigureModel {
  /** The period line: "2021-22, by quarter". */
  readonly period: string;
  /** Nothing to show (valid data, but no rows for the choice made). */
  readonly empty?: string;
  readonly summary: readonly string[];
  readonly definitions: readonly { readonly n: number; readonly label: string; readonly text: string }[];
  readonly symbols: readonly SymbolCode[];
  /** Status marks shown beside figures ([p], [r], [e]), for their key. */
  readonly statuses?: readonly Status[];
  /** Notes setting a figure beside the same figure of another status (local provisional, official final). */
  readonly others?: readonly Problem[];
  readonly quality: readonly Problem[];
  /** Figures in the data this widget does not show, each named with the reason. */
  readonly omitted?: readonly Problem[];
  /** The figures shown, as rows for the CSV download (header first). */
  readonly csv: readonly (readonly string[])[];
}

export type WidgetState = 'loading' | 'loaded' | 'empty' | 'error' | 'stale';

export interface ReadyDetail {
  readonly state: WidgetState;
  readonly view: 'chart' | 'table';
  readonly lang: Lang;
  readonly [key: string]: unknown;
}

export interface ErrorDetail {
  readonly kind: string;
  readonly message: string;
  readonly messages: readonly string[];
}

declare global {
  interface HTMLElementEventMap {
    'widget-ready': CustomEvent<ReadyDetail>;
    'widget-error': CustomEvent<ErrorDetail>;
  }
}

/** The heading at `level` (2 to 6; anything else is brought into that range). */
export function headingTemplate(level: number, id: string, text: string): TemplateResult {
  switch (Math.min(6, Math.max(2, Math.round(level || 2)))) {
    case 3:
      return html`<h3 class="heading" id=${id} part="heading">${text}</h3>`;
    case 4:
      return html`<h4 class="heading" id=${id} part="heading">${text}</h4>`;
    case 5:
      return html`<h5 class="heading" id=${id} part="heading">${text}</h5>`;
    case 6:
      return html`<h6 class="heading" id=${id} part="heading">${text}</h6>`;
    default:
      return html`<h2 class="heading" id=${id} part="heading">${text}</h2>`;
  }
}

export interface HeaderParts {
  readonly id: string;
  readonly level: number;
  readonly title: string;
  readonly period?: string | undefined;
  readonly publisher?: string | undefined;
  /** Whether to show the period and publisher line. */
  readonly subtitle: boolean;
  /** The date the figures were frozen (YYYY-MM-DD). */
  readonly asAt?: string | undefined;
}

/** Heading, period and publisher line, and "Figures as at …". */
export function headerTemplate(h: HeaderParts, m: Messages): TemplateResult {
  return html`<header part="header">
    ${headingTemplate(h.level, h.id, h.title)}
    ${
      h.subtitle
        ? html`<p class="subtitle" part="subtitle">${[h.period, h.publisher].filter(Boolean).join(' · ')}</p>`
        : nothing
    }
    ${h.asAt ? html`<p class="as-at" part="as-at">${m.asAt(formatDate(h.asAt, m))}</p>` : nothing}
  </header>`;
}

/** Why there are no figures: one line, or a list of problems. */
export function errorTemplate(error: WidgetError, m: Messages): TemplateResult {
  const lines = error.describe(m);
  return html`<div class="error" role="alert" part="error">
    <p class="error-title">${m.errorTitle}</p>
    ${
      lines.length === 1
        ? html`<p>${lines[0]}</p>`
        : html`<ul>
            ${lines.map((l) => html`<li>${l}</li>`)}
          </ul>`
    }
  </div>`;
}

/** The figures shown were last known current at `checkedAt`; `error` says why they could not be updated. */
export function staleTemplate(error: WidgetError, checkedAt: Date, m: Messages): TemplateResult {
  return html`<div class="stale" part="stale" role="alert">
    <p>${m.stale(formatTime(checkedAt))}</p>
    <p>${m.staleReason(error.describe(m, 1)[0] ?? '')}</p>
  </div>`;
}

export interface ViewParts {
  readonly uid: string;
  readonly view: 'table' | 'chart';
  readonly table: TemplateResult;
  readonly chart: TemplateResult;
  readonly summary: readonly string[];
  readonly extra: TemplateResult | typeof nothing;
  readonly toggle: () => void;
  readonly download: () => void;
  /**
   * Both views shown, one after the other, and no toggle: a prerendered widget
   * (`render --format html`) keeps the layout it was served with (see prerendered.ts).
   */
  readonly allViews?: boolean;
}

/** The toolbar, the table and chart views (one hidden, or both shown), the summary and any extra figures. */
export function viewsTemplate(v: ViewParts, m: Messages): TemplateResult {
  const all = v.allViews === true;
  const tableShown = all || v.view !== 'chart';
  const chartShown = all || v.view === 'chart';
  return html`
    <div class="toolbar" part="toolbar">
      ${
        all
          ? nothing
          : html`<button type="button" part="toggle" aria-controls="${v.uid}-table ${v.uid}-chart" @click=${v.toggle}>
              ${tableShown ? m.showChart : m.showTable}
            </button>`
      }
      <button type="button" part="download" @click=${v.download}>${m.download}</button>
    </div>
    <div class="view table-view" id="${v.uid}-table" part="table-view" ?hidden=${!tableShown}>${v.table}</div>
    <div
      class="view chart-view ${all ? 'after-table' : ''}"
      id="${v.uid}-chart"
      part="chart-view"
      ?hidden=${!chartShown}
    >
      ${v.chart}
    </div>
    ${
      v.summary.length
        ? html`<p class="summary" id="${v.uid}-summary" part="summary">${v.summary.join(' ')}</p>`
        : nothing
    }
    ${v.extra}
  `;
}

const webLink = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function sourceLine(dataset: Dataset | undefined, m: Messages) {
  const source = dataset?.source;
  if (!source && !dataset?.updated) return nothing;
  const url = webLink(source?.url);
  return html`<p class="meta">
    ${
      source
        ? html`${m.source}: ${url ? html`<a href=${url} rel="noopener">${source.name}</a>` : source.name}.`
        : nothing
    }
    ${dataset?.updated ? html`${m.updated}: ${formatDate(dataset.updated, m)}.` : nothing}
  </p>`;
}

/** A footer section: its heading, then the list (a key, a list of notes or the numbered definitions). */
function section(heading: string, list: TemplateResult) {
  return html`<p class="footer-heading">${heading}</p>
    ${list}`;
}

function keys(model: FigureModel | undefined, m: Messages) {
  const symbols = model ? SYMBOL_CODES.filter((c) => model.symbols.includes(c)) : [];
  const statuses = model?.statuses ? MARKED_STATUSES.filter((s) => model.statuses!.includes(s)) : [];
  return html`${
    symbols.length
      ? section(
          m.symbolKey,
          html`<dl class="symbol-key" part="symbol-key">
            ${symbols.map(
              (c) =>
                html`<dt>[${c}]</dt>
                  <dd>${m.symbols[c]}</dd>`,
            )}
          </dl>`,
        )
      : nothing
  }${
    statuses.length
      ? section(
          m.statusKey,
          html`<dl class="symbol-key status-key" part="status-key">
            ${statuses.map(
              (s) =>
                html`<dt>${`[${STATUS_MARKS[s]}]`}</dt>
                  <dd>${m.statuses[s]}</dd>`,
            )}
          </dl>`,
        )
      : nothing
  }`;
}

function sourcesList(dataset: Dataset | undefined, m: Messages) {
  const sources = dataset?.sources ?? [];
  if (!sources.length) return nothing;
  return section(
    m.figureSources,
    html`<ul class="notes sources" part="sources">
      ${sources.map((s) => {
        const url = webLink(s.url);
        return html`<li>${url ? html`<a href=${url} rel="noopener">${s.name}</a>` : s.name}</li>`;
      })}
    </ul>`,
  );
}

function notesLists(model: FigureModel | undefined, dataset: Dataset | undefined, uid: string, m: Messages) {
  const omitted = problemsSection(m.notShown, 'notes omitted', 'omitted', model?.omitted, m);
  const quality = problemsSection(m.dataQuality, 'quality', 'quality', model?.quality, m);
  return html`${
    model?.definitions.length
      ? section(
          m.definitions,
          html`<ol class="definitions" part="definitions">
            ${model.definitions.map(
              (d) => html`<li id="${uid}-def-${d.n}" value=${d.n}><strong>${d.label}</strong>: ${d.text}</li>`,
            )}
          </ol>`,
        )
      : nothing
  }${
    dataset?.notes.length
      ? section(
          m.notes,
          html`<ul class="notes" part="notes">
            ${dataset.notes.map((n) => html`<li>${n}</li>`)}
          </ul>`,
        )
      : nothing
  }${omitted}${quality}`;
}

/** A titled list of notes about the figures, each in the widget's language; nothing when there are none. */
function problemsSection(
  title: string,
  className: string,
  part: string,
  problems: readonly Problem[] | undefined,
  m: Messages,
) {
  return problems?.length
    ? section(
        title,
        html`<ul class=${className} part=${part}>
          ${problems.map((p) => html`<li>${p(m)}</li>`)}
        </ul>`,
      )
    : nothing;
}

/** Source and dates, keys to symbols and status marks, other figures, sources, definitions, notes, quality. */
export function footerTemplate(
  model: FigureModel | undefined,
  dataset: Dataset | undefined,
  uid: string,
  m: Messages,
): TemplateResult {
  const others = problemsSection(m.otherFigures, 'notes others', 'others', model?.others, m);
  return html`<footer class="footer" part="footer">
    ${sourceLine(dataset, m)} ${keys(model, m)} ${others} ${sourcesList(dataset, m)}
    ${notesLists(model, dataset, uid, m)}
  </footer>`;
}

/** What `willUpdate` works out from the data for `render()` to show. */
export interface Derived<M> {
  readonly state: WidgetState;
  readonly busy: boolean;
  readonly model?: M | undefined;
  readonly error?: WidgetError | undefined;
  /** The toolbar, views and summary, when there are figures to show. */
  readonly figure: TemplateResult | typeof nothing;
}

/** The state from what there is to show: figures and no error, figures and an error (stale), and so on. */
export function stateOf(model: FigureModel | undefined, error: WidgetError | undefined): WidgetState {
  if (error) return model ? 'stale' : 'error';
  if (model) return model.empty ? 'empty' : 'loaded';
  return 'loading';
}

/** What `willUpdate` works from: the data source's state, and the widget's own steps. */
export interface DeriveSteps<M extends FigureModel> {
  /** Why the data could not be loaded, if so. */
  readonly error: WidgetError | undefined;
  /** True while the data is loading. */
  readonly busy: boolean;
  /** The model of the data shown (may throw). */
  model(): M | undefined;
  /** True while the figures should wait (a chart-first widget's chart code is on its way). */
  hold(): boolean;
  /** The toolbar, views and summary of the model (may throw). */
  views(model: M): TemplateResult;
}

/**
 * The state, model, error and figures to show. A fault while building the model or drawing the
 * figures (never expected) ends in the error state with a message, never a blank widget.
 */
export function deriveFigures<M extends FigureModel>(steps: DeriveSteps<M>): Derived<M> {
  let error = steps.error;
  let model: M | undefined;
  try {
    model = steps.model();
  } catch (e) {
    error = toWidgetError(e);
  }
  if (model && !model.empty && steps.hold()) return { state: 'loading', busy: true, figure: nothing };
  let figure: TemplateResult | typeof nothing = nothing;
  if (model && !model.empty) {
    try {
      figure = steps.views(model);
    } catch (e) {
      error = toWidgetError(e);
      model = undefined;
    }
  }
  const busy = steps.busy && !error;
  return { state: stateOf(model, error), busy, model, error, figure };
}

/** What `render()` shows, besides what `willUpdate` worked out. */
export interface FrameParts<M extends FigureModel> extends Derived<M> {
  readonly uid: string;
  readonly lang: Lang;
  /** The heading's level and text. */
  readonly level: number;
  readonly title: string;
  /** The `data-as-at` attribute, which overrides the data's. */
  readonly asAt: string | undefined;
  readonly dataset: Dataset | undefined;
  /** When the figures shown were last known current (for the stale note). */
  readonly checkedAt: Date | undefined;
  /** What the live region says when nothing is loading. */
  readonly announcement: string;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

/** The whole widget: header, live region, error or stale note, figures or "no figures", footer. */
export function widgetTemplate<M extends FigureModel>(w: FrameParts<M>, m: Messages): TemplateResult {
  const { state, busy, model, error, dataset } = w;
  const header = {
    id: `${w.uid}-heading`,
    level: w.level,
    title: w.title,
    period: model?.period,
    publisher: dataset?.publisher,
    subtitle: Boolean(model || dataset?.publisher),
    asAt: w.asAt || dataset?.asAt,
  };
  return html`
    <section
      class="widget"
      part="base"
      aria-labelledby="${w.uid}-heading"
      aria-busy=${busy ? 'true' : 'false'}
      data-state=${state}
      lang=${w.lang === 'cy' ? 'cy' : 'en-GB'}
      @keydown=${w.onKeydown}
    >
      ${headerTemplate(header, m)}
      <div class="status" role="status" part="status">${busy ? m.loading : w.announcement}</div>
      ${error && state === 'error' ? errorTemplate(error, m) : nothing}
      ${state === 'stale' && error && w.checkedAt ? staleTemplate(error, w.checkedAt, m) : nothing}
      ${model?.empty ? html`<p class="empty" part="empty">${model.empty}</p>` : nothing} ${w.figure}
      ${model || dataset ? footerTemplate(model, dataset, w.uid, m) : nothing}
    </section>
  `;
}

/** Registers an element unless a copy of this library already did (a page may include the script twice). */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
