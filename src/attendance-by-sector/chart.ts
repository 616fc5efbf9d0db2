/**
 * The attendance chart: grouped horizontal bars, one group per sector (top to
 * bottom in the model's order), one bar per year with the latest first, the
 * value at the end of each bar. A pure function from the model to Plot
 * options, so it can be tested without a DOM and drawn statically later.
 *
 * - Colour encodes the year's role (the shared palette: `pw-year-latest`,
 *   `pw-year-previous`), never the sector; the previous year is also hatched
 *   and outlined, which survives greyscale print.
 * - Sector names sit on the left, wrapped to a third of the width; on a
 *   narrow chart (or with `layout: 'stacked'`) they sit above their bars and
 *   use the full width, so an 80-character name stays readable at 320px.
 * - Every bar and value label carries its accessible label (`ariaLabel`), and
 *   a "focus ring" mark (one per bar, in order, invisible until highlighted)
 *   lets the keyboard show the bar in hand.
 * - A symbol (`[c]`, `[x]`) is written at the baseline, never drawn as a bar of 0.
 * - Sizes are in px at the font size given (14 by default, 28 presenting);
 *   text widths are estimated at 0.6 em a character, generous for proportional fonts.
 */
import { maxOf } from '../core/extent.js';
import { rect, ruleX, text, type Markish, type PlotOptions } from '@observablehq/plot';
import { FOCUS_RING_CLASS } from '../core/chart-marks.js';
import { CHAR_EM } from '../core/chart-size.js';
import { CHART_STYLE } from '../core/theme.js';
import { hatchPatternMark, yearRoleClass, type YearRole } from '../core/palette.js';
import { isNumber } from '../core/symbols.js';
import { wrapLabel } from '../core/text.js';
import type { Bar, YearColumn } from './model.js';

export interface AttendanceChartOptions {
  /** Width in px (default 640). */
  width?: number;
  /** Text size in px (default 14; keep it at 12 or more). */
  fontSize?: number;
  /** Id of the hatching pattern; unique in the document or shadow root (default `pw-hatch`). */
  patternId?: string;
  /**
   * `side`: names left of the bars; `stacked`: names above them; `rows`: a row a
   * sector, names left, the latest year's bar with the previous year's value an
   * upright line across it; `auto` (default): side from 520px, `rows` when a
   * bar per year cannot fit the `height` given.
   */
  layout?: 'auto' | 'side' | 'stacked' | 'rows';
  /** Average character width in em, as measured (default CHAR_EM). */
  charEm?: number;
  /**
   * The height the chart may take, in px (presenting, or `--pw-chart-max-height`):
   * the bars and the gaps between them get thinner to fit it, down to one line
   * of text each, never the text itself.
   */
  height?: number;
}

export interface AttendanceChartInput {
  readonly bars: readonly Bar[];
  readonly years: readonly YearColumn[];
}

/** Narrower than this, sector names go above their bars. */
export const SIDE_LAYOUT_MIN_WIDTH = 520;

interface BarDatum {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  text: string;
  label: string;
  numeric: boolean;
}

interface LabelDatum {
  y: number;
  text: string;
}

/** The sizes a chart is laid out with, in px, worked out from the width, the font size and the bars' text. */
interface Geometry {
  readonly fontSize: number;
  readonly width: number;
  readonly layout: 'side' | 'stacked';
  readonly roles: readonly YearRole[];
  readonly barHeight: number;
  readonly barGap: number;
  readonly groupGap: number;
  readonly lineHeight: number;
  /** Height of one sector's bars, all years. */
  readonly barsBlock: number;
  /** The largest value: the x domain's end. */
  readonly max: number;
  readonly marginLeft: number;
  readonly marginRight: number;
  /** Sector names wrap at this many characters. */
  readonly labelChars: number;
}

/** The thinnest the bars get to fit a height: a line of text each. */
const FIT_FLOOR = 1.05 / 1.45;

/** The grouped chart's height at full size: bars of 1.45 em, 0.2 em between bars, 0.85 em between sectors, 8px margins. */
function naturalHeight(model: AttendanceChartInput, fontSize: number): number {
  const sectors = new Set(model.bars.map((b) => b.sector)).size;
  const perGroup = Math.max(1, model.years.length);
  return sectors * (perGroup * 1.45 + (perGroup - 1) * 0.2) * fontSize + (sectors - 1) * 0.85 * fontSize + 8;
}

