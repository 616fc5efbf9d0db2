/**
 * Just enough of source map v3 for the benchmark and the bytes budget: decode
 * `mappings`, say which source each byte of the minified file came from, and
 * which source a (line, column) of the minified file belongs to (for CPU
 * profiles). No dependency: the budget test must run on a fresh clone.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * Decodes `mappings` into, for each generated line, the segments
 * `[generatedColumn, sourceIndex]` in column order (-1: a segment mapped to no source).
 */
export function decodeMappings(mappings) {
  const lines = [[]];
  let line = lines[0];
  let source = 0;
  let i = 0;
  let column = 0;
  const fields = [];
  while (i < mappings.length) {
    const ch = mappings.charCodeAt(i);
    if (ch === 59 /* ; */) {
      line = [];
      lines.push(line);
      column = 0;
      i++;
      continue;
    }
    if (ch === 44 /* , */) {
      i++;
      continue;
    }
    fields.length = 0;
    while (i < mappings.length) {
      const c = mappings.charCodeAt(i);
      if (c === 44 || c === 59) break;
      let value = 0;
      let shift = 0;
      let digit;
      do {
        digit = DIGIT[mappings.charCodeAt(i++)];
        if (digit < 0) throw new Error(`Bad base64 VLQ in source map at ${i - 1}`);
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    column += fields[0];
    if (fields.length >= 4) {
      source += fields[1];
      line.push([column, source]);
    } else {
      line.push([column, -1]);
    }
  }
  return lines;
}

/** Index of the last segment of `segments` starting at or before `column`, or -1. */
function segmentAt(segments, column) {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid][0] <= column) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A lookup from a (0-based) generated line and column to the source's path,
 * or undefined: the last segment at or before the position, looking back
 * over lines without segments (inside a multi-line template literal).
 */
export function sourceLookup(map) {
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    for (let n = line, col = column; n >= 0; n--, col = Infinity) {
      const segments = lines[n];
      if (!segments || !segments.length) continue;
      const k = segmentAt(segments, col);
      if (k < 0) continue;
      return segments[k][1] < 0 ? undefined : map.sources[segments[k][1]];
    }
    return undefined;
  };
}

/**
 * Splits the generated `code` by source: for each source path, the generated
 * text mapped to it, in file order. A segment runs to the next segment; text
 * before a line's first segment, and lines without one (the inside of a
 * multi-line template literal, such as a Lit `css` block), continue the
 * segment before them. Text before any segment (the banner) is under `null`.
 */
export function splitBySource(code, map) {
  const lines = decodeMappings(map.mappings);
  const pieces = new Map();
  const add = (source, text) => {
    if (!text) return;
    const key = source < 0 ? null : map.sources[source];
    let list = pieces.get(key);
    if (!list) pieces.set(key, (list = []));
    list.push(text);
  };
  let current = -1;
  const codeLines = code.split('\n');
  codeLines.forEach((text, n) => {
    const line = n < codeLines.length - 1 ? `${text}\n` : text;
    const segments = lines[n] ?? [];
    if (!segments.length) {
      add(current, line);
      return;
    }
    add(current, line.slice(0, segments[0][0]));
    segments.forEach(([column, source], k) => {
      current = source;
      add(source, line.slice(column, k + 1 < segments.length ? segments[k + 1][0] : line.length));
    });
  });
  return new Map([...pieces].map(([key, list]) => [key, list.join('')]));
}
