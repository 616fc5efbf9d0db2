/**
 * The base every widget extends: data (through a `DatasetController`), the five states, the figure
 * chrome, events, language and the chart/table toggle. A widget supplies its model and its views.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keepFocus, viewAnnouncement, viewKey } from './chart-keyboard.js';
import { loadCharts, loadChartsWhenIdle, loadedCharts, type ChartKit } from './charts.js';
import type { Dataset } from './contract.js';
import { formatCsv } from './csv.js';
import { DatasetController, toWidgetError } from './dataset-controller.js';
import { downloadCsv } from './download.js';
import { messages, nearestLang, normaliseLang, type Lang, type Messages } from './messages.js';
import { PrerenderedContent } from './prerendered.js';
import { NUMBER_SPECS, property } from './properties.js';
import { PageWatch } from './watchers.js';
import { WelshGate, welshPendingTemplate } from './welsh-gate.js';
import { ScrollCueController } from './scroll-cue.js';
import {
  errorTemplate,
  footerTemplate,
  headerTemplate,
  stateOf,
  staleTemplate,
  viewsTemplate,
  type Derived,
  type ErrorDetail,
  type FigureModel,
  type ReadyDetail,
  type ViewParts,
  type WidgetState,
} from './widget-parts.js';

export type { ErrorDetail, FigureModel, ReadyDetail, WidgetState } from './widget-parts.js';
export { define } from './widget-parts.js';
export { toWidgetError } from './dataset-controller.js';

let idCounter = 0;

/** How long a chart-first widget with its figures ready waits for the chart code before showing them without it. */
const CHART_WAIT = 2500;