/** How much the bars and gaps are thinned to fit a given height (1: not at all; at least a line of text a bar). */
function fitScale(model: AttendanceChartInput, fontSize: number, height: number | undefined): number {
  if (!height || height <= 0) return 1;
  return Math.max(FIT_FLOOR, Math.min(1, height / naturalHeight(model, fontSize)));
}

/**
 * True when the chart is drawn a row a sector (`rows`): asked for, or given a
 * height that a bar per year cannot fit even at its thinnest (a slide). The
 * latest year is the bar, the previous year an upright line across the row.
 */
export function attendanceRowsLayout(model: AttendanceChartInput, options: AttendanceChartOptions = {}): boolean {
  if (options.layout === 'rows') return true;
  if (options.layout && options.layout !== 'auto') return false;
  if (!options.height || options.height <= 0 || model.years.length < 2) return false;
  const fontSize = options.fontSize ?? CHART_STYLE.fontSize;
  return naturalHeight(model, fontSize) * FIT_FLOOR > options.height;
}

function geometryOf(model: AttendanceChartInput, options: AttendanceChartOptions): Geometry {
  const fontSize = options.fontSize ?? CHART_STYLE.fontSize;
  const fit = fitScale(model, fontSize, options.height);
  const width = Math.max(200, Math.round(options.width ?? 640));
  const layout =
    options.layout === 'side' || options.layout === 'stacked'
      ? options.layout
      : width >= SIDE_LAYOUT_MIN_WIDTH
        ? 'side'
        : 'stacked';
  const roles = model.years.map((y) => y.role);
  const perGroup = Math.max(1, roles.length);
  // Rounded down when fitting a height, so that the rounding never takes it over.
  const round = fit < 1 ? Math.floor : Math.round;
  const barHeight = round(fontSize * 1.45 * fit);
  const barGap = Math.max(2, round(fontSize * 0.2 * fit));
  const charWidth = fontSize * (options.charEm ?? CHAR_EM);
  const longestValue = maxOf(
    model.bars.map((b) => b.text.length),
    1,
  );
  // Sector names: on the left (wrapped to at most 40% of the width), or above their bars.
  const longestName = maxOf(
    model.bars.map((b) => b.sector.length),
    1,
  );
  const sideLabelWidth = Math.min(Math.ceil(longestName * charWidth), Math.round(width * 0.4));
  const marginLeft = layout === 'side' ? sideLabelWidth + Math.round(fontSize * 0.75) : 1;
  return {
    fontSize,
    width,
    layout,
    roles,
    barHeight,
    barGap,
    groupGap: round(fontSize * 0.85 * fit),
    lineHeight: Math.round(fontSize * 1.2),
    barsBlock: perGroup * barHeight + (perGroup - 1) * barGap,
    max: maxOf(
      model.bars.map((b) => (isNumber(b.value) ? b.value : 0)),
      0,
    ),
    marginLeft,
    marginRight: Math.ceil(charWidth * longestValue + fontSize * 0.8),
    labelChars: Math.floor((layout === 'side' ? sideLabelWidth : width - marginLeft - 4) / charWidth),
  };
}

/** Where everything goes: a band of bars per sector, top to bottom, with its name beside or above. */
interface Placed {
  readonly bars: (BarDatum & { role: YearRole })[];
  readonly rings: Omit<BarDatum, 'text' | 'label' | 'numeric'>[];
  readonly labels: LabelDatum[];
  readonly plotHeight: number;
}

/** One sector's band: its name's place, and the top and height of the band. */
function placeSector(g: Geometry, sector: string, top: number) {
  const lines = wrapLabel(sector, g.labelChars);
  const textHeight = lines.length * g.lineHeight;
  if (g.layout === 'side') {
    const height = Math.max(g.barsBlock, textHeight);
    return {
      height,
      barsTop: top + (height - g.barsBlock) / 2,
      label: { y: top + height / 2, text: lines.join('\n') },
    };
  }
  const barsTop = top + textHeight + Math.round(g.fontSize * 0.3);
  return { height: barsTop - top + g.barsBlock, barsTop, label: { y: top, text: lines.join('\n') } };
}

