/**
 * `partnership-widgets prepare`: a published DfE EES file → a widget endpoint
 * (the JSON envelope) for one local authority, with England, its region and
 * the median of its ten statistical neighbours as comparator rows.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  areas,
  cell,
  CliError,
  defaultLabel,
  measureColumns,
  periodOf,
  readEes,
  resolveArea,
  type Area,
} from './ees.js';

export interface LabelEntry {
  id?: string;
  label?: string;
  definition?: string;
  polarity?: 'up-good' | 'down-good' | 'neutral';
}

export interface LabelsFile {
  title?: string;
  source?: { name: string; url?: string };
  measures?: Record<string, LabelEntry>;
  notes?: string[];
}

export interface PrepareOptions {
  /** The EES CSV text and its file name (for messages and the source line). */
  text: string;
  file: string;
  area: string;
  measures?: string[];
  labels?: LabelsFile;
  /** The statistical neighbour model CSV text (DfE, wide: old_la_code, SN_1..SN_10). */
  neighbours?: string;
  years?: number;
  /** `updated` for the envelope (default: today, UTC). */
  updated?: string;
}

type Value = number | string;

interface EnvelopeRow {
  measure: string;
  period: string;
  value: Value;
  area?: string;
}

export const NEIGHBOURS_LABEL = 'Statistical neighbours (median)';

