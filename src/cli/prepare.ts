/**
 * `partnership-widgets prepare`: a published DfE EES file → a widget endpoint
 * (the JSON envelope) for one local authority, with England, its region and
 * the median of its ten statistical neighbours as comparator rows. The file
 * is read once (`load`); `envelopeFor` then makes the envelope of any of its
 * authorities, so `--area all` costs one read.
 */
import * as aq from 'arquero';
import { quantile } from 'd3-array';
import { combinedStatus, statusRank, type Status } from 'partnership-widgets/core.js';
import {
  authorities,
  cell,
  classify,
  CliError,
  CODE_CHANGES,
  decimalsOf,
  defaultLabel,
  detectPeriodType,
  measureId,
  periodNote,
  periodOf,
  readEes,
  REPLACED,
  resolveArea,
  titleFromFile,
  unitOf,
  YEAR_START_MONTH,
  type Area,
  type EesFile,
  type EesRow,
  type MetaColumn,
  type PeriodOf,
  type PeriodType,
  type Unit,
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
  /** How many years to keep (the latest; quarters of a year count as one year). */
  years?: number;
  /** `updated` for the envelope: the source's publication date (left out when not given). */
  updated?: string;
  /** `--filter column=value`: keep only rows with that value. */
  filters?: readonly (readonly [string, string])[];
  /** `--breakdown column`: its values become a row dimension. */
  breakdown?: string;
  /** EES metadata (`.meta.csv`). */
  meta?: Map<string, MetaColumn>;
  /** Overrides the period type read from time_identifier. */
  periodType?: PeriodType;
  /** Rates per 10,000 children from ONS mid-year estimates (an EES file of population_estimate). */
  population?: { text: string; file: string };
  /** `--status`: every figure of the file is provisional, revised, final or estimated (as its release says). */
  status?: Status;
}

type Value = number | string;

interface EnvelopeRow {
  measure: string;
  period: string;
  value: Value;
  status?: Status;
  area?: string;
  [dimension: string]: Value | undefined;
}

export const NEIGHBOURS_LABEL = 'Statistical neighbours (median)';

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Five numbers of a group's figures, how many there were, and (neighbours) where the area sits. */
export interface FiveNumbers {
  count: number;
  lowest: number;
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  highest: number;
}

/**
 * Lowest, quartiles and highest by the inclusive method (Excel's QUARTILE.INC, d3-array's
 * `quantile`, R's default type 7: the quartile at position p·(n−1) of the sorted values,
 * interpolated), rounded as the published figures are: worked out in units of the last published
 * decimal, so a count's quartile is a whole number and 18.55 is exactly a half. `exact` values
 * (derived rates) are rounded to `decimals` at the end.
 */
export function fiveNumbers(values: readonly number[], decimals: number, exact = false): FiveNumbers | undefined {
  if (!values.length) return undefined;
  const scale = 10 ** decimals;
  const units = exact ? [...values] : values.map((n) => Math.round(n * scale));
  const at = (p: number) => {
    const q = quantile(units, p)!;
    return exact ? roundTo(q, decimals) : Math.round(q) / scale;
  };
  return {
    count: values.length,
    lowest: at(0),
    lowerQuartile: at(0.25),
    median: at(0.5),
    upperQuartile: at(0.75),
    highest: at(1),
  };
}

/** Where a figure sits in a spread: below all, in the lower quarter, the middle half, the upper quarter, above all. */
export function positionIn(value: number, s: FiveNumbers) {
  if (value < s.lowest) return 'below-all' as const;
  if (value < s.lowerQuartile) return 'lower-quarter' as const;
  if (value <= s.upperQuartile) return 'middle-half' as const;
  if (value <= s.highest) return 'upper-quarter' as const;
  return 'above-all' as const;
}

/**
 * LAIT's quartile band (A to D) of a figure among all authorities' figures, from their unrounded
 * quartiles, as LAIT does: where low is good, A is up to the lower quartile (inclusive), B up to
 * the median, C up to the upper quartile, D above it; where high is good, A is from the upper
 * quartile up, B from the median, C from the lower quartile, D below it. Neutral: no band.
 */
export function bandOf(
  value: number,
  q: { lowerQuartile: number; median: number; upperQuartile: number },
  polarity: 'up-good' | 'down-good' | 'neutral',
): 'A' | 'B' | 'C' | 'D' | undefined {
  if (polarity === 'down-good')
    return value <= q.lowerQuartile ? 'A' : value <= q.median ? 'B' : value <= q.upperQuartile ? 'C' : 'D';
  if (polarity === 'up-good')
    return value >= q.upperQuartile ? 'A' : value >= q.median ? 'B' : value >= q.lowerQuartile ? 'C' : 'D';
  return undefined;
}

/** Authorities with a figure needed before bands among "all authorities" mean anything (England has 153). */
export const BAND_MINIMUM = 100;

/** Rounds half away from zero at `decimals` places, on the number's decimal digits (2.675 → 2.68, not 2.67). */
export function roundTo(n: number, decimals: number): number {
  const scaled = Math.round(Number(`${Math.abs(n)}e${decimals}`));
  return Math.sign(n) * Number(`${scaled}e-${decimals}`);
}

const SYMBOL_WORDS: Record<string, string> = {
  c: 'suppressed [c]',
  x: 'not available [x]',
  u: 'low reliability [u]',
  z: 'not applicable [z]',
  low: 'below 0.5 [low]',
};