function place(model: AttendanceChartInput, g: Geometry): Placed {
  const placed: Placed = { bars: [], rings: [], labels: [], plotHeight: 0 };
  // Each sector's bars, found once (filtering every bar for every sector grows with the square of the sectors).
  const barsOf = new Map<string, Bar[]>();
  for (const bar of model.bars) {
    const list = barsOf.get(bar.sector);
    if (list) list.push(bar);
    else barsOf.set(bar.sector, [bar]);
  }
  let top = 0;
  for (const [sector, group] of barsOf) {
    const { height, barsTop, label } = placeSector(g, sector, top);
    placed.labels.push(label);
    for (const bar of group) {
      const slot = Math.max(0, g.roles.indexOf(bar.role));
      const y1 = barsTop + slot * (g.barHeight + g.barGap);
      const y2 = y1 + g.barHeight;
      const numeric = isNumber(bar.value);
      const x2 = numeric ? (bar.value as number) : 0;
      placed.bars.push({ x1: 0, x2, y1, y2, text: bar.text, label: bar.label, numeric, role: bar.role });
      placed.rings.push({ x1: 0, x2: g.max > 0 ? g.max : 1, y1, y2 });
    }
    top += height + g.groupGap;
  }
  return { ...placed, plotHeight: Math.max(g.barsBlock, top - g.groupGap) };
}

