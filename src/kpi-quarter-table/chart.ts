/**
 * The KPI table's chart view: small multiples, one small bar chart per
 * measure across the same columns (quarters, or years), in row order. A pure
 * function from the model to Plot options; symbols are drawn as their
 * bracketed text at the baseline, never as a zero-height bar.
 */
import { barY, ruleY, text, type PlotOptions } from '@observablehq/plot';
import { isNumber } from '../core/symbols.js';
import type { KpiColumn, KpiRow } from './model.js';

export interface KpiChartOptions {
  width?: number;
  height?: number;
  fontSize?: number;
}

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
): number {
  let chars = 2;
  for (const i of chartColumns) {
    chars = Math.max(chars, columns[i]!.short.length, ...rows.map((row) => row.cells[i]!.text.length));
  }
  return Math.round(Math.max(260, chartColumns.length * fontSize * (chars * 0.62 + 0.8) + 16));
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
  const { height = 170, fontSize = 14 } = options;
  const width = options.width ?? kpiChartWidth([row], columns, chartColumns, fontSize);
  const scale = row.kind === 'percent' ? 100 : 1;
  const data: Datum[] = [];
  const symbols: Datum[] = [];
  for (const i of chartColumns) {
    const cell = row.cells[i]!;
    const x = columns[i]!.short;
    if (isNumber(cell.value)) data.push({ x, y: cell.value * scale, label: cell.text });
    else symbols.push({ x, y: 0, label: cell.text });
  }
  const max = Math.max(0, ...data.map((d) => d.y));
  return {
    width,
    height,
    marginTop: fontSize + 10,
    marginBottom: fontSize + 12,
    marginLeft: 8,
    marginRight: 8,
    x: { domain: chartColumns.map((i) => columns[i]!.short), label: null, padding: 0.25, tickSize: 0 },
    y: { axis: null, domain: [0, max > 0 ? max : 1] },
    marks: [
      barY(data, { x: 'x', y: 'y', fill: 'currentColor', className: 'pw-series-1' }),
      text(data, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-labels' }),
      text(symbols, { x: 'x', y: 'y', text: 'label', dy: -fontSize * 0.7, className: 'pw-symbols' }),
      ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
    ],
  };
}
