/**
 * Colours for the tests that measure contrast (tokens.test.ts from the theme's
 * hex defaults, accessibility.test.ts from computed styles): one WCAG 2
 * contrast ratio for both.
 */

/** Red, green, blue (0-255) and alpha (0-1). */
export type Rgba = [number, number, number, number];

/** A computed colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`; undefined for anything else. */
export function parseColour(value: string): Rgba | undefined {
  const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!m) return undefined;
  const parts = m[1]!
    .split(/[,\s/]+/)
    .filter(Boolean)
    .map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** A hex colour, `#rgb` or `#rrggbb`. */
export function hexColour(hex: string): Rgba {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  return [r, g, b, 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
