// The scrutiny briefing (demo/briefing.html) as a presenter meets it on a
// projector, at 1280×720, 1024×768 and 1920×1080: each screen is the question,
// the one-sentence answer and the widget in what is left of the viewport,
// above the pager (which is in the flow, never over the content); every text
// inside the widgets at least 24px as drawn (an SVG's text size times the
// SVG's screen scale); Page Down steps between screens but scrolls a chart
// area that is taller than the screen first; T shows the table, N the notes.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

interface PageWindow extends Window {
  __cspViolations?: unknown[];
}

type Widget = HTMLElement & { state?: string; view?: string; toggleView?: () => void };

const SIZES: [number, number][] = [
  [1280, 720],
  [1024, 768],
  [1920, 1080],
];

const nextFrames = (win: Window) =>
  new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));

async function openBriefing(width: number, height: number) {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  frame.src = '/demo/briefing.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument!;
  const slides = [...doc.querySelectorAll<HTMLElement>('.slide')];
  await waitUntil(
    () => slides.every((s) => s.querySelector('.answer')!.textContent!.length > 20),
    'every screen has its answer',
    { timeout: 15000 },
  );
  return { frame, doc, win: frame.contentWindow as PageWindow, slides };
}

/** Texts drawn inside a widget, with their size as drawn in px. */
function drawnTextSizes(widget: Widget): { text: string; px: number }[] {
  const root = widget.shadowRoot!;
  const out: { text: string; px: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const parent = node.parentElement;
    if (!text || !parent) continue;
    if (parent.closest('.visually-hidden, style, [hidden]')) continue;
    const rects = parent.getClientRects();
    if (rects.length === 0 || [...rects].every((r) => r.width === 0 || r.height === 0)) continue;
    const view = parent.ownerDocument.defaultView!;
    let px = Number.parseFloat(view.getComputedStyle(parent).fontSize);
    const svg = parent.closest('svg');
    if (svg) {
      const box = svg.viewBox.baseVal;
      const shown = svg.getBoundingClientRect().width;
      if (box && box.width > 0) px *= shown / box.width;
    }
    out.push({ text, px });
  }
  return out;
}

/**
 * One chart's direct labels (the comparators' labels at the right, "Neighbours",
 * the axes' labels) that overlap another, or that a line or a point of a
 * series runs through: each as "label / what it meets".
 */
function labelsOverMarks(svg: SVGSVGElement): string[] {
  const labels = [
    ...svg.querySelectorAll<SVGTextElement>(
      'g.pw-end-labels text, g.pw-neighbours-label text, [aria-label$="-axis tick label"] text',
    ),
  ]
    .map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }))
    .filter((l) => l.text && l.box.width > 0);
  const within = (box: DOMRect, x: number, y: number, pad = 0) =>
    x > box.left - pad && x < box.right + pad && y > box.top - pad && y < box.bottom + pad;
  const met: string[] = [];
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const overlap =
        Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 &&
        Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1;
      if (overlap) met.push(`${a.text} / ${b.text}`);
    }
  }
  // The series' lines (the area's, England's, the region's), sampled every 2px along their length, and their points.
  for (const path of svg.querySelectorAll<SVGPathElement>('g.pw-series-1 path, g[class*="pw-ref-"] path')) {
    const matrix = path.getScreenCTM()!;
    const length = path.getTotalLength();
    for (let at = 0; at <= length; at += 2) {
      const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
      const hit = labels.find((l) => within(l.box, p.x, p.y));
      if (hit) {
        met.push(`${hit.text} / ${path.parentElement!.getAttribute('class')} line`);
        break;
      }
    }
  }
  for (const dot of svg.querySelectorAll<SVGCircleElement>('g.pw-series-1 circle')) {
    const box = dot.getBoundingClientRect();
    const hit = labels.find((l) =>
      within(l.box, (box.left + box.right) / 2, (box.top + box.bottom) / 2, box.width / 2),
    );
    if (hit) met.push(`${hit.text} / a point`);
  }
  return met;
}

