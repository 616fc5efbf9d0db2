/**
 * The scroll cue of a prerendered table. On a page, the widget puts a cue over
 * a table that scrolls sideways ("Scroll sideways for: Evaluation returns →",
 * core/scroll-cue.ts), from the table's laid-out width. A prerendered page has
 * no script to measure it, and a cue that appears only when the script arrives
 * moves everything under it down a line. So `render --format html` works out,
 * from the table's text and the table styles, whether each table is wider than
 * the `--width` column and which columns lie beyond its right edge, and writes
 * the same cue into the markup: readers without JavaScript see it too, and the
 * live cue, measured when the script arrives, takes its place at the same
 * height.
 *
 * The estimate uses Arial's character widths (the page's font, or its metric
 * twin Liberation Sans) at the page's base size (16px) and the table rules of
 * core/table-styles.ts: a column is at least as wide as its longest header
 * word, its widest figure (figures do not wrap) and its padding; row headers
 * at least 8em. A table whose columns cannot shrink to the column's width
 * scrolls.
 */
import { parseHTML } from 'linkedom';
import type { Messages } from 'partnership-widgets/core.js';

/** Arial's advance widths (em) of the characters a table holds; others count as 0.556 em. */
const NARROW = " ,.:;'![]()-/|iIjlfrt1";
const WIDTHS: Record<string, number> = {
  ' ': 0.278,
  ',': 0.278,
  '.': 0.278,
  ':': 0.278,
  ';': 0.278,
  "'": 0.191,
  '’': 0.222,
  '!': 0.278,
  '[': 0.278,
  ']': 0.278,
  '(': 0.333,
  ')': 0.333,
  '-': 0.333,
  '/': 0.278,
  i: 0.222,
  j: 0.222,
  l: 0.222,
  I: 0.278,
  f: 0.278,
  t: 0.278,
  r: 0.333,
  m: 0.833,
  w: 0.722,
  M: 0.833,
  W: 0.944,
  '%': 0.889,
  '+': 0.584,
  '−': 0.584,
  '→': 1,
  '←': 1,
};
const UPPER = 0.69;

function charEm(c: string, bold: boolean): number {
  let w = WIDTHS[c] ?? (c >= 'A' && c <= 'Z' ? UPPER : 0.556);
  if (bold && !NARROW.includes(c)) w *= 1.07;
  return w;
}

/** The width in px of a text on one line. */
function textWidth(text: string, px: number, bold: boolean): number {
  let em = 0;
  for (const c of text) em += charEm(c, bold);
  return em * px;
}

/** Base font size (px) and cell padding (em, each side) of the tables (core/table-styles.ts). */
const FONT = 16;
const PAD = 0.6;
const ROW_HEADER_MIN = 8;

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The narrowest a cell can be: its longest word (headers wrap between words),
 * or its whole text where it does not wrap (figures), plus padding. Notes in
 * the header (`.col-note`, 0.85em, regular) and footnote marks (`.fn`, 0.8em)
 * at their own size.
 */
function minWidth(cell: Element): number {
  const header = cell.localName === 'th';
  const wraps = header;
  let widest = 0;
  const walk = (node: Node, px: number, bold: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const text = collapse(child.textContent);
        const parts = wraps ? text.split(' ') : [text];
        for (const part of parts) widest = Math.max(widest, textWidth(part, px, bold));
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.classList.contains('visually-hidden')) continue;
        const size = el.classList.contains('col-note') ? 0.85 : el.classList.contains('fn') ? 0.8 : 1;
        walk(el, px * size, el.classList.contains('col-note') ? false : bold);
      }
    }
  };
  // Column headers are bold; row headers (in the body) are not, and are at least 8em wide.
  const rowHeader = header && cell.closest('tbody, tfoot') !== null;
  walk(cell, FONT, header && !rowHeader);
  const padded = widest + 2 * PAD * FONT;
  return rowHeader ? Math.max(padded, ROW_HEADER_MIN * FONT) : padded;
}

/**
 * The names of the columns a table's scroll box shows beyond its right edge
 * when it is `width` px wide (none when the table fits), as the live cue names
 * them: each header cell's `aria-label` or text.
 */
export function columnsBeyond(box: Element, width: number): string[] {
  const table = box.querySelector('table');
  if (!table) return [];
  const columns: number[] = [];
  for (const row of table.querySelectorAll('tr')) {
    let col = 0;
    for (const cell of row.children) {
      if (cell.localName !== 'th' && cell.localName !== 'td') continue;
      const span = Number(cell.getAttribute('colspan') ?? 1) || 1;
      if (span === 1) columns[col] = Math.max(columns[col] ?? 0, minWidth(cell));
      col += span;
    }
  }
  const total = columns.reduce((a, b) => a + (b ?? 0), 0);
  if (total <= width) return [];
  // The header row with one cell per column names them, as the live cue does.
  const heads = [...table.querySelectorAll('thead tr')].at(-1);
  const names: string[] = [];
  let right = 0;
  let col = 0;
  for (const th of heads?.children ?? []) {
    const span = Number(th.getAttribute('colspan') ?? 1) || 1;
    for (let i = 0; i < span; i++) right += columns[col++] ?? 0;
    if (span === 1 && right > width + 1) names.push(th.getAttribute('aria-label') ?? collapse(th.textContent));
  }
  return names;
}

/**
 * The prerendered element's markup with the cue written before each table
 * that would scroll in a column `width` px wide, as the live widget shows it.
 */
export function withScrollCues(body: string, width: number, m: Messages): string {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const template = document.querySelector('template');
  const root = (template as HTMLTemplateElement | null)?.content ?? document;
  const boxes = [...root.querySelectorAll('.scroll')];
  let i = 0;
  // Each scroll box's opening tag, however its attributes are laid out (quoted values may hold `>`).
  const opening = /<div(?:\s+[^\s=>]+(?:="[^"]*")?)*?\s+class="(?:[^"]*\s)?scroll(?:\s[^"]*)?"/g;
  return body.replace(opening, (open) => {
    const box = boxes[i++];
    const text = box ? m.scrollCue([], columnsBeyond(box, width)) : '';
    if (!text) return open;
    const cue = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    return `<p class="scroll-cue" aria-hidden="true" part="scroll-cue">${cue}</p>${open}`;
  });
}
