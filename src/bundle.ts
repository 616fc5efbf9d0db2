/**
 * Entry of dist/partnership-widgets.js, the one script a CMS page includes. It loads the elements
 * (`partnership-widgets/elements.js`, next to it: `import()` resolves against the script's own URL,
 * from any path, as a module or a plain `<script>`), and they load their charts when one is first
 * shown or printed. No exports, no top-level names: the file parses as a classic script too.
 *
 * While the elements are on their way, it starts what their first figures will wait for:
 * - each widget's data (`src`, unless the data is inline): the request the elements would make
 *   (`core/loader.ts` takes it over; the first load of each URL only);
 * - when a widget's chart shows first (`view="chart"`, the default of `<attendance-by-sector>` and
 *   `<training-trend>`), the chart code (`partnership-widgets/charts.js`). A page of tables fetches
 *   no chart code before its figures;
 * - the browser's number formatting (`Intl.NumberFormat`), whose first use in a page costs tens of
 *   milliseconds: spent now, while the main thread waits for the network, not after the data came.
 *
 * A page may include the script twice (two URLs or versions): the second copy stops here, before
 * Lit runs again, since a strict CSP (`trusted-types lit-html`) refuses a second 'lit-html' policy.
 */
import type { EarlyRequest } from './core/loader.js';

const TAGS = ['kpi-quarter-table', 'attendance-by-sector', 'training-trend'];

if (!(globalThis as Record<symbol, unknown>)[Symbol.for('partnership-widgets')]) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('partnership-widgets')] = true;
  import('./elements.js').catch((error: unknown) => {
    console.error('partnership-widgets: the elements could not be loaded', error);
  });
  const widgets = document.querySelectorAll(TAGS.join());
  if (widgets.length) {
    // What `core/loader.ts` asks for a widget's `src` (the key: the absolute URL without its #fragment).
    const early = new Map<string, EarlyRequest>();
    for (const widget of widgets) {
      const src = widget.getAttribute('src');
      if (!src || widget.querySelector(':scope > script')) continue;
      let url: URL;
      try {
        url = new URL(src, document.baseURI);
      } catch {
        continue; // The element says what is wrong with its address.
      }
      url.hash = '';
      if (early.has(url.href) || !/^https?:$/.test(url.protocol)) continue;
      const controller = new AbortController();
      const response = fetch(url.href, {
        signal: controller.signal,
        headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1' },
        credentials: 'same-origin',
      });
      response.catch(() => undefined); // Reported by the widget that takes it over.
      early.set(url.href, { response, controller });
    }
    (globalThis as Record<symbol, unknown>)[Symbol.for('partnership-widgets/early-requests')] = early;
    // A request no widget took over (its element was removed, or its `src` changed, before the
    // elements arrived) is dropped after a while, so that a widget added later asks the server again.
    setTimeout(() => {
      for (const request of early.values()) request.controller.abort();
      early.clear();
    }, 30_000);

    const chartFirst = [...widgets].some((w) =>
      w.localName === 'kpi-quarter-table' ? w.getAttribute('view') === 'chart' : w.getAttribute('view') !== 'table',
    );
    if (chartFirst) {
      // The built chunk's address, next to this script (chunk names are stable: rollup.config.mjs),
      // as a value so that rollup leaves it alone and the chunks stay as they are. The elements import
      // the same module when they draw (one fetch, one module); a failure is theirs to report.
      const charts = './partnership-widgets/charts.js';
      import(charts).catch(() => undefined);
    }

    new Intl.NumberFormat('en-GB').format(0);
  }
}
