/** Where things are: the repository, its bundle, and the benchmark's scratch folder. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const benchDir = join(root, 'bench');
export const bundleFile = join(root, 'dist/partnership-widgets.js');
/** What the script loads: its elements at once, its charts on demand (dist/partnership-widgets/). */
export const elementsFile = join(root, 'dist/partnership-widgets/elements.js');
export const chartsFile = join(root, 'dist/partnership-widgets/charts.js');
/** The files a page downloads before the first figures appear, and with every chart. */
export const firstFigureFiles = [bundleFile, elementsFile];
export const allFiles = [bundleFile, elementsFile, chartsFile];
export const budgetFile = join(benchDir, 'budget.json');
export const resultsFile = join(benchDir, 'results.json');
/**
 * Bundles, generated data and screenshots: outside the sources (eslint and
 * prettier never see them), outside dist/ (which npm publishes), not committed.
 */
export const scratchDir = process.env.BENCH_OUT
  ? resolve(process.env.BENCH_OUT)
  : join(root, 'node_modules/.cache/partnership-widgets-bench');
