import { css } from 'lit';

export const attendanceStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0 0 0.75em;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .chart-nav {
    /* The chart's text size, read by the element to size the chart's geometry. */
    font-size: calc(var(--_chart-font-size) * var(--_scale));
    cursor: default;
  }
  /* A year drawn as an upright line across the latest year's bars (a chart fitted to a short height). */
  .legend .swatch.swatch-line {
    width: 0.6em;
    border: none;
    background: linear-gradient(
      to right,
      transparent 0,
      transparent 0.2em,
      currentColor 0.2em,
      currentColor 0.4em,
      transparent 0.4em
    );
    height: 1.3em;
  }
  .pw-plot .pw-tick-halo {
    color: var(--_background);
  }
  /* The previous year's line in hand (a row a sector): heavier and in the focus text colour over the
     row's focus band, as a bar in hand is outlined (WCAG 2.4.7); its value and the key still say the year. */
  .pw-plot line.pw-focused {
    stroke: var(--_focus-text);
    stroke-width: 0.3em;
  }
  .pw-plot .pw-sector-labels text {
    font-weight: 400;
  }
  .change {
    white-space: nowrap;
  }
  .formats {
    margin: 1em 0;
  }
  .formats .data-table {
    min-width: 0;
  }
  .formats thead th:not(.text) {
    min-width: 7em;
  }
  .separate-heading {
    margin: 1em 0 0.25em;
    font-weight: 700;
  }
  .separate ul {
    margin: 0;
    padding-left: 1.5em;
  }
  .separate .fn {
    font-size: 0.8em;
    vertical-align: super;
    line-height: 0;
    margin-left: 0.15em;
  }
  @media (forced-colors: active) {
    .pw-plot .pw-tick-halo {
      color: Canvas;
    }
    .pw-plot line.pw-focused {
      stroke: CanvasText;
    }
    .legend .swatch.swatch-line {
      background: CanvasText;
      width: 0.2em;
      margin: 0 0.2em;
    }
  }
  @media print {
    .chart-nav {
      break-inside: avoid;
    }
    .legend {
      break-after: avoid;
    }
    .formats {
      break-inside: avoid;
    }
  }
`;
