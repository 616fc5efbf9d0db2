import { css } from 'lit';

export const kpiStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    min-width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0 0 0.5em;
  }
  th,
  td {
    padding: 0.4em 0.6em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    text-align: right;
    vertical-align: bottom;
    border-bottom: 2px solid var(--_text);
  }
  thead th:first-child,
  tbody th {
    text-align: left;
  }
  tbody th {
    font-weight: 400;
    min-width: 7em;
  }
  td {
    text-align: right;
    white-space: nowrap;
  }
  .col-note {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .total {
    font-weight: 700;
  }
  tr.rate th {
    padding-left: 1.5em;
  }
  tbody.group + tbody.group tr:first-child > * {
    border-top: 2px solid var(--_border);
  }
  .group-heading {
    text-align: left;
    font-weight: 700;
    background: var(--_surface);
  }
  .fn {
    font-size: 0.8em;
    vertical-align: super;
    line-height: 0;
    margin-left: 0.15em;
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
    min-width: 8em;
  }
  .change.good {
    color: var(--_good);
  }
  .change.bad {
    color: var(--_bad);
  }
  .arrow {
    display: inline-block;
    width: 1em;
  }
  .symbol {
    color: var(--_muted);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: 1em 1.5em;
    margin: 0;
  }
  .charts figure {
    margin: 0;
  }
  .charts figcaption {
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    table {
      font-size: 9pt;
    }
    .charts {
      grid-template-columns: repeat(3, 1fr);
    }
    .charts figure {
      break-inside: avoid;
    }
  }
`;