/** The bars, the band behind the bar in hand, and the baseline. */
function barMarks(g: Geometry, p: Placed, patternId: string): Markish[] {
  const byRole = (role: YearRole) => p.bars.filter((b) => b.role === role && b.numeric);
  const ring = Math.round(g.fontSize * 0.3);
  const box = { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2' } as const;
  return [
    // Behind everything: one band per bar, in reading order, shown only for the bar in hand.
    rect(p.rings, {
      ...box,
      insetLeft: -ring,
      insetRight: -(g.marginRight - ring),
      insetTop: -g.barGap / 2,
      insetBottom: -g.barGap / 2,
      fill: 'none',
      className: FOCUS_RING_CLASS,
      ariaHidden: 'true',
    }),
    ...(g.roles.includes('previous') ? [hatchPatternMark(patternId)] : []),
    rect(byRole('latest'), {
      ...box,
      fill: 'currentColor',
      className: yearRoleClass('latest'),
      ariaLabel: 'label',
      title: 'label',
    }),
    rect(byRole('previous'), {
      ...box,
      fill: `url(#${patternId})`,
      stroke: 'currentColor',
      strokeWidth: 1.5,
      insetTop: 0.75,
      insetBottom: 0.75,
      className: yearRoleClass('previous'),
      ariaLabel: 'label',
      title: 'label',
    }),
    ruleX([0], { y1: 0, y2: p.plotHeight, stroke: 'currentColor', className: 'pw-baseline' }),
  ];
}

/** The values at the bar ends, the symbols at the baseline, and the sector names. */
function textMarks(g: Geometry, p: Placed): Markish[] {
  const mid = (d: BarDatum) => (d.y1 + d.y2) / 2;
  const dx = Math.round(g.fontSize * 0.35);
  const value = { y: mid, text: 'text', textAnchor: 'start', dx, ariaLabel: 'label' } as const;
  const names = { y: 'y', text: 'text', frameAnchor: 'left', lineHeight: g.lineHeight / g.fontSize } as const;
  return [
    text(
      p.bars.filter((b) => b.numeric),
      { ...value, x: 'x2', className: 'pw-labels' },
    ),
    text(
      p.bars.filter((b) => !b.numeric),
      { ...value, x: 'x1', className: 'pw-symbols' },
    ),
    g.layout === 'side'
      ? text(p.labels, {
          ...names,
          textAnchor: 'end',
          lineAnchor: 'middle',
          dx: -Math.round(g.fontSize * 0.5),
          className: 'pw-sector-labels',
        })
      : text(p.labels, { ...names, textAnchor: 'start', lineAnchor: 'top', className: 'pw-sector-labels' }),
  ];
}

export function attendanceChartOptions(model: AttendanceChartInput, options: AttendanceChartOptions = {}): PlotOptions {
  if (attendanceRowsLayout(model, options)) return rowsChartOptions(model, options);
  const g = geometryOf(model, options);
  const placed = place(model, g);
  const marginTop = 4;
  const marginBottom = 4;
  return {
    width: g.width,
    height: marginTop + placed.plotHeight + marginBottom,
    marginTop,
    marginBottom,
    marginLeft: g.marginLeft,
    marginRight: g.marginRight,
    x: { domain: [0, g.max > 0 ? g.max : 1], axis: null },
    y: { domain: [0, placed.plotHeight], range: [marginTop, marginTop + placed.plotHeight], axis: null },
    marks: [...barMarks(g, placed, options.patternId ?? 'pw-hatch'), ...textMarks(g, placed)],
  };
}

interface RowDatum {
  x: number;
  y1: number;
  y2: number;
  text: string;
  label: string;
}

/** The sizes of a chart drawn a row a sector (see `rowsChartOptions`), in px. */
interface RowsGeometry {
  readonly fontSize: number;
  readonly width: number;
  readonly lineHeight: number;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly max: number;
  /** The sectors in order, each with its bars and its name's lines. */
  readonly sectors: readonly { readonly bars: readonly Bar[]; readonly lines: readonly string[] }[];
  /** Each row's height: at least its name's lines, otherwise the rows' share of the height given. */
  readonly heights: readonly number[];
  readonly barHeight: number;
  /** How far the previous year's line stands out of the bar, above and below. */
  readonly overhang: number;
  readonly tickWidth: number;
}

const ROWS_MARGIN = 4;

function rowsGeometry(model: AttendanceChartInput, options: AttendanceChartOptions): RowsGeometry {
  const fontSize = options.fontSize ?? CHART_STYLE.fontSize;
  const width = Math.max(200, Math.round(options.width ?? 640));
  const charWidth = fontSize * (options.charEm ?? CHAR_EM);
  const lineHeight = Math.round(fontSize * 1.2);
  const groups = new Map<string, Bar[]>();
  for (const bar of model.bars) {
    const list = groups.get(bar.sector);
    if (list) list.push(bar);
    else groups.set(bar.sector, [bar]);
  }
  const longestName = maxOf(
    [...groups.keys()].map((s) => s.length),
    1,
  );
  const labelWidth = Math.min(Math.ceil(longestName * charWidth), Math.round(width * 0.62));
  const labelChars = Math.max(1, Math.floor(labelWidth / charWidth));
  const sectors = [...groups].map(([sector, bars]) => ({ bars, lines: wrapLabel(sector, labelChars) }));
  // Each row at least its name's lines; the rows share the rest (the pitch), at most 2.4 em each.
  const available = (options.height ?? 0) - 2 * ROWS_MARGIN;
  const least = sectors.map((s) => Math.max(1, s.lines.length) * lineHeight);
  const total = (p: number) => least.reduce((sum, h) => sum + Math.max(p, h), 0);
  let pitch = Math.min(Math.round(fontSize * 2.4), Math.floor(available / Math.max(1, sectors.length)));
  while (pitch > lineHeight && total(pitch) > available) pitch--;
  pitch = Math.max(pitch, lineHeight);
  // The bars, with room above and below them for the previous year's line to stand out.
  const barHeight = Math.min(Math.round(fontSize * 1.45), Math.floor(pitch / 1.7));
  const longestValue = maxOf(
    model.bars.map((b) => b.text.length),
    1,
  );
  return {
    fontSize,
    width,
    lineHeight,
    marginLeft: labelWidth + Math.round(fontSize * 0.75),
    marginRight: Math.ceil(charWidth * longestValue + fontSize * 0.8),
    max: maxOf(
      model.bars.map((b) => (isNumber(b.value) ? b.value : 0)),
      0,
    ),
    sectors,
    heights: least.map((h) => Math.max(pitch, h)),
    barHeight,
    overhang: Math.max(3, Math.floor((pitch - barHeight) / 2) - 2),
    tickWidth: Math.max(3, Math.round(fontSize * 0.14)),
  };
}

/** Where a row-a-sector chart's marks go: the latest bars, the previous year's lines, the values, the names. */
function placeRows(model: AttendanceChartInput, g: RowsGeometry) {
  const latest = model.years[0]?.role ?? 'latest';
  const previous = model.years[1]?.role ?? 'previous';
  const placed = {
    bars: [] as RowDatum[],
    ticks: [] as RowDatum[],
    values: [] as (RowDatum & { numeric: boolean })[],
    rings: [] as { x1: number; x2: number; y1: number; y2: number }[],
    labels: [] as LabelDatum[],
    plotHeight: 0,
  };
  let top = 0;
  for (const [i, { bars, lines }] of g.sectors.entries()) {
    const height = g.heights[i]!;
    const mid = top + height / 2;
    const y1 = mid - g.barHeight / 2;
    const y2 = mid + g.barHeight / 2;
    placed.labels.push({ y: mid, text: lines.join('\n') });
    // The value goes after the bar and the line, whichever ends further.
    let end = 0;
    for (const bar of bars) {
      const numeric = isNumber(bar.value);
      const x = numeric ? (bar.value as number) : 0;
      end = Math.max(end, x);
      placed.rings.push({ x1: 0, x2: g.max > 0 ? g.max : 1, y1: top, y2: top + height });
      if (bar.role === latest && numeric) placed.bars.push({ x, y1, y2, text: bar.text, label: bar.label });
      if (bar.role === previous && numeric)
        placed.ticks.push({ x, y1: y1 - g.overhang, y2: y2 + g.overhang, text: bar.text, label: bar.label });
    }
    const shown = bars.find((b) => b.role === latest);
    if (shown) {
      const numeric = isNumber(shown.value);
      placed.values.push({ x: end, y1, y2, text: shown.text, label: shown.label, numeric });
    }
    top += height;
  }
  placed.plotHeight = Math.max(g.lineHeight, top);
  return { ...placed, latest, previous };
}

/**
 * A row a sector, for a short height: the sector's name on the left (wrapped
 * to at most 62% of the width), the latest year's bar, the previous year's
 * value an upright line standing out of the bar above and below (a halo in the
 * background colour keeps it apart from the bar), and the latest value after
 * both. Rows share the height given, each at least its name's lines.
 */
function rowsChartOptions(model: AttendanceChartInput, options: AttendanceChartOptions): PlotOptions {
  const g = rowsGeometry(model, options);
  const p = placeRows(model, g);
  const ring = Math.round(g.fontSize * 0.3);
  const dx = Math.round(g.fontSize * 0.35) + Math.ceil(g.tickWidth / 2);
  const mid = (d: RowDatum) => (d.y1 + d.y2) / 2;
  const value = { x: 'x', y: mid, text: 'text', textAnchor: 'start', dx, ariaLabel: 'label' } as const;
  const box = { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2' } as const;
  const tick = { x: 'x', y1: 'y1', y2: 'y2', stroke: 'currentColor' } as const;
  return {
    width: g.width,
    height: 2 * ROWS_MARGIN + p.plotHeight,
    marginTop: ROWS_MARGIN,
    marginBottom: ROWS_MARGIN,
    marginLeft: g.marginLeft,
    marginRight: g.marginRight,
    x: { domain: [0, g.max > 0 ? g.max : 1], axis: null },
    y: { domain: [0, p.plotHeight], range: [ROWS_MARGIN, ROWS_MARGIN + p.plotHeight], axis: null },
    marks: [
      rect(p.rings, {
        ...box,
        insetLeft: -ring,
        insetRight: -(g.marginRight - ring),
        fill: 'none',
        className: FOCUS_RING_CLASS,
        ariaHidden: 'true',
      }),
      rect(p.bars, {
        ...box,
        x1: 0,
        x2: 'x',
        fill: 'currentColor',
        className: yearRoleClass(p.latest),
        ariaLabel: 'label',
        title: 'label',
      }),
      // The previous year's line: a halo in the background colour, then the line, named.
      ruleX(p.ticks, { ...tick, strokeWidth: g.tickWidth + 4, className: 'pw-tick-halo', ariaHidden: 'true' }),
      ruleX(p.ticks, {
        ...tick,
        strokeWidth: g.tickWidth,
        className: `${yearRoleClass(p.previous)} pw-tick`,
        ariaLabel: 'label',
        title: 'label',
      }),
      ruleX([0], { y1: 0, y2: p.plotHeight, stroke: 'currentColor', className: 'pw-baseline' }),
      text(
        p.values.filter((v) => v.numeric),
        { ...value, className: 'pw-labels' },
      ),
      text(
        p.values.filter((v) => !v.numeric),
        { ...value, className: 'pw-symbols' },
      ),
      text(p.labels, {
        y: 'y',
        text: 'text',
        frameAnchor: 'left',
        lineHeight: g.lineHeight / g.fontSize,
        textAnchor: 'end',
        lineAnchor: 'middle',
        dx: -Math.round(g.fontSize * 0.5),
        className: 'pw-sector-labels',
      }),
    ],
  };
}
