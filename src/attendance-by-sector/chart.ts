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
 * - Sizes are in px at the font size given (14 by default, 20 presenting);
 *   text widths are estimated at 0.6 em a character, generous for proportional fonts.
 */
import { maxOf } from '../core/extent.js';
import { rect, ruleX, text, type Markish, type PlotOptions } from '@observablehq/plot';
import { FOCUS_RING_CLASS } from '../core/chart-keyboard.js';
import { CHAR_EM } from '../core/chart-size.js';
import { hatchPatternMark, yearRoleClass, type YearRole } from '../core/palette.js';
import { isNumber } from '../core/symbols.js';
import type { Bar, YearColumn } from './model.js';

export interface AttendanceChartOptions {
  /** Width in px (default 640). */
  width?: number;
  /** Text size in px (default 14; keep it at 12 or more). */
  fontSize?: number;
  /** Id of the hatching pattern; unique in the document or shadow root (default `pw-hatch`). */
  patternId?: string;
  /** `side`: names left of the bars; `stacked`: names above them; `auto` (default): side from 520px. */
  layout?: 'auto' | 'side' | 'stacked';
  /** Average character width in em, as measured (default CHAR_EM). */
  charEm?: number;
}

export interface AttendanceChartInput {
  readonly bars: readonly Bar[];
  readonly years: readonly YearColumn[];
}

/** Narrower than this, sector names go above their bars. */
export const SIDE_LAYOUT_MIN_WIDTH = 520;

/**
 * Wraps text into lines of at most `maxChars` characters, at spaces where it
 * can, breaking a word longer than a line (with a hyphen) where it cannot.
 */