interface Measure {
  column: string;
  id: string;
  label: string;
  definition?: string;
  polarity: 'up-good' | 'down-good' | 'neutral';
  unit: Unit;
  decimals: number;
  /** A rate per 10,000 children derived from this count column. */
  per10000Of?: string;
}

/** Rows of one entity (England, a region, an authority): breakdown value → period key → row. */
type Series = Map<string, Map<string, EesRow>>;

export interface Loaded {
  options: PrepareOptions;
  ees: EesFile;
  all: Area[];
  periodType: PeriodType;
  periods: Map<string, PeriodOf>;
  measures: Measure[];
  breakdownValues: string[];
  series: Map<string, Series>;
  periodOfRow: (r: EesRow) => PeriodOf;
  firstLast: Map<string, { first: string; last: string }>;
  fileLast: string;
  roundedComparators: boolean;
  population?: PopulationIndex;
  model?: Record<string, string | null>[];
  title: string;
  filterNote?: string;
  /** The column that gives each row's status (`data_status`, `version`...), if the file has one. */
  statusColumn?: string;
  /** Rows set aside for a more settled row of the same place, period and breakdown (another status): entity|bd|period. */
  others: Map<string, EesRow[]>;
  /** All authorities' figures of a measure, breakdown value and period (for quartile bands), worked out once. */
  everyone: Map<string, number[]>;
}

interface PopulationIndex {
  file: string;
  /** entity key ("N", "R:E12000007", an authority's GSS codes) → year → children 0-17. */
  byEntity: Map<string, Map<number, number>>;
}

const NO_BREAKDOWN = '';

/** Columns that may say a row's status. */
const STATUS_COLUMN =
  /^(data_?status|status|release_?status|publication_?status|version|data_?version|revision_?status)$/i;

