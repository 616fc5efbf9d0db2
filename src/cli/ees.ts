/**
 * Reading DfE explore-education-statistics (EES) CSV files as published:
 * tidy rows, wide measure columns, `time_period` + `time_identifier`,
 * `geographic_level` National / Regional / Local authority, GSS symbols as
 * bare letters, a byte order mark on some files, filter (breakdown) columns,
 * and local authorities whose GSS code changed. Node only (arquero).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { parseSymbol } from 'partnership-widgets/core.js';

/** Columns that place a row in time and space rather than measure or break down anything. */
export const GEOGRAPHY = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
]);

export class CliError extends Error {}

/** One CSV record with the line it starts on in the file (the header is line 1). */
export type EesRow = Record<string, string | null> & { readonly line: number };

export interface EesFile {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly EesRow[];
}

export function readEes(text: string, file = 'the file'): EesFile {
  const clean = text.replace(/^\uFEFF/, '');
  const table: ColumnTable = aq.fromCSV(clean, { autoType: false });
  const columns = table.columnNames();
  const missing = ['time_period', 'time_identifier', 'geographic_level'].filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new CliError(
      `${file} is not an explore-education-statistics file: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`,
    );
  }
  // The line each record starts on: records may span lines inside quotes.
  const starts = recordLines(clean);
  const rows = (table.objects() as Record<string, string | null>[]).map((r, i) => {
    const row = r as EesRow;
    (row as { line: number }).line = starts[i + 1] ?? i + 2;
    return row;
  });
  return { file, columns, rows };
}

/** The 1-based line on which each CSV record starts (quote-aware). */
function recordLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atStart) {
      if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        if (ch === '\n') line++;
        continue; // blank lines are not records
      }
      starts.push(line);
      atStart = false;
    }
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes) atStart = true;
    }
  }
  return starts;
}

/** A cell as published: a number, a GSS symbol code, or undefined when empty. */
export function cell(raw: unknown): number | string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw).trim();
  if (text === '') return undefined;
  const symbol = parseSymbol(text);
  if (symbol) return symbol.symbol;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Decimal places a published number is written with ("18.25" → 2). */
export function decimalsOf(raw: unknown): number {
  const m = /\.(\d+)$/.exec(String(raw ?? '').trim());
  return m ? m[1]!.length : 0;
}

/** EES metadata (`<name>.meta.csv`): one row per column. */
export interface MetaColumn {
  readonly name: string;
  readonly type: 'Filter' | 'Indicator' | string;
  readonly label?: string;
  readonly unit?: string;
  readonly decimals?: number;
  readonly hint?: string;
}

export function readMeta(text: string, file = 'the metadata file'): Map<string, MetaColumn> {
  const table = aq.fromCSV(text.replace(/^\uFEFF/, ''), { autoType: false });
  if (!table.columnNames().includes('col_name') || !table.columnNames().includes('col_type')) {
    throw new CliError(`${file} is not an EES metadata file: it needs col_name and col_type columns.`);
  }
  const meta = new Map<string, MetaColumn>();
  for (const r of table.objects() as Record<string, string | null>[]) {
    const name = (r.col_name ?? '').trim();
    if (!name) continue;
    const dp = (r.indicator_dp ?? '').trim();
    meta.set(name, {
      name,
      type: (r.col_type ?? '').trim(),
      ...(r.label?.trim() ? { label: r.label.trim() } : {}),
      ...(r.indicator_unit?.trim() ? { unit: r.indicator_unit.trim() } : {}),
      ...(/^\d+$/.test(dp) ? { decimals: Number(dp) } : {}),
      ...(r.filter_hint?.trim() ? { hint: r.filter_hint.trim() } : {}),
    });
  }
  return meta;
}

export interface Columns {
  /** Measure columns: every non-empty value a number or a symbol (or an Indicator in the metadata). */
  readonly measures: string[];
  /** Filter columns and their values, in the order first seen. */
  readonly filters: Map<string, string[]>;
}

