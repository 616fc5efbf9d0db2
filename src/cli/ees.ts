/**
 * Reading DfE explore-education-statistics (EES) CSV files as published:
 * tidy rows, wide measure columns, `time_period` + `time_identifier`,
 * `geographic_level` National / Regional / Local authority, GSS symbols as
 * bare letters, a byte order mark on some files. Node only (arquero).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { parseSymbol } from 'partnership-widgets/core.js';

/** Columns that describe a row rather than measure something. */
const DESCRIPTIVE = new Set([
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
  'category',
  'breakdown_topic',
  'breakdown',
]);

export class CliError extends Error {}

export function readEes(text: string, file = 'the file'): ColumnTable {
  const table = aq.fromCSV(text.replace(/^\uFEFF/, ''), { autoType: false });
  const columns = table.columnNames();
  const missing = ['time_period', 'time_identifier', 'geographic_level'].filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new CliError(
      `${file} is not an explore-education-statistics file: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`,
    );
  }
  return table;
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

/** Measure columns: not descriptive, and every non-empty value a number or a symbol. */
export function measureColumns(table: ColumnTable): string[] {
  return table.columnNames().filter((name) => {
    if (DESCRIPTIVE.has(name)) return false;
    let numbers = 0;
    for (const raw of table.array(name) as unknown[]) {
      const v = cell(raw);
      if (typeof v === 'number') numbers++;
      else if (v !== undefined && parseSymbol(String(v)) === undefined) return false;
    }
    return numbers > 0;
  });
}

/**
 * EES time to a reporting period: 2025 + "Reporting year" → 2024-25 (the
 * year ending 31 March 2025); 202324 + "Financial year" → 2023-24;
 * "Financial year Q1" → 2023-24 Q1.
 */
export function periodOf(timePeriod: string, timeIdentifier: string): string {
  const tp = timePeriod.trim();
  const id = timeIdentifier.trim().toLowerCase();
  const yy = (n: number) => String(n % 100).padStart(2, '0');
  if (/^\d{4}$/.test(tp) && id === 'reporting year') {
    const end = Number(tp);
    return `${end - 1}-${yy(end)}`;
  }
  const six = /^(\d{4})(\d{2})$/.exec(tp);
  if (six) {
    const start = Number(six[1]);
    if (Number(six[2]) !== (start + 1) % 100) throw new CliError(`time_period ${tp} is not two years in a row.`);
    const quarter = /^financial year q([1-4])$/.exec(id);
    if (quarter) return `${start}-${yy(start + 1)} Q${quarter[1]}`;
    if (id === 'financial year' || id === 'academic year' || id === 'reporting year')
      return `${start}-${yy(start + 1)}`;
  }
  throw new CliError(
    `time_period "${timePeriod}" with time_identifier "${timeIdentifier}" is not a reporting year this tool understands.`,
  );
}

export interface Area {
  readonly name: string;
  readonly code: string;
  readonly oldCode: string;
  readonly region: string;
  readonly regionCode: string;
}

/** Every local authority in the file, once. */
export function areas(table: ColumnTable): Area[] {
  const seen = new Map<string, Area>();
  for (const row of table.objects() as Record<string, string | null>[]) {
    if (row.geographic_level !== 'Local authority') continue;
    const code = row.new_la_code ?? '';
    if (!seen.has(code)) {
      seen.set(code, {
        name: row.la_name ?? '',
        code,
        oldCode: row.old_la_code ?? '',
        region: row.region_name ?? '',
        regionCode: row.region_code ?? '',
      });
    }
  }
  return [...seen.values()];
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

/** Finds an area by name (any case), new code (E08000009) or old code (358). */
export function resolveArea(all: readonly Area[], query: string): Area {
  const q = query.trim().toLowerCase();
  const found = all.find((a) => a.name.toLowerCase() === q || a.code.toLowerCase() === q || a.oldCode === q);
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

const WORDS: Record<string, string> = {
  rereferral: 'Re-referrals',
  rereferrals: 'Re-referrals',
  referral: 'Referrals',
  referrals: 'Referrals',
  cpp: 'CPP',
  cin: 'CIN',
  nfa: 'NFA',
  la: 'LA',
};

/** A readable default label: "rereferral_percent" → "Re-referrals (%)", "CPP_start" → "CPP start". */
export function defaultLabel(column: string): string {
  let base = column;
  let suffix = '';
  const match = /_(percent|count|rate)$/i.exec(base);
  if (match) {
    base = base.slice(0, -match[0].length);
    if (match[1]!.toLowerCase() === 'percent') suffix = ' (%)';
    if (match[1]!.toLowerCase() === 'rate') suffix = ' (rate)';
  }
  const words = base.split(/[_\s]+/).filter(Boolean);
  const text = words
    .map((w, i) => WORDS[w.toLowerCase()] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w.toLowerCase()))
    .join(' ');
  return `${text}${suffix}`;
}
