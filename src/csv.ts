/**
 * The CSV reader (a chunk of its own in the script a page includes): the elements load it with
 * `readData()` (core/read-data.ts) the first time a widget's data is CSV, inline or from a `.csv`
 * address, so that a page whose data is JSON never downloads it.
 */
export { readCsv } from './core/read-csv.js';
