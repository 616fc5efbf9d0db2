/** Tables as aligned plain text (the terminal) and as Markdown (the README). */

const numeric = (cell) => /^[-+~]?[\d.,]+\s*(?:[%x×]|ms|s|KB|MB)?(?:\s*\[.*\])?$/.test(String(cell).trim());

/** A plain-text table: a header row, a rule, the rows; numbers right-aligned. */
export function textTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((c, i) => (i > 0 && numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** Markdown text: element names as code (GitHub would take `<kpi-quarter-table>` for HTML), pipes escaped. */
export const markdownText = (c) =>
  String(c ?? '')
    .replace(/<([a-z][a-z0-9]*-[a-z0-9-]*)>/g, '`<$1>`')
    .replace(/\|/g, '\\|');

/** A Markdown table; numeric columns (judged on their first filled cell) right-aligned. */
export function markdownTable(header, rows) {
  const esc = markdownText;
  const align = header.map((_, i) => {
    const first = rows.map((r) => r[i]).find((c) => String(c ?? '').trim() !== '');
    return i > 0 && first !== undefined && numeric(first) ? '---:' : '---';
  });
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