/** "Provisional", "P", "[p]", "Revised", "Final", "Estimate" → the contract's status. */
export function statusOfText(raw: unknown): Status | undefined {
  const t = String(raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (t === 'p' || t.startsWith('provisional')) return 'provisional';
  if (t === 'r' || t.startsWith('revised')) return 'revised';
  if (t === 'e' || t.startsWith('estimate')) return 'estimated';
  if (t === 'f' || t.startsWith('final')) return 'final';
  return undefined;
}

/** Keeps the rows of each `--filter COLUMN=VALUE`, after checking that the column and value exist. */
function filteredRows(ees: EesFile, options: PrepareOptions, filters: Map<string, string[]>): readonly EesRow[] {
  let rows = ees.rows;
  for (const [column, value] of options.filters ?? []) {
    if (!ees.columns.includes(column)) {
      throw new CliError(
        `--filter ${column}=${value}: ${options.file} has no column "${column}".${filterList(filters)}`,
      );
    }
    const values = [...new Set(rows.map((r) => (r[column] ?? '').trim()))];
    if (!values.includes(value)) {
      throw new CliError(
        `--filter ${column}=${value}: no rows have that value. Values of ${column}: ${values.map((v) => `"${v}"`).join(', ')}.`,
      );
    }
    rows = rows.filter((r) => (r[column] ?? '').trim() === value);
  }
  return rows;
}

/** `--breakdown COLUMN` must name a breakdown column, and not one of the envelope's own keys. */
function checkBreakdown(options: PrepareOptions, filters: Map<string, string[]>): void {
  const breakdown = options.breakdown;
  if (breakdown !== undefined && !filters.has(breakdown)) {
    throw new CliError(
      `--breakdown ${breakdown}: not a breakdown column of ${options.file}.${filterList(filters) || ' It has none.'}`,
    );
  }
  if (breakdown !== undefined && ['measure', 'period', 'value', 'area'].includes(breakdown)) {
    throw new CliError(
      `--breakdown ${breakdown}: a row dimension cannot be called "${breakdown}" (the envelope uses that key).`,
    );
  }
}

/** A column that says each row's status (provisional, revised, final): it is not a breakdown. */
function statusColumnOf(filters: Map<string, string[]>, rows: readonly EesRow[]): string | undefined {
  return [...filters.keys()].find(
    (c) =>
      STATUS_COLUMN.test(c) &&
      rows.some((r) => statusOfText(r[c]) !== undefined) &&
      rows.every((r) => !(r[c] ?? '').trim() || statusOfText(r[c]) !== undefined),
  );
}

/** A breakdown column with several values that is neither filtered nor the breakdown: the user must choose. */
function checkOpenColumns(options: PrepareOptions, filters: Map<string, string[]>, rows: readonly EesRow[]): void {
  const chosenFilters = new Set((options.filters ?? []).map(([c]) => c));
  const open = [...filters.keys()].filter(
    (c) => c !== options.breakdown && !chosenFilters.has(c) && new Set(rows.map((r) => (r[c] ?? '').trim())).size > 1,
  );
  if (!open.length) return;
  const listed = open.map((c) => {
    const values = [...new Set(rows.map((r) => (r[c] ?? '').trim()))];
    return `  ${c} (${values.length} values): ${values.map((v) => `"${v}"`).join(', ')}`;
  });
  throw new CliError(
    `${options.file} has breakdown columns: each authority has one row per value of them in a year. ` +
      `Choose a value with --filter COLUMN=VALUE, or show one column's values as rows with --breakdown COLUMN:\n${listed.join('\n')}`,
  );
}

/** The period of a row, each distinct time period and identifier worked out once. */
function periodReader(periodType: PeriodType): (r: EesRow) => PeriodOf {
  const periodCache = new Map<string, PeriodOf>();
  return (r: EesRow) => {
    const k = `${r.time_period}|${r.time_identifier}`;
    let p = periodCache.get(k);
    if (!p) {
      p = periodOf(r.time_period ?? '', r.time_identifier ?? '', periodType);
      periodCache.set(k, p);
    }
    return p;
  };
}

/** Measures: columns chosen by name (or by their id), with unit, label and decimals. */
function measuresOf(options: PrepareOptions, rows: readonly EesRow[], measureColumns: string[]): Measure[] {
  const labels = options.labels?.measures ?? {};
  const wanted = options.measures?.length ? options.measures : measureColumns;
  const unknown = wanted.filter((c) => !measureColumns.includes(c) && !measureColumns.some((m) => measureId(m) === c));
  if (unknown.length) {
    throw new CliError(
      `No measure column ${unknown.map((u) => `"${u}"`).join(', ')}. Measure columns: ${measureColumns.join(', ')}.`,
    );
  }
  return wanted.map((w) => {
    const column = measureColumns.includes(w) ? w : measureColumns.find((m) => measureId(m) === w)!;
    const meta = options.meta?.get(column);
    const unit = unitOf(column, meta);
    const entry = labels[column] ?? {};
    let published = 0;
    for (const r of rows) published = Math.max(published, decimalsOf(r[column]));
    return {
      column,
      id: entry.id ?? measureId(column),
      label: entry.label ?? meta?.label ?? defaultLabel(column, unit),
      ...(entry.definition ? { definition: entry.definition } : {}),
      polarity: entry.polarity ?? 'neutral',
      unit,
      decimals: Math.min(3, meta?.decimals ?? published),
    };
  });
}

/** The series key ("N", "R:code", "A:id") and name of a row's entity; undefined for other levels. */
function entityOfRow(r: EesRow, areaOfRow: (r: EesRow) => Area | undefined): { key: string; name: string } | undefined {
  if (r.geographic_level === 'National') return { key: 'N', name: r.country_name ?? 'England' };
  if (r.geographic_level === 'Regional') return { key: `R:${r.region_code ?? ''}`, name: r.region_name ?? '' };
  if (r.geographic_level === 'Local authority') {
    const a = areaOfRow(r)!;
    return { key: `A:${a.id}`, name: a.name };
  }
  return undefined;
}

interface RowIndex {
  series: Map<string, Series>;
  periods: Map<string, PeriodOf>;
  firstLast: Map<string, { first: string; last: string }>;
  others: Map<string, EesRow[]>;
  fileLast: string;
}

/** Index every row by entity, breakdown value and period; two rows in one place is an error naming their lines. */
function indexRows(
  rows: readonly EesRow[],
  areaOfRow: (r: EesRow) => Area | undefined,
  periodOfRow: (r: EesRow) => PeriodOf,
  options: PrepareOptions,
  statusColumn: string | undefined,
): RowIndex & { clashes: string[] } {
  const index: RowIndex = {
    series: new Map(),
    periods: new Map(),
    firstLast: new Map(),
    others: new Map(),
    fileLast: '',
  };
  const clashes: string[] = [];
  const breakdown = options.breakdown;
  const statusOfRow = (r: EesRow) => (statusColumn ? statusOfText(r[statusColumn]) : undefined);
  for (const r of rows) {
    const entity = entityOfRow(r, areaOfRow);
    if (!entity) continue;
    const { key, name } = entity;
    const p = periodOfRow(r);
    index.periods.set(p.key, p);
    if (p.key > index.fileLast) index.fileLast = p.key;
    const bd = breakdown ? (r[breakdown] ?? '').trim() : NO_BREAKDOWN;
    const s = index.series.get(key) ?? index.series.set(key, new Map()).get(key)!;
    const byPeriod = s.get(bd) ?? s.set(bd, new Map()).get(bd)!;
    const earlier = byPeriod.get(p.key);
    if (earlier && statusColumn && statusOfRow(earlier) !== statusOfRow(r)) {
      // The same figures with another status (provisional and revised): the most settled is compared, both are kept.
      const [shown, aside] =
        statusRank(statusOfRow(r)) < statusRank(statusOfRow(earlier)) ? [r, earlier] : [earlier, r];
      byPeriod.set(p.key, shown);
      const k = `${key}|${bd}|${p.key}`;
      (index.others.get(k) ?? index.others.set(k, []).get(k)!).push(aside);
      continue;
    }
    if (earlier) {
      if (clashes.length < 10)
        clashes.push(
          `Lines ${earlier.line} and ${r.line} of ${options.file} both give figures for ${name}, ${p.label}${bd ? `, ${breakdown} "${bd}"` : ''}.`,
        );
      continue;
    }
    byPeriod.set(p.key, r);
    const fl = index.firstLast.get(key);
    if (!fl) index.firstLast.set(key, { first: p.key, last: p.key });
    else {
      if (p.key < fl.first) fl.first = p.key;
      if (p.key > fl.last) fl.last = p.key;
    }
  }
  return { ...index, clashes };
}

/** Published national and regional counts rounded to 10 while authority counts are not: say so, only then. */
function comparatorsRounded(rows: readonly EesRow[], measures: Measure[]): boolean {
  const counts = measures.filter((m) => m.unit === 'count' && m.decimals === 0);
  let comparatorNumbers = 0;
  let comparatorRounded = true;
  let laUnrounded = false;
  for (const r of rows) {
    for (const m of counts) {
      const v = cell(r[m.column]);
      if (typeof v !== 'number') continue;
      if (r.geographic_level === 'Local authority') {
        if (v % 10 !== 0) laUnrounded = true;
      } else if (r.geographic_level === 'National' || r.geographic_level === 'Regional') {
        comparatorNumbers++;
        if (v % 10 !== 0) comparatorRounded = false;
      }
    }
  }
  return comparatorNumbers > 0 && comparatorRounded && laUnrounded;
}

/** The labels file's title, else the file's one category, else a title from the file name. */
function titleOf(ees: EesFile, rows: readonly EesRow[], options: PrepareOptions): string {
  const constant = (column: string) => {
    const values = new Set(rows.map((r) => (r[column] ?? '').trim()));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const category = ees.columns.includes('category') ? constant('category') : undefined;
  return options.labels?.title ?? (category || titleFromFile(options.file));
}

/** A rate per 10,000 children for every count measure. */
function per10000Measures(measures: Measure[]): Measure[] {
  return measures
    .filter((x) => x.unit === 'count')
    .map((m) => ({
      column: m.column,
      id: `${m.id}_per_10000`,
      label: `${m.label} per 10,000 children`,
      polarity: m.polarity,
      unit: 'per10000' as const,
      decimals: 1,
      per10000Of: m.column,
    }));
}

export function load(options: PrepareOptions): Loaded {
  const ees = readEes(options.text, options.file);
  const { measures: measureColumns, filters } = classify(ees, options.meta);
  const rows = filteredRows(ees, options, filters);
  checkBreakdown(options, filters);
  const breakdown = options.breakdown;
  const statusColumn = statusColumnOf(filters, rows);
  if (statusColumn) filters.delete(statusColumn);
  checkOpenColumns(options, filters, rows);
  const breakdownValues = breakdown ? [...new Set(rows.map((r) => (r[breakdown] ?? '').trim()))] : [NO_BREAKDOWN];

  const periodType = detectPeriodType({ ...ees, rows }, options.periodType);
  const periodOfRow = periodReader(periodType);
  const measures = measuresOf(options, rows, measureColumns);

  const { all, areaOfRow } = authorities(rows);
  if (!all.length) throw new CliError(`${options.file} has no local authority rows.`);

  const { clashes, ...index } = indexRows(rows, areaOfRow, periodOfRow, options, statusColumn);
  if (clashes.length) {
    const others = filters.size
      ? ` Its other columns: ${[...ees.columns].filter((c) => !measureColumns.includes(c)).join(', ')}.`
      : '';
    throw new CliError(`${clashes.join('\n')}${others}`);
  }

  const chosen = (options.filters ?? []).map(([c, v]) => `${options.meta?.get(c)?.label ?? c}: ${v}`);
  const loaded: Loaded = {
    options,
    ees,
    all,
    periodType,
    measures,
    breakdownValues,
    periodOfRow,
    ...index,
    roundedComparators: comparatorsRounded(rows, measures),
    title: titleOf(ees, rows, options),
    everyone: new Map(),
    ...(statusColumn ? { statusColumn } : {}),
    ...(chosen.length ? { filterNote: `Figures for ${chosen.join('; ')}.` } : {}),
  };
  if (options.neighbours !== undefined) loaded.model = readModel(options.neighbours);
  if (options.population) {
    loaded.population = readPopulation(options.population.text, options.population.file);
    for (const rate of per10000Measures(measures)) measures.push(rate);
  }
  return loaded;
}

function filterList(filters: Map<string, string[]>): string {
  if (!filters.size) return '';
  return ` Breakdown columns: ${[...filters.keys()].join(', ')}.`;
}

function readModel(text: string) {
  const model = aq.fromCSV(text.replace(/^\uFEFF/, ''), { autoType: false });
  if (!model.columnNames().includes('old_la_code') || !model.columnNames().includes('SN_1')) {
    throw new CliError(
      'The neighbours file is not DfE’s statistical neighbour model (it needs old_la_code and SN_1..SN_10).',
    );
  }
  return model.objects() as Record<string, string | null>[];
}

/** ONS mid-year estimates of children aged 0 to 17, by entity and year. */
function readPopulation(text: string, file: string): PopulationIndex {
  const ees = readEes(text, file);
  if (!ees.columns.includes('population_estimate')) {
    throw new CliError(`${file} is not a population file: it needs a population_estimate column.`);
  }
  const hasAge = ees.columns.includes('age');
  const byEntity = new Map<string, Map<number, number>>();
  const add = (key: string, year: number, n: number) => {
    const m = byEntity.get(key) ?? byEntity.set(key, new Map()).get(key)!;
    m.set(year, (m.get(year) ?? 0) + n);
  };
  for (const r of ees.rows) {
    // Whole 0-17 rows, or single years of age 0..17 summed.
    if (hasAge) {
      const age = Number(r.age);
      if (!(Number.isInteger(age) && age >= 0 && age <= 17)) continue;
    } else if (ees.columns.includes('age_group') && !/0 to 17/.test(r.age_group ?? '')) continue;
    const n = cell(r.population_estimate);
    const year = Number(String(r.time_period ?? '').slice(0, 4));
    if (typeof n !== 'number' || !Number.isFinite(year)) continue;
    if (r.geographic_level === 'National') add('N', year, n);
    else if (r.geographic_level === 'Regional') add(`R:${r.region_code ?? ''}`, year, n);
    else if (r.geographic_level === 'Local authority') {
      for (const code of [r.new_la_code, r.old_la_code]) if (code?.trim()) add(`C:${code.trim()}`, year, n);
    }
  }
  return { file, byEntity };
}

/** The ONS mid-year (30 June) estimate inside a period's twelve months: mid-2024 for 2024-25. */
function populationYear(p: PeriodOf, type: PeriodType): number {
  return YEAR_START_MONTH[type] <= 6 ? p.startYear : p.startYear + 1;
}

/** Every authority's figure (exact) for a measure, breakdown value and period: for quartile bands. */
function everyone(ctx: Loaded, m: Measure, bd: string, key: string): number[] {
  const k = `${m.id}|${bd}|${key}`;
  let values = ctx.everyone.get(k);
  if (values) return values;
  values = [];
  const year = ctx.population ? populationYear(ctx.periods.get(key)!, ctx.periodType) : 0;
  for (const a of ctx.all) {
    const row = ctx.series.get(`A:${a.id}`)?.get(bd)?.get(key);
    const v = row ? cell(row[m.column]) : undefined;
    if (typeof v !== 'number') continue;
    if (!m.per10000Of) {
      values.push(v);
      continue;
    }
    const pop = [...a.codes, ...a.oldCodes]
      .map((c) => ctx.population!.byEntity.get(`C:${c}`)?.get(year))
      .find((n) => n !== undefined);
    if (pop) values.push((v / pop) * 10000);
  }
  ctx.everyone.set(k, values);
  return values;
}

export function prepare(options: PrepareOptions) {
  const loaded = load(options);
  return envelopeFor(loaded, resolveArea(loaded.all, options.area));
}

/** What one envelope is built from and into: the loaded file, the area, its kept periods, and the growing rows, spread and notes. */
interface Build {
  ctx: Loaded;
  area: Area;
  ownKey: string;
  own: Series;
  kept: string[];
  data: EnvelopeRow[];
  /** measure|breakdown|period → the spread entry (neighbours and all authorities). */
  spread: Map<string, Record<string, unknown>>;
  comparators: Record<string, unknown>[];
  notes: string[];
  /** Entities and years with no population estimate (their rates are [x]). */
  popMissing: Set<string>;
  periodLabel: (key: string) => string;
}

/** The area's periods in the last `--years` years (5 by default). */
function keptPeriods(ctx: Loaded, own: Series): string[] {
  const { periods } = ctx;
  const ownPeriods = [...new Set([...own.values()].flatMap((m) => [...m.keys()]))].sort();
  const startYears = [...new Set(ownPeriods.map((k) => periods.get(k)!.startYear))].sort((a, b) => a - b);
  const years = Math.max(1, Math.floor(ctx.options.years ?? 5));
  const keptYears = new Set(startYears.slice(-years));
  return ownPeriods.filter((k) => keptYears.has(periods.get(k)!.startYear));
}

function popYearOf(ctx: Loaded, key: string): number {
  return populationYear(ctx.periods.get(key)!, ctx.periodType);
}

/** Children aged 0 to 17 in an entity (or an authority, by any of its codes) in a period's mid-year. */
function popFor(b: Build, entity: string, a: Area | undefined, key: string): number | undefined {
  const population = b.ctx.population;
  if (!population) return undefined;
  const year = popYearOf(b.ctx, key);
  const keys = a ? [...a.codes.map((c) => `C:${c}`), ...a.oldCodes.map((c) => `C:${c}`)] : [entity];
  for (const k of keys) {
    const n = population.byEntity.get(k)?.get(year);
    if (n !== undefined) return n;
  }
  b.popMissing.add(`${a?.name ?? entity} mid-${year}`);
  return undefined;
}

/** A measure's value in a row: as published, or a rate per 10,000 from the row's count. */
function valueOf(
  b: Build,
  m: Measure,
  row: EesRow | undefined,
  entity: string,
  a: Area | undefined,
  key: string,
  exact = false,
): Value {
  if (!row) return 'x';
  const v = cell(row[m.column]);
  // An empty measure cell is "not available", never 0 or blank.
  if (v === undefined) return 'x';
  if (!m.per10000Of) return v;
  if (typeof v !== 'number') return v;
  const pop = popFor(b, entity, a, key);
  if (!pop) return 'x';
  const rate = (v / pop) * 10000;
  return exact ? rate : roundTo(rate, m.decimals);
}

/** A figure's status: its row's status column, or --status for the whole file. */
function statusOf(ctx: Loaded, r: EesRow | undefined): Status | undefined {
  return (r && ctx.statusColumn ? statusOfText(r[ctx.statusColumn]) : undefined) ?? ctx.options.status;
}

/** The breakdown column and value of a row (nothing without --breakdown). */
function dim(ctx: Loaded, bd: string) {
  const breakdown = ctx.options.breakdown;
  return breakdown ? { [breakdown]: bd } : {};
}

function spreadEntry(b: Build, m: Measure, bd: string, key: string) {
  const k = `${m.id}|${bd}|${key}`;
  let e = b.spread.get(k);
  if (!e) b.spread.set(k, (e = { measure: m.id, period: key, ...dim(b.ctx, bd) }));
  return e;
}

/** The area's own figure as shown (rounded as published). */
function ownValue(b: Build, m: Measure, bd: string, key: string) {
  const v = valueOf(b, m, b.own.get(bd)?.get(key), b.ownKey, b.area, key);
  return typeof v === 'number' ? v : undefined;
}

/** One entity's rows for the kept periods, each measure, with the rows set aside for another status. */
function pushSeries(b: Build, s: Series | undefined, entity: string, a: Area | undefined, areaName?: string) {
  const { ctx } = b;
  for (const key of b.kept) {
    for (const bd of ctx.breakdownValues) {
      const row = s?.get(bd)?.get(key);
      if (!row) continue;
      const rowsHere = [row, ...(ctx.others.get(`${entity}|${bd}|${key}`) ?? [])];
      for (const m of ctx.measures) {
        for (const r of rowsHere) {
          const status = statusOf(ctx, r);
          b.data.push({
            measure: m.id,
            period: key,
            value: valueOf(b, m, r, entity, a, key),
            ...(status ? { status } : {}),
            ...(areaName ? { area: areaName } : {}),
            ...dim(ctx, bd),
          });
        }
      }
    }
  }
}

/** England and the area's region, as comparator rows. */
function addNationalAndRegion(b: Build): void {
  const { ctx, area } = b;
  const national = ctx.series.get('N');
  if (national) {
    const first = [...national.values()][0]?.values().next().value as EesRow | undefined;
    const name = first?.country_name ?? 'England';
    pushSeries(b, national, 'N', undefined, name);
    b.comparators.push({ area: name, kind: 'national' });
  }
  const region = ctx.series.get(`R:${area.regionCode}`);
  if (region) {
    pushSeries(b, region, `R:${area.regionCode}`, undefined, area.region);
    b.comparators.push({ area: area.region, kind: 'region' });
  }
}

interface Neighbour {
  oldCode: string;
  name: string;
  area: Area | undefined;
}

/** The ten statistical neighbours of a model row, found in the file by their old codes. */
function neighboursOf(ctx: Loaded, row: Record<string, string | null>): Neighbour[] {
  const codes = Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]?.trim()).filter((c): c is string => !!c);
  return codes.map((oldCode) => {
    const found = ctx.all.find((a) => a.oldCodes.includes(oldCode));
    const name = found?.name ?? ctx.model!.find((r) => (r.old_la_code ?? '').trim() === oldCode)?.la_name ?? oldCode;
    return { oldCode, name, area: found };
  });
}

