/**
 * The design tokens, once. Each private token `--_x` (used by every rule) has
 * its public `--pw-*` custom property (documented on the elements) and its
 * value in the light theme, in the dark theme (`theme="dark"`) and in print,
 * where those differ. From this one object:
 *
 * - the elements' token block (`tokens` in styles.ts) is generated:
 *   `--_text: var(--pw-text-color, #0b0c0c)` and so on, Material Web style;
 * - `partnership-widgets render` resolves a figure's colours and type
 *   (`resolveTheme`), with any `--pw-*` values the user gives.
 *
 * Defaults: text #0b0c0c on white (19:1), muted text #505a5f (7:1), marks from
 * the Government Analysis Function palette (all >= 3:1 on white), text >= 12px.
 */
import { unsafeCSS, type CSSResult } from 'lit';

export interface ThemeToken {
  /** The public custom property that sets it, if any (`--_scale` has none). */
  readonly public?: `--pw-${string}`;
  readonly light: string;
  /** In `theme="dark"`, where it differs from light. */
  readonly dark?: string;
  /** On paper (`@media print`), where it differs; a print value is not overridden by the public property. */
  readonly print?: string;
}

export const THEME_TOKENS = {
  '--_font-family': { public: '--pw-font-family', light: 'inherit' },
  '--_font-size': { public: '--pw-font-size', light: '1rem' },
  '--_chart-font-size': { public: '--pw-chart-font-size', light: '14px' },
  '--_text': { public: '--pw-text-color', light: '#0b0c0c', dark: '#f3f2f1', print: '#000000' },
  '--_muted': { public: '--pw-muted-color', light: '#505a5f', dark: '#c4c9cc', print: '#000000' },
  '--_background': { public: '--pw-background', light: '#ffffff', dark: '#0b0c0c', print: '#ffffff' },
  '--_surface': { public: '--pw-surface-color', light: '#f3f2f1', dark: '#262829' },
  '--_border': { public: '--pw-border-color', light: '#b1b4b6', dark: '#6f777b' },
  '--_accent': { public: '--pw-accent-color', light: '#1d70b8', dark: '#8fc3ef' },
  '--_focus': { public: '--pw-focus-color', light: '#ffdd00' },
  '--_focus-text': { public: '--pw-focus-text-color', light: '#0b0c0c' },
  '--_good': { public: '--pw-good-color', light: '#00703c', dark: '#85d4a5' },
  '--_bad': { public: '--pw-bad-color', light: '#aa2a16', dark: '#ff9a8a' },
  '--_error': { public: '--pw-error-color', light: '#aa2a16', dark: '#ff9a8a' },
  '--_series-1': { public: '--pw-series-1', light: '#12436d', dark: '#8fc3ef' },
  '--_series-2': { public: '--pw-series-2', light: '#f46a25', dark: '#f46a25' },
  '--_series-3': { public: '--pw-series-3', light: '#28a197', dark: '#28a197' },
  '--_series-4': { public: '--pw-series-4', light: '#801650', dark: '#e38ab8' },
  '--_series-5': { public: '--pw-series-5', light: '#3d3d3d', dark: '#c4c9cc' },
  '--_series-6': { public: '--pw-series-6', light: '#a285d1', dark: '#a285d1' },
  '--_scale': { light: '1', print: '1' },
} as const satisfies Record<`--_${string}`, ThemeToken>;

export type TokenName = keyof typeof THEME_TOKENS;
export type ThemeMode = 'light' | 'dark' | 'print';

const entries = () => Object.entries(THEME_TOKENS) as [TokenName, ThemeToken][];

/** One declaration of the element's token block: the public property, falling back to the theme's value. */
function declaration(name: TokenName, token: ThemeToken, value: string): string {
  return `${name}: ${token.public ? `var(${token.public}, ${value})` : value};`;
}

/** The declarations for a theme: every token in light, only those that differ otherwise. */
function block(mode: ThemeMode, indent = '    '): string {
  return entries()
    .flatMap(([name, token]) => {
      if (mode === 'light') return [declaration(name, token, token.light)];
      if (mode === 'dark') return token.dark === undefined ? [] : [declaration(name, token, token.dark)];
      return token.print === undefined ? [] : [`${name}: ${token.print};`];
    })
    .join(`\n${indent}`);
}

/** The elements' token block, generated from `THEME_TOKENS`: light on `:host`, dark on `:host([theme='dark'])`, print values on paper. */
export function themeCss(): CSSResult {
  return unsafeCSS(`
  :host {
    ${block('light')}
  }
  :host([theme='dark']) {
    ${block('dark')}
  }
  @media print {
    :host {
      ${block('print', '      ')}
    }
  }
`);
}

/**
 * Each private token's value in a theme, as the element resolves it: the
 * public property given in `overrides` (`{'--pw-series-1': '#000000'}`), else
 * the theme's value (print and dark fall back to light where they do not differ;
 * a print value holds whatever the page sets, as in the element's `@media print`).
 */
export function resolveTheme(mode: ThemeMode = 'light', overrides: Readonly<Record<string, string>> = {}) {
  const theme = new Map<TokenName, string>();
  for (const [name, token] of entries()) {
    const own = mode === 'dark' ? token.dark : mode === 'print' ? token.print : undefined;
    const given = token.public ? overrides[token.public] : undefined;
    const value = mode === 'print' && own !== undefined ? own : (given ?? own ?? token.light);
    theme.set(name, value);
  }
  return theme;
}

export type ResolvedTheme = ReturnType<typeof resolveTheme>;

/** The public custom properties, for checking what a user passes. */
export const PUBLIC_TOKENS: readonly string[] = entries().flatMap(([, t]) => (t.public ? [t.public] : []));

/**
 * The chart style's numbers (docs/chart-style.md), in one place for the three
 * figures and `render`: text sizes, ticks, grid, margins and the panels'
 * proportions. Colours are the tokens above.
 */
export const CHART_STYLE = {
  /** Chart text, in px: 14 on a page; presenting draws it as large as the body text (`--_scale`). */
  fontSize: 14,
  /** Presenting, when nothing is measured yet: 16 px body text at the presenting scale (1.75). */
  presentingFontSize: 28,
  /** Never smaller than this (px), even when a chart is fitted to a height. */
  minFontSize: 12,
  /** Presenting text never under this (px): it is read from the back of a room. */
  minPresentingFontSize: 24,
  /** At most this many value ticks on a y axis (Plot picks round numbers); no tick dashes. */
  ticks: 3,
  tickSize: 0,
  /** Narrowest chart drawn (px): narrower, the page scrolls rather than the text shrinking. */
  minWidth: 200,
  /** A panel's plot area: its width times `aspect`, between `minPlotHeight` and `maxPlotHeight` (px at 14 px text). */
  aspect: 0.2,
  minPlotHeight: 160,
  maxPlotHeight: 220,
  /** Space above a panel's plot for its direct labels, and right of it, in ems of chart text. */
  marginTopEm: 2,
  marginRightEm: 1,
  /** The previous period's hatching: the share of each stripe tile drawn (the rest is background), so it reads lighter. */
  previousStripe: 0.3,
} as const;

/** A panel's plot-area height for its width and text size: consistent proportions, scaled with the text. */
export function panelPlotHeight(width: number, fontSize: number = CHART_STYLE.fontSize): number {
  const scale = fontSize / CHART_STYLE.fontSize;
  const min = CHART_STYLE.minPlotHeight * scale;
  const max = CHART_STYLE.maxPlotHeight * scale;
  return Math.round(Math.min(max, Math.max(min, width * CHART_STYLE.aspect)));
}
