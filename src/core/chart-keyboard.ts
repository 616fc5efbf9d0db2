/**
 * Keyboard access to a chart's marks. The chart is one tab stop; while it has
 * focus, the arrow keys move from mark to mark in reading order, Home and End
 * jump to the first and last, and Escape leaves. The mark in hand is
 * highlighted and announced by a polite live region, with its place among
 * what the keys move along (`position`): the chart itself stays named images
 * whose text alternative is the widget's summary (linked with `aria-details`).
 *
 * Charts find their marks by the accessible label each mark carries (Plot's
 * `ariaLabel` channel), plus an optional "focus ring" mark drawn behind every
 * mark in the same order, so the controller needs nothing from the chart but
 * the labels in order.
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Lang } from './messages.js';
import { loadedCharts } from './charts.js';

export interface ChartKeyboardMessages {
  /** How to use the keys, read when the chart gets focus. */
  instructions: string;
  /** The position after a mark's label: "3 of 18". */
  position: (n: number, count: number) => string;
}

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`; see `loadWelsh()` in messages.ts). */
export const chartKeyboardCatalogues: { en: ChartKeyboardMessages; cy?: ChartKeyboardMessages } = {
  en: {
    instructions:
      'Use the arrow keys to move from bar to bar, Home and End for the first and last, and Escape to leave the chart.',
    position: (n, count) => `${n} of ${count}`,
  },
};

/** The chart keyboard's strings in a language. */
export function chartKeyboardMessages(lang: Lang): ChartKeyboardMessages {
  return chartKeyboardCatalogues[lang] ?? chartKeyboardCatalogues.en;
}

export interface ChartKeyboardOptions {
  /** How many marks the chart has now. */
  count: () => number;
  /** A mark's accessible label: "Health, 2024-25: 42 attendances". */
  label: (index: number) => string;
  /** The reader's language, for the position text. */
  lang: () => Lang;
  /** Called on Escape, to move focus out of the chart. */
  leave?: () => void;
  /** Marks per row, for charts whose marks form a grid (years across, panels down). */
  columns?: () => number;
  /**
   * Where the mark is, said after its label: "sector 3 of 9", "2 of 5 years".
   * Default: its place among all the marks ("3 of 18"); a chart whose marks
   * are sectors by year, or panels of years, counts what the reader moves along.
   */
  position?: (index: number, count: number) => string;
}

/**
 * Holds the mark in hand and the live region's text for a host element.
 * Wire `onKeydown` to the chart's focusable wrapper, render `announcement`
 * in a polite live region, and call the chart code's `highlightMark` after each update.
 */
export class ChartKeyboard implements ReactiveController {
  /** The mark in hand, if any. */
  index?: number;
  /** What the live region says. */
  announcement = '';
  private flip = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ChartKeyboardOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the mark in hand (new data, or Escape); `update: false` while the host is rendering. */
  reset(update = true): void {
    if (this.index === undefined && this.announcement === '') return;
    this.index = undefined;
    this.announcement = '';
    if (update) this.host.requestUpdate();
  }

  /** Takes a mark in hand and announces it. */
  select(index: number): void {
    const count = this.options.count();
    if (index < 0 || index >= count) return;
    this.index = index;
    const position =
      this.options.position?.(index, count) ?? chartKeyboardMessages(this.options.lang()).position(index + 1, count);
    const text = `${this.options.label(index)} (${position})`;
    // A repeated announcement (End pressed twice) must still change the region's text to be read again.
    this.flip = !this.flip;
    this.announcement = this.flip ? text : `${text}\u00a0`;
    this.host.requestUpdate();
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const count = this.options.count();
    if (this.index !== undefined && this.index >= count) this.index = undefined;
    // Keys move among marks drawn by the chart code, so they wait for it (it is here once a chart is).
    const moveIndex = loadedCharts()?.moveIndex;
    if (!moveIndex) return;
    const next = moveIndex(this.index, event.key, count, this.options.columns?.());
    if (next === undefined) return;
    event.preventDefault();
    if (next === 'leave') {
      this.reset();
      this.options.leave?.();
    } else {
      this.select(next);
    }
  };
}

/** What a widget's live region says after `t` or `p` changed what it shows. */
export interface ViewKeyMessages {
  table: string;
  chart: string;
  presentingOn: string;
  presentingOff: string;
}

/** English, and Welsh once loaded (`src/welsh.ts` sets `cy`). */
export const viewKeyCatalogues: { en: ViewKeyMessages; cy?: ViewKeyMessages } = {
  en: {
    table: 'Showing the table',
    chart: 'Showing the chart',
    presentingOn: 'Presenting: larger text and marks',
    presentingOff: 'Presenting off: normal size',
  },
};

/** The keys a widget answers anywhere inside it: `t` switches table and chart, `p` presenting. */
export function viewKey(event: KeyboardEvent): 'view' | 'presenting' | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = event.composedPath()[0];
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return undefined;
  if (event.key === 't' || event.key === 'T') return 'view';
  if (event.key === 'p' || event.key === 'P') return 'presenting';
  return undefined;
}

/**
 * What the live region says after `t` or `p` switched `widget` to what it
 * shows now. `previous` is what the region says already: the same words
 * again get a no-break space, so that they are read again.
 */
export function viewAnnouncement(
  lang: Lang,
  key: 'view' | 'presenting',
  widget: { view: 'table' | 'chart'; presenting: boolean },
  previous: string,
): string {
  const said = viewKeyCatalogues[lang] ?? viewKeyCatalogues.en;
  const text =
    key === 'view'
      ? said[widget.view === 'chart' ? 'chart' : 'table']
      : widget.presenting
        ? said.presentingOn
        : said.presentingOff;
  return previous === text ? `${text}\u00a0` : text;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

const shown = (el: Element) =>
  el.isConnected &&
  !el.closest('[hidden]') &&
  (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));

/**
 * After a key changed the view: focus stays on `had` (the control that had
 * it) while that is still shown; otherwise it moves to the first control of
 * `view` in `root`, or to `fallback` (the toggle) when the view has none —
 * never to the page's `<body>`.
 */
export function keepFocus(root: ShadowRoot, had: Element | null, view: string, fallback: string): void {
  if (had instanceof HTMLElement && shown(had)) {
    if (root.activeElement !== had) had.focus();
    return;
  }
  const first = [...root.querySelectorAll<HTMLElement>(`${view} :is(${FOCUSABLE})`)].find(shown);
  (first ?? root.querySelector<HTMLElement>(fallback))?.focus();
}

/**
 * The chart's focus styles: the wrapper's focus outline, the yellow band
 * behind the mark in hand (GOV.UK's focus colours) with a heavy outline on the
 * mark and bold text on its label, and the instructions shown while the chart
 * has keyboard focus.
 */
export const chartKeyboardStyles = css`
  .chart-nav {
    display: block;
    width: fit-content;
    max-width: 100%;
  }
  .chart-nav:focus {
    outline: none;
  }
  .chart-nav:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  .pw-plot .pw-focus-rings > * {
    fill: none;
    stroke: none;
  }
  .pw-plot .pw-focus-rings > .pw-focused {
    fill: var(--_focus);
  }
  .pw-plot rect.pw-focused {
    stroke: var(--_focus-text);
    stroke-width: 3px;
  }
  .pw-plot text.pw-focused {
    fill: var(--_focus-text);
    font-weight: 700;
  }
  .keys-help {
    margin: 0.5em 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .chart-nav:not(:focus-visible) ~ .keys-help {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media print {
    .keys-help {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .pw-plot .pw-focus-rings > .pw-focused {
      fill: Highlight;
    }
    .pw-plot rect.pw-focused,
    .pw-plot text.pw-focused {
      stroke: CanvasText;
      fill: HighlightText;
    }
  }
`;