/** Splits the non-geographic columns into measures and filters. */
export function classify(ees: EesFile, meta?: Map<string, MetaColumn>): Columns {
  const measures: string[] = [];
  const filters = new Map<string, string[]>();
  for (const name of ees.columns) {
    if (GEOGRAPHY.has(name)) continue;
    const type = meta?.get(name)?.type.toLowerCase();
    let isFilter = type === 'filter';
    if (type !== 'filter' && type !== 'indicator') {
      let numbers = 0;
      for (const r of ees.rows) {
        const v = cell(r[name]);
        if (typeof v === 'number') numbers++;
        else if (v !== undefined && parseSymbol(String(v)) === undefined) {
          isFilter = true;
          break;
        }
      }
      if (!isFilter && numbers === 0) continue;
    }
    if (isFilter) filters.set(name, [...new Set(ees.rows.map((r) => (r[name] ?? '').trim()))]);
    else measures.push(name);
  }
  return { measures, filters };
}

// ---------------------------------------------------------------- periods

/**
 * How a file's time periods are meant. Each maps a period to the contract's
 * year key (`2023-24`, the twelve months starting in `yearStartMonth`) and
 * to the label readers see.
 */
export type PeriodType =
  | 'reporting-year'
  | 'financial-year'
  | 'academic-year'
  | 'calendar-year'
  | 'tax-year'
  | 'as-at-31-march'
  | 'as-at-30-september'
  | 'mid-year';

export const PERIOD_TYPES: readonly PeriodType[] = [
  'reporting-year',
  'financial-year',
  'academic-year',
  'calendar-year',
  'tax-year',
  'as-at-31-march',
  'as-at-30-september',
  'mid-year',
];

export const YEAR_START_MONTH: Record<PeriodType, number> = {
  'reporting-year': 4,
  'financial-year': 4,
  'tax-year': 4,
  'academic-year': 9,
  'calendar-year': 1,
  'as-at-31-march': 4,
  'as-at-30-september': 10,
  'mid-year': 7,
};

export interface PeriodOf {
  /** The contract's key: `2023-24` or `2023-24 Q1`. */
  readonly key: string;
  /** What a reader sees: `2023-24`, `2024/25`, `2024`, `30 September 2023`, `mid-2024`, `2024 Q1`. */
  readonly label: string;
  /** The calendar year the period's twelve months start in. */
  readonly startYear: number;
}

const yy = (n: number) => String(n % 100).padStart(2, '0');
const yearKey = (start: number) => `${start}-${yy(start + 1)}`;