/** Why a neighbour has no figure for a measure and period. */
function missingReason(
  b: Build,
  member: Neighbour,
  m: Measure,
  r: EesRow | undefined,
  v: Value | undefined,
  key: string,
) {
  const { ctx, periodLabel } = b;
  if (!member.area) return `${member.name}: not in ${ctx.options.file}`;
  if (!r) {
    const fl = ctx.firstLast.get(`A:${member.area.id}`);
    return fl && key < fl.first
      ? `${member.name}: figures start in ${periodLabel(fl.first)}`
      : fl && key > fl.last
        ? `${member.name}: figures end in ${periodLabel(fl.last)}`
        : `${member.name}: no row`;
  }
  if (m.per10000Of && typeof cell(r[m.column]) === 'number') return `${member.name}: no population estimate`;
  return `${member.name}: ${SYMBOL_WORDS[String(v)] ?? String(v)}`;
}

/** The neighbours' median of one measure, breakdown value and period, as a row and a spread entry;
 * returns how many neighbours had a figure and why the others had none. */
function neighboursMedian(b: Build, members: Neighbour[], m: Measure, bd: string, key: string) {
  const { ctx } = b;
  const numbers: number[] = [];
  const statuses: (Status | undefined)[] = [];
  const reasons: string[] = [];
  for (const member of members) {
    const entity = member.area ? `A:${member.area.id}` : '';
    const r = member.area ? ctx.series.get(entity)?.get(bd)?.get(key) : undefined;
    const v = member.area ? valueOf(b, m, r, entity, member.area, key, true) : undefined;
    if (typeof v === 'number') {
      numbers.push(v);
      statuses.push(statusOf(ctx, r));
    } else reasons.push(missingReason(b, member, m, r, v, key));
  }
  // Medians are rounded as the published figures are (whole numbers for counts), worked out
  // in units of the last published decimal so that a half (18.55) is exactly a half.
  const scale = 10 ** m.decimals;
  const med = m.per10000Of ? median(numbers) : median(numbers.map((n) => Math.round(n * scale)));
  b.data.push({
    measure: m.id,
    period: key,
    value: med === undefined ? 'x' : m.per10000Of ? roundTo(med, m.decimals) : Math.round(med) / scale,
    ...(med !== undefined && combinedStatus(statuses) ? { status: combinedStatus(statuses)! } : {}),
    area: NEIGHBOURS_LABEL,
    ...dim(ctx, bd),
  });
  const five = fiveNumbers(numbers, m.decimals, !!m.per10000Of);
  if (five) {
    const mine = ownValue(b, m, bd, key);
    spreadEntry(b, m, bd, key).neighbours = {
      ...five,
      of: members.length,
      ...(mine !== undefined ? { position: positionIn(mine, five) } : {}),
    };
  }
  return { used: numbers.length, reasons };
}