export function wrapLabel(label: string, maxChars: number): string[] {
  const limit = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (let word of label.trim().split(/\s+/)) {
    while (word.length > limit) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(`${word.slice(0, limit - 1)}-`);
      word = word.slice(limit - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

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

export function attendanceChartOptions(model: AttendanceChartInput, options: AttendanceChartOptions = {}): PlotOptions {
  const fontSize = options.fontSize ?? 14;
  const width = Math.max(200, Math.round(options.width ?? 640));
  const layout =
    options.layout && options.layout !== 'auto' ? options.layout : width >= SIDE_LAYOUT_MIN_WIDTH ? 'side' : 'stacked';
  const patternId = options.patternId ?? 'pw-hatch';
  const roles = model.years.map((y) => y.role);
  const perGroup = Math.max(1, roles.length);

  const barHeight = Math.round(fontSize * 1.45);
  const barGap = Math.max(2, Math.round(fontSize * 0.2));
  const groupGap = Math.round(fontSize * 0.85);
  const lineHeight = Math.round(fontSize * 1.2);
  const charWidth = fontSize * (options.charEm ?? CHAR_EM);
  const barsBlock = perGroup * barHeight + (perGroup - 1) * barGap;

  const values = model.bars.map((b) => (isNumber(b.value) ? b.value : 0));
  const max = maxOf(values, 0);
  const longestValue = maxOf(
    model.bars.map((b) => b.text.length),
    1,
  );
  const marginRight = Math.ceil(charWidth * longestValue + fontSize * 0.8);

  // Sector names: on the left (wrapped to at most 40% of the width), or above their bars.
  const sectors = [...new Set(model.bars.map((b) => b.sector))];
  const longestName = maxOf(
    sectors.map((s) => s.length),
    1,
  );
  const sideLabelWidth = Math.min(Math.ceil(longestName * charWidth), Math.round(width * 0.4));
  const marginLeft = layout === 'side' ? sideLabelWidth + Math.round(fontSize * 0.75) : 1;
  const labelChars = Math.floor((layout === 'side' ? sideLabelWidth : width - marginLeft - 4) / charWidth);

  const bars: (BarDatum & { role: YearRole })[] = [];
  const rings: Omit<BarDatum, 'text' | 'label' | 'numeric'>[] = [];
  const labels: LabelDatum[] = [];
  // Each sector's bars, found once (filtering every bar for every sector grows with the square of the sectors).
  const barsOf = new Map<string, Bar[]>();
  for (const bar of model.bars) {
    const list = barsOf.get(bar.sector);
    if (list) list.push(bar);
    else barsOf.set(bar.sector, [bar]);
  }
  let top = 0;
  for (const sector of sectors) {
    const lines = wrapLabel(sector, labelChars);
    const textHeight = lines.length * lineHeight;
    let barsTop: number;
    let height: number;
    if (layout === 'side') {
      height = Math.max(barsBlock, textHeight);
      barsTop = top + (height - barsBlock) / 2;
      labels.push({ y: top + height / 2, text: lines.join('\n') });
    } else {
      barsTop = top + textHeight + Math.round(fontSize * 0.3);
      height = barsTop - top + barsBlock;
      labels.push({ y: top, text: lines.join('\n') });
    }
    const group = barsOf.get(sector) ?? [];
    group.forEach((bar) => {
      const slot = Math.max(0, roles.indexOf(bar.role));
      const y1 = barsTop + slot * (barHeight + barGap);
      const y2 = y1 + barHeight;
      const numeric = isNumber(bar.value);
      const datum = {
        x1: 0,
        x2: numeric ? (bar.value as number) : 0,
        y1,
        y2,
        text: bar.text,
        label: bar.label,
        numeric,
      };
      bars.push({ ...datum, role: bar.role });
      rings.push({ x1: 0, x2: max > 0 ? max : 1, y1, y2 });
    });
    top += height + groupGap;
  }
  const plotHeight = Math.max(barsBlock, top - groupGap);
  const marginTop = 4;
  const marginBottom = 4;

  const byRole = (role: YearRole) => bars.filter((b) => b.role === role && b.numeric);
  const symbols = bars.filter((b) => !b.numeric);
  const numbers = bars.filter((b) => b.numeric);
  const mid = (d: BarDatum) => (d.y1 + d.y2) / 2;
  const ring = Math.round(fontSize * 0.3);

  const marks: Markish[] = [
    // Behind everything: one band per bar, in reading order, shown only for the bar in hand.
    rect(rings, {
      x1: 'x1',
      x2: 'x2',
      y1: 'y1',
      y2: 'y2',
      insetLeft: -ring,
      insetRight: -(marginRight - ring),
      insetTop: -barGap / 2,
      insetBottom: -barGap / 2,
      fill: 'none',
      className: FOCUS_RING_CLASS,
      ariaHidden: 'true',
    }),
  ];
  if (roles.includes('previous')) marks.push(hatchPatternMark(patternId));
  marks.push(
    rect(byRole('latest'), {
      x1: 'x1',
      x2: 'x2',
      y1: 'y1',
      y2: 'y2',
      fill: 'currentColor',
      className: yearRoleClass('latest'),
      ariaLabel: 'label',
      title: 'label',
    }),
    rect(byRole('previous'), {
      x1: 'x1',
      x2: 'x2',
      y1: 'y1',
      y2: 'y2',
      fill: `url(#${patternId})`,
      stroke: 'currentColor',
      strokeWidth: 1.5,
      insetTop: 0.75,
      insetBottom: 0.75,
      className: yearRoleClass('previous'),
      ariaLabel: 'label',
      title: 'label',
    }),
    ruleX([0], { y1: 0, y2: plotHeight, stroke: 'currentColor', className: 'pw-baseline' }),
    text(numbers, {
      x: 'x2',
      y: mid,
      text: 'text',
      textAnchor: 'start',
      dx: Math.round(fontSize * 0.35),
      className: 'pw-labels',
      ariaLabel: 'label',
    }),
    text(symbols, {
      x: 'x1',
      y: mid,
      text: 'text',
      textAnchor: 'start',
      dx: Math.round(fontSize * 0.35),
      className: 'pw-symbols',
      ariaLabel: 'label',
    }),
    layout === 'side'
      ? text(labels, {
          y: 'y',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'end',
          lineAnchor: 'middle',
          lineHeight: lineHeight / fontSize,
          dx: -Math.round(fontSize * 0.5),
          className: 'pw-sector-labels',
        })
      : text(labels, {
          y: 'y',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'top',
          lineHeight: lineHeight / fontSize,
          className: 'pw-sector-labels',
        }),
  );

  return {
    width,
    height: marginTop + plotHeight + marginBottom,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    x: { domain: [0, max > 0 ? max : 1], axis: null },
    y: { domain: [0, plotHeight], range: [marginTop, marginTop + plotHeight], axis: null },
    marks,
  };
}
