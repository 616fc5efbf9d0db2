// Records, on a test page: layout shifts (where the browser reports them), and the resources
// the page had fetched when the first widget showed its figures.
window.__layoutShifts = [];
window.__resourcesAtFirstFigures = undefined;
if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__layoutShifts.push({
        value: entry.value,
        sources: (entry.sources ?? []).map((s) => s.node?.localName ?? s.node?.nodeName ?? '?'),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
document.addEventListener('widget-ready', () => {
  window.__resourcesAtFirstFigures ??= performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
});
