/** Saving the figures shown as a CSV file, named after the widget's title. */

/** A file name from a title: "Children's social care activity" → "children-s-social-care-activity". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'data'
  );
}

/**
 * Saves `csv` as `<slug of title>.csv` (UTF-8 with a byte-order mark, which
 * Excel needs to read the text as UTF-8), through a link clicked inside `root`.
 */
export function downloadCsv(root: Node, title: string, csv: string): void {
  const blob = new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${slug(title)}.csv`;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
