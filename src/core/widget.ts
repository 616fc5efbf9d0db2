/**
 * The base every widget extends: data (through a `DatasetController`), the five states, the figure
 * chrome, events, language and the chart/table toggle. A widget supplies its model and its views.
 */
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ChartCode } from './chart-code.js';
import { loadChartsWhenIdle, type ChartKit } from './charts.js';
import type { Dataset } from './contract.js';
import { formatCsv } from './csv.js';
import { DatasetController } from './dataset-controller.js';
import { downloadCsv } from './download.js';
import { messages, nearestLang, normaliseLang, type Lang, type Messages } from './messages.js';
import { ModelCache } from './model-cache.js';
import { PrerenderedContent } from './prerendered.js';
import { NUMBER_SPECS, property, state } from './properties.js';
import { PageWatch } from './watchers.js';
import { WelshGate, welshPendingTemplate } from './welsh-gate.js';
import { ScrollCueController } from './scroll-cue.js';
import { ViewKeys } from './view-keys.js';
import { OutcomeEvents } from './widget-events.js';
import {
  deriveFigures,
  viewsTemplate,
  widgetTemplate,
  type Derived,
  type FigureModel,
  type ViewParts,
  type WidgetState,
} from './widget-parts.js';

export type { ErrorDetail, FigureModel, ReadyDetail, WidgetState } from './widget-parts.js';
export { define } from './widget-parts.js';
export { toWidgetError } from './dataset-controller.js';

let idCounter = 0;

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
  private readonly models = new ModelCache<M>();
  private readonly outcomes = new OutcomeEvents(this);
  private readonly chartCode = new ChartCode(this);
  /** `t` and `p`, and what the live region says after them. */
  private readonly viewKeys = new ViewKeys(this, () => this.widgetLang);
  /** Static rendering only: the chart width a page would have measured (0: not static). */
  protected staticWidth = 0;
  /** The markup `render --format html` served this element with (declarative shadow DOM), taken over on upgrade. */
  private readonly prerendered = PrerenderedContent.of(this);

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
    this.prerendered?.beforeFirstRender(this.welsh.state(normaliseLang(nearestLang(this))) === 'ready');
    return super.createRenderRoot();
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return !this.prerendered?.holding(this.welsh.state(this.widgetLang) === 'loading') && super.shouldUpdate(changed);
  }

  protected override update(changed: PropertyValues<this>): void {
    this.prerendered?.beforeUpdate(this.renderOptions);
    super.update(changed);
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
   * returns undefined and, if the chart is on screen (or printed), starts loading it and renders the
   * widget again when it arrives, so a chart first shown (or printed) is drawn then. The view shows a
   * sized placeholder meanwhile. A hidden chart (the table shown first) asks for nothing.
   */
  protected chartKit(): ChartKit | undefined {
    return this.chartCode.kit(this.view === 'chart' || this.printing || this.allViews);
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
    const derived = deriveFigures({
      error: this.source.error,
      busy: this.source.busy,
      model: () => this.model(),
      // A chart-first widget waits for its chart code a while (never on a static render); a
      // prerendered one already shows its figures (and its prerendered chart until the code arrives).
      hold: () => this.view === 'chart' && !this.staticWidth && !this.prerendered && this.chartCode.hold(),
      views: (model) => this.renderViews(model),
    });
    if (derived.model) this.chartCode.figuresShown();
    return derived;
  }

  private renderViews(model: M): TemplateResult {
    const caption = `${this.figureTitle()}, ${model.period}`;
    const parts: ViewParts = {
      uid: this.uid,
      view: this.view,
      table: this.renderTable(model, caption),
      // While the chart code is on its way (asking for it starts loading it), a prerendered chart stays.
      chart: this.prerendered?.chartWhilePending(model, !this.chartKit()) ?? this.renderChart(model, caption),
      allViews: this.allViews,
      summary: model.summary,
      extra: this.renderExtra(model),
      toggle: () => this.toggleView(),
      download: () => downloadCsv(this.renderRoot, this.figureTitle(), this.toCSV()),
    };
    return viewsTemplate(parts, this.m);
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
    const lang = this.widgetLang;
    return this.models.get(loaded.dataset, lang, this.modelKey(), () => this.buildModel(loaded.dataset, this.m, lang));
  }

  private figureTitle(): string {
    return this.heading || this.source.shown?.dataset.title || this.defaultTitle(this.m);
  }

  protected override render(): TemplateResult {
    if (this.welsh.state(this.widgetLang) !== 'ready')
      return welshPendingTemplate(this.derived.state === 'error' ? 'error' : 'loading');
    // A chart-first widget holding its figures for its chart code shows the loading state as it is
    // before any data: no footer or publisher line that the figures would then push down the page.
    const loaded = this.derived.state === 'loading' ? undefined : this.source.shown;
    const frame = {
      ...this.derived,
      uid: this.uid,
      lang: this.widgetLang,
      level: this.headingLevel,
      title: this.figureTitle(),
      asAt: this.asAt,
      dataset: loaded?.dataset,
      checkedAt: loaded && this.source.checkedAt(loaded),
      announcement: this.viewKeys.announcement,
      onKeydown: this.viewKeys.onKeydown,
    };
    return widgetTemplate(frame, this.m);
  }

  /** Sends `widget-error` once per error and `widget-ready` once per model shown (not for a stale refresh). */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { state: stateName, error } = this.derived;
    // Figures are up: fetch the chart code while the page is idle, so that printing can draw every chart.
    if (stateName !== 'loading' && stateName !== 'error') loadChartsWhenIdle();
    const shown = this.models.entry;
    this.outcomes.send(stateName, error, shown, () => ({
      state: stateName,
      view: this.view,
      lang: this.widgetLang,
      ...(shown ? this.readyDetail(shown.model) : {}),
    }));
  }
}
