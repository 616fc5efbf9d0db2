import { css } from 'lit';

/**
 * Styles for a widget's data tables: a focusable region that scrolls
 * sideways on a narrow screen, numeric cells right-aligned with tabular
 * figures, header notes, totals, GSS symbols, changes with an arrow, and
 * footnote links. Rules are scoped to `.data-table` so that a widget can
 * keep its own table styles alongside.
 */
export const tableStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    /* Contains the absolutely positioned visually-hidden text in its cells: without
       it that text escapes the scroll box and the whole page scrolls sideways. */
    position: relative;
  }
  .scroll-cue {
    margin: 0.25em 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .scroll-cue[hidden] {
    display: none;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .data-table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    min-width: 100%;
  }
  .data-table caption {
    text-align: left;
    font-weight: 700;
    padding: 0 0 0.5em;
  }
  .data-table th,
  .data-table td {
    padding: 0.4em 0.6em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  .data-table thead th {
    /* Whole words in headers too: the table scrolls rather than break "Neighbours’". */
    overflow-wrap: normal;
    hyphens: manual;
    text-align: right;
    vertical-align: bottom;
    border-bottom: 2px solid var(--_text);
  }
  .data-table thead th.text,
  .data-table tbody th,
  .data-table tfoot th {
    text-align: left;
  }
  .data-table thead th.group {
    text-align: center;
    border-bottom-width: 1px;
  }
  .data-table tbody th,
  .data-table tfoot th {
    font-weight: 400;
    min-width: 8em;
    /* Whole words: a label breaks between words, never inside one ("subsequen/t"); only a
       single word wider than the screen may break, rather than widen the page. */
    overflow-wrap: break-word;
    hyphens: manual;
  }
  .data-table td {
    text-align: right;
    white-space: nowrap;
  }
  .data-table .year {
    white-space: nowrap;
  }
  .data-table .col-note {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .data-table .total,
  .data-table tfoot th,
  .data-table tfoot td {
    font-weight: 700;
  }
  .data-table tfoot tr:first-child > * {
    border-top: 2px solid var(--_text);
  }
  .data-table .group-heading {
    text-align: left;
    font-weight: 700;
    background: var(--_surface);
  }
  .data-table .fn {
    font-size: 0.8em;
    vertical-align: super;
    line-height: 0;
    margin-left: 0.15em;
  }
  .data-table .arrow {
    display: inline-block;
    width: 1em;
  }
  .data-table .symbol {
    color: var(--_muted);
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    .scroll-cue {
      display: none;
    }
    .data-table {
      font-size: 9pt;
      line-height: 1.3;
    }
    /* Closer rows on paper, so that a widget's table and chart share a page where they can. */
    .data-table th,
    .data-table td {
      padding: 0.25em 0.6em;
    }
  }
`;
