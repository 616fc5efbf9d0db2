/**
 * Charts on demand. The first script holds the elements, their tables and summaries; Plot and the
 * figure code are a second module (`src/charts.ts`), fetched with a dynamic `import()` from the same
 * place as the first (the import is relative to the script's own URL, so it works from any path and
 * under a strict CSP: no inline script, no eval). A widget asks for it when a chart is first shown
 * or printed, and each widget that has shown its figures asks for it once the page is idle, so that
 * printing (which copies the page as soon as `beforeprint` has run) finds it loaded.
 */
import { onDemand } from './on-demand.js';

export type ChartKit = typeof import('../charts.js');

let kit: ChartKit | undefined;
const chartCode = onDemand(() => import('../charts.js'));

/** The chart code, if it has arrived. */
export function loadedCharts(): ChartKit | undefined {
  return kit;
}

/** Loads the chart code (once per page; a failed fetch may be retried by the next chart shown); resolves when it can draw. */
export function loadCharts(): Promise<ChartKit> {
  return chartCode.load().then((module) => (kit = module));
}

/** Loads the chart code when the page is idle (or soon, where there is no idle callback). */
export function loadChartsWhenIdle(): void {
  if (kit || chartCode.started()) return;
  const start = () => void loadCharts().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