/** The statistical neighbours' medians, their comparator entry and their notes. */
function addNeighbours(b: Build): void {
  const { ctx, area, notes } = b;
  if (!ctx.model) return;
  const breakdown = ctx.options.breakdown;
  const row = ctx.model.find((r) => area.oldCodes.includes((r.old_la_code ?? '').trim()));
  if (!row) {
    notes.push(`${area.name} is not in the statistical neighbour model, so there is no neighbours' median.`);
    return;
  }
  const members = neighboursOf(ctx, row);
  const used: Record<string, Record<string, number>> = {};
  const short: string[] = [];
  for (const key of b.kept) {
    for (const bd of ctx.breakdownValues) {
      for (const m of ctx.measures) {
        const median = neighboursMedian(b, members, m, bd, key);
        if (!breakdown) (used[m.id] ??= {})[key] = median.used;
        if (median.used < members.length)
          short.push(
            `${m.label}${bd ? ` (${bd})` : ''}, ${b.periodLabel(key)}: ${median.used} of ${members.length} (${median.reasons.join('; ')})`,
          );
      }
    }
  }
  b.comparators.push({
    area: NEIGHBOURS_LABEL,
    kind: 'neighbours',
    members: members.map((mm) => ({
      name: mm.name,
      code: mm.area?.code ?? '',
      oldCode: mm.oldCode,
      ...(mm.area && mm.area.codes.length > 1 ? { formerCodes: mm.area.codes.filter((c) => c !== mm.area!.code) } : {}),
    })),
    ...(breakdown ? {} : { used }),
  });
  notes.push(
    `Statistical neighbours (DfE statistical neighbour model): ${members.map((mm) => mm.name).join(', ')}. ` +
      `The median is taken over the neighbours' published values for each measure and year, rounded as the published figures are` +
      `${ctx.measures.some((x) => x.unit === 'count' && x.decimals === 0) ? ' (counts to whole numbers)' : ''}; ` +
      'an authority whose GSS code changed is followed across the change.',
  );
  for (const mm of members) {
    if (!mm.area) continue;
    for (const note of describeChanges(mm.area, ctx, b.periodLabel)) if (!notes.includes(note)) notes.push(note);
  }
  if (short.length) notes.push(shortNote(short, members.length));
}

