/**
 * Readers: text from a URL or an inline script becomes a Dataset, through the JSON envelope
 * (`read-data.ts`) or tidy CSV (`read-csv.ts`), in one step. The elements read with `readData`
 * instead, which fetches the CSV reader only when the data is CSV (a chunk of its own in the script
 * a page includes).
 */
import { WidgetError, type Dataset } from './contract.js';
import { readCsv } from './read-csv.js';
import { readJson, type Format, type ReadOptions } from './read-data.js';

export * from './read-data.js';
export { readCsv, tidyCsvText } from './read-csv.js';

/** Text in either format → Dataset. */
export function readText(text: string, format: Format | 'html', options: ReadOptions = {}): Dataset {
  if (format === 'html') throw new WidgetError('parse', [(m) => m.errors.html]);
  if (format === 'csv') return readCsv(text, options);
  return readJson(text, options);
}