describe('demo/briefing.html', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: each screen is its question, its answer and its widget within the viewport, above the pager, text at least 24px as drawn`, async () => {
      const { frame, doc, win, slides } = await openBriefing(width, height);
      try {
        expect(slides.length).to.equal(4);
        const pager = doc.querySelector<HTMLElement>('.pager')!;
        doc.querySelector<HTMLElement>('#s1')!.focus();
        for (const [i, slide] of slides.entries()) {
          if (i > 0) {
            doc.querySelector<HTMLButtonElement>('#next')!.click();
            await waitUntil(() => !slide.hidden, `screen ${i + 1} shown`);
          }
          const widget = slide.querySelector<Widget>('kpi-quarter-table, attendance-by-sector, training-trend')!;
          await waitUntil(() => widget.state === 'loaded' && widget.shadowRoot!.querySelector('svg'), 'chart drawn');
          await nextFrames(win);
          await nextFrames(win);
          const name = `screen ${i + 1} at ${width}×${height}`;
          // Nothing of the page below the fold.
          expect(doc.documentElement.scrollHeight, `${name}: the page does not scroll`).to.be.at.most(height);
          const pagerTop = pager.getBoundingClientRect().top;
          expect(pager.getBoundingClientRect().bottom, `${name}: the pager is on screen`).to.be.at.most(height + 0.5);
          for (const part of ['h1', '.answer', '.stage']) {
            const box = slide.querySelector(part)!.getBoundingClientRect();
            expect(box.height, `${name}: ${part} shown`).to.be.greaterThan(0);
            expect(box.top, `${name}: ${part} top`).to.be.at.least(0);
            expect(box.bottom, `${name}: ${part} above the pager`).to.be.at.most(pagerTop + 0.5);
            expect(box.right, `${name}: ${part} within the width`).to.be.at.most(width + 0.5);
          }
          const answer = slide.querySelector('.answer')!.textContent!;
          expect(answer.trim().split(/(?<=\.)\s/), `${name}: the answer is one sentence`).to.have.length(1);
          // "Are we in the median range?" is answered by where the area sits among its neighbours.
          if (slide.dataset.answer === 'placing') {
            expect(answer, `${name}: placed among the neighbours`).to.match(
              /^In \d{4}-\d{2}, .+ statistical neighbours/,
            );
          }
          // Every text inside the widget, chart text included, at least 24px as drawn.
          const sizes = drawnTextSizes(widget);
          expect(sizes.length, `${name}: texts drawn`).to.be.greaterThan(3);
          const small = sizes.filter((s) => s.px < 24 - 0.01).map((s) => `${s.text} (${s.px.toFixed(1)}px)`);
          expect(small, `${name}: texts under 24px`).to.deep.equal([]);
          // Nothing drawn over anything else: a chart's year labels, and the numbered markers, side by side.
          for (const svg of widget.shadowRoot!.querySelectorAll('svg')) {
            for (const selector of ['[aria-label="x-axis tick label"] text', 'g.pw-annotation circle']) {
              const boxes = [...svg.querySelectorAll(selector)]
                .map((t) => t.getBoundingClientRect())
                .filter((r) => r.width > 0)
                .sort((a, b) => a.left - b.left);
              for (let k = 1; k < boxes.length; k++) {
                expect(boxes[k]!.left, `${name}: ${selector} one over another`).to.be.at.least(
                  boxes[k - 1]!.right - 0.5,
                );
              }
            }
          }
          // A rate's direct labels: none over another label, a series' line or its points.
          for (const svg of widget.shadowRoot!.querySelectorAll<SVGSVGElement>('svg.pw-plot')) {
            expect(labelsOverMarks(svg).join('; '), `${name}: labels over labels or lines`).to.equal('');
          }
          // The widget's own heading, summary and notes are the presenter's notes, not on the slide.
          expect(widget.shadowRoot!.querySelector<HTMLElement>('[part="summary"]')!.getClientRects().length).to.equal(
            0,
          );
          // Where the widget is taller than the space (the table view may be), its area scrolls and is a tab stop that says so.
          const stage = slide.querySelector<HTMLElement>('.stage')!;
          if (stage.scrollHeight > stage.clientHeight + 1) {
            expect(stage.tabIndex, `${name}: a scrolling area is a tab stop`).to.equal(0);
            expect(stage.getAttribute('aria-label')).to.match(/scrolls/);
          }
        }
        expect(win.__cspViolations).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }

  // In chart view every screen's chart is fitted to the space it is given: its
  // area does not scroll (the training panels sit side by side to fit; the
  // attendance chart is a row a sector, the previous year a line across it;
  // the two KPI charts side by side at 1024×768 too, a rate's labels on two lines).
  for (const [width, height] of SIZES) {
    for (let i = 0; i < 4; i++) {
      it(`${width}×${height}: screen ${i + 1}'s chart fits its space, no scrolling`, async () => {
        const { frame, doc, win, slides } = await openBriefing(width, height);
        try {
          for (let step = 0; step < i; step++) doc.querySelector<HTMLButtonElement>('#next')!.click();
          const slide = slides[i]!;
          await waitUntil(() => !slide.hidden, `screen ${i + 1} shown`);
          const widget = slide.querySelector<Widget>('kpi-quarter-table, attendance-by-sector, training-trend')!;
          await waitUntil(() => widget.state === 'loaded' && widget.shadowRoot!.querySelector('svg'), 'chart drawn');
          const stage = slide.querySelector<HTMLElement>('.stage')!;
          // Every chart drawn at least 8 lines of its text tall (fitted to the space, not squashed)...
          const tallEnough = () =>
            [...widget.shadowRoot!.querySelectorAll('svg')].every((svg) => {
              const text = svg.querySelector('text');
              const line = text ? Number.parseFloat(win.getComputedStyle(text).fontSize) : 0;
              return svg.getBoundingClientRect().height >= line * 8;
            });
          // ... and within the stage (the chart is drawn again once its space is measured: wait for it to settle).
          const fits = () => stage.scrollHeight <= stage.clientHeight + 1;
          await waitUntil(
            async () => {
              await nextFrames(win);
              return fits() && tallEnough();
            },
            `screen ${i + 1}: the charts fill the stage`,
            { timeout: 10000 },
          ).catch(() => undefined);
          expect(
            fits(),
            `screen ${i + 1}: the stage does not scroll (${stage.scrollHeight} > ${stage.clientHeight})`,
          ).to.equal(true);
          expect(tallEnough(), `screen ${i + 1}: every chart at least 8 lines tall`).to.equal(true);
          expect(widget.view).to.equal('chart');
          expect(stage.hasAttribute('tabindex'), 'a stage that does not scroll is no tab stop').to.equal(false);
          expect(doc.querySelector<HTMLElement>('#more')!.hidden, 'no "More" cue').to.equal(true);
          // The table view may be taller: then its area scrolls, a tab stop that says so.
          widget.toggleView?.();
          await waitUntil(() => widget.view === 'table', 'table shown');
          await nextFrames(win);
          await nextFrames(win);
          if (stage.scrollHeight > stage.clientHeight + 1) {
            expect(stage.tabIndex).to.equal(0);
            expect(stage.getAttribute('aria-label')).to.match(/scrolls/);
          }
        } finally {
          frame.remove();
        }
      });
    }
  }

  it('Page Down steps between screens, but scrolls a chart area taller than the screen first', async () => {
    const { frame, doc, win, slides } = await openBriefing(1280, 720);
    try {
      const visible = () => slides.findIndex((s) => !s.hidden);
      frame.focus();
      doc.querySelector<HTMLElement>('#s1')!.focus();
      for (let step = 0; step < 30 && visible() < 3; step++) {
        const before = visible();
        const stage = slides[before]!.querySelector<HTMLElement>('.stage')!;
        // The screen's chart drawn and fitted to its space (it is drawn again once the space is measured).
        const widget = slides[before]!.querySelector<Widget>(
          'kpi-quarter-table, attendance-by-sector, training-trend',
        )!;
        await waitUntil(() => widget.state === 'loaded' && widget.shadowRoot!.querySelector('svg'), 'chart drawn');
        await nextFrames(win);
        await nextFrames(win);
        const scrolled = stage.scrollTop;
        const canScroll = stage.scrollTop + stage.clientHeight < stage.scrollHeight - 1;
        await sendKeys({ press: 'PageDown' });
        if (canScroll) {
          await waitUntil(() => stage.scrollTop > scrolled, `screen ${before + 1}: Page Down scrolled`);
          expect(visible(), 'a scrolling screen is not left by Page Down').to.equal(before);
        } else {
          await waitUntil(() => visible() === before + 1, `screen ${before + 1}: Page Down stepped`);
        }
      }
      expect(visible()).to.equal(3);
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => visible() === 2, '← steps back');
      await sendKeys({ press: 'PageUp' });
      expect(visible(), 'Page Up at the top of a screen steps back').to.equal(1);
    } finally {
      frame.remove();
    }
  });

  it('T switches the screen between chart and table, saying so; N shows the presenter’s notes', async () => {
    const { frame, doc, slides } = await openBriefing(1280, 720);
    try {
      frame.focus();
      doc.querySelector<HTMLElement>('#s1')!.focus();
      const widget = slides[0]!.querySelector<Widget>('kpi-quarter-table')!;
      expect(widget.view).to.equal('chart');
      await sendKeys({ press: 't' });
      await waitUntil(() => widget.view === 'table', 'T showed the table');
      expect(doc.querySelector('#position')!.textContent).to.match(/table shown/);
      expect(doc.querySelector('#view')!.textContent).to.match(/Chart/);
      await sendKeys({ press: 't' });
      await waitUntil(() => widget.view === 'chart', 'T showed the chart again');
      const notes = doc.querySelector<HTMLDialogElement>('#notes')!;
      expect(notes.open).to.equal(false);
      await sendKeys({ press: 'n' });
      await waitUntil(() => notes.open, 'N opened the notes');
      const summary = widget.shadowRoot!.querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(summary.length).to.be.greaterThan(40);
      expect(notes.textContent!.replace(/\s+/g, ' ')).to.include(summary);
      expect(notes.textContent).to.match(/Source/);
      await sendKeys({ press: 'n' });
      await waitUntil(() => !notes.open, 'N closed the notes');
    } finally {
      frame.remove();
    }
  });

  it('the notes window follows the screens over a BroadcastChannel', async () => {
    const { frame, doc, slides } = await openBriefing(1280, 720);
    const notes = document.createElement('iframe');
    try {
      notes.src = '/demo/briefing-notes.html';
      notes.style.width = '800px';
      notes.style.height = '600px';
      document.body.append(notes);
      await new Promise((resolve) => notes.addEventListener('load', resolve, { once: true }));
      const body = () => notes.contentDocument!.querySelector('#notes-body')!.textContent!;
      await waitUntil(() => body().includes('Screen 1 of 4'), 'the notes window shows screen 1');
      doc.querySelector<HTMLButtonElement>('#next')!.click();
      await waitUntil(() => body().includes('Screen 2 of 4'), 'the notes window followed to screen 2');
      expect(body()).to.include(slides[1]!.querySelector('h1')!.textContent!);
      notes.contentDocument!.querySelector<HTMLButtonElement>('#next')!.click();
      await waitUntil(() => !slides[2]!.hidden, 'the notes window stepped the briefing');
    } finally {
      notes.remove();
      frame.remove();
    }
  });
});