/** Quartile bands among all authorities (as LAIT): for rates only (a count depends on the area's size). */
function addQuartileBands(b: Build): { banded: boolean; tooFew: boolean } {
  const { ctx } = b;
  let banded = false;
  let tooFew = false;
  for (const key of b.kept) {
    for (const bd of ctx.breakdownValues) {
      for (const m of ctx.measures) {
        if (m.unit === 'count') continue;
        const values = everyone(ctx, m, bd, key);
        if (values.length < BAND_MINIMUM) {
          if (values.length) tooFew = true;
          continue;
        }
        const five = fiveNumbers(values, m.decimals, !!m.per10000Of)!;
        const exactQ = {
          lowerQuartile: quantile(values, 0.25)!,
          median: quantile(values, 0.5)!,
          upperQuartile: quantile(values, 0.75)!,
        };
        const mine = valueOf(b, m, b.own.get(bd)?.get(key), b.ownKey, b.area, key, true);
        const band = typeof mine === 'number' ? bandOf(mine, exactQ, m.polarity) : undefined;
        if (band) banded = true;
        spreadEntry(b, m, bd, key).authorities = { ...five, ...(band ? { band } : {}) };
      }
    }
  }
  return { banded, tooFew };
}

/** Notes on the spread figures and quartile bands. */
function addSpreadNotes(b: Build, { banded, tooFew }: { banded: boolean; tooFew: boolean }): void {
  const { options } = b.ctx;
  if (b.spread.size) {
    b.notes.push(
      'Lowest, quartiles, median and highest are worked out by the inclusive method (as Excel’s QUARTILE.INC), ' +
        'from the published figures, and rounded as they are; the middle half lies between the lower and upper quartiles.',
    );
  }
  if (banded) {
    b.notes.push(
      `Quartile bands (A to D, as in DfE’s Local Authority Interactive Tool) place ${b.area.name} among every local authority with a figure in ${options.file}: ` +
        'A is the quarter with the best figures, by the measure’s polarity (the lowest where low is good), D the worst; measures with neither have no band.',
    );
  } else if (tooFew) {
    b.notes.push(
      `${options.file} has figures for fewer than ${BAND_MINIMUM} local authorities, so no quartile bands among all authorities are given.`,
    );
  }
}

