/**
 * Reporting years and quarters. A reporting year is written `2021-22`; a
 * quarter of it `2021-22 Q1`. The year starts in `yearStartMonth` (1-12,
 * April by default, July for partnerships whose year runs July to June), so
 * Q1 covers that month and the next two.
 */

export interface Period {
  /** The calendar year in which the reporting year starts (2021 for 2021-22). */
  readonly startYear: number;
  /** 1-4 for a quarter, undefined for the whole year. */
  readonly quarter?: 1 | 2 | 3 | 4;
  /** Canonical text: `2021-22` or `2021-22 Q1`. */
  readonly key: string;
}

/** Why a period text could not be read; the caller turns this into a message. */
export type PeriodProblem =
  | { kind: 'not-a-quarter'; text: string }
  | { kind: 'years-not-consecutive'; text: string }
  | { kind: 'not-a-period'; text: string };

const PERIOD_PATTERN = /^\s*(\d{4})\s*[-/–]\s*(\d{2}|\d{4})(?:\s+Q(\d+))?\s*$/i;

export function yearKey(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function makePeriod(startYear: number, quarter?: 1 | 2 | 3 | 4): Period {
  const key = quarter ? `${yearKey(startYear)} Q${quarter}` : yearKey(startYear);
  return quarter ? { startYear, quarter, key } : { startYear, key };
}

/** Reads `2021-22`, `2021/22`, `2021-2022`, `2021-22 Q3`. */
export function parsePeriod(text: string): Period | PeriodProblem {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return { kind: 'not-a-period', text };
  const start = Number(match[1]);
  const endText = match[2]!;
  const end = endText.length === 4 ? Number(endText) : (Math.floor(start / 100) * 100 + Number(endText)) % 10000;
  const expected = start + 1;
  if (end !== expected && !(endText.length === 2 && end + 100 === expected)) {
    return { kind: 'years-not-consecutive', text };
  }
  if (match[3] === undefined) return makePeriod(start);
  const q = Number(match[3]);
  if (q < 1 || q > 4) return { kind: 'not-a-quarter', text };
  return makePeriod(start, q as 1 | 2 | 3 | 4);
}

export function isPeriod(p: Period | PeriodProblem): p is Period {
  return 'key' in p;
}

/**
 * The calendar months (1-12) a quarter covers, and the calendar year of its
 * first month, for a year starting in `yearStartMonth`.
 */
export function quarterMonths(
  period: Period,
  yearStartMonth = 4,
): { first: number; last: number; firstYear: number; lastYear: number } {
  const q = period.quarter ?? 1;
  const offsetFirst = (q - 1) * 3;
  const offsetLast = period.quarter ? offsetFirst + 2 : 11;
  const monthAt = (offset: number) => {
    const zeroBased = yearStartMonth - 1 + offset;
    return { month: (zeroBased % 12) + 1, year: period.startYear + Math.floor(zeroBased / 12) };
  };
  const a = monthAt(offsetFirst);
  const b = monthAt(offsetLast);
  return { first: a.month, last: b.month, firstYear: a.year, lastYear: b.year };
}

/** Orders periods: by start year, the whole year after its quarters. */
export function comparePeriods(a: Period, b: Period): number {
  return a.startYear - b.startYear || (a.quarter ?? 5) - (b.quarter ?? 5);
}

/**
 * A period as readers see it: the data's own label when it gives one (`periodLabels`
 * in the envelope: "30 September 2024", "2024/25", "mid-2024"); a calendar year
 * (a year starting in January) as `2024`; otherwise the key (`2024-25`).
 */
export function periodLabel(period: Period, yearStartMonth = 4, labels?: Readonly<Record<string, string>>): string {
  const own = labels?.[period.key];
  if (own) return own;
  if (yearStartMonth !== 1) return period.key;
  return period.quarter ? `${period.startYear} Q${period.quarter}` : String(period.startYear);
}