/** The period type a time_identifier states, or undefined for "Reporting year" (ambiguous: see detectPeriodType). */
export function periodTypeOf(timeIdentifier: string): PeriodType | undefined {
  const id = timeIdentifier
    .trim()
    .toLowerCase()
    .replace(/\s+q[1-4]$/, '');
  if (id === 'financial year') return 'financial-year';
  if (id === 'academic year') return 'academic-year';
  if (id === 'calendar year') return 'calendar-year';
  if (id === 'tax year') return 'tax-year';
  if (id === 'reporting year') return 'reporting-year';
  return undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * What is wrong with a time_identifier the contract cannot show (months, weeks, terms, parts of
 * a year), naming the period type and what to do; undefined for one it can.
 */
export function unsupportedPeriod(timeIdentifier: string): string | undefined {
  const id = timeIdentifier.trim().toLowerCase();
  const advice =
    ' Add them up into quarters or whole years before preparing (keeping any symbol: a total over a [c] is [c]),' +
    ' or, where the file also has whole years, keep those with --filter time_identifier=VALUE.';
  if (MONTHS.includes(id) || /^month( \d+)?$/.test(id) || /^m\d{1,2}$/.test(id))
    return `monthly figures. These widgets show years and quarters of a year, not months, so a month would be shown under a wrong label.${advice}`;
  if (/^week( \d+)?$/.test(id) || /^w\d{1,2}$/.test(id))
    return `weekly figures. These widgets show years and quarters of a year, not weeks.${advice}`;
  if (/term/.test(id))
    return `termly figures (${timeIdentifier.trim()}). These widgets show years and quarters, and a school term is neither (terms are not three months).${advice.replace('quarters or whole years', 'academic years')}`;
  if (/^(spring|summer|autumn|winter)|half|part year|year to date|rolling/.test(id))
    return `part of a year the widgets cannot label (${timeIdentifier.trim()}).${advice}`;
  return undefined;
}

/**
 * EES time to a period of the given type: 2025 + "Reporting year" → 2024-25
 * (the year ending 31 March 2025); 202324 + "Financial year" → 2023-24;
 * 202425 + "Academic year" → 2024/25; 2024 + "Calendar year Q1" → 2024 Q1;
 * 2023 as a 30 September snapshot → 30 September 2023.
 */
export function periodOf(timePeriod: string, timeIdentifier: string, type: PeriodType): PeriodOf {
  const tp = timePeriod.trim();
  const id = timeIdentifier.trim().toLowerCase();
  const quarter = /\sq([1-4])$/.exec(id)?.[1];
  const fail = () =>
    new CliError(
      `time_period "${timePeriod}" with time_identifier "${timeIdentifier}" is not a period this tool understands` +
        ` (reporting, financial, academic, calendar or tax years and their quarters, or 31 March, 30 September or mid-year snapshots).`,
    );
  const unsupported = unsupportedPeriod(timeIdentifier);
  if (unsupported) throw new CliError(`time_identifier "${timeIdentifier}": ${unsupported}`);
  let single: number | undefined; // a four-digit year
  let start: number | undefined; // the first year of a six-digit pair
  const six = /^(\d{4})(\d{2})$/.exec(tp);
  if (/^\d{4}$/.test(tp)) single = Number(tp);
  else if (six) {
    start = Number(six[1]);
    if (Number(six[2]) !== (start + 1) % 100) throw new CliError(`time_period ${tp} is not two years in a row.`);
  } else throw fail();
  const q = quarter ? ` Q${quarter}` : '';
  switch (type) {
    case 'reporting-year':
    case 'as-at-31-march': {
      // A four-digit reporting year is the year ending 31 March of that year.
      const s = start ?? single! - 1;
      if (type === 'as-at-31-march' && !q) return { key: yearKey(s), label: `31 March ${s + 1}`, startYear: s };
      return { key: `${yearKey(s)}${q}`, label: `${yearKey(s)}${q}`, startYear: s };
    }
    case 'financial-year':
    case 'tax-year': {
      const s = start ?? single!;
      return { key: `${yearKey(s)}${q}`, label: `${yearKey(s)}${q}`, startYear: s };
    }
    case 'academic-year': {
      const s = start ?? single!;
      return { key: `${yearKey(s)}${q}`, label: `${s}/${yy(s + 1)}${q}`, startYear: s };
    }
    case 'calendar-year': {
      if (single === undefined) throw fail();
      return { key: `${yearKey(single)}${q}`, label: `${single}${q}`, startYear: single };
    }
    case 'as-at-30-september': {
      // The twelve months to 30 September: October of the year before to September.
      const y = single ?? start! + 1;
      if (q) throw fail();
      return { key: yearKey(y - 1), label: `30 September ${y}`, startYear: y - 1 };
    }
    case 'mid-year': {
      const y = single ?? start!;
      if (q) throw fail();
      return { key: yearKey(y - 1), label: `mid-${y}`, startYear: y - 1 };
    }
  }
}

/** What a period type means, for the envelope's notes. */
export function periodNote(type: PeriodType, latest: PeriodOf | undefined): string {
  const l = latest;
  switch (type) {
    case 'reporting-year':
      return `Years are reporting years ending 31 March${l ? `: ${l.label} is the year to 31 March ${l.startYear + 1}` : ''}.`;
    case 'financial-year':
      return `Years are financial years, April to March${l ? `: ${l.label} is April ${l.startYear} to March ${l.startYear + 1}` : ''}.`;
    case 'tax-year':
      return `Years are tax years, 6 April to 5 April${l ? `: ${l.label} is 6 April ${l.startYear} to 5 April ${l.startYear + 1}` : ''}.`;
    case 'academic-year':
      return `Years are academic years, September to August${l ? `: ${l.label} is September ${l.startYear} to August ${l.startYear + 1}` : ''}.`;
    case 'calendar-year':
      return 'Years are calendar years, January to December.';
    case 'as-at-31-march':
      return `Figures are a snapshot at 31 March each year${l ? `: the latest is at ${l.label}` : ''}.`;
    case 'as-at-30-september':
      return `Figures are a snapshot at 30 September each year${l ? `: the latest is at ${l.label}` : ''}.`;
    case 'mid-year':
      return `Figures are mid-year estimates, at 30 June each year${l ? `: the latest is ${l.label}` : ''}.`;
  }
}

/**
 * The period type of a file: `override` when given; what `time_identifier`
 * says, except that DfE also labels snapshots "Reporting year": the social
 * work workforce census (a 30 September snapshot) and ONS mid-year
 * population estimates are recognised by their columns.
 */
export function detectPeriodType(ees: EesFile, override?: PeriodType): PeriodType {
  if (override) return override;
  const types = new Set<PeriodType>();
  const supported = new Set<string>();
  let refused: EesRow | undefined;
  for (const r of ees.rows) {
    const id = r.time_identifier ?? '';
    const t = periodTypeOf(id);
    if (t) {
      types.add(t);
      supported.add(id.trim());
    } else refused ??= r;
  }
  if (refused) {
    const id = refused.time_identifier ?? '';
    try {
      periodOf(refused.time_period ?? '', id, 'reporting-year');
    } catch (error) {
      // Name the line, and the whole-year identifiers the file also has, if any.
      const also = supported.size
        ? ` ${ees.file} also has ${[...supported].map((v) => `"${v}"`).join(', ')}: --filter "time_identifier=${[...supported][0]}" keeps those.`
        : '';
      throw new CliError(`Line ${refused.line} of ${ees.file}: ${(error as Error).message}${also}`);
    }
  }
  if (types.size > 1)
    throw new CliError(
      `${ees.file} mixes period types (${[...types].join(', ')}); choose one with --filter time_identifier=VALUE.`,
    );
  const type = [...types][0] ?? 'reporting-year';
  if (type === 'reporting-year') {
    const cols = new Set(ees.columns);
    if (cols.has('inpost_fte') || cols.has('turnover_rate_fte') || /csww/i.test(ees.file)) return 'as-at-30-september';
    if ((cols.has('population_estimate') && cols.has('age_group')) || /mid-year/i.test(ees.file)) return 'mid-year';
  }
  return type;
}

// ---------------------------------------------------------------- authorities

export interface Area {
  /** Stable identity: the latest new_la_code. */
  readonly id: string;
  readonly name: string;
  /** The latest GSS code. */
  readonly code: string;
  readonly oldCode: string;
  /** Every GSS code it has had in the file, oldest first. */
  readonly codes: readonly string[];
  readonly oldCodes: readonly string[];
  readonly names: readonly string[];
  readonly region: string;
  readonly regionCode: string;
}

/**
 * GSS code changes and reorganisations (April of the year given). Same
 * authority, new code: followed as one series. Replaced: the old
 * authority's figures end, and a note names its successors.
 */
export const CODE_CHANGES: readonly { from: string; to: string; year: number }[] = [
  { from: 'E10000027', to: 'E06000066', year: 2023 }, // Somerset
  { from: 'E10000023', to: 'E06000065', year: 2023 }, // North Yorkshire
  { from: 'E10000002', to: 'E06000060', year: 2020 }, // Buckinghamshire
  { from: 'E10000009', to: 'E06000059', year: 2019 }, // Dorset (county council → Dorset Council)
  { from: 'E08000016', to: 'E08000038', year: 2024 }, // Barnsley (boundary change)
  { from: 'E08000019', to: 'E08000039', year: 2024 }, // Sheffield (boundary change)
];

export const REPLACED: readonly { from: string; name: string; by: readonly string[]; year: number }[] = [
  { from: 'E06000028', name: 'Bournemouth', by: ['E06000058'], year: 2019 },
  { from: 'E06000029', name: 'Poole', by: ['E06000058'], year: 2019 },
  { from: 'E10000021', name: 'Northamptonshire', by: ['E06000061', 'E06000062'], year: 2021 },
  { from: 'E10000006', name: 'Cumbria', by: ['E06000063', 'E06000064'], year: 2023 },
];

/** London's sub-regions, compared with London as a whole. */
const LONDON_PARTS = new Set(['E13000001', 'E13000002']);
export const LONDON = { code: 'E12000007', name: 'London' };

/**
 * Every local authority in the file, once, whatever codes it had: rows with
 * the same old_la_code, the same name, or a GSS code linked by
 * CODE_CHANGES are one authority. `byRowKey` finds a row's authority.
 */
export function authorities(rows: readonly EesRow[]) {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const variants = new Map<
    string,
    { old: string; code: string; name: string; region: string; regionCode: string; last: string }
  >();
  const variantKey = (r: EesRow) => `${r.old_la_code ?? ''}|${r.new_la_code ?? ''}|${r.la_name ?? ''}`;
  for (const r of rows) {
    if (r.geographic_level !== 'Local authority') continue;
    const k = variantKey(r);
    const tp = r.time_period ?? '';
    const v = variants.get(k);
    if (!v) {
      variants.set(k, {
        old: (r.old_la_code ?? '').trim(),
        code: (r.new_la_code ?? '').trim(),
        name: (r.la_name ?? '').trim(),
        region: (r.region_name ?? '').trim(),
        regionCode: (r.region_code ?? '').trim(),
        last: tp,
      });
      if (r.old_la_code) union(k, `old:${r.old_la_code.trim()}`);
      if (r.new_la_code) union(k, `gss:${r.new_la_code.trim()}`);
      if (r.la_name) union(k, `name:${r.la_name.trim().toLowerCase()}`);
    } else if (tp > v.last) v.last = tp;
  }
  for (const c of CODE_CHANGES) union(`gss:${c.from}`, `gss:${c.to}`);
  const groups = new Map<string, (typeof variants extends Map<string, infer V> ? V : never)[]>();
  const groupOf = new Map<string, string>();
  for (const [k, v] of variants) {
    const root = find(k);
    groupOf.set(k, root);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(v);
  }
  const byRoot = new Map<string, Area>();
  for (const [root, list] of groups) {
    list.sort((a, b) => a.last.localeCompare(b.last));
    const latest = list.at(-1)!;
    const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
    const london = LONDON_PARTS.has(latest.regionCode);
    byRoot.set(root, {
      id: latest.code || latest.old || latest.name,
      name: latest.name,
      code: latest.code,
      oldCode: latest.old,
      codes: uniq(list.map((v) => v.code)),
      oldCodes: uniq(list.map((v) => v.old)),
      names: uniq(list.map((v) => v.name)),
      region: london ? LONDON.name : latest.region,
      regionCode: london ? LONDON.code : latest.regionCode,
    });
  }
  const all = [...byRoot.values()];
  const areaOfRow = (r: EesRow): Area | undefined => {
    const root = groupOf.get(variantKey(r));
    return root === undefined ? undefined : byRoot.get(root);
  };
  return { all, areaOfRow };
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let last = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, last + (a[i - 1] === b[j - 1] ? 0 : 1));
      last = keep;
    }
  }
  return prev[b.length]!;
}