/** Notes on population estimates, statuses, periods, rounding and the source file. */
function addClosingNotes(b: Build): void {
  const { ctx, notes, kept } = b;
  const { options, population } = ctx;
  if (population) {
    const years = [...new Set(kept.map((k) => popYearOf(ctx, k)))].sort();
    notes.push(
      `Rates per 10,000 children are worked out from ONS mid-year estimates of children aged 0 to 17 (${population.file}): ` +
        `each year is divided by the estimate at 30 June within it${years.length ? ` (mid-${years[0]} to mid-${years.at(-1)})` : ''}.`,
    );
    if (b.popMissing.size)
      notes.push(`No population estimate for ${[...b.popMissing].sort().join(', ')}: rates shown [x].`);
  }
  if (options.status && options.status !== 'final')
    notes.push(
      `Every figure from ${options.file} is ${options.status}, as its release says: marked [${options.status.charAt(0)}].`,
    );
  if (ctx.statusColumn) {
    const seen = new Set(b.data.map((r) => r.status).filter(Boolean));
    if (seen.size)
      notes.push(
        `The ${ctx.statusColumn} column of ${options.file} says which figures are ${[...seen].join(' and ')}; where it gives a figure twice with different statuses, the most settled is shown and compared, and the other is given beside it.`,
      );
  }
  const latest = kept.at(-1);
  notes.push(periodNote(ctx.periodType, latest ? ctx.periods.get(latest) : undefined));
  if (ctx.roundedComparators)
    notes.push(
      `In ${options.file}, national and regional counts are rounded to the nearest 10; local authority counts are not.`,
    );
  notes.push(`Prepared from ${options.file} with partnership-widgets prepare.`);
}

