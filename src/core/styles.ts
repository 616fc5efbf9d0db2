import { css } from 'lit';

/**
 * Theme tokens. Public `--pw-*` custom properties (documented in the README)
 * map onto private `--_*` tokens used by every rule; a test fails when a
 * private token is defined but unused, or used but undefined.
 *
 * Defaults: text #0b0c0c on white (19:1), muted text #505a5f (7:1), marks from
 * the Government Analysis Function palette (all >= 3:1 on white), text >= 12px.
 */
export const tokens = css`
  :host {
    --_font-family: var(--pw-font-family, inherit);
    --_font-size: var(--pw-font-size, 1rem);
    --_chart-font-size: var(--pw-chart-font-size, 14px);
    --_text: var(--pw-text-color, #0b0c0c);
    --_muted: var(--pw-muted-color, #505a5f);
    --_background: var(--pw-background, #ffffff);
    --_surface: var(--pw-surface-color, #f3f2f1);
    --_border: var(--pw-border-color, #b1b4b6);
    --_accent: var(--pw-accent-color, #1d70b8);
    --_focus: var(--pw-focus-color, #ffdd00);
    --_focus-text: var(--pw-focus-text-color, #0b0c0c);
    --_good: var(--pw-good-color, #00703c);
    --_bad: var(--pw-bad-color, #aa2a16);
    --_error: var(--pw-error-color, #aa2a16);
    --_series-1: var(--pw-series-1, #12436d);
    --_series-2: var(--pw-series-2, #f46a25);
    --_series-3: var(--pw-series-3, #28a197);
    --_series-4: var(--pw-series-4, #801650);
    --_series-5: var(--pw-series-5, #3d3d3d);
    --_series-6: var(--pw-series-6, #a285d1);
    --_scale: 1;
  }
  :host([theme='dark']) {
    --_text: var(--pw-text-color, #f3f2f1);
    --_muted: var(--pw-muted-color, #c4c9cc);
    --_background: var(--pw-background, #0b0c0c);
    --_surface: var(--pw-surface-color, #262829);
    --_border: var(--pw-border-color, #6f777b);
    --_accent: var(--pw-accent-color, #8fc3ef);
    --_good: var(--pw-good-color, #85d4a5);
    --_bad: var(--pw-bad-color, #ff9a8a);
    --_error: var(--pw-error-color, #ff9a8a);
    --_series-1: var(--pw-series-1, #8fc3ef);
    --_series-2: var(--pw-series-2, #f46a25);
    --_series-3: var(--pw-series-3, #28a197);
    --_series-4: var(--pw-series-4, #e38ab8);
    --_series-5: var(--pw-series-5, #c4c9cc);
    --_series-6: var(--pw-series-6, #a285d1);
  }
  :host([presenting]) {
    /* 14px chart text and 16px body text become 24.5px and 28px: at least 24px from the back of a room. */
    --_scale: 1.75;
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
      --_text: #000000;
      --_muted: #000000;
      --_background: #ffffff;
      --_scale: 1;
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
