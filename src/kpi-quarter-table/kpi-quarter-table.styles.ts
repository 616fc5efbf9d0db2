import { css } from 'lit';

/** What the KPI table adds to the shared table styles (core/table-styles.ts), and its small multiples. */
export const kpiStyles = css`
  .data-table tbody th {
    min-width: 7em;
  }
  tr.rate th {
    padding-left: 1.5em;
  }
  tbody.group + tbody.group tr:first-child > * {
    border-top: 2px solid var(--_border);
  }
  th.period {
    white-space: nowrap;
  }
  td.change {
    white-space: normal;
    min-width: 8em;
    text-align: left;
  }
  .comparison {
    margin-top: 1.25em;
  }
  td.position {
    white-space: normal;
    text-align: left;
    /* Wide enough that "below the neighbours' median (22.0%)" takes two lines, not five:
       a narrow column made every row of the comparison table tall (blank gaps at 360 px). */
    min-width: 14em;
  }
  .change.good {
    color: var(--_good);
  }
  .change.bad {
    color: var(--_bad);
  }
  .charts {
    display: grid;
    /* The element sets the columns (as many charts as fit at their natural width). */
    grid-template-columns: minmax(0, 1fr);
    gap: 1em 1.5em;
    margin: 0;
  }
  .charts figure {
    margin: 0;
  }
  /* A rate's comparators: the neighbours' spread in greys (light range, darker middle half, a line at the
     median in the page's background colour), England dashed in the text colour, the region dotted. */
  .pw-plot .pw-neighbours-range {
    color: var(--_border);
  }
  .pw-plot .pw-neighbours-iqr {
    color: var(--_muted);
  }
  .pw-plot .pw-neighbours-median {
    color: var(--_background);
  }
  .pw-plot .pw-ref-national {
    color: var(--_text);
  }
  .pw-plot .pw-ref-region {
    color: var(--_series-4);
  }
  .pw-plot .pw-grid {
    color: var(--_border);
    stroke-opacity: 0.5;
  }
  .charts .chart-note {
    margin: 0.25em 0 0;
    max-width: 40em;
  }
  .charts figcaption {
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  @media print {
    /* Many small charts may break across pages (each one stays whole), rather than
       leaving most of a page blank to keep them all together. */
    .chart-view {
      break-inside: auto;
    }
    .charts figure {
      break-inside: avoid;
    }
    /* 9 pt, as the table: the size the element lays the small charts out for on paper. */
    .charts .pw-plot {
      font-size: 9pt;
    }
  }
`;