/** The ten neighbours of an area in DfE's statistical neighbour model. */
export function neighboursOf(modelText: string, area: Area, all: readonly Area[]) {
  const model = aq.fromCSV(modelText.replace(/^\uFEFF/, ''), { autoType: false });
  if (!model.columnNames().includes('old_la_code') || !model.columnNames().includes('SN_1')) {
    throw new CliError(
      'The neighbours file is not DfE’s statistical neighbour model (it needs old_la_code and SN_1..SN_10).',
    );
  }
  const row = (model.objects() as Record<string, string | null>[]).find((r) => r.old_la_code === area.oldCode);
  if (!row) throw new CliError(`${area.name} (${area.oldCode}) is not in the statistical neighbour model.`);
  const codes = Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]?.trim()).filter((c): c is string => !!c);
  return codes.map((oldCode) => {
    const found = all.find((a) => a.oldCode === oldCode);
    const name =
      found?.name ??
      (model.objects() as Record<string, string | null>[]).find((r) => r.old_la_code === oldCode)?.la_name ??
      oldCode;
    return { oldCode, name, code: found?.code ?? '', inFile: !!found };
  });
}

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function prepare(options: PrepareOptions) {
  const table: ColumnTable = readEes(options.text, options.file);
  const all = areas(table);
  if (!all.length) throw new CliError(`${options.file} has no local authority rows.`);
  const area = resolveArea(all, options.area);
  const available = measureColumns(table);
  const chosen = options.measures?.length ? options.measures : available;
  const unknown = chosen.filter((c) => !available.includes(c));
  if (unknown.length) {
    throw new CliError(
      `No measure column ${unknown.map((u) => `"${u}"`).join(', ')}. Measure columns: ${available.join(', ')}.`,
    );
  }

  // One row per area and period, with the period worked out from EES time columns.
  type EesRow = Record<string, string | null> & { period: string };
  const rows: EesRow[] = (table.objects() as Record<string, string | null>[]).map((r) => ({
    ...r,
    period: periodOf(r.time_period ?? '', r.time_identifier ?? ''),
  }));
  const own = rows.filter((r) => r.geographic_level === 'Local authority' && r.new_la_code === area.code);
  const periods = [...new Set(own.map((r) => r.period))].sort();
  const years = Math.max(1, Math.floor(options.years ?? 5));
  const kept = new Set(periods.slice(-years));

  const labels = options.labels?.measures ?? {};
  const idOf = (column: string) => labels[column]?.id ?? column;
  const data: EnvelopeRow[] = [];
  const push = (source: EesRow, areaName?: string) => {
    for (const column of chosen) {
      const value = cell(source[column]);
      data.push({
        measure: idOf(column),
        period: source.period,
        // An empty measure cell is "not available", never 0 or blank.
        value: value === undefined ? 'x' : value,
        ...(areaName ? { area: areaName } : {}),
      });
    }
  };
  const inYears = <T extends { period: string }>(list: T[]) =>
    list.filter((r) => kept.has(r.period)).sort((a, b) => a.period.localeCompare(b.period));

  for (const r of inYears(own)) push(r);

  const comparators: Record<string, unknown>[] = [];
  const national = inYears(rows.filter((r) => r.geographic_level === 'National'));
  if (national.length) {
    const name = national[0]!.country_name ?? 'England';
    for (const r of national) push(r, name);
    comparators.push({ area: name, kind: 'national' });
  }
  const region = inYears(rows.filter((r) => r.geographic_level === 'Regional' && r.region_code === area.regionCode));
  if (region.length) {
    for (const r of region) push(r, area.region);
    comparators.push({ area: area.region, kind: 'region' });
  }

  const notes: string[] = [...(options.labels?.notes ?? [])];
  if (options.neighbours !== undefined) {
    const members = neighboursOf(options.neighbours, area, all);
    const present = members.filter((m) => m.inFile);
    const codes = new Set(present.map((m) => m.code));
    const long = aq
      .from(inYears(rows.filter((r) => r.geographic_level === 'Local authority' && codes.has(r.new_la_code ?? ''))))
      .select(['period', 'new_la_code', ...chosen])
      .fold(chosen, { as: ['column', 'raw'] })
      .derive({
        number: aq.escape((d: { raw: string | null }) => {
          const v = cell(d.raw);
          return typeof v === 'number' ? v : null;
        }),
      })
      .groupby('period', 'column')
      .rollup({ median: aq.op.median('number'), used: aq.op.valid('number') })
      .orderby('period', 'column');
    const used: Record<string, Record<string, number>> = {};
    for (const r of long.objects() as { period: string; column: string; median: number | null; used: number }[]) {
      const id = idOf(r.column);
      (used[id] ??= {})[r.period] = r.used;
      // A median over no numbers is not available; the median of rates is taken as published (never a ratio of medians).
      data.push({
        measure: id,
        period: r.period,
        value: r.used > 0 && r.median !== null ? round(r.median) : 'x',
        area: NEIGHBOURS_LABEL,
      });
    }
    comparators.push({
      area: NEIGHBOURS_LABEL,
      kind: 'neighbours',
      members: members.map((m) => ({ name: m.name, code: m.code, oldCode: m.oldCode })),
      used,
    });
    const names = members.map((m) => m.name).join(', ');
    notes.push(
      `Statistical neighbours (DfE statistical neighbour model): ${names}. The median is taken over the neighbours' published values for each measure and year; a neighbour whose value is suppressed or not available is left out.`,
    );
    const short = Object.entries(used).flatMap(([m, byPeriod]) =>
      Object.entries(byPeriod)
        .filter(([, n]) => n < members.length)
        .map(([p, n]) => `${m} ${p}: ${n} of ${members.length}`),
    );
    if (short.length) notes.push(`Neighbours' medians over fewer than ${members.length} values: ${short.join('; ')}.`);
    const missing = members.filter((m) => !m.inFile);
    if (missing.length) notes.push(`Neighbours not in ${options.file}: ${missing.map((m) => m.name).join(', ')}.`);
  }

  const measures = chosen.map((column) => {
    const entry = labels[column] ?? {};
    return {
      id: idOf(column),
      label: entry.label ?? defaultLabel(column),
      ...(entry.definition ? { definition: entry.definition } : {}),
      polarity: entry.polarity ?? 'neutral',
      ...(/_percent$/i.test(column) ? { unit: 'percent' } : {}),
    };
  });

  const category = (own[0]?.category ?? '').trim();
  const title = options.labels?.title ?? (category || 'Children in need');
  notes.push(
    `Years are reporting years ending 31 March: ${[...kept].at(-1) ?? ''} is the year to 31 March ${Number(([...kept].at(-1) ?? '0').slice(0, 4)) + 1}.`,
    'National and regional counts are rounded to the nearest 10; local authority counts are not.',
    `Prepared from ${options.file} with partnership-widgets prepare.`,
  );

  return {
    title: `${title}: ${area.name}`,
    publisher: 'Department for Education',
    source: options.labels?.source ?? { name: `Department for Education, ${options.file}` },
    updated: options.updated ?? new Date().toISOString().slice(0, 10),
    yearStartMonth: 4,
    area: { name: area.name, code: area.code, oldCode: area.oldCode, region: area.region },
    comparators,
    measures,
    notes,
    data,
  };
}

/** Medians of published rates keep two decimals at most (18.25 stays, 18.2500001 does not). */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
