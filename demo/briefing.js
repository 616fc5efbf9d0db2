// A scrutiny briefing: one question per screen, stepped with the keyboard.
//
// Each screen shows the question (its h1), the answer in one sentence (the
// first sentence of the widget's own summary) and the widget's chart in the
// space that is left; the widget's heading, full summary, date and sources
// are the presenter's notes: N opens them over the screen, "Notes window"
// opens them in a second window (for the presenter's own display) that
// follows the screens over a BroadcastChannel.
//
// Keys: Page Down / Page Up step between screens, unless the chart area can
// scroll that way (then they scroll it, as they would any page); → and ←
// step unless focus is inside a widget (where they move through the chart);
// T switches the screen's widget between chart and table; N shows the notes.
const slides = [...document.querySelectorAll('.slide')];
const position = document.getElementById('position');
const viewButton = document.getElementById('view');
const notes = document.getElementById('notes');
const notesBody = document.getElementById('notes-body');
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('pw-briefing') : undefined;
let current = 0;

const widgetOf = (slide) => slide.querySelector('kpi-quarter-table, attendance-by-sector, training-trend');
const partText = (widget, name) =>
  widget.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const partTexts = (widget, name) =>
  [...(widget.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])].map((n) =>
    n.textContent.replace(/\s+/g, ' ').trim(),
  );

/** What the presenter reads for a screen: plain text, never markup. */
function notesFor(slide) {
  const widget = widgetOf(slide);
  return {
    index: slides.indexOf(slide),
    count: slides.length,
    question: slide.querySelector('h1').textContent,
    answer: slide.querySelector('.answer').textContent,
    heading: partText(widget, 'heading'),
    summary: partText(widget, 'summary'),
    // What the slide leaves out: a rate's placing among its neighbours, the evaluation's return rate,
    // the attendances counted apart from the sectors ...
    chartNotes: [...partTexts(widget, 'chart-note'), ...partTexts(widget, 'returns'), ...partTexts(widget, 'separate')],
    // ... and what the training chart's numbered markers mark.
    annotations: partTexts(widget, 'annotations').length
      ? [...widget.shadowRoot.querySelectorAll('[part~="annotations"] li')].map(
          (li) => `${li.value}. ${li.textContent.replace(/\s+/g, ' ').trim()}`,
        )
      : [],
    asAt: partText(widget, 'as-at'),
    subtitle: partText(widget, 'subtitle'),
    footer: partText(widget, 'footer'),
  };
}

/** Fills an element with the notes for a screen (shared with the notes window). */
function renderNotes(target, n) {
  const block = (tag, text) => {
    if (!text) return;
    const node = document.createElement(tag);
    node.textContent = text;
    target.append(node);
  };
  target.replaceChildren();
  block('h3', `Screen ${n.index + 1} of ${n.count}: ${n.question}`);
  block('p', n.heading);
  block('p', [n.subtitle, n.asAt].filter(Boolean).join(' · '));
  block('p', n.summary);
  for (const note of n.chartNotes ?? []) block('p', note);
  for (const note of n.annotations ?? []) block('p', note);
  block('p', n.footer);
}

function broadcast() {
  channel?.postMessage(notesFor(slides[current]));
}

function updateViewButton() {
  const widget = widgetOf(slides[current]);
  viewButton.textContent = widget.view === 'table' ? 'Chart (T)' : 'Table (T)';
}

function show(index) {
  current = Math.max(0, Math.min(slides.length - 1, index));
  slides.forEach((slide, i) => (slide.hidden = i !== current));
  position.textContent = `Screen ${current + 1} of ${slides.length}`;
  document.getElementById('prev').disabled = current === 0;
  document.getElementById('next').disabled = current === slides.length - 1;
  slides[current].querySelector('h1').focus({ preventScroll: true });
  stageOf(slides[current]).scrollTop = 0;
  resizes.disconnect();
  resizes.observe(stageOf(slides[current]));
  resizes.observe(widgetOf(slides[current]));
  markScrolling(slides[current]);
  updateViewButton();
  if (notes.open) renderNotes(notesBody, notesFor(slides[current]));
  broadcast();
}

function toggleView() {
  const widget = widgetOf(slides[current]);
  widget.toggleView();
  updateViewButton();
  position.textContent = `Screen ${current + 1} of ${slides.length}: ${widget.view === 'table' ? 'table' : 'chart'} shown`;
}

