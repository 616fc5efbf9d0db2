/**
 * The styles of a drawn chart (the rules Plot would inject) and the options of drawing one. Plot
 * itself is not imported here: the elements load it with their charts, on demand (`draw-plot.ts`,
 * `charts.ts`), and these rules are in the first script.
 */
import { css } from 'lit';

export const PLOT_CLASS = 'pw-plot';

export interface DrawOptions {
  /** The chart's accessible name (its text alternative). */
  label: string;
  /**
   * The document to draw in: the page's by default; a server-side one (linkedom)
   * for static rendering in Node (`partnership-widgets render`).
   */
  document?: Document;
}

/** The rules Plot would have injected, plus our type and colours. */
export const plotStyles = css`
  .pw-plot {
    display: block;
    height: auto;
    max-width: 100%;
    overflow: visible;
    background: transparent;
    font-family: var(--_font-family);
    font-size: calc(var(--_chart-font-size) * var(--_scale));
    color: var(--_text);
  }
  .pw-plot text,
  .pw-plot tspan {
    white-space: pre;
    fill: var(--_text);
  }
  .pw-plot .pw-series-1 {
    color: var(--_series-1);
  }
  .pw-plot .pw-series-2 {
    color: var(--_series-2);
  }
  .pw-plot .pw-series-3 {
    color: var(--_series-3);
  }
  .pw-plot .pw-series-4 {
    color: var(--_series-4);
  }
  .pw-plot .pw-series-5 {
    color: var(--_series-5);
  }
  .pw-plot .pw-series-6 {
    color: var(--_series-6);
  }
  .pw-plot .pw-baseline {
    color: var(--_text);
  }
  .pw-plot .pw-symbols text {
    fill: var(--_muted);
    font-style: italic;
  }
  @media (forced-colors: active) {
    .pw-plot [class*='pw-series-'] {
      color: CanvasText;
    }
  }
`;
