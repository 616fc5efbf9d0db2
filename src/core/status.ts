/**
 * The status of a figure, following the Government Statistical Service's
 * shorthand beside a number: `[p]` provisional, `[r]` revised, `[e]` estimated.
 * A final figure carries no mark. An envelope may hold a figure twice for the
 * same measure, period and dimensions when the two differ in status (a
 * council's provisional count and the official final one): the final one wins.
 */

export const STATUSES = ['provisional', 'revised', 'final', 'estimated'] as const;
export type Status = (typeof STATUSES)[number];

/** The shorthand of each status with one (GSS guidance on symbols in tables). */
export const STATUS_MARKS: Readonly<Record<Status, string | undefined>> = {
  provisional: 'p',
  revised: 'r',
  final: undefined,
  estimated: 'e',
};

/** Statuses with a mark, in the order of the key. */
export const MARKED_STATUSES: readonly Status[] = ['provisional', 'revised', 'estimated'];

/** Which figure wins when two are given for the same cell: the most settled. */
const RANK: Readonly<Record<Status, number>> = { final: 0, revised: 1, provisional: 2, estimated: 3 };

export function statusRank(status: Status | undefined): number {
  return status === undefined ? -1 : RANK[status];
}

/** `" [p]"` for a provisional figure, `""` for a final one or one without a status. */
export function statusMark(status: Status | undefined): string {
  const mark = status ? STATUS_MARKS[status] : undefined;
  return mark ? ` [${mark}]` : '';
}

/**
 * The status of a figure made from several (a year total from its quarters, a
 * rate from its counts): the least settled of them, so a total over one
 * provisional quarter is provisional.
 */
export function combinedStatus(statuses: readonly (Status | undefined)[]): Status | undefined {
  let worst: Status | undefined;
  for (const s of statuses) if (s && (!worst || RANK[s] > RANK[worst])) worst = s;
  return worst;
}

/** Marked statuses used, in key order. */
export function statusesUsed(statuses: Iterable<Status | undefined>): Status[] {
  const seen = new Set<Status | undefined>(statuses);
  return MARKED_STATUSES.filter((s) => seen.has(s));
}
