/**
 * The base every widget extends: data in (src, inline JSON, `data`), a Task
 * that loads it, the five states, the figure chrome, events, language and the
 * chart/table toggle. A widget supplies only its model and its views.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { validateEnvelope, WidgetError, type Dataset, type Problem } from './contract.js';
import { formatCsv } from './csv.js';
import { formatDate, formatTime } from './format.js';
import { loadText, requestKey, watchRefresh, type RefreshResult } from './loader.js';
import { messages, nearestLang, normaliseLang, type Lang, type Messages } from './messages.js';
import { NUMBER_SPECS, property } from './properties.js';
import { detectFormat, readText } from './readers.js';
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

interface Loaded {
  readonly dataset: Dataset;
  readonly key: string;
  readonly at: Date;
}

/** Text from the shared refresh of `src` (see `watchRefresh`), waiting to be read. */
interface Refreshed {
  readonly key: string;
  readonly text: string;
  readonly contentType: string;
  readonly url: string;
}

/** One observer for every widget: re-read the language when any `lang` changes. */
const langListeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;
function watchLang(listener: () => void): () => void {
  if (!langObserver) {
    langObserver = new MutationObserver(() => langListeners.forEach((l) => l()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}

/**
 * One listener for every widget: whether the page is being printed, so a
 * widget can draw a view it keeps hidden on screen (print shows both).
 */
const printListeners = new Set<(printing: boolean) => void>();
let printWatched = false;
function watchPrint(listener: (printing: boolean) => void): () => void {
  if (!printWatched) {
    printWatched = true;
    const tell = (printing: boolean) => printListeners.forEach((l) => l(printing));
    window.addEventListener('beforeprint', () => tell(true));
    window.addEventListener('afterprint', () => tell(false));
    window.matchMedia('print').addEventListener('change', (e) => tell(e.matches));
  }
  printListeners.add(listener);
  return () => printListeners.delete(listener);
}

let idCounter = 0;

export abstract class PartnershipWidget<M extends FigureModel> extends LitElement {
  /** URL of a JSON envelope or tidy CSV file. Changing it reloads. */
  @property({ reflect: true }) src?: string;

  /**
   * Data from JavaScript: an envelope object, or JSON or tidy CSV text. Takes
   * precedence over `src` and inline data.
   */
  @property({ attribute: false }) data?: unknown;

  /** Overrides the data's title. */
  @property() heading?: string;

  /** The heading's level, 2 to 6, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level', number: NUMBER_SPECS.headingLevel }) headingLevel = 2;

  /** `table` or `chart`: which view shows first. `t` toggles while focused. */
  @property({ reflect: true }) view: 'table' | 'chart' = 'table';

  /** Larger type and marks for a projector. `p` toggles while focused. */
  @property({ type: Boolean, reflect: true }) presenting = false;

  /**
   * Revalidate `src` every N seconds (0 or absent: never; at least 5). Widgets on one URL share one
   * conditional request per interval and redraw only when the text changed. A failed refresh keeps
   * the old figures (stale state).
   */
  @property({ type: Number, number: NUMBER_SPECS.refresh }) refresh = 0;

  /** Month the reporting year starts (1-12) when the data does not say; default 4 (April). */
  @property({ type: Number, attribute: 'year-start-month', number: NUMBER_SPECS.yearStartMonth })
  yearStartMonth?: number;

  /** Seconds before a request is given up. */
  @property({ type: Number, number: NUMBER_SPECS.timeout }) timeout = 15;

  /** `dark` switches the default palette for a dark host page; `light` (or none) is the default. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * The date the figures were frozen (YYYY-MM-DD), for a board paper: shown as
   * "Figures as at 29 September 2021". Overrides the data's `asAt`.
   */
  @property({ attribute: 'data-as-at' }) asAt?: string;

  @state() protected widgetLang: Lang = 'en';
  /** True while the page is printed (beforeprint, or print media). */
  @state() protected printing = false;
  /** Data inside the element: `<script type="application/json">` or `<script type="text/csv">`. */
  @state() private inlineText?: { text: string; format: 'json' | 'csv' };
  @state() private reloads = 0;
  /** New text from a refresh: the task reads it. */
  @state() private refreshed?: Refreshed;
  /** Why the last refresh failed, while the figures shown are the last good ones (stale). */
  @state() private refreshError?: WidgetError;

  /** The state the widget is in, for scripts and tests. */
  get state(): WidgetState {
    return this.currentState;
  }

  protected readonly uid = `pw${++idCounter}`;
  private lastGood?: Loaded;
  private currentState: WidgetState = 'loading';
  private announced?: unknown;
  private unwatchLang?: () => void;
  private unwatchPrint?: () => void;
  private unwatchRefresh?: () => void;
  /** What the refresh subscription is for (URL, interval, timeout), to subscribe again only when it changes. */
  private watching = '';
  /** The text last given to the reader, by source: a refresh with the same text changes nothing. */
  private lastText?: { key: string; text: string };
  /** When a refresh last found the figures unchanged (for the stale message's time). */
  private confirmed?: { key: string; at: Date };
  private childObserver?: MutationObserver;
  private lastReloads = 0;
  private abortedOnDisconnect = false;
  private shownError?: WidgetError;
  private cachedModel?: { dataset: Dataset; lang: Lang; key: string; model: M };
  /** Static rendering only (see `renderStatically`): the figures, shown without loading. */
  private staticData?: Loaded;
  /** Static rendering only: the chart width a page would have measured (0: not static). */
  protected staticWidth = 0;

  private readonly task = new Task(this, {
    task: async ([src, data, inline, reloads, refreshed], { signal }): Promise<Loaded> => {
      const options = this.yearStartMonth ? { yearStartMonth: this.yearStartMonth } : {};
      const fresh = reloads !== this.lastReloads;
      this.lastReloads = reloads;
      if (typeof data === 'string') {
        // JSON or CSV text: what a page under Trusted Types cannot put into a <script> child.
        return { dataset: readText(data, detectFormat(data), options), key: 'data', at: new Date() };
      }
      if (data !== undefined) {
        return { dataset: validateEnvelope(data, options), key: 'data', at: new Date() };
      }
      if (inline !== undefined) {
        return { dataset: readText(inline.text, inline.format, options), key: 'inline', at: new Date() };
      }
      if (src) {
        const key = `src:${src}`;
        const loaded =
          !fresh && refreshed?.key === key
            ? refreshed
            : await loadText(src, { signal, timeout: this.timeout * 1000, fresh });
        this.lastText = { key, text: loaded.text };
        const format = detectFormat(loaded.text, loaded.contentType, loaded.url);
        return { dataset: readText(loaded.text, format, options), key, at: new Date() };
      }
      throw new WidgetError('config', [(m) => m.errors.noSource]);
    },
    args: () => [this.src, this.data, this.inlineText, this.reloads, this.refreshed] as const,
  });

  /**
   * For static rendering in Node only (Lit SSR, `partnership-widgets render`),
   * before the element renders; never called on a page. Shows this dataset at
   * once instead of loading, in this language, with charts `width` px wide,
   * and draws every view as for print (a static page has no button to show
   * the other). No observer, timer or request is started: Lit SSR does not
   * connect the element.
   * @internal
   */
  renderStatically(dataset: Dataset, options: { lang: Lang; width: number }): void {
    this.staticData = { dataset, key: 'static', at: new Date() };
    this.widgetLang = options.lang;
    this.staticWidth = options.width;
    this.printing = true;
  }

  /** Fetches the data again (bypassing a request already in flight). */
  reload(): void {
    this.refreshError = undefined;
    this.refreshed = undefined;
    this.reloads++;
  }

  /** The figures shown, as CSV text (what "Download data (CSV)" saves). */
  toCSV(): string {
    const model = this.model();
    return model ? formatCsv(model.csv) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readLang();
    this.unwatchLang = watchLang(() => this.readLang());
    this.printing = window.matchMedia('print').matches;
    this.unwatchPrint = watchPrint((printing) => {
      this.printing = printing;
      // Drawn now, not in the next microtask: Firefox takes its copy of the
      // page for printing as soon as beforeprint has been dispatched.
      if (printing && this.isUpdatePending) this.performUpdate();
    });
    this.readInline();
    this.childObserver = new MutationObserver(() => this.readInline());
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    this.startRefresh();
    // A widget moved in the DOM was aborted on the way out: load again.
    if (this.abortedOnDisconnect) {
      this.abortedOnDisconnect = false;
      void this.task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedOnDisconnect = true;
      this.task.abort();
    }
    this.unwatchLang?.();
    this.unwatchPrint?.();
    this.childObserver?.disconnect();
    this.stopRefresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Text refreshed for another address must not stand in for this one's.
    if (changed.has('src') && this.refreshed) this.refreshed = undefined;
    if (
      changed.has('refresh') ||
      changed.has('src') ||
      changed.has('timeout') ||
      changed.has('data') ||
      changed.has('inlineText' as keyof PartnershipWidget<M>)
    ) {
      this.startRefresh();
    }
  }

  /** Joins the shared refresh of `src` (one revalidation per URL and interval, whoever asks). */
  private startRefresh() {
    const src = this.isConnected && this.refresh > 0 && this.data === undefined && !this.inlineText ? this.src : '';
    const watching = src ? `${requestKey(src)} ${this.refresh} ${this.timeout}` : '';
    if (watching === this.watching) return;
    this.stopRefresh();
    if (!src) return;
    this.watching = watching;
    const key = `src:${src}`;
    this.unwatchRefresh = watchRefresh(src, { interval: this.refresh * 1000, timeout: this.timeout * 1000 }, (result) =>
      this.refreshedWith(key, result),
    );
  }

  private stopRefresh() {
    this.unwatchRefresh?.();
    this.unwatchRefresh = undefined;
    this.watching = '';
  }

  /** A refresh's answer: new text is read and drawn; the same text changes nothing; a failure shows stale. */
  private refreshedWith(key: string, result: RefreshResult) {
    // The widget's own load (first, after a change of `src`, or reload()) is still on its way.
    if (this.task.status === TaskStatus.PENDING || `src:${this.src}` !== key) return;
    if ('error' in result) {
      if (!isAbort(result.error)) this.refreshError = toWidgetError(result.error);
      return;
    }
    if (this.refreshError) this.refreshError = undefined;
    const { text, contentType, url } = result.loaded;
    if (this.lastText?.key === key && this.lastText.text === text) {
      this.confirmed = { key, at: new Date() };
      return;
    }
    this.refreshed = { key, text, contentType, url };
  }

  private readLang() {
    this.widgetLang = normaliseLang(nearestLang(this));
  }

  private readInline() {
    const script = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    const text = script?.textContent ?? undefined;
    const format = script?.getAttribute('type') === 'text/csv' ? 'csv' : 'json';
    if (text === undefined) {
      if (this.inlineText !== undefined) this.inlineText = undefined;
    } else if (text !== this.inlineText?.text || format !== this.inlineText.format) {
      this.inlineText = { text, format };
    }
  }

  protected get m(): Messages {
    return messages(this.widgetLang);
  }

  /** Builds the widget's model from the data. May throw a WidgetError. */
  protected abstract buildModel(dataset: Dataset, m: Messages, lang: Lang): M;
  /** A key of the options the model depends on (attributes such as `year`). */
  protected modelKey(): string {
    return '';
  }
  protected abstract renderTable(model: M, caption: string): TemplateResult;
  protected abstract renderChart(model: M, caption: string): TemplateResult;
  /** The title when neither data nor `heading` gives one. */
  protected abstract defaultTitle(m: Messages): string;
  /** Extra detail for `widget-ready`. */
  protected readyDetail(_model: M): Record<string, unknown> {
    return {};
  }
  /** Figures shown in both views, after the summary (e.g. a second, small table). */
  protected renderExtra(_model: M): TemplateResult | typeof nothing {
    return nothing;
  }

  private model(): M | undefined {
    const loaded = this.shownData();
    if (!loaded) return undefined;
    const key = this.modelKey();
    const c = this.cachedModel;
    if (c && c.dataset === loaded.dataset && c.lang === this.widgetLang && c.key === key) return c.model;
    const model = this.buildModel(loaded.dataset, this.m, this.widgetLang);
    this.cachedModel = { dataset: loaded.dataset, lang: this.widgetLang, key, model };
    return model;
  }

  /** The data on screen: the task's value, or the last good value during a refresh or after it failed. */
  private shownData(): Loaded | undefined {
    if (this.staticData) return this.staticData;
    const status = this.task.status;
    if (status === TaskStatus.COMPLETE) this.lastGood = this.task.value;
    const currentKey = this.data !== undefined ? 'data' : this.inlineText !== undefined ? 'inline' : `src:${this.src}`;
    if (this.lastGood && this.lastGood.key !== currentKey) this.lastGood = undefined;
    return this.lastGood;
  }

  /** When the figures shown were last known to be current: loaded, or confirmed unchanged by a refresh since. */
  private checkedAt(loaded: Loaded): Date {
    const confirmed = this.confirmed;
    return confirmed && confirmed.key === loaded.key && confirmed.at > loaded.at ? confirmed.at : loaded.at;
  }

  private figureTitle(): string {
    return this.heading || this.shownData()?.dataset.title || this.defaultTitle(this.m);
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if (event.key === 't' || event.key === 'T') {
      this.toggleView();
      event.preventDefault();
    } else if (event.key === 'p' || event.key === 'P') {
      this.presenting = !this.presenting;
      event.preventDefault();
    }
  };

  /** Switches between the chart and the table. */
  toggleView(): void {
    this.view = this.view === 'table' ? 'chart' : 'table';
  }

  private download() {
    const blob = new Blob([`\uFEFF${this.toCSV()}`], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${slug(this.figureTitle())}.csv`;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private renderHeading(text: string) {
    const id = `${this.uid}-heading`;
    switch (Math.min(6, Math.max(2, Math.round(this.headingLevel || 2)))) {
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

  protected override render(): TemplateResult {
    const m = this.m;
    const status = this.task.status;
    const loaded = this.shownData();
    let model: M | undefined;
    let error: WidgetError | undefined;
    // An abort (the widget was removed mid-load) is not an error to show; the load restarts on reconnection.
    if (status === TaskStatus.ERROR && !isAbort(this.task.error)) error = toWidgetError(this.task.error);
    else if (status === TaskStatus.COMPLETE && this.refreshError) error = this.refreshError;
    try {
      model = this.model();
    } catch (e) {
      error = toWidgetError(e);
      model = undefined;
    }
    // A fault while drawing the figures (never expected) ends in the error state with a message, never a blank widget.
    let figure: TemplateResult | typeof nothing = nothing;
    if (model && !model.empty) {
      try {
        figure = this.renderFigure(model, `${this.figureTitle()}, ${model.period}`, m);
      } catch (e) {
        error = toWidgetError(e);
        model = undefined;
      }
    }
    const busy = (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) && !error && !this.staticData;
    let stateName: WidgetState;
    if (model && error) stateName = 'stale';
    else if (error) stateName = 'error';
    else if (model) stateName = model.empty ? 'empty' : 'loaded';
    else stateName = 'loading';
    this.currentState = stateName;
    this.shownError = error;

    const title = this.figureTitle();
    const dataset = loaded?.dataset;
    const statusText = busy ? m.loading : '';
    const asAt = this.asAt || dataset?.asAt;

    return html`
      <section
        class="widget"
        part="base"
        aria-labelledby="${this.uid}-heading"
        aria-busy=${busy ? 'true' : 'false'}
        data-state=${stateName}
        lang=${this.widgetLang === 'cy' ? 'cy' : 'en-GB'}
        @keydown=${this.onKeydown}
      >
        <header part="header">
          ${this.renderHeading(title)}
          ${
            model || dataset?.publisher
              ? html`<p class="subtitle" part="subtitle">
                  ${[model?.period, dataset?.publisher].filter(Boolean).join(' · ')}
                </p>`
              : nothing
          }
          ${asAt ? html`<p class="as-at" part="as-at">${m.asAt(formatDate(asAt, m))}</p>` : nothing}
        </header>
        <div class="status" role="status" part="status">${statusText}</div>
        ${error && stateName === 'error' ? this.renderError(error, m) : nothing}
        ${
          stateName === 'stale' && error && loaded
            ? html`<div class="stale" part="stale" role="alert">
                <p>${m.stale(formatTime(this.checkedAt(loaded)))}</p>
                <p>${m.staleReason(error.describe(m, 1)[0] ?? '')}</p>
              </div>`
            : nothing
        }
        ${model && model.empty ? html`<p class="empty" part="empty">${model.empty}</p>` : nothing}
        ${model && !model.empty ? figure : nothing} ${model || dataset ? this.renderFooter(model, dataset, m) : nothing}
      </section>
    `;
  }

  private renderFigure(model: M, caption: string, m: Messages) {
    const tableShown = this.view !== 'chart';
    return html`
      <div class="toolbar" part="toolbar">
        <button
          type="button"
          part="toggle"
          aria-controls="${this.uid}-table ${this.uid}-chart"
          @click=${this.toggleView}
        >
          ${tableShown ? m.showChart : m.showTable}
        </button>
        <button type="button" part="download" @click=${this.download}>${m.download}</button>
      </div>
      <div class="view table-view" id="${this.uid}-table" part="table-view" ?hidden=${!tableShown}>
        ${this.renderTable(model, caption)}
      </div>
      <div class="view chart-view" id="${this.uid}-chart" part="chart-view" ?hidden=${tableShown}>
        ${this.renderChart(model, caption)}
      </div>
      ${
        model.summary.length
          ? html`<p class="summary" id="${this.uid}-summary" part="summary">${model.summary.join(' ')}</p>`
          : nothing
      }
      ${this.renderExtra(model)}
    `;
  }

  private renderError(error: WidgetError, m: Messages) {
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

  private renderFooter(model: M | undefined, dataset: Dataset | undefined, m: Messages) {
    const source = dataset?.source;
    const safeUrl = source?.url && /^https?:\/\//i.test(source.url) ? source.url : undefined;
    const symbols = model ? SYMBOL_CODES.filter((c) => model.symbols.includes(c)) : [];
    const statuses = model?.statuses ? MARKED_STATUSES.filter((s) => model.statuses!.includes(s)) : [];
    const sources = dataset?.sources ?? [];
    return html`<footer class="footer" part="footer">
      ${
        source || dataset?.updated
          ? html`<p class="meta">
              ${
                source
                  ? html`${m.source}:
                    ${safeUrl ? html`<a href=${safeUrl} rel="noopener">${source.name}</a>` : source.name}.`
                  : nothing
              }
              ${dataset?.updated ? html`${m.updated}: ${formatDate(dataset.updated, m)}.` : nothing}
            </p>`
          : nothing
      }
      ${
        symbols.length
          ? html`<p class="footer-heading">${m.symbolKey}</p>
              <dl class="symbol-key" part="symbol-key">
                ${symbols.map(
                  (c) =>
                    html`<dt>[${c}]</dt>
                      <dd>${m.symbols[c]}</dd>`,
                )}
              </dl>`
          : nothing
      }
      ${
        statuses.length
          ? html`<p class="footer-heading">${m.statusKey}</p>
              <dl class="symbol-key status-key" part="status-key">
                ${statuses.map(
                  (s) =>
                    html`<dt>${`[${STATUS_MARKS[s]}]`}</dt>
                      <dd>${m.statuses[s]}</dd>`,
                )}
              </dl>`
          : nothing
      }
      ${
        model?.others?.length
          ? html`<p class="footer-heading">${m.otherFigures}</p>
              <ul class="notes others" part="others">
                ${model.others.map((o) => html`<li>${o(m)}</li>`)}
              </ul>`
          : nothing
      }
      ${
        sources.length
          ? html`<p class="footer-heading">${m.figureSources}</p>
              <ul class="notes sources" part="sources">
                ${sources.map(
                  (s) =>
                    html`<li>
                      ${s.url && /^https?:\/\//i.test(s.url) ? html`<a href=${s.url} rel="noopener">${s.name}</a>` : s.name}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        model?.definitions.length
          ? html`<p class="footer-heading">${m.definitions}</p>
              <ol class="definitions" part="definitions">
                ${model.definitions.map(
                  (d) => html`<li id="${this.uid}-def-${d.n}" value=${d.n}><strong>${d.label}</strong>: ${d.text}</li>`,
                )}
              </ol>`
          : nothing
      }
      ${
        dataset?.notes.length
          ? html`<p class="footer-heading">${m.notes}</p>
              <ul class="notes" part="notes">
                ${dataset.notes.map((n) => html`<li>${n}</li>`)}
              </ul>`
          : nothing
      }
      ${
        model?.quality.length
          ? html`<p class="footer-heading">${m.dataQuality}</p>
              <ul class="quality" part="quality">
                ${model.quality.map((q) => html`<li>${q(m)}</li>`)}
              </ul>`
          : nothing
      }
    </footer>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const stateName = this.currentState;
    if (stateName === 'loading') return;
    const error = this.shownError;
    if (error) {
      if (this.announced !== error) {
        this.announced = error;
        const lines = error.describe(messages('en'), 50);
        this.dispatchEvent(
          new CustomEvent<ErrorDetail>('widget-error', {
            bubbles: true,
            composed: true,
            detail: { kind: error.kind, message: lines[0] ?? '', messages: lines },
          }),
        );
      }
      if (stateName === 'error') return;
    }
    const model = this.cachedModel;
    if (model && this.announced !== model && stateName !== 'stale') {
      this.announced = model;
      this.dispatchEvent(
        new CustomEvent<ReadyDetail>('widget-ready', {
          bubbles: true,
          composed: true,
          detail: { state: stateName, view: this.view, lang: this.widgetLang, ...this.readyDetail(model.model) },
        }),
      );
    }
  }
}

/** Any thrown thing → a WidgetError with a message people can read. */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const converted = new WeakMap<object, WidgetError>();
export function toWidgetError(error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  const known = typeof error === 'object' && error !== null ? converted.get(error) : undefined;
  if (known) return known;
  console.error(error);
  const result = new WidgetError('config', [(m) => m.errors.unexpected]);
  if (typeof error === 'object' && error !== null) converted.set(error, result);
  return result;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'data'
  );
}

/** Registers an element unless a copy of this library already did (a page may include the script twice). */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
