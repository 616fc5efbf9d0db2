// One widget per screen for a scrutiny briefing, stepped with the keyboard.
// Page Down / Page Up always step; the arrow keys step unless focus is inside
// a widget (where they move through the chart). Under each widget, the first
// sentence of its own summary becomes the speaker's line.
const slides = [...document.querySelectorAll('.slide')];
const position = document.getElementById('position');
let current = 0;

function show(index) {
  current = Math.max(0, Math.min(slides.length - 1, index));
  slides.forEach((slide, i) => (slide.hidden = i !== current));
  position.textContent = `Screen ${current + 1} of ${slides.length}: ${slides[current].querySelector('h1').textContent}`;
  document.getElementById('prev').disabled = current === 0;
  document.getElementById('next').disabled = current === slides.length - 1;
  slides[current].querySelector('h1').focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

for (const slide of slides) {
  slide.querySelector('h1').tabIndex = -1;
  slide.addEventListener('widget-ready', (event) => {
    const summary = event.target.shadowRoot?.querySelector('[part="summary"]')?.textContent ?? '';
    const first = summary.trim().split(/(?<=\.)\s/)[0] ?? '';
    slide.querySelector('.speaker').textContent = first;
  });
}

document.getElementById('prev').addEventListener('click', () => show(current - 1));
document.getElementById('next').addEventListener('click', () => show(current + 1));
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const inWidget = document.activeElement?.localName.includes('-');
  if (event.key === 'PageDown' || (!inWidget && event.key === 'ArrowRight')) {
    show(current + 1);
    event.preventDefault();
  } else if (event.key === 'PageUp' || (!inWidget && event.key === 'ArrowLeft')) {
    show(current - 1);
    event.preventDefault();
  }
});
show(0);