function toggleNotes() {
  if (notes.open) {
    notes.close();
  } else {
    renderNotes(notesBody, notesFor(slides[current]));
    notes.showModal();
  }
}

const stageOf = (slide) => slide.querySelector('.stage');

/**
 * A chart area taller than the screen scrolls: it is then a tab stop, named,
 * so that keyboard users can scroll it too (WCAG 2.1.1).
 */
function markScrolling(slide) {
  const stage = stageOf(slide);
  const scrolls = stage.scrollHeight > stage.clientHeight + 1;
  document.getElementById('more').hidden = !scrolls;
  if (scrolls) {
    stage.tabIndex = 0;
    stage.setAttribute('role', 'region');
    stage.setAttribute('aria-label', `${slide.querySelector('h1').textContent} (scrolls)`);
  } else {
    stage.removeAttribute('tabindex');
    stage.removeAttribute('role');
    stage.removeAttribute('aria-label');
  }
}
const resizes = new ResizeObserver(() => markScrolling(slides[current]));

/** True when the screen's chart area can still scroll in that direction (then Page Down / Up scroll it). */
function canScroll(down) {
  const stage = stageOf(slides[current]);
  return down ? stage.scrollTop + stage.clientHeight < stage.scrollHeight - 1 : stage.scrollTop > 0;
}

for (const slide of slides) {
  slide.querySelector('h1').tabIndex = -1;
  slide.addEventListener('widget-ready', (event) => {
    // A screen asking "are we in the median range?" (data-answer="placing") is answered by the
    // sentence placing the area among its neighbours; any other, by the summary's first sentence.
    const placing = slide.dataset.answer === 'placing' ? event.detail.placings?.at(-1) : undefined;
    const summary = partText(widgetOf(slide), 'summary');
    slide.querySelector('.answer').textContent = placing ?? summary.split(/(?<=\.)\s/)[0] ?? '';
    if (slide === slides[current]) broadcast();
  });
}

document.getElementById('prev').addEventListener('click', () => show(current - 1));
document.getElementById('next').addEventListener('click', () => show(current + 1));
viewButton.addEventListener('click', toggleView);
document.getElementById('notes-open').addEventListener('click', toggleNotes);
document.getElementById('notes-close').addEventListener('click', () => notes.close());
document.getElementById('notes-window').addEventListener('click', () => {
  window.open('./briefing-notes.html', 'pw-briefing-notes', 'popup,width=800,height=600');
});
channel?.addEventListener('message', (event) => {
  if (event.data === 'hello') broadcast();
  else if (event.data?.go !== undefined) show(event.data.go);
});

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (notes.open && event.key !== 'n' && event.key !== 'N') return;
  const inWidget = document.activeElement?.localName.includes('-');
  const step = (delta) => {
    show(current + delta);
    event.preventDefault();
  };
  if (event.key === 'PageDown' || event.key === 'PageUp') {
    const down = event.key === 'PageDown';
    // On a small screen the page itself scrolls: Page Down / Up scroll it, as they would any page.
    const page = document.scrollingElement;
    const pageScrolls = down
      ? page.scrollTop + page.clientHeight < page.scrollHeight - 1
      : page.scrollTop > 0 && page.scrollHeight > page.clientHeight + 1;
    if (pageScrolls) return;
    if (!canScroll(down)) {
      step(down ? 1 : -1);
    } else if (!stageOf(slides[current]).contains(document.activeElement)) {
      // Focus is outside the scrolling area (on the title, or the pager): scroll it as the browser would.
      const stage = stageOf(slides[current]);
      stage.scrollBy({ top: (down ? 0.9 : -0.9) * stage.clientHeight });
      event.preventDefault();
    }
  } else if (!inWidget && event.key === 'ArrowRight') {
    step(1);
  } else if (!inWidget && event.key === 'ArrowLeft') {
    step(-1);
  } else if (!inWidget && (event.key === 't' || event.key === 'T')) {
    // Inside a widget, the widget's own T does this.
    toggleView();
    event.preventDefault();
  } else if (event.key === 'n' || event.key === 'N') {
    toggleNotes();
    event.preventDefault();
  }
});
// A widget switched with its own T key or button: keep the pager's button in step.
document.addEventListener('keyup', updateViewButton);
show(0);
