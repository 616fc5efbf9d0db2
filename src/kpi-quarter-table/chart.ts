/**
 * The KPI table's chart view: small multiples, one small bar chart per
 * measure across the same columns (quarters, or years), in row order. A pure
 * function from the model to Plot options; symbols are drawn as their
 * bracketed text at the baseline, never as a zero-height bar.
 */
import { maxOf } from '../core/extent.js';
import { barX, barY, dot, gridY, line, ruleX, ruleY, text, tickY, type PlotOptions } from '@observablehq/plot';
import type { Messages } from '../core/messages.js';
import type { KpiMessages } from './messages.js';
import { STATUS_MARKS } from '../core/status.js';
import { isNumber, isSymbol } from '../core/symbols.js';
import type { KpiColumn, KpiRow } from './model.js';
import { formatValue } from '../core/format.js';
import { wrapLabel } from '../core/text.js';

export interface KpiChartOptions {
  width?: number;
  height?: number;
  fontSize?: number;
  /**
   * `columns` (default): a bar per column, labels under the bars. `rows`: a
   * bar per row, labels to the left, for a width narrower than
   * `kpiChartWidth` (a phone, or 400% zoom), where columns would have to be
   * scaled down and their text with them.
   */
  layout?: 'columns' | 'rows';
  /** Average character width in em, as measured (default and at least KPI_CHAR_EM). */
  charEm?: number;
  /** The direct labels of a rate's comparators: the area's name, the neighbours' spread and their median. */
  words?: { area: string; neighbours: string; median: string };
}

/**
 * A small chart's accessible name under its caption (which gives the
 * measure): each column's figure, "Q1 (Apr to Jun): 4,369; …". A symbol is
 * said with its meaning the first time ("2020-21: [c] (confidential: …);
 * 2022-23: [c]"), so the name explains itself without repeating; so is a
 * status mark ("618 [p] (provisional); 567 [p]"), which the bars' own labels leave out
 * to keep narrow charts legible (the table, summary and CSV have it).
 */
export function kpiChartName(
  row: KpiRow,
  columns: readonly KpiColumn[],
  chartColumns: readonly number[],
  m: Messages,
  k: KpiMessages,
): string {
  const explained = new Set<string>();
  return chartColumns
    .map((i) => {
      const cell = row.cells[i]!;
      let text = cell.text;
      if (isSymbol(cell.value) && !explained.has(cell.text)) {
        explained.add(cell.text);
        text = `${cell.text} (${m.symbols[cell.value.symbol]})`;
      } else if (cell.status && STATUS_MARKS[cell.status] && !explained.has(cell.status)) {
        // A status mark is said in words the first time: "Q1 (Apr to Jun): 618 [p] (provisional)".
        explained.add(cell.status);
        text = `${cell.text} (${m.statusWord[cell.status]})`;
      }
      return k.chartPoint(columns[i]!.label, text);
    })
    .join('; ');
}

/** Width of a character of the small charts' text, in em (a little wider than Arial's digits). */
const KPI_CHAR_EM = 0.62;

/** The narrowest a small chart is drawn on screen, however short its labels. */
export const KPI_MIN_WIDTH = 260;

/**
 * A width with room for each column's axis label ("2021-22") and value label
 * ("16,424", "21.7%") without overlap: about 0.62 em per character plus a gap,
 * and never under `minWidth`. Given every row, small multiples share one width.
 */
export function kpiChartWidth(
  rows: readonly KpiRow[],
  columns: readonly KpiColumn[],
  chartColumns: readonly number[],
  fontSize = 14,
  charEm = KPI_CHAR_EM,
  minWidth = KPI_MIN_WIDTH,
  /** The gap between columns' labels, in em. */
  gapEm = 0.8,
): number {
  const em = Math.max(KPI_CHAR_EM, charEm);
  let chars = 2;
  for (const i of chartColumns) {
    chars = maxOf(
      rows.map((row) => (row.cells[i]!.figure ?? row.cells[i]!.text).length),
      Math.max(chars, columns[i]!.short.length),
    );
  }
  return Math.round(Math.max(minWidth, chartColumns.length * fontSize * (chars * em + gapEm) + 16));
}