/** The envelope itself, from what the steps built. */
function envelopeOf(b: Build) {
  const { ctx, area, kept } = b;
  const { options, measures } = ctx;
  const breakdown = options.breakdown;
  const metaLabel = breakdown ? options.meta?.get(breakdown)?.label : undefined;
  return {
    title: `${ctx.title}: ${area.name}`,
    publisher: 'Department for Education',
    source: options.labels?.source ?? { name: `Department for Education, ${options.file}` },
    // The source's publication date: EES files and their metadata do not state one, so it is
    // written only when given (--updated); never the day prepare ran, which a reader would take for it.
    ...(options.updated ? { updated: options.updated } : {}),
    yearStartMonth: YEAR_START_MONTH[ctx.periodType],
    periodType: ctx.periodType,
    periodLabels: Object.fromEntries(kept.map((k) => [k, b.periodLabel(k)])),
    area: {
      name: area.name,
      code: area.code,
      oldCode: area.oldCode,
      region: area.region,
      ...(area.codes.length > 1 ? { formerCodes: area.codes.filter((c) => c !== area.code) } : {}),
    },
    ...(breakdown
      ? {
          dimensions: [
            { id: breakdown, label: metaLabel ?? defaultLabel(breakdown, 'count'), values: ctx.breakdownValues },
          ],
        }
      : {}),
    comparators: b.comparators,
    measures: measures.map((m) => ({
      id: m.id,
      label: m.label,
      ...(m.definition ? { definition: m.definition } : {}),
      polarity: m.polarity,
      ...(m.unit === 'percent' ? { unit: 'percent' } : m.unit === 'per10000' ? { unit: 'ratio', per: 10000 } : {}),
      ...(m.unit !== 'count' || m.decimals > 0 ? { decimals: m.decimals } : {}),
    })),
    notes: b.notes,
    data: b.data,
    ...(b.spread.size ? { spread: [...b.spread.values()] } : {}),
  };
}

export function envelopeFor(ctx: Loaded, area: Area) {
  const ownKey = `A:${area.id}`;
  const own = ctx.series.get(ownKey) ?? new Map<string, Map<string, EesRow>>();
  const periodLabel = (key: string) => ctx.periods.get(key)?.label ?? key;
  const b: Build = {
    ctx,
    area,
    ownKey,
    own,
    kept: keptPeriods(ctx, own),
    data: [],
    spread: new Map(),
    comparators: [],
    notes: [...(ctx.options.labels?.notes ?? [])],
    popMissing: new Set(),
    periodLabel,
  };
  pushSeries(b, own, ownKey, area);
  addNationalAndRegion(b);
  if (ctx.filterNote) b.notes.push(ctx.filterNote);
  for (const note of describeChanges(area, ctx, periodLabel)) b.notes.push(note);
  addNeighbours(b);
  addSpreadNotes(b, addQuartileBands(b));
  addClosingNotes(b);
  return envelopeOf(b);
}

/** Notes on an authority's codes and reorganisations, from what the file shows. */
function describeChanges(a: Area, ctx: Loaded, label: (key: string) => string): string[] {
  const notes: string[] = [];
  const fl = ctx.firstLast.get(`A:${a.id}`);
  for (const c of CODE_CHANGES) {
    if (a.codes.includes(c.from) && a.codes.includes(c.to))
      notes.push(
        `${a.name}: its GSS code changed from ${c.from} to ${c.to} in April ${c.year}; its figures are one series.`,
      );
  }
  const nameOf = (code: string) => ctx.all.find((x) => x.codes.includes(code))?.name ?? code;
  for (const r of REPLACED) {
    if (a.codes.includes(r.from) && fl && fl.last < ctx.fileLast) {
      notes.push(
        `${a.name}: figures end in ${label(fl.last)}, when it became part of ${r.by.map(nameOf).join(' and ')}` +
          `${r.by.length > 1 ? ' (it was split between them)' : ''}.`,
      );
    }
  }
  const before = REPLACED.filter((r) => r.by.some((b) => a.codes.includes(b)));
  if (before.length && fl) {
    notes.push(
      `${a.name}: figures start in ${label(fl.first)}; before April ${before[0]!.year} its area was part of ${before.map((r) => r.name).join(' and ')}.`,
    );
  }
  return notes;
}

/** The widgets show a note of at most 2,000 characters (core's LIMITS.text): the list of medians over fewer
 * neighbours stops before that, saying how many more there are (each is in `comparators[].used`). */
function shortNote(short: string[], count: number): string {
  const head = `Neighbours' medians over fewer than ${count} values: `;
  const budget = 1800;
  let text = head;
  let shown = 0;
  for (const entry of short) {
    if (text.length + entry.length + 2 > budget) break;
    text += (shown ? '. ' : '') + entry;
    shown++;
  }
  const more = short.length - shown;
  return more
    ? `${text}; and ${more} more measure${more === 1 ? '' : 's'} and years (the number of neighbours used for each is in the file's comparators).`
    : `${text}.`;
}
