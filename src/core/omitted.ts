/**
 * Figures in the data that a widget does not show, named in a note under it
 * ("Not shown"): rows with a dimension the widget does not use, measures it
 * does not draw. Data never vanishes without a word.
 */
import type { DataRow, Dataset, Problem } from './contract.js';
import type { Messages } from './messages.js';

/** Why rows were not shown, in the reader's language; undefined for a row that is shown. */
export type OmitReason = (m: Messages) => string;

/**
 * One note per measure, dimensions and reason: "Attendances by sector (18
 * figures): this table shows figures for the area as a whole." `reasonOf`
 * gives each row's reason (the same function for the same reason, so that
 * rows group), or undefined for a row the widget shows.
 */
export function omittedNotes(dataset: Dataset, reasonOf: (row: DataRow) => OmitReason | undefined): Problem[] {
  const groups = new Map<string, { measure: string; dims: string[]; reason: OmitReason; count: number }>();
  const reasons: OmitReason[] = [];
  for (const row of dataset.rows) {
    const reason = reasonOf(row);
    if (!reason) continue;
    let r = reasons.indexOf(reason);
    if (r < 0) r = reasons.push(reason) - 1;
    const dims = Object.keys(row.dims).sort();
    const key = JSON.stringify([row.measure, dims, r]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { measure: row.measure, dims, reason, count: 1 });
  }
  const labels = new Map(dataset.measures.map((d) => [d.id, d.label]));
  return [...groups.values()].map(
    ({ measure, dims, reason, count }) =>
      (m: Messages) =>
        m.notShownItem(
          labels.get(measure) ?? measure,
          dims.map((d) => m.dimensionWord(d)).join(', '),
          count,
          reason(m),
        ),
  );
}
