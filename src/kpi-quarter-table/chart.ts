/**
 * The KPI table's chart view: small multiples, one small bar chart per
 * measure across the same columns (quarters, or years), in row order. A pure
 * function from the model to Plot options; symbols are drawn as their
 * bracketed text at the baseline, never as a zero-height bar.
 */
import { maxOf } from '../core/extent.js';
import { barX, barY, ruleX, ruleY, text, type PlotOptions } from '@observablehq/plot';
import type { Messages } from '../core/messages.js';
import type { KpiMessages } from './messages.js';
import { STATUS_MARKS } from '../core/status.js';
import { isNumber, isSymbol } from '../core/symbols.js';
import type { KpiColumn, KpiRow } from './model.js';

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

/**
 * A width with room for each column's axis label ("2021-22") and value label
 * ("16,424", "21.7%") without overlap: about 0.62 em per character plus a gap.
 * Given every row, small multiples share one width.
 */
export function kpiChartWidth(
  rows: readonly KpiRow[],
  columns: readonly KpiColumn[],
  chartColumns: readonly number[],
  fontSize = 14,
  charEm = KPI_CHAR_EM,
): number {
  const em = Math.max(KPI_CHAR_EM, charEm);
  let chars = 2;
  for (const i of chartColumns) {
    chars = maxOf(
      rows.map((row) => (row.cells[i]!.figure ?? row.cells[i]!.text).length),
      Math.max(chars, columns[i]!.short.length),
    );
  }
  return Math.round(Math.max(260, chartColumns.length * fontSize * (chars * em + 0.8) + 16));
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
        barX(data, { y: 'x', x: 'y', fill: 'currentColor', className: 'pw-series-1' }),
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
      barY(data, { x: 'x', y: 'y', fill: 'currentColor', className: 'pw-series-1' }),
      text(data, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-labels' }),
      text(symbols, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-symbols' }),
      ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
    ],
  };
}
