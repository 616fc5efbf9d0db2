// Records, on a test page, the text of the first widget's shadow root in every frame painted from the
// start until its figures show (window.__frames), as a reader would have seen it.
window.__frames = [];
(function record() {
  const widget = document.querySelector('kpi-quarter-table, attendance-by-sector, training-trend');
  const text = widget?.shadowRoot?.textContent.replace(/\s+/g, ' ').trim();
  if (text !== undefined && window.__frames[window.__frames.length - 1] !== text) window.__frames.push(text);
  if (widget?.state !== 'loaded') requestAnimationFrame(record);
})();