/** Finds an area by name (any case), GSS code (E08000009, current or former) or old code (358). */
export function resolveArea(all: readonly Area[], query: string): Area {
  const q = query.trim().toLowerCase();
  const found = all.find(
    (a) =>
      a.names.some((n) => n.toLowerCase() === q) ||
      a.codes.some((c) => c.toLowerCase() === q) ||
      a.oldCodes.includes(q),
  );
  if (found) return found;
  const suggestions = [...all]
    .map((a) => {
      const name = a.name.toLowerCase();
      const score = name.includes(q) || q.includes(name) ? 0 : distance(q, name);
      return { a, score };
    })
    .sort((x, y) => x.score - y.score || x.a.name.localeCompare(y.a.name))
    .slice(0, 3)
    .map(({ a }) => `${a.name} (${a.code}, ${a.oldCode})`);
  throw new CliError(
    `No local authority "${query}" in this file.${suggestions.length ? ` Closest: ${suggestions.join('; ')}.` : ''}`,
  );
}

// ---------------------------------------------------------------- units and labels

export type Unit = 'count' | 'percent' | 'per10000';

/** A column's unit: from the metadata when it states one, else from its name. */
export function unitOf(column: string, meta?: MetaColumn): Unit {
  const unit = meta?.unit?.trim();
  if (unit === '%' || unit === 'pp') return 'percent';
  if (/per_?10,?000|per_10k/i.test(column)) return 'per10000';
  if (unit !== undefined && unit !== '') return 'count';
  if (/(_percent|_pct|%)$|^pt_|_percent_|_rate(_|$)|^rate_/i.test(column)) return 'percent';
  return 'count';
}

