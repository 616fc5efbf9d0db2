/**
 * The shared palette for year roles. Widgets that compare years colour a mark
 * by its role (the latest year shown, or the year before it), never by the
 * year itself, so every widget on a page gives "latest" and "previous" the
 * same look. The latest year is emphasised and the previous one lighter
 * (docs/chart-style.md): the latest is solid dark blue (`--pw-series-1`,
 * #12436D, 10:1 on white); the previous is the same colour as an outline with
 * thin stripes (30% of the area), so it reads as a lighter tint of the same
 * hue while its outline keeps the mark at the colour's full contrast (WCAG
 * 1.4.11).
 *
 * Colour is never the only cue: solid against outlined-and-hatched survives
 * greyscale print, photocopies and forced colours.
 * The hatching is an SVG `<pattern>` built with DOM APIs (no markup strings,
 * no `<style>`), so it works under a strict CSP.
 */
import { maxOf } from './extent.js';
import { css } from 'lit';
import { CHART_STYLE } from './theme.js';

export type YearRole = 'latest' | 'previous';

/** The roles in the order their bars appear in a group: the latest year first. */
export const YEAR_ROLES: readonly YearRole[] = ['latest', 'previous'];

/**
 * The colour token of each year role: both years in the series' colour, the
 * latest solid and the previous outlined and lightly hatched (lighter, the same hue).
 */
export const YEAR_ROLE_TOKEN = { latest: '--_series-1', previous: '--_series-1' } as const satisfies Record<
  YearRole,
  `--_${string}`
>;

/** The class that colours a chart mark or a legend swatch by its year role. */
export function yearRoleClass(role: YearRole): string {
  return `pw-year-${role}`;
}

/**
 * The role of each year shown, given the reporting years in any order: the
 * latest year is `latest`, the year before it (if shown) `previous`. Years
 * older than that have no role (and no colour of their own).
 */
export function yearRoles(startYears: readonly number[]): Map<number, YearRole> {
  const roles = new Map<number, YearRole>();
  if (!startYears.length) return roles;
  const latest = maxOf(startYears);
  roles.set(latest, 'latest');
  if (startYears.includes(latest - 1)) roles.set(latest - 1, 'previous');
  return roles;
}

/** Size of one hatching tile, in px. */
const HATCH = 6;

/**
 * A Plot render mark holding the hatching pattern with the given id; put it
 * in a chart's marks and fill the previous year's bars with `url(#id)`. The
 * stripes take the previous year's colour (`currentColor` inside a
 * `pw-year-previous` group) over the widget's background.
 */
export function hatchPatternMark(id: string) {
  return (
    _index: unknown,
    _scales: unknown,
    _values: unknown,
    _dimensions: unknown,
    context: { document: Document },
  ): SVGGElement => {
    const ns = 'http://www.w3.org/2000/svg';
    const doc = context.document;
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', `${yearRoleClass('previous')} pw-hatch`);
    g.setAttribute('aria-hidden', 'true');
    const defs = doc.createElementNS(ns, 'defs');
    const pattern = doc.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', id);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', String(HATCH));
    pattern.setAttribute('height', String(HATCH));
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const ground = doc.createElementNS(ns, 'rect');
    ground.setAttribute('class', 'pw-hatch-ground');
    ground.setAttribute('width', String(HATCH));
    ground.setAttribute('height', String(HATCH));
    ground.setAttribute('fill', 'white');
    const stripe = doc.createElementNS(ns, 'rect');
    stripe.setAttribute('width', String(HATCH * CHART_STYLE.previousStripe));
    stripe.setAttribute('height', String(HATCH));
    stripe.setAttribute('fill', 'currentColor');
    pattern.append(ground, stripe);
    defs.append(pattern);
    g.append(defs);
    return g;
  };
}

/**
 * Year-role colours for chart marks and HTML legend swatches. The swatch for
 * the previous year is hatched like its bars; `print-color-adjust` keeps the
 * swatches on paper (browsers drop backgrounds when printing by default).
 */
export const paletteStyles = css`
  .pw-year-latest {
    color: var(--_series-1);
  }
  .pw-year-previous {
    color: var(--_series-1);
  }
  .pw-plot .pw-hatch-ground {
    fill: var(--_background);
  }
  .swatch {
    display: inline-block;
    flex: none;
    width: 1.6em;
    height: 1em;
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  .swatch.pw-year-latest {
    background: currentColor;
  }
  .swatch.pw-year-previous {
    background: repeating-linear-gradient(
      -45deg,
      currentColor 0,
      currentColor 1.25px,
      var(--_background) 1.25px,
      var(--_background) 4.25px
    );
  }
  @media (forced-colors: active) {
    .pw-year-latest,
    .pw-year-previous {
      color: CanvasText;
    }
    .pw-plot .pw-hatch-ground {
      fill: Canvas;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
