/**
 * A widget's use of the chart code (`charts.ts`, loaded on demand): asks for it when a chart is to
 * be drawn, renders the widget again when it arrives, and lets a chart-first widget keep its
 * loading state for a while, so that its figures and its chart appear together.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadCharts, loadedCharts, type ChartKit } from './charts.js';

/** How long a chart-first widget with its figures ready waits for the chart code before showing them without it. */
export const CHART_WAIT = 2500;

export class ChartCode {
  /** True while this widget waits for the chart code. */
  private awaiting = false;
  /**
   * A chart-first widget keeps its loading state until its chart code has arrived (so the figures
   * and the chart appear together, with no layout shift), for at most `CHART_WAIT` ms: then it
   * shows its figures with a placeholder where the chart will be.
   */
  private wait: 'none' | 'waiting' | 'over' = 'none';
  /** True once figures were shown: switching to the chart later never hides them again. */
  private shown = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * The chart code, if it has arrived: until then this returns undefined and, when `load` (the chart
   * is on screen or printed), starts loading it and renders the widget again when it arrives. A
   * chart not shown does not fetch it: that would compete with the first figures (it is fetched
   * once the page is idle, and when the chart is shown or printed).
   */
  kit(load = true): ChartKit | undefined {
    const kit = loadedCharts();
    if (!kit && load && !this.awaiting) {
      this.awaiting = true;
      loadCharts()
        .catch(() => (this.wait = 'over'))
        .finally(() => {
          this.awaiting = false;
          this.host.requestUpdate();
        });
    }
    return kit;
  }

  /**
   * True while a chart-first widget should keep its loading state: its chart code is on its way
   * (this starts loading it) and has taken less than `CHART_WAIT` ms.
   */
  hold(): boolean {
    if (this.shown) return false;
    if (this.kit() || this.wait === 'over') return false;
    if (this.wait === 'none') {
      this.wait = 'waiting';
      setTimeout(() => {
        this.wait = 'over';
        this.host.requestUpdate();
      }, CHART_WAIT);
    }
    return true;
  }

  /** The widget shows its figures: from now on, nothing is held. */
  figuresShown(): void {
    this.shown = true;
  }
}
