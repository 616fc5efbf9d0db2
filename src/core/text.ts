/**
 * Text from a data file, made safe to show inside the widget's own words.
 *
 * - Unpaired bidirectional controls are removed: a sector named
 *   `Schools` + U+202E (right-to-left override) would otherwise turn the rest
 *   of a sentence around ("up 13, to 71" read as "17 ot ,31 pu"). Marks
 *   (U+200E, U+200F, U+061C) are removed too; embeddings, overrides and
 *   isolates closed within the same text are kept.
 * - Text that holds right-to-left letters or bidirectional controls is
 *   isolated (FSI … PDI, as `<bdi>` does), so it cannot reorder the
 *   numbers and words around it in a sentence or an accessible name.
 * - At most `MAX_MARKS` combining marks in a row are kept on one base
 *   character (after NFC composition, which leaves Welsh and Vietnamese
 *   letters with none): a tower of stacked accents draws outside the chart.
 */

/** Combining marks kept on one base character. */
export const MAX_MARKS = 2;

const FSI = '\u2068';
const PDI = '\u2069';
const ANY_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko...) and the controls. */
const NEEDS_ISOLATION =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const MARK_RUN = new RegExp(`[\\p{Mn}\\p{Me}]{${MAX_MARKS + 1},}`, 'gu');

/** Removes bidirectional marks and every embedding, override or isolate that is not closed in the text. */
export function removeUnpairedBidi(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  const chars = Array.from(text);
  const keep = chars.map(() => true);
  const open: { index: number; isolate: boolean }[] = [];
  chars.forEach((c, i) => {
    if (c === '\u200E' || c === '\u200F' || c === '\u061C') keep[i] = false;
    else if (c === '\u202A' || c === '\u202B' || c === '\u202D' || c === '\u202E')
      open.push({ index: i, isolate: false });
    else if (c === '\u2066' || c === '\u2067' || c === FSI) open.push({ index: i, isolate: true });
    else if (c === '\u202C') {
      // PDF closes the innermost embedding, never past an isolate.
      if (open.length && !open[open.length - 1]!.isolate) open.pop();
      else keep[i] = false;
    } else if (c === PDI) {
      // PDI closes the innermost isolate, and with it any embedding left open inside.
      let j = open.length - 1;
      while (j >= 0 && !open[j]!.isolate) j--;
      if (j < 0) keep[i] = false;
      else for (const unclosed of open.splice(j).slice(1)) keep[unclosed.index] = false;
    }
  });
  for (const unclosed of open) keep[unclosed.index] = false;
  return chars.filter((_, i) => keep[i]).join('');
}

/** FSI … PDI around text with right-to-left letters or bidirectional controls; other text as it is. */
export function isolate(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** Text from the data, ready to show: composed, bidi-safe, isolated when it must be, marks limited. */
export function cleanText(text: string): string {
  const composed = text.normalize('NFC').replace(MARK_RUN, (run) => Array.from(run).slice(0, MAX_MARKS).join(''));
  return isolate(removeUnpairedBidi(composed));
}

/**
 * Wraps text into lines of at most `maxChars` characters, at spaces where it
 * can, breaking a word longer than a line (with a hyphen) where it cannot.
 */
export function wrapLabel(label: string, maxChars: number): string[] {
  const limit = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (let word of label.trim().split(/\s+/)) {
    while (word.length > limit) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(`${word.slice(0, limit - 1)}-`);
      word = word.slice(limit - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
