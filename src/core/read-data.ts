/**
 * Reading what a widget is given: text from a URL, an inline script or the `data` property becomes a
 * Dataset, through the JSON envelope or tidy CSV. The JSON reader is here, in the first script; the
 * CSV reader (`read-csv.ts`) is a chunk of its own, fetched the first time a widget's data is CSV,
 * like the chart code and the Welsh strings. `readers.ts` has both at once, for code that reads in
 * one step (the command line, the tests).
 */
import { onDemand } from './on-demand.js';
import { checkJsonTextLimits, validateEnvelope, WidgetError, type Dataset } from './contract.js';

export type Format = 'json' | 'csv';

export interface ReadOptions {
  /** Year start month when the data does not say (the `year-start-month` attribute). */
  yearStartMonth?: number;
}

/** Picks JSON or CSV from the content type, then the address, then the first character. */
export function detectFormat(text: string, contentType = '', url = ''): Format | 'html' {
  const type = contentType.toLowerCase();
  const first = text.trimStart().charAt(0);
  if (first === '<' && !type.includes('csv')) return 'html';
  if (type.includes('json')) return 'json';
  if (type.includes('csv')) return 'csv';
  if (/\.csv(\?|#|$)/i.test(url)) return 'csv';
  if (/\.json(\?|#|$)/i.test(url)) return 'json';
  if (type.includes('html')) return 'html';
  return first === '{' || first === '[' || first === '' ? 'json' : 'csv';
}

/**
 * Whether JSON text stops in the middle (open brackets or an open string),
 * so the message can say "cut short" rather than just "not valid".
 */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/** JSON text → unknown value, with a specific message for each way it can fail. */
export function parseJsonText(text: string): unknown {
  // Whitespace around it (an inline script's indentation) and a byte order mark (Notepad's UTF-8,
  // pasted into a page) are not JSON: `trim` drops both.
  const trimmed = text.trim();
  if (trimmed === '') throw new WidgetError('parse', [(m) => m.errors.emptyBody]);
  if (trimmed.startsWith('<')) throw new WidgetError('parse', [(m) => m.errors.html]);
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    const truncated = looksTruncated(text);
    throw new WidgetError('parse', [(m) => (truncated ? m.errors.truncated : m.errors.notJson)]);
  }
}

/** JSON text → Dataset (the envelope, validated; row numbers in messages count from 1). */
export function readJson(text: string, options: ReadOptions = {}): Dataset {
  checkJsonTextLimits(text);
  return validateEnvelope(parseJsonText(text), { rowOffset: 1, ...options });
}

/** The CSV reader: a module next to the script, fetched the first time a widget's data is CSV. */
const csvReader = onDemand(() => import('../csv.js'));

/** Text in either format → Dataset, as `readText` in `readers.ts`, loading the CSV reader when the text is CSV. */
export async function readData(text: string, format: Format | 'html', options: ReadOptions = {}): Promise<Dataset> {
  if (format === 'html') throw new WidgetError('parse', [(m) => m.errors.html]);
  if (format === 'csv') return (await csvReader.load()).readCsv(text, options);
  return readJson(text, options);
}
