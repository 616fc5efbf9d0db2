/* global window, document, requestAnimationFrame, customElements */
/**
 * Loaded first (a classic script in <head>) on every benchmark page. Times are
 * `performance.now()`: milliseconds since navigation start.
 *
 * - `ready[id]`: when widget `id` showed its figures. Our elements say so with
 *   their `widget-ready` event; a peer page calls `window.benchReady(id)` when
 *   its chart has rendered (Chart.js: after `new Chart` with animation off;
 *   vega-embed: its promise; ECharts: the `finished` event).
 * - `allReady`: the last of them; `painted`: the frame after it (the figures
 *   are on screen).
 * - `fcp`: first contentful paint (Paint Timing): the page holds no text of
 *   its own, so this is the first paint of a widget, loading state or figures.
 * - `started`: when the library was ready to draw: our pages, when the
 *   first element was defined (the bundle has run); a peer's page, when its
 *   script began drawing (the peer's bundle has run).
 * - `loading`: our pages only: when the first widget's loading state was
 *   rendered ("Loading figures…"), and the frame after it.
 * - `chartCode`: our pages only: when the chart code (the script's second
 *   module, `partnership-widgets/charts.js`) had arrived, whether a chart was
 *   shown first (the figures wait for it) or not (fetched once the page is
 *   idle). A peer's charts are its figures. The page is done once the figures
 *   are painted and, on our pages, the chart code has arrived (or 10 s passed).
 * - `cls`: the cumulative layout shift (Chromium's `layout-shift` entries
 *   without recent input) until then.
 */
(() => {
  const bench = {
    ready: {},
    errors: [],
    unsupported: [],
    fcp: undefined,
    chartCode: undefined,
    cls: 0,
    started: undefined,
    loading: undefined,
    allReady: undefined,
    painted: undefined,
    done: false,
  };
  window.__bench = bench;

  /** Calls back after the next frame has been produced (rAF, then a task). */
  const afterPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(0);
    });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });

  /** Resolves once our chart code has arrived (a resource entry), or after 10 s; at once on a peer's page. */
  const chartCode = new Promise((resolve) => {
    const ours = () => document.querySelector('[data-case]')?.localName.includes('-');
    const seen = (entries) => entries.find((e) => /\/partnership-widgets\/charts\.js$/.test(e.name));
    const found = seen(performance.getEntriesByType('resource'));
    if (found) return resolve(found.responseEnd);
    new PerformanceObserver((list) => {
      const entry = seen(list.getEntries());
      if (entry) resolve(entry.responseEnd);
    }).observe({ type: 'resource' });
    document.addEventListener('DOMContentLoaded', () => {
      if (!ours()) resolve(undefined);
      else setTimeout(() => resolve(undefined), 10_000);
    });
  }).then((t) => (bench.chartCode = t));

  const expected = () => document.querySelectorAll('[data-case]').length;

  function check() {
    if (bench.allReady !== undefined) return;
    const done = Object.keys(bench.ready).length + bench.unsupported.length + bench.errors.length;
    if (done < expected()) return;
    bench.allReady = performance.now();
    afterPaint((t) => {
      bench.painted = t;
      chartCode.then(() => (bench.done = true));
    });
  }

  window.benchReady = (id) => {
    if (bench.ready[id] === undefined) bench.ready[id] = performance.now();
    check();
  };
  window.benchError = (id, message) => {
    bench.errors.push({ id, message: String(message) });
    check();
  };
  window.benchStarted = () => {
    if (bench.started === undefined) bench.started = performance.now();
  };
  window.benchUnsupported = (id, caseId) => {
    bench.unsupported.push({ id, case: caseId });
    check();
  };

  // Our elements: `widget-ready` and `widget-error` bubble and are composed.
  document.addEventListener('widget-ready', (event) => {
    const el = event.composedPath()[0];
    if (el && el.id) window.benchReady(el.id);
  });
  document.addEventListener('widget-error', (event) => {
    const el = event.composedPath()[0];
    window.benchError(el && el.id, event.detail && event.detail.message);
  });
  window.addEventListener('error', (event) => window.benchError('page', event.message));
  window.addEventListener('unhandledrejection', (event) => window.benchError('page', event.reason));

  document.addEventListener('DOMContentLoaded', () => {
    const first = document.querySelector('[data-case]');
    if (!first) {
      // No widget (a heap baseline): done once the library's module has run.
      window.addEventListener('load', () => afterPaint(() => (bench.done = true)));
      return;
    }
    if (first.localName.includes('-')) {
      customElements.whenDefined(first.localName).then(async () => {
        window.benchStarted();
        await first.updateComplete;
        if (first.state === 'loading') {
          const rendered = performance.now();
          afterPaint((t) => (bench.loading = { rendered, painted: t }));
        } else bench.loading = { skipped: first.state };
      });
    }
  });
})();
