/**
 * Measures what a chart is drawn to fit: the host's width and the chart
 * text's size (both decided by CSS: the --pw-chart-font-size token, scaled
 * when presenting). Measured in the next frame after a resize, since a redraw
 * inside the ResizeObserver's callback would loop. The host re-renders when
 * either changes.
 */
import { maxOf } from './extent.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width of an average character of chart text, in em, that charts lay
 * out with when nothing has been measured (on the server; in tests of the
 * pure chart functions): a little wider than Arial's digits.
 */
export const CHAR_EM = 0.6;

/** Samples measured for the chart font's character width: figures, and words. */
const SAMPLES = ['0123456789 2,019 21.7% 2020-21', 'Early Childhood and Family Service, Probation'];

/**
 * The widest a chart is drawn while the page is printed, in px: the text width of
 * an A4 page with 20 mm margins (170 mm at 96 px per inch). Printing starts from the
 * screen's layout, so a chart drawn at the screen's width would be scaled down to fit
 * the paper, and its text with it (below 9 pt).
 */
export const PRINT_WIDTH = 640;

/** The custom property a page sets to give a chart a height (px); read by script, not by the styles. */
export const CHART_MAX_HEIGHT = '--pw-chart-max-height';

export class ChartSize implements ReactiveController {
  /** The host's width in px (0 until measured). */
  width = 0;
  /** The chart text's size in px (0 until measured). */
  fontSize = 0;
  /**
   * The chart text's average character width in em, measured in the chart's
   * own font with the reader's letter and word spacing (a reader's style
   * sheet may widen them: WCAG 1.4.12), never under CHAR_EM; 0 until measured.
   */
  charEm = 0;
  /**
   * The height the chart may take, in px (0: none given, draw at the chart
   * style's proportions). Only for hosts that fit their height (`fit`): the
   * `--pw-chart-max-height` custom property (px) on the host, or, when the host
   * is `presenting` in a container that scrolls or clips (a slide's stage,
   * `overflow: auto`), the container's height, less what the host shows above
   * and below its chart.
   */
  height = 0;
  private canvas?: CanvasRenderingContext2D | null;
  private observer?: ResizeObserver;
  private frame?: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    /** The element whose computed font size is the chart text's size. */
    private readonly probe: string,
    /** The chart's wrapper, whose height `height` is for; unset, the host does not fit a height. */
    private readonly fit?: string,
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
    if (this.fit && this.host.parentElement) this.observer.observe(this.host.parentElement);
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
    const height = this.fit ? this.measureHeight(this.fit) : 0;
    if (Math.abs(height - this.height) >= 4 || (height === 0) !== (this.height === 0)) {
      this.height = height;
      changed = true;
    }
    // Unmeasured counts as CHAR_EM, which charts already assume: a font no wider
    // than that keeps the first drawing (no redraw).
    const charEm = probe ? this.measureCharEm(probe) : 0;
    if (charEm > 0 && Math.abs(charEm - (this.charEm || CHAR_EM)) >= 0.005) {
      this.charEm = charEm;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }

  /** The height given for the chart (see `height`), 0 for none. */
  private measureHeight(selector: string): number {
    const chart = this.host.renderRoot.querySelector(selector);
    if (!chart) return this.height;
    const given = getComputedStyle(this.host).getPropertyValue(CHART_MAX_HEIGHT).trim();
    if (/^\d+(\.\d+)?px$/.test(given)) return Math.floor(Number.parseFloat(given));
    const container = this.host.parentElement;
    if (!this.host.hasAttribute('presenting') || !container) return 0;
    // Only a container whose height is its own (one that scrolls or clips, as a slide's stage does):
    // one that grows with its content would shrink the chart a little more at every measure.
    if (getComputedStyle(container).overflowY === 'visible') return 0;
    const box = chart.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    const outer = container.getBoundingClientRect();
    const inner = container.clientHeight;
    // The space from the chart's top to the container's bottom, less what the host shows under the chart.
    const above = box.top - outer.top - container.clientTop + container.scrollTop;
    const below = Math.max(0, host.bottom - box.bottom);
    return Math.max(0, Math.floor(inner - above - below));
  }

  /** The probe's average character width in em, from a canvas set to its font and spacing. */
  private measureCharEm(probe: Element): number {
    if (this.canvas === undefined) this.canvas = document.createElement('canvas').getContext('2d');
    const ctx = this.canvas;
    if (!ctx) return 0;
    const style = getComputedStyle(probe);
    const size = Number.parseFloat(style.fontSize);
    if (!(size > 0)) return 0;
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Canvas letterSpacing / wordSpacing (Chromium 99+, Firefox 115+); without them, spacing is added by hand.
    const spacing = (value: string) => (value === 'normal' ? 0 : Number.parseFloat(value) || 0);
    const letter = spacing(style.letterSpacing);
    const word = spacing(style.wordSpacing);
    const widths = SAMPLES.map((sample) => {
      const spaces = sample.split(' ').length - 1;
      return (ctx.measureText(sample).width + letter * sample.length + word * spaces) / (sample.length * size);
    });
    return maxOf(widths, CHAR_EM);
  }
}
