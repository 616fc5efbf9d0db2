// Records, on a test page, the text of the first widget's shadow root in every frame painted from the
// start until its figures show (window.__frames), as a reader would have seen it. Frames painted while
// the page is still being parsed are left out: a prerendered widget's markup (declarative shadow DOM)
// arrives in pieces then, as any page's does, and the widgets' script (deferred) has not run yet.
window.__frames = [];
(function record() {
  if (document.readyState === 'loading') return void requestAnimationFrame(record);
  const widget = document.querySelector('kpi-quarter-table, attendance-by-sector, training-trend');
  const text = widget?.shadowRoot?.textContent.replace(/\s+/g, ' ').trim();
  if (text !== undefined && window.__frames[window.__frames.length - 1] !== text) window.__frames.push(text);
  if (widget?.state !== 'loaded') requestAnimationFrame(record);
})();
