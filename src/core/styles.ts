import { css } from 'lit';
import { themeCss } from './theme.js';

/**
 * Theme tokens, generated from the one object in theme.ts (which
 * `partnership-widgets render` resolves too). Public `--pw-*` custom
 * properties (documented on the elements) map onto private `--_*` tokens used
 * by every rule; a test fails when a private token is defined but unused, or
 * used but undefined.
 */
export const tokens = css`
  ${themeCss()}
  :host([presenting]) {
    /* Body text 16px becomes 28px, and chart text is set as large as the body text: at least 24px from the back of a room. */
    --_scale: 1.75;
    --_chart-font-size: var(--pw-chart-font-size, var(--_font-size));
  }
`;

/** The figure chrome shared by every widget: heading, states, toolbar, notes. */
export const chrome = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: calc(var(--_font-size) * var(--_scale));
    line-height: 1.4;
    color: var(--_text);
    background: var(--_background);
    container-type: inline-size;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .widget {
    padding: 0.75em 0;
    /* A long file name or URL in a note wraps instead of widening the page (WCAG 1.4.10). */
    overflow-wrap: break-word;
  }
  .heading {
    margin: 0 0 0.25em;
    font-size: 1.35em;
    line-height: 1.25;
  }
  .subtitle,
  .meta,
  .footer {
    color: var(--_muted);
  }
  .subtitle {
    margin: 0 0 0.75em;
  }
  .as-at {
    display: inline-block;
    margin: 0 0 0.75em;
    padding: 0.1em 0.5em;
    border: 2px solid var(--_text);
    font-weight: 700;
  }
  .status:empty {
    display: none;
  }
  .status,
  .stale {
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border-left: 4px solid var(--_border);
    background: var(--_surface);
  }
  .stale {
    border-left-color: var(--_bad);
  }
  .error {
    margin: 0.5em 0;
    padding: 0.75em;
    border: 3px solid var(--_error);
    background: var(--_background);
  }
  .error-title {
    margin: 0 0 0.25em;
    font-weight: 700;
    color: var(--_error);
  }
  .error ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0 0 0.75em;
  }
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_text);
    border-radius: 0;
    padding: 0.3em 0.75em;
    min-height: 44px;
    cursor: pointer;
  }
  button:hover {
    background: var(--_border);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }
  button:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
  }
  .summary {
    margin: 0.75em 0;
    max-width: 45em;
  }
  /* A prerendered widget shows its chart under its table (both views). */
  .chart-view.after-table {
    margin-top: 1em;
  }
  .footer {
    font-size: 0.9em;
    border-top: 1px solid var(--_border);
    margin-top: 0.75em;
    padding-top: 0.5em;
  }
  .footer h3,
  .footer .footer-heading {
    font-size: 1em;
    margin: 0.75em 0 0.25em;
    color: var(--_text);
  }
  .footer p,
  .footer ol,
  .footer ul,
  .footer dl {
    margin: 0.25em 0;
  }
  .footer ol,
  .footer ul {
    padding-left: 1.5em;
  }
  .symbol-key {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.1em 0.75em;
  }
  .symbol-key dt {
    font-weight: 700;
  }
  .symbol-key dd {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  [hidden] {
    display: none !important;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.1s;
    }
  }
  @media print {
    :host {
      color: #000000;
      background: #ffffff;
    }
    .toolbar,
    .status {
      display: none !important;
    }
    .view[hidden] {
      display: block !important;
    }
    .chart-view {
      break-inside: avoid;
    }
    /* The heading, its period line and "Figures as at" stay together, and with the figures. */
    header {
      break-inside: avoid;
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
