/**
 * Measures what a chart is drawn to fit: the host's width and the chart
 * text's size (both decided by CSS: the --pw-chart-font-size token, scaled
 * when presenting). Measured in the next frame after a resize, since a redraw
 * inside the ResizeObserver's callback would loop. The host re-renders when
 * either changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ChartSize implements ReactiveController {
  /** The host's width in px (0 until measured). */
  width = 0;
  /** The chart text's size in px (0 until measured). */
  fontSize = 0;
  private observer?: ResizeObserver;
  private frame?: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    /** The element whose computed font size is the chart text's size. */
    private readonly probe: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => {
      if (this.frame === undefined) {
        this.frame = requestAnimationFrame(() => {
          this.frame = undefined;
          this.measure();
        });
      }
    });
    this.observer.observe(this.host);
  }

  /**
   * The host's width for drawing now: measured on the spot the first time
   * (the host's width comes from the page, not from its content, so it is
   * known before the first chart is drawn, and the chart is drawn once, at
   * the right width, rather than at a guess and again a frame later), then
   * kept up to date by the observer. 0 where there is no layout (server
   * rendering).
   */
  currentWidth(): number {
    if (!this.width && typeof this.host.getBoundingClientRect === 'function' && this.host.isConnected) {
      const width = Math.floor(this.host.getBoundingClientRect().width);
      if (width > 0) this.width = width;
    }
    return this.width;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private measure() {
    let changed = false;
    const width = Math.floor(this.host.getBoundingClientRect().width);
    if (width > 0 && Math.abs(width - this.width) >= 4) {
      this.width = width;
      changed = true;
    }
    const probe = this.host.renderRoot.querySelector(this.probe);
    const size = probe ? Number.parseFloat(getComputedStyle(probe).fontSize) : NaN;
    if (Number.isFinite(size) && size > 0 && size !== this.fontSize) {
      this.fontSize = size;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}