/** The height of a `rows` chart: a band of 2.2 em per column. */
export function kpiRowsHeight(chartColumns: readonly number[], fontSize = 14): number {
  return Math.round(chartColumns.length * fontSize * 2.2 + 8);
}

interface Datum {
  x: string;
  y: number;
  label: string;
}

export function kpiChartOptions(
  row: KpiRow,
  columns: readonly KpiColumn[],
  chartColumns: readonly number[],
  options: KpiChartOptions = {},
): PlotOptions {
  if (row.spread || row.references) return comparatorChartOptions(row, columns, chartColumns, options);
  const { fontSize = 14, layout = 'columns' } = options;
  const em = Math.max(KPI_CHAR_EM, options.charEm ?? KPI_CHAR_EM);
  const height = options.height ?? (layout === 'rows' ? kpiRowsHeight(chartColumns, fontSize) : 170);
  const width = options.width ?? kpiChartWidth([row], columns, chartColumns, fontSize, em);
  const scale = row.kind === 'percent' ? 100 : 1;
  const data: Datum[] = [];
  const symbols: Datum[] = [];
  for (const i of chartColumns) {
    const cell = row.cells[i]!;
    const x = columns[i]!.short;
    if (isNumber(cell.value)) data.push({ x, y: cell.value * scale, label: cell.figure ?? cell.text });
    else symbols.push({ x, y: 0, label: cell.text });
  }
  const max = maxOf(
    data.map((d) => d.y),
    0,
  );
  const domain = chartColumns.map((i) => columns[i]!.short);
  if (layout === 'rows') {
    const labelChars = maxOf(
      domain.map((d) => d.length),
      2,
    );
    const valueChars = maxOf(
      [...data, ...symbols].map((d) => d.label.length),
      2,
    );
    return {
      width,
      height,
      marginTop: 4,
      marginBottom: 4,
      marginLeft: Math.ceil(labelChars * em * fontSize + fontSize * 0.6),
      marginRight: Math.ceil(valueChars * em * fontSize + fontSize * 0.6),
      y: { domain, label: null, padding: 0.25, tickSize: 0 },
      x: { axis: null, domain: [0, max > 0 ? max : 1] },
      marks: [
        barX(data, { y: 'x', x1: 0, x2: 'y', fill: 'currentColor', className: 'pw-series-1' }),
        text(data, { y: 'x', x: 'y', text: 'label', dx: fontSize * 0.4, textAnchor: 'start', className: 'pw-labels' }),
        text(symbols, {
          y: 'x',
          x: 'y',
          text: 'label',
          dx: fontSize * 0.4,
          textAnchor: 'start',
          className: 'pw-symbols',
        }),
        ruleX([0], { stroke: 'currentColor', className: 'pw-baseline' }),
      ],
    };
  }
  return {
    width,
    height,
    marginTop: fontSize + 10,
    marginBottom: fontSize + 12,
    marginLeft: 8,
    marginRight: 8,
    x: { domain, label: null, padding: 0.25, tickSize: 0 },
    y: { axis: null, domain: [0, max > 0 ? max : 1] },
    marks: [
      barY(data, { x: 'x', y1: 0, y2: 'y', fill: 'currentColor', className: 'pw-series-1' }),
      text(data, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-labels' }),
      text(symbols, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-symbols' }),
      ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
    ],
  };
}

/** A direct label at the right of the last column: its text, its value and the class it is drawn in. */
interface EndLabel {
  readonly text: string;
  readonly y: number;
  readonly className: string;
  /** Lines of text it takes (default 1): a label wrapped onto two lines in a narrow chart. */
  readonly lines?: number;
}

/**
 * The labels' vertical positions in data units, nudged apart so that none
 * overlaps another (`lineHeight` a line of text, a label of two lines two), in their value order.
 */
export function dodgeLabels(
  labels: readonly EndLabel[],
  scale: { domain: readonly [number, number]; range: readonly [number, number] },
  lineHeight: number,
): EndLabel[] {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  const toPx = (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  const toValue = (px: number) => d0 + ((px - r0) / (r1 - r0)) * (d1 - d0);
  // Top to bottom on the page (smallest px first), each at least a line below the one above.
  const sorted = labels.map((l) => ({ ...l, px: toPx(l.y) })).sort((a, b) => a.px - b.px);
  const half = (l: EndLabel) => ((l.lines ?? 1) * lineHeight) / 2;
  for (let i = 1; i < sorted.length; i++) {
    const above = sorted[i - 1]!;
    sorted[i]!.px = Math.max(sorted[i]!.px, above.px + half(above) + half(sorted[i]!));
  }
  // Pushed past the bottom (the baseline: below it are the axis's labels): moved back up together.
  const last = sorted[sorted.length - 1];
  const overflow = last ? last.px + half(last) - Math.max(r0, r1) : 0;
  if (overflow > 0) for (const l of sorted) l.px -= overflow;
  return sorted.map(({ px, ...l }) => ({ ...l, y: toValue(px) }));
}

interface SpreadDatum {
  readonly x: string;
  readonly lowest: number;
  readonly lq: number;
  readonly median: number;
  readonly uq: number;
  readonly highest: number;
}
type ReferenceSeries = NonNullable<KpiRow['references']>[number] & { points: { x: string; y: number }[] };

/** The comparator chart's data: the area's points, symbols, the neighbours' spreads and the reference lines. */
function comparatorData(row: KpiRow, columns: readonly KpiColumn[], chartColumns: readonly number[], scale: number) {
  const own: Datum[] = [];
  const symbols: Datum[] = [];
  const spreads: SpreadDatum[] = [];
  const references: ReferenceSeries[] = (row.references ?? []).map((r) => ({ ...r, points: [] }));
  for (const i of chartColumns) {
    const x = columns[i]!.short;
    const c = row.cells[i]!;
    if (isNumber(c.value)) own.push({ x, y: c.value * scale, label: c.figure ?? c.text });
    else symbols.push({ x, y: 0, label: c.text });
    const s = row.spread?.[i];
    if (s) {
      spreads.push({
        x,
        lowest: s.lowest * scale,
        lq: s.lowerQuartile * scale,
        median: s.median * scale,
        uq: s.upperQuartile * scale,
        highest: s.highest * scale,
      });
    }
    for (const r of references) {
      const v = r.values[i];
      if (isNumber(v)) r.points.push({ x, y: v * scale });
    }
  }
  return { own, symbols, spreads, references };
}

/** The direct labels at the right end: the area's latest figure, each reference, the neighbours' median. */
function endLabels(
  data: ReturnType<typeof comparatorData>,
  lastX: string,
  words: { area: string; median: string },
): EndLabel[] {
  const ends: EndLabel[] = [];
  const latest = data.own.find((d) => d.x === lastX);
  if (latest) ends.push({ text: `${words.area} ${latest.label}`, y: latest.y, className: 'pw-series-1' });
  for (const r of data.references) {
    const p = r.points.find((q) => q.x === lastX);
    if (p) ends.push({ text: r.area, y: p.y, className: `pw-ref-${r.kind}` });
  }
  const lastSpread = data.spreads.find((s) => s.x === lastX);
  if (lastSpread) ends.push({ text: words.median, y: lastSpread.median, className: 'pw-neighbours-median' });
  return ends;
}

/** The neighbours' spread: range, middle half and median, the latest period emphasised. */
function spreadMarks(spreads: readonly SpreadDatum[], lastX: string, spreadWidth: number, band: number) {
  const earlier = (d: { x: string }) => (d.x === lastX ? 1 : 0.6);
  const bar = (y1: 'lowest' | 'lq', y2: 'highest' | 'uq', className: string) =>
    ruleX(spreads, {
      x: 'x',
      y1,
      y2,
      stroke: 'currentColor',
      strokeWidth: spreadWidth,
      strokeOpacity: earlier,
      className,
    });
  return [
    bar('lowest', 'highest', 'pw-neighbours-range'),
    bar('lq', 'uq', 'pw-neighbours-iqr'),
    tickY(spreads, {
      x: 'x',
      y: 'median',
      stroke: 'currentColor',
      strokeWidth: 2.5,
      inset: Math.max(0, band / 2 - spreadWidth / 2 - 3),
      className: 'pw-neighbours-median',
    }),
  ];
}

/** A box in the chart's px: left, top, right, bottom. */
type Box = readonly [number, number, number, number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** True when the segment from (x1, y1) to (x2, y2), `pad` px thick either side, crosses the box. */
function crosses(box: Box, [x1, y1]: readonly [number, number], [x2, y2]: readonly [number, number], pad: number) {
  const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 2));
  for (let i = 0; i <= steps; i++) {
    const x = x1 + ((x2 - x1) * i) / steps;
    const y = y1 + ((y2 - y1) * i) / steps;
    if (x > box[0] - pad && x < box[2] + pad && y > box[1] - pad && y < box[3] + pad) return true;
  }
  return false;
}

/** What the "Neighbours" label must keep clear of, in px: the series' lines, and boxes (points, spreads, labels). */
interface Obstacles {
  readonly lines: readonly (readonly [number, number])[][];
  readonly boxes: readonly Box[];
  /** Where the label may go: the chart less its axes. */
  readonly bounds: Box;
}

/**
 * Where "Neighbours" goes (its centre, in px), the latest spread's label: the
 * nearest place above or below that spread (centred on it, or starting or
 * ending at its edge) where it crosses no series line, point, spread or other label;
 * above the spread when nothing is in the way, as it was always drawn.
 */
export function placeNeighboursLabel(
  spread: Box,
  size: { width: number; height: number },
  gap: number,
  obstacles: Obstacles,
): { x: number; y: number } {
  const [w, h] = [size.width, size.height];
  const centre = (spread[0] + spread[2]) / 2;
  // Centred on the spread, starting at its left edge (over the labels at the right), or ending at its right edge.
  const xs = [centre, spread[0] + w / 2, spread[2] - w / 2];
  const [bl, bt, br, bb] = obstacles.bounds;
  const free = (x: number, y: number) => {
    const box: Box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
    if (box[0] < bl || box[2] > br || box[1] < bt || box[3] > bb) return false;
    if (obstacles.boxes.some((b) => overlaps(box, b))) return false;
    return !obstacles.lines.some((points) => points.some((p, i) => i > 0 && crosses(box, points[i - 1]!, p, 2)));
  };
  const above = spread[1] - gap - h / 2;
  const below = spread[3] + gap + h / 2;
  for (let d = 0; d <= bb - bt; d += 2) {
    for (const x of xs) {
      if (free(x, above - d)) return { x, y: above - d };
      if (free(x, below + d)) return { x, y: below + d };
    }
  }
  return { x: centre, y: above };
}

interface ComparatorGeometry {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly top: number;
  readonly domain: readonly string[];
  readonly fontSize: number;
  readonly em: number;
  readonly band: number;
  readonly spreadWidth: number;
  readonly lineHeight: number;
}

/**
 * "Neighbours", the latest spread's label, where it crosses no line (see
 * `placeNeighboursLabel`): the chart's marks worked out in px as Plot draws
 * them (a band scale padded 0.1, a linear y from 0 to `top`).
 */
function neighboursLabel(
  data: ReturnType<typeof comparatorData>,
  lastSpread: SpreadDatum,
  ends: readonly EndLabel[],
  label: string,
  g: ComparatorGeometry,
) {
  const plotWidth = g.width - g.marginLeft - g.marginRight;
  const plotHeight = g.height - g.marginTop - g.marginBottom;
  const step = plotWidth / (g.domain.length + 0.1);
  const px = (x: string) => g.marginLeft + step * (g.domain.indexOf(x) + 0.55);
  const py = (v: number) => g.marginTop + plotHeight * (1 - v / g.top);
  const charWidth = g.em * g.fontSize;
  const halfBar = g.spreadWidth / 2;
  const spreadBox = (s: SpreadDatum): Box => [px(s.x) - halfBar, py(s.highest), px(s.x) + halfBar, py(s.lowest)];
  const lastX = lastSpread.x;
  const boxes: Box[] = [
    ...data.spreads.filter((s) => s !== lastSpread).map(spreadBox),
    ...data.own.map((d): Box => {
      const r = (d.x === lastX ? 0.4 : 0.25) * g.fontSize + 2;
      return [px(d.x) - r, py(d.y) - r, px(d.x) + r, py(d.y) + r];
    }),
    ...data.symbols.map((d): Box => {
      const half = (d.label.length * charWidth) / 2;
      return [px(d.x) - half, py(0) - 1.2 * g.fontSize, px(d.x) + half, py(0) - 0.2 * g.fontSize];
    }),
    ...ends.map((l): Box => {
      const left = px(lastX) + g.band / 2 + g.fontSize * 0.5;
      const chars = maxOf(
        l.text.split('\n').map((t) => t.length),
        1,
      );
      const half = ((l.lines ?? 1) * g.lineHeight) / 2;
      return [left, py(l.y) - half, left + chars * charWidth, py(l.y) + half];
    }),
  ];
  const lines = [data.own, ...data.references.map((r) => r.points)].map((points) =>
    points.map((p) => [px(p.x), py(p.y)] as const),
  );
  const at = placeNeighboursLabel(
    spreadBox(lastSpread),
    { width: label.length * charWidth, height: g.lineHeight },
    // The label's centre 0.8 em above the spread's top, as it was drawn before it moved out of the way.
    g.fontSize * 0.8 - g.lineHeight / 2,
    { lines, boxes, bounds: [g.marginLeft, 0, g.width, g.height - g.marginBottom] },
  );
  return [
    // At the spread's column (as Plot places it), moved by as much as the label was; down from the plot's top.
    text([lastSpread], {
      x: 'x',
      frameAnchor: 'top',
      dx: Math.round((at.x - px(lastX)) * 100) / 100,
      dy: Math.round((at.y - g.marginTop) * 100) / 100,
      textAnchor: 'middle',
      lineAnchor: 'middle',
      text: () => label,
      className: 'pw-neighbours-label',
    }),
  ];
}

/**
 * The direct labels' lines: given a width where the labels on one line would
 * leave the plot less than half of it (two charts side by side on a slide),
 * each takes two lines or more, wrapped at its longest word's width (`wrap`,
 * in characters; 0: one line each), and the right margin for them.
 */
function endLabelLines(
  ends: readonly EndLabel[],
  width: number | undefined,
  marginLeft: number,
  charWidth: number,
  fontSize: number,
): { wrap: number; marginRight: number } {
  const labelsWidth = (chars: number) => Math.ceil(chars * charWidth + fontSize);
  const labelChars = maxOf(
    ends.map((l) => l.text.length),
    2,
  );
  const longestWord = maxOf(
    ends.flatMap((l) => l.text.split(/\s+/).map((word) => word.length)),
    2,
  );
  const wrap = width !== undefined && width - marginLeft - labelsWidth(labelChars) < width / 2 ? longestWord : 0;
  return { wrap, marginRight: labelsWidth(wrap || labelChars) };
}

/**
 * The columns labelled on the x axis: every one where each label fits its
 * band; the first and last only where they do not; narrower still (a
 * presenting chart beside another), the last column's alone: never one label over another.
 */
function columnTicks(domain: readonly string[], band: number, charWidth: number, fontSize: number): string[] {
  const tickChars = maxOf(
    domain.map((d) => d.length),
    2,
  );
  const tickWidth = tickChars * charWidth + fontSize * 0.5;
  const last = domain[domain.length - 1]!;
  return band >= tickWidth ? [...domain] : band * (domain.length - 1) >= tickWidth ? [domain[0]!, last] : [last];
}

/** The top of the y scale: a little above the highest of the area's figures, the spreads and the references. */
function comparatorTop({ own, spreads, references }: ReturnType<typeof comparatorData>): number {
  const max = maxOf(
    [...own.map((d) => d.y), ...spreads.map((s) => s.highest), ...references.flatMap((r) => r.points.map((p) => p.y))],
    0,
  );
  return max > 0 ? max * 1.08 : 1;
}

/**
 * A rate with comparators: the area's figures as a line of points (the latest
 * one larger and labelled), England and the region as lines of their own
 * (dashed, dotted), and each column's statistical neighbours as a spread: a
 * light bar from the lowest to the highest, a darker one over the middle half
 * and a line across at the median. Each series is labelled directly at the
 * right; the chart's accessible name and the note under it say the same in words.
 */
function comparatorChartOptions(
  row: KpiRow,
  columns: readonly KpiColumn[],
  chartColumns: readonly number[],
  options: KpiChartOptions,
): PlotOptions {
  const { fontSize = 14 } = options;
  const em = Math.max(KPI_CHAR_EM, options.charEm ?? KPI_CHAR_EM);
  const words = options.words ?? { area: 'This area', neighbours: 'Neighbours', median: 'median' };
  const scale = row.kind === 'percent' ? 100 : 1;
  const domain = chartColumns.map((i) => columns[i]!.short);
  const data = comparatorData(row, columns, chartColumns, scale);
  const { own, symbols, spreads, references } = data;
  const top = comparatorTop(data);
  const lastX = domain[domain.length - 1]!;
  const lastSpread = spreads.find((s) => s.x === lastX);
  const ends = endLabels(data, lastX, words);
  const height = options.height ?? Math.round(fontSize * 15);
  const marginTop = Math.round(fontSize * 1.8);
  const marginBottom = fontSize + 12;
  // Room for the widest tick label with the reader's wider letter spacing (WCAG 1.4.12: 0.12 em a character).
  const marginLeft = Math.ceil(fontSize * (em + 0.15) * formatValue(top / scale, row.kind, 0).length + fontSize);
  const { wrap, marginRight } = endLabelLines(ends, options.width, marginLeft, fontSize * em, fontSize);
  const width = options.width ?? Math.max(260, kpiChartWidth([row], columns, chartColumns, fontSize, em) + marginRight);
  // A label's line: 1.2 em, the height of a line of text as Firefox draws it (Chromium: 1.15).
  const lineHeight = fontSize * 1.2;
  const placed = dodgeLabels(
    ends.map((l) => {
      const lines = wrap ? wrapLabel(l.text, wrap) : [l.text];
      return { ...l, text: lines.join('\n'), lines: lines.length };
    }),
    { domain: [0, top], range: [height - marginBottom, marginTop] },
    lineHeight,
  );
  const band = (width - marginLeft - marginRight) / Math.max(1, domain.length);
  const ticks = columnTicks(domain, band, em * fontSize, fontSize);
  const spreadWidth = Math.max(4, Math.min(fontSize * 1.2, band * 0.45));
  const geometry = { width, height, marginTop, marginBottom, marginLeft, marginRight, top, domain, fontSize, em };
  const neighbours = lastSpread
    ? neighboursLabel(data, lastSpread, placed, words.neighbours, { ...geometry, band, spreadWidth, lineHeight })
    : [];
  const tickFormat = (v: number) => formatValue(v / scale, row.kind, 0);
  return {
    ...{ width, height, marginTop, marginBottom, marginLeft, marginRight },
    x: { domain, label: null, padding: 0.1, tickSize: 0, ticks },
    y: { domain: [0, top], label: null, ticks: 3, tickSize: 0, tickFormat },
    marks: [
      gridY({ ticks: 3, className: 'pw-grid' }),
      ...spreadMarks(spreads, lastX, spreadWidth, band),
      ...neighbours,
      ...references.map((r) =>
        line(r.points, {
          x: 'x',
          y: 'y',
          stroke: 'currentColor',
          strokeWidth: 2,
          strokeDasharray: r.kind === 'national' ? '6,3' : '1.5,3',
          className: `pw-ref-${r.kind}`,
        }),
      ),
      line(own, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2.5, className: 'pw-series-1' }),
      // The latest period emphasised: a larger point (its figure in the label at the right); earlier ones smaller.
      dot(own, {
        x: 'x',
        y: 'y',
        r: (d: Datum) => (d.x === lastX ? fontSize * 0.4 : fontSize * 0.25),
        fill: 'currentColor',
        className: 'pw-series-1',
      }),
      text(symbols, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-symbols' }),
      text(placed, {
        x: () => lastX,
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        ...(wrap ? { lineHeight: 1.2 } : {}),
        dx: band / 2 + fontSize * 0.5,
        className: 'pw-end-labels',
      }),
      ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
    ],
  };
}