const WORDS: Record<string, string> = {
  rereferral: 'Re-referrals',
  rereferrals: 'Re-referrals',
  referral: 'Referrals',
  referrals: 'Referrals',
  cpp: 'CPP',
  cin: 'CIN',
  cla: 'CLA',
  nfa: 'NFA',
  fte: 'FTE',
  la: 'LA',
  pt: 'Percentage',
  t: 'Number of',
  sess: 'sessions',
  pa: 'persistently absent',
};

/** A readable default label: "rereferral_percent" → "Re-referrals (%)", "turnover_rate_fte" → "Turnover rate FTE (%)". */
export function defaultLabel(column: string, unit: Unit = unitOf(column)): string {
  let base = column.replace(/%$/, '');
  const match = /_(percent|count)$/i.exec(base);
  if (match) base = base.slice(0, -match[0].length);
  base = base.replace(/_per_?10000$/i, '');
  const words = base.split(/[_\s]+/).filter(Boolean);
  const text = words
    .map((w, i) => WORDS[w.toLowerCase()] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w.toLowerCase()))
    .join(' ');
  const suffix = unit === 'percent' ? ' (%)' : unit === 'per10000' ? ' (per 10,000 children)' : '';
  return `${text}${suffix}`;
}

/** A measure id the contract accepts ([A-Za-z0-9_-]): "turnover_rate_fte_%" → "turnover_rate_fte_percent". */
export function measureId(column: string): string {
  return column
    .replace(/%/g, 'percent')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

const FILE_WORDS: Record<string, string> = {
  cin: 'children in need',
  cla: 'children looked after',
  csww: 'children’s social work workforce',
  cpps: 'child protection plans',
  ons: 'ONS',
  la: '',
  at31march: 'at 31 March',
};

/** A title from a file name: "csww_indicators_2017_to_2025.csv" → "Children’s social work workforce indicators". */
export function titleFromFile(file: string): string {
  const stem = file
    .replace(/\.csv$/i, '')
    .replace(/^[a-z]\d+_/i, '')
    .replace(/_?\d{4}(_to_\d{4})?/g, '');
  const words = stem
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => FILE_WORDS[w.toLowerCase()] ?? w.toLowerCase())
    .filter(Boolean);
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