/**
 * The base of the three elements: what they all have in common.
 *
 * @csspart base - The whole figure.
 * @csspart header - Heading and period line.
 * @csspart heading - The heading (h2-h6, see `heading-level`).
 * @csspart subtitle - The period and publisher line.
 * @csspart as-at - "Figures as at 29 September 2021" (attribute `data-as-at` or the data's `asAt`).
 * @csspart status - The live region: "Loading figures…", and the view `t` or `p` switched to.
 * @csspart error - The error message box.
 * @csspart stale - The "could not update" note.
 * @csspart empty - The "no figures" message.
 * @csspart toolbar - The show table/chart and download buttons.
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart download - The "Download data (CSV)" button.
 * @csspart table-view - The table's wrapper.
 * @csspart chart-view - The chart's wrapper.
 * @csspart summary - The plain-English summary (the chart's text alternative).
 * @csspart footer - Source, updated date, symbols, definitions, notes.
 * @csspart symbol-key - The key to GSS symbols.
 * @csspart status-key - The key to status marks ([p] provisional, [r] revised, [e] estimated).
 * @csspart others - Notes setting a figure beside the same figure of another status.
 * @csspart sources - The sources of the figures, where there are several.
 * @csspart definitions - The numbered definitions.
 * @csspart notes - The notes.
 * @csspart scroll-cue - Over a table that scrolls sideways: the columns off-screen.
 * @csspart omitted - Notes naming figures in the data that the widget does not show, and why.
 * @csspart quality - Data-quality notes.
 *
 * @cssproperty --pw-font-family - Font (default: inherited from the page).
 * @cssproperty --pw-font-size - Base font size (default 1rem).
 * @cssproperty --pw-chart-font-size - Chart text size (default 14px; keep >= 12px; presenting: as large as the body text).
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
 * @cssproperty --pw-series-1 - Bars, lines and points (default #12436d).
 * @cssproperty --pw-series-2 - Second series colour (default #f46a25).
 * @cssproperty --pw-series-3 - Third series colour (default #28a197).
 * @cssproperty --pw-series-4 - Fourth series colour (default #801650).
 * @cssproperty --pw-series-5 - Fifth series colour (default #3d3d3d).
 * @cssproperty --pw-series-6 - Sixth series colour (default #a285d1).
 *
 * @event {CustomEvent<{state: 'loaded' | 'empty'; view: 'table' | 'chart'; lang: 'en' | 'cy'}>} widget-ready - Figures were rendered (not sent again for a stale refresh); each element adds its own detail.
 * @event {CustomEvent<{kind: 'network' | 'http' | 'timeout' | 'parse' | 'validation' | 'config'; message: string; messages: string[]}>} widget-error - The data could not be shown: `message` is the first line of `messages`, in English.
 *
 * @slot - An optional `<script type="application/json">` (or `<script type="text/csv">`) holding the data inline.
 */
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
  /** What the live region says after `t` or `p` (empty otherwise). */
  @state() private keyAnnouncement = '';
  /** Both views shown, no toggle: prerendered (or rendered statically) until `t` or `toggleView()` picks one. */
  @state() protected allViews = false;

  /** The state the widget is in, for scripts and tests. */
  get state(): WidgetState {
    return this.derived.state;
  }

  protected readonly uid = `pw${++idCounter}`;
  private readonly source = new DatasetController(this);
  /** Welsh strings are loaded on demand: a Welsh widget waits for them in its loading state. */
  private readonly welsh = new WelshGate(this);
  private derived: Derived<M> = { state: 'loading', busy: true, figure: nothing };
  private announced?: unknown;
  private cachedModel?: { dataset: Dataset; lang: Lang; key: string; model: M };
  /** True while this widget waits for the chart code (`charts.ts`). */
  private awaitingCharts = false;
  /**
   * A chart-first widget keeps its loading state until its chart code has arrived (so the figures
   * and the chart appear together, with no layout shift), for at most `CHART_WAIT` ms: then it
   * shows its figures with a placeholder where the chart will be.
   */
  private chartWait: 'none' | 'waiting' | 'over' = 'none';
  /** True once figures were shown: switching to the chart later never hides them again. */
  private figuresShown = false;
  /** Static rendering only: the chart width a page would have measured (0: not static). */
  protected staticWidth = 0;
  /** The markup `render --format html` served this element with (declarative shadow DOM), taken over on upgrade. */
  private readonly prerendered = PrerenderedContent.of(this);
  /** True while prerendered markup stays shown, its Welsh strings on their way. */
  private keepPrerendered = false;

  constructor() {
    super();
    if (this.prerendered) this.allViews = true;
    new ScrollCueController(this, () => this.m);
    new PageWatch(this, {
      lang: () => (this.widgetLang = normaliseLang(nearestLang(this))),
      print: (printing, initial) => {
        this.printing = printing;
        // Drawn now, not in the next microtask: Firefox takes its copy of the
        // page for printing as soon as beforeprint has been dispatched.
        if (printing && !initial && this.isUpdatePending) this.performUpdate();
      },
    });
  }

  /**
   * For static rendering in Node only (Lit SSR, `partnership-widgets render`),
   * before the element renders; never called on a page. Shows this dataset at
   * once instead of loading, in this language, with charts `width` px wide,
   * and shows both views (a static page has no button to show the other; the
   * element keeps that layout when its script takes the markup over). No
   * observer, timer or request is started: Lit SSR does not connect the element.
   * @internal
   */
  renderStatically(dataset: Dataset, options: { lang: Lang; width: number }): void {
    this.source.showStatically(dataset);
    this.widgetLang = options.lang;
    this.staticWidth = options.width;
    this.allViews = true;
  }

  /** The prerendered markup goes just before the first render replaces it (no frame in between). */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A prerendered Welsh widget keeps its markup until the Welsh strings arrive (see `update`).
    if (!this.prerendered || this.welsh.state(normaliseLang(nearestLang(this))) === 'ready') this.prerendered?.clear();
    else this.keepPrerendered = true;
    return super.createRenderRoot();
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return !(this.keepPrerendered && this.welsh.state(this.widgetLang) === 'loading') && super.shouldUpdate(changed);
  }

  protected override update(changed: PropertyValues<this>): void {
    if (this.keepPrerendered) {
      this.keepPrerendered = false;
      this.prerendered?.clear();
      this.renderOptions.renderBefore = null;
    }
    super.update(changed);
  }

  /**
   * True while the chart cannot be drawn yet (its code still loading): a
   * prerendered chart stays shown meanwhile. Call `requestUpdate()` when it can.
   */
  protected chartPending(): boolean {
    // Asking for the chart code starts loading it, and renders the widget again when it arrives.
    return !this.chartKit();
  }

  /** Fetches the data again (bypassing a request already in flight). */
  reload(): void {
    this.source.reload();
  }

  /** The figures shown, as CSV text (what "Download data (CSV)" saves). */
  toCSV(): string {
    const model = this.model();
    return model ? formatCsv(model.csv) : '';
  }

  /**
   * The chart code (Plot and the figure descriptions), loaded on demand: until it has arrived this
   * returns undefined, starts loading it, and renders the widget again when it arrives, so a chart
   * first shown (or printed) is drawn then. The view shows a sized placeholder meanwhile.
   */
  protected chartKit(): ChartKit | undefined {
    const kit = loadedCharts();
    if (!kit && !this.awaitingCharts) {
      this.awaitingCharts = true;
      loadCharts()
        .catch(() => (this.chartWait = 'over'))
        .finally(() => {
          this.awaitingCharts = false;
          this.requestUpdate();
        });
    }
    return kit;
  }

  /** Switches between the chart and the table. */
  toggleView(): void {
    // From both views (prerendered), the one `view` does not name is shown alone.
    this.allViews = false;
    this.view = this.view === 'table' ? 'chart' : 'table';
  }

  /** Starts a load when the data's inputs changed, then works out the state, model, error and figures shown. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.sync();
    // A chart-first widget asks for its chart code at once, in parallel with its data.
    if (this.view === 'chart' && !this.staticWidth) this.chartKit();
    this.derived = this.derive();
  }

  private derive(): Derived<M> {
    const welsh = this.welsh.state(this.widgetLang);
    if (welsh !== 'ready') return { state: welsh, busy: welsh === 'loading', figure: nothing };
    let error = this.source.error;
    let model: M | undefined;
    try {
      model = this.model();
    } catch (e) {
      error = toWidgetError(e);
    }
    if (model && !model.empty && this.holdForCharts()) return { state: 'loading', busy: true, figure: nothing };
    // A fault while drawing the figures (never expected) ends in the error state with a message, never a blank widget.
    let figure: TemplateResult | typeof nothing = nothing;
    if (model && !model.empty) {
      try {
        figure = this.renderViews(model);
      } catch (e) {
        error = toWidgetError(e);
        model = undefined;
      }
    }
    const busy = this.source.busy && !error;
    if (model) this.figuresShown = true;
    return { state: stateOf(model, error), busy, model, error, figure };
  }

  /**
   * True while a widget whose first view is a chart should keep its loading state: its chart code is
   * on its way and has taken less than `CHART_WAIT` ms. Starts loading it (a chart-first widget asks
   * for it as soon as it is created, in parallel with its data). Never on a static render.
   */
  private holdForCharts(): boolean {
    // A prerendered widget already shows its figures (and its prerendered chart until the code arrives).
    if (this.figuresShown || this.view !== 'chart' || this.staticWidth || this.prerendered) return false;
    if (this.chartKit() || this.chartWait === 'over') return false;
    if (this.chartWait === 'none') {
      this.chartWait = 'waiting';
      setTimeout(() => {
        this.chartWait = 'over';
        this.requestUpdate();
      }, CHART_WAIT);
    }
    return true;
  }

  private renderViews(model: M): TemplateResult {
    const caption = `${this.figureTitle()}, ${model.period}`;
    const parts: ViewParts = {
      uid: this.uid,
      view: this.view,
      table: this.renderTable(model, caption),
      chart: this.chartOrPrerendered(model, caption),
      allViews: this.allViews,
      summary: model.summary,
      extra: this.renderExtra(model),
      toggle: () => this.toggleView(),
      download: () => downloadCsv(this.renderRoot, this.figureTitle(), this.toCSV()),
    };
    return viewsTemplate(parts, this.m);
  }

  /** The chart; or, while it cannot be drawn yet, the prerendered one for the same figures. */
  private chartOrPrerendered(model: M, caption: string): TemplateResult {
    const prerendered = this.prerendered;
    if (prerendered && this.chartPending()) {
      const nodes = prerendered.chartWhilePending(model);
      if (nodes) return html`${nodes}`;
    }
    prerendered?.release();
    return this.renderChart(model, caption);
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
    const loaded = this.source.shown;
    if (!loaded) return undefined;
    const key = this.modelKey();
    const c = this.cachedModel;
    if (c && c.dataset === loaded.dataset && c.lang === this.widgetLang && c.key === key) return c.model;
    const model = this.buildModel(loaded.dataset, this.m, this.widgetLang);
    this.cachedModel = { dataset: loaded.dataset, lang: this.widgetLang, key, model };
    return model;
  }

  private figureTitle(): string {
    return this.heading || this.source.shown?.dataset.title || this.defaultTitle(this.m);
  }

  /** `t` and `p`: switch, keep focus in the widget (never on `<body>`), and say what changed. */
  private onKeydown = async (event: KeyboardEvent) => {
    const key = viewKey(event);
    if (!key) return;
    event.preventDefault();
    const root = this.renderRoot as ShadowRoot;
    const had = root.activeElement;
    if (key === 'view') this.toggleView();
    else this.presenting = !this.presenting;
    this.keyAnnouncement = viewAnnouncement(this.widgetLang, key, this, this.keyAnnouncement);
    await this.updateComplete;
    keepFocus(root, had, this.view === 'chart' ? '.chart-view' : '.table-view', '[part="toggle"]');
  };

  protected override render(): TemplateResult {
    const { state: stateName, busy, model, error, figure } = this.derived;
    if (this.welsh.state(this.widgetLang) !== 'ready')
      return welshPendingTemplate(stateName === 'error' ? 'error' : 'loading');
    const m = this.m;
    const loaded = this.source.shown;
    const dataset = loaded?.dataset;
    const header = {
      id: `${this.uid}-heading`,
      level: this.headingLevel,
      title: this.figureTitle(),
      period: model?.period,
      publisher: dataset?.publisher,
      subtitle: Boolean(model || dataset?.publisher),
      asAt: this.asAt || dataset?.asAt,
    };
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
        ${headerTemplate(header, m)}
        <div class="status" role="status" part="status">${busy ? m.loading : this.keyAnnouncement}</div>
        ${error && stateName === 'error' ? errorTemplate(error, m) : nothing}
        ${stateName === 'stale' && error && loaded ? staleTemplate(error, this.source.checkedAt(loaded), m) : nothing}
        ${model?.empty ? html`<p class="empty" part="empty">${model.empty}</p>` : nothing} ${figure}
        ${model || dataset ? footerTemplate(model, dataset, this.uid, m) : nothing}
      </section>
    `;
  }

  /** Sends `widget-error` once per error and `widget-ready` once per model shown (not for a stale refresh). */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { state: stateName, error } = this.derived;
    if (stateName === 'loading') return;
    // Figures are up: fetch the chart code while the page is idle, so that printing can draw every chart.
    if (stateName !== 'error') loadChartsWhenIdle();
    if (error) {
      if (this.announced !== error) {
        this.announced = error;
        const lines = error.describe(messages('en'), 50);
        const detail = { kind: error.kind, message: lines[0] ?? '', messages: lines };
        this.dispatchEvent(new CustomEvent<ErrorDetail>('widget-error', { bubbles: true, composed: true, detail }));
      }
      if (stateName === 'error') return;
    }
    const model = this.cachedModel;
    if (model && this.announced !== model && stateName !== 'stale') {
      this.announced = model;
      const detail = { state: stateName, view: this.view, lang: this.widgetLang, ...this.readyDetail(model.model) };
      this.dispatchEvent(new CustomEvent<ReadyDetail>('widget-ready', { bubbles: true, composed: true, detail }));
    }
  }
}
