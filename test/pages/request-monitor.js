// Records, on a test page, every fetch() the page makes (the widgets' data), and whether the elements
// were defined when it was made; and when the first element was defined. Load it before the script.
window.__fetches = [];
window.__definedAt = undefined;
const originalFetch = window.fetch;
window.fetch = function (input, init) {
  const url = new URL(typeof input === 'string' ? input : input.url, document.baseURI);
  window.__fetches.push({
    path: url.pathname,
    accept: new Headers(init?.headers).get('Accept'),
    elementsDefined: customElements.get('kpi-quarter-table') !== undefined,
  });
  return originalFetch.call(this, input, init);
};
for (const tag of ['kpi-quarter-table', 'attendance-by-sector', 'training-trend']) {
  customElements.whenDefined(tag).then(() => (window.__definedAt ??= performance.now()));
}
