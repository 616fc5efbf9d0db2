/**
 * Accessibility measured, for every widget, from one set of examples (after
 * GOV.UK Frontend): axe in every state; no text under 12px as drawn; reflow at
 * 320px and at 400% zoom with no page-level sideways scroll; a visible focus
 * indicator on everything Tab reaches (and Tab reaches everything);
 * prefers-reduced-motion; forced colours (Windows high contrast) keeping bars,
 * lines and focus visible.
 *
 * Runs in Chromium (media emulated over the DevTools protocol), in Firefox,
 * and in a Firefox launched in forced-colours mode with reduced motion (the
 * `firefox-forced-colors` group: Firefox over WebDriver BiDi cannot emulate
 * media features, so that run checks the real modes instead).
 */
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/attendance-by-sector/attendance-by-sector.js';
import type { PartnershipWidget as Widget } from '../src/core/widget.js';
import '../src/kpi-quarter-table/kpi-quarter-table.js';
import '../src/training-trend/training-trend.js';
import { contrast, parseColour, type Rgba } from './colour.js';
import { example, SAMPLE_SRC, TAGS, type Tag, type WidgetExample } from './examples.js';
import { emulate, settle, wcagViolations } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PartnershipWidget = Widget<any>;

type Example = WidgetExample;

/**
 * The loaded examples measured here, from each widget's examples file: the
 * sample data files (Leicester, Trafford and the Isles of Scilly are published
 * figures; Norfolk and LLR partly illustrative) and the hard cases (an
 * 80-character sector name, a missing sector, suppressed values; twelve years
 * of training). Each check runs every one in both views, so the list is kept
 * to the cases that differ in what a reader meets.
 */
const loadedExamples: Example[] = [
  example('kpi-quarter-table', 'leicester'),
  example('kpi-quarter-table', 'traffordComparators'),
  example('kpi-quarter-table', 'scillySymbols'),
  example('attendance-by-sector', 'norfolk'),
  example('training-trend', 'LLR training'),
  example('attendance-by-sector', 'hard-cases'),
  example('training-trend', 'twelve years'),
];

const SRC = SAMPLE_SRC;
const FILE: Record<Tag, string> = Object.fromEntries(TAGS.map((t) => [t, SRC[t].replace('/data/', '')])) as Record<
  Tag,
  string
>;

/** Every state of every widget, as an example that gets the widget into it. */
type State = 'loading' | 'loaded' | 'empty' | 'error' | 'stale';
const STATES: State[] = ['loading', 'loaded', 'empty', 'error', 'stale'];

function create(tag: Tag, attrs: Record<string, string> = {}): PartnershipWidget {
  const el = document.createElement(tag) as PartnershipWidget;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** Puts `el` on the page between two buttons (for Tab) and waits for it to settle. */
async function mount(el: PartnershipWidget, src: string | undefined, data?: unknown): Promise<HTMLElement> {
  const outcome = settle(el);
  if (src) el.src = src;
  if (data !== undefined) el.data = data;
  const page = await fixture<HTMLElement>(
    html`<main>
      <button type="button" id="before">Before</button>
      ${el}
      <button type="button" id="after">After</button>
    </main>`,
  );
  await outcome;
  await elementUpdated(el);
  return page;
}

async function inState(tag: Tag, state: State, view: 'table' | 'chart' = 'table'): Promise<PartnershipWidget> {
  const attrs: Record<string, string> = { view };
  switch (state) {
    case 'loading': {
      const el = create(tag, { ...attrs, timeout: '30' });
      el.src = '/faults/never';
      await fixture(html`<main>${el}</main>`);
      await elementUpdated(el);
      expect(el.state).to.equal('loading');
      return el;
    }
    case 'loaded': {
      const el = create(tag, attrs);
      await mount(el, SRC[tag]);
      return el;
    }
    case 'empty': {
      // A year with no figures; for the training trend (which shows every year), training measures with none.
      const el = create(tag, tag === 'training-trend' ? attrs : { ...attrs, year: '2019-20' });
      if (tag === 'training-trend') {
        await mount(el, undefined, {
          title: 'No training figures yet',
          measures: [{ id: 'attendees' }, { id: 'contacts' }],
          data: [{ measure: 'contacts', period: '2021-22', value: 3 }],
        });
      } else {
        await mount(el, SRC[tag]);
      }
      return el;
    }
    case 'error': {
      const el = create(tag, attrs);
      await mount(el, '/faults/status/404');
      return el;
    }
    case 'stale': {
      const el = create(tag, attrs);
      await mount(el, `/faults/once/a11y-${tag}-${view}-${Date.now()}/${FILE[tag]}`);
      const failed = settle(el);
      el.reload();
      await failed;
      await elementUpdated(el);
      return el;
    }
  }
}

async function loadedExample(example: Example, view: 'table' | 'chart'): Promise<PartnershipWidget> {
  const el = create(example.tag, { ...example.attrs, view });
  await mount(el, example.src, example.data?.());
  expect(el.state, example.name).to.equal('loaded');
  if (view === 'chart') await charts(el);
  return el;
}

/** The chart SVGs once drawn (charts are drawn after the host has been measured). */
async function charts(el: PartnershipWidget): Promise<SVGSVGElement[]> {
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelector('[part="chart-view"] svg'), 'no chart drawn', { timeout: 5000 });
  // Drawn first at a default width, then again at the measured width (a frame later).
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
  }
  return [...root.querySelectorAll<SVGSVGElement>('[part="chart-view"] svg')].filter(
    (svg) => !svg.parentElement?.closest('svg'),
  );
}

/** All elements in a shadow root, descending into nested shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** The element that really has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Hidden from sight: display none / visibility hidden / the visually-hidden clip. */
function invisible(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width <= 1 && box.height <= 1) return true;
  for (let e: Element | null = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
    const style = getComputedStyle(e);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    if (e === document.body) break;
  }
  return false;
}

/** The first opaque background behind `el`, through shadow hosts; white if none. */
function backgroundOf(el: Element): Rgba {
  for (
    let e: Element | null = el;
    e;
    e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element) ?? null
  ) {
    const bg = parseColour(getComputedStyle(e).backgroundColor);
    if (bg && bg[3] > 0.99) return bg;
    if (e === document.documentElement) break;
  }
  return parseColour(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
}

/** A system colour as this browser resolves it now (e.g. Canvas in forced colours). */
function systemColour(name: string, property: 'color' | 'backgroundColor' = 'color'): Rgba {
  const probe = document.createElement('span');
  probe.style.setProperty(property === 'color' ? 'color' : 'background-color', name);
  document.body.append(probe);
  const value = parseColour(getComputedStyle(probe)[property])!;
  probe.remove();
  return value;
}

describe('accessibility: axe in every state', () => {
  for (const tag of TAGS) {
    for (const state of STATES) {
      for (const view of ['table', 'chart'] as const) {
        it(`<${tag}> ${state}, ${view} view: no axe violations`, async () => {
          const el = await inState(tag, state, view);
          expect(el.state).to.equal(state);
          if (view === 'chart' && (state === 'loaded' || state === 'stale')) await charts(el);
          await expect(el).to.be.accessible();
          expect(await wcagViolations(el), 'WCAG 2.0-2.2 A and AA rules, target size included').to.deep.equal([]);
          el.remove();
        });
      }
    }
  }
  for (const example of loadedExamples) {
    it(`${example.name} (chart view): no axe violations`, async () => {
      const el = await loadedExample(example, 'chart');
      await expect(el).to.be.accessible();
      expect(await wcagViolations(el)).to.deep.equal([]);
    });
    it(`${example.name} (table view): no violations of the WCAG 2.0-2.2 A and AA rules`, async () => {
      const el = await loadedExample(example, 'table');
      expect(await wcagViolations(el)).to.deep.equal([]);
    });
  }
});

describe('accessibility: text size', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    document.documentElement.style.removeProperty('font-size');
  });

  for (const width of [320, 768, 1280]) {
    for (const example of loadedExamples) {
      it(`${example.name} at ${width}px: no chart or widget text drawn under 12px`, async () => {
        await setViewport({ width, height: 900 });
        const el = await loadedExample(example, 'chart');
        const svgs = await charts(el);
        let checked = 0;
        for (const svg of svgs) {
          for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
            if (!t.textContent?.trim() || invisible(t)) continue;
            const m = t.getScreenCTM();
            const scale = m ? Math.hypot(m.a, m.b) : 1;
            const drawn = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
            expect(drawn, `"${t.textContent}" in ${example.name}`).to.be.at.least(11.99);
            checked++;
          }
        }
        expect(checked, 'chart text found').to.be.greaterThan(3);
        // The HTML text around the charts (legend, notes, footer) too.
        for (const node of deepElements(el.shadowRoot!)) {
          if (!(node instanceof HTMLElement) || invisible(node)) continue;
          const own = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
          if (!own) continue;
          expect(
            Number.parseFloat(getComputedStyle(node).fontSize),
            node.textContent!.trim().slice(0, 40),
          ).to.be.at.least(11.99);
        }
      });
    }
  }
});

/**
 * Everything in the widget lies inside the page's width, apart from what
 * scrolls inside its own labelled region (a wide table: tables are a
 * two-dimensional layout, which WCAG 1.4.10 exempts, and scroll in a focusable
 * region of their own).
 */
function overflowsPage(el: PartnershipWidget): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  for (const node of deepElements(el.shadowRoot!)) {
    if (node.closest('.scroll') || invisible(node)) continue;
    if (node instanceof SVGElement && node.ownerSVGElement) continue; // the SVG itself is measured
    const box = node.getBoundingClientRect();
    if (node instanceof HTMLElement && getComputedStyle(node).overflowX === 'visible') {
      const spill = node.scrollWidth - node.clientWidth;
      if (spill > 1 && box.left + node.scrollWidth > width + 1) {
        problems.push(`${node.tagName.toLowerCase()}.${node.className}: its content spills ${spill}px sideways`);
      }
    }
    if (box.right > width + 1 || box.left < -1) {
      problems.push(
        `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''} spans ${box.left}..${box.right}`,
      );
    }
  }
  return problems;
}

describe('accessibility: reflow', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  // 320 CSS px wide is what a 1280 px window shows at 400% zoom (WCAG 1.4.10);
  // 320 x 256 with a device scale factor of 4 is that window at that zoom.
  const viewports = [
    { label: '320px wide', width: 320, height: 900, deviceScaleFactor: 1 },
    { label: '1280x1024 at 400% zoom', width: 320, height: 256, deviceScaleFactor: 4 },
  ];
  for (const viewport of viewports) {
    for (const example of loadedExamples) {
      for (const view of ['table', 'chart'] as const) {
        it(`${example.name}, ${view} view, ${viewport.label}: no page-level sideways scroll`, async () => {
          await setViewport(viewport);
          const el = await loadedExample(example, view);
          expect(overflowsPage(el)).to.deep.equal([]);
          const svgs = view === 'chart' ? await charts(el) : [];
          for (const svg of svgs) {
            expect(svg.getBoundingClientRect().right, 'chart inside the page').to.be.at.most(viewport.width + 1);
          }
          if (view === 'table') {
            // A table wider than the page scrolls in its own region, which is keyboard-reachable and named.
            for (const region of el.shadowRoot!.querySelectorAll('.scroll')) {
              if (region.scrollWidth > region.clientWidth + 1) {
                expect(region.getAttribute('tabindex')).to.equal('0');
                expect(region.getAttribute('aria-label') ?? region.getAttribute('aria-labelledby') ?? '').not.to.equal(
                  '',
                );
              }
            }
          }
        });
      }
    }
    for (const tag of TAGS) {
      for (const state of ['loading', 'empty', 'error', 'stale'] as const) {
        it(`<${tag}> ${state}, ${viewport.label}: no page-level sideways scroll`, async () => {
          await setViewport(viewport);
          const el = await inState(tag, state);
          expect(overflowsPage(el)).to.deep.equal([]);
          el.remove();
        });
      }
    }
  }
});

/**
 * WCAG 1.4.12's text spacing, applied as a reader's style sheet would be
 * (the "text spacing bookmarklet"): line height 1.5, paragraph spacing 2em,
 * letter spacing 0.12em, word spacing 0.16em.
 */
function applyTextSpacing(el: PartnershipWidget): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
  el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
}

/** Text cut off: an element that hides its overflow but has more content than room (the visually-hidden text apart). */
function clipped(el: PartnershipWidget): string[] {
  const out: string[] = [];
  for (const node of deepElements(el.shadowRoot!)) {
    if (!(node instanceof HTMLElement) || node.matches('.visually-hidden') || invisible(node)) continue;
    const style = getComputedStyle(node);
    const hides = (o: string) => o === 'hidden' || o === 'clip';
    if (hides(style.overflowX) && node.scrollWidth > node.clientWidth + 1) out.push(`${node.className}: cut sideways`);
    if (hides(style.overflowY) && node.scrollHeight > node.clientHeight + 1)
      out.push(`${node.className}: cut off below`);
  }
  return out;
}

describe('accessibility: text spacing (WCAG 1.4.12)', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });
  for (const width of [320, 1280]) {
    for (const example of loadedExamples) {
      for (const view of ['table', 'chart'] as const) {
        it(`${example.name}, ${view} view, ${width}px: nothing cut off or spilling with wider text spacing`, async () => {
          await setViewport({ width, height: 900 });
          const el = await loadedExample(example, view);
          applyTextSpacing(el);
          // A new layout: the charts are measured and redrawn as for any resize.
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await el.updateComplete;
          const probe = el.shadowRoot!.querySelector(view === 'chart' ? 'svg text' : 'td, p')!;
          expect(Number.parseFloat(getComputedStyle(probe).letterSpacing), 'spacing applied').to.be.greaterThan(1.5);
          expect(clipped(el)).to.deep.equal([]);
          expect(overflowsPage(el)).to.deep.equal([]);
          for (const svg of view === 'chart' ? await charts(el) : []) {
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
              if (!t.textContent?.trim() || invisible(t)) continue;
              const b = t.getBoundingClientRect();
              expect(b.left, t.textContent).to.be.at.least(box.left - 1);
              expect(b.right, t.textContent).to.be.at.most(box.right + 1);
            }
          }
        });
      }
    }
  }
});

/** The elements a keyboard user should reach with Tab, in the widget's shadow root. */
function tabbables(el: PartnershipWidget): Element[] {
  return deepElements(el.shadowRoot!).filter(
    (e) =>
      (e.matches('a[href], button:not([disabled]), input, select, textarea, [tabindex]') &&
        e.getAttribute('tabindex') !== '-1' &&
        !invisible(e)) ||
      false,
  );
}

/** `colour` laid over `behind` (for system colours with alpha, e.g. Chromium's Highlight). */
function over(colour: Rgba, behind: Rgba): Rgba {
  const a = colour[3];
  return [0, 1, 2].map((i) => colour[i]! * a + behind[i]! * (1 - a)).concat(1) as Rgba;
}

/**
 * The focus indicator's problem, if any. It passes when some ring at least 2px
 * thick around the element contrasts 3:1 with what is behind it: the outline,
 * or the part of a box-shadow ring showing outside the outline (GOV.UK's
 * style: a yellow outline with a black ring, which shows on any background).
 */
function focusProblem(target: Element): string | undefined {
  if (!target.matches(':focus-visible')) return 'not :focus-visible';
  const style = getComputedStyle(target);
  const behind = backgroundOf(target.parentElement ?? target);
  const rings: { what: string; colour: Rgba; thickness: number }[] = [];
  const outlineWidth = style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth);
  const outlineOffset = Number.parseFloat(style.outlineOffset) || 0;
  const outline = parseColour(style.outlineColor);
  if (outline && outlineWidth > 0) rings.push({ what: 'outline', colour: outline, thickness: outlineWidth });
  // Box-shadow rings: "rgb(11, 12, 12) 0px 0px 0px 6px" (colour, x, y, blur, spread), possibly several.
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
    const colour = parseColour(/rgba?\([^)]*\)/.exec(shadow)?.[0] ?? '');
    const lengths = (shadow.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) ?? []).map(Number.parseFloat);
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    if (!colour || x || y || blur || shadow.includes('inset')) continue;
    // The outline covers offset..offset+width outside the border box; the ring shows on either side of it.
    const inside = outlineWidth > 0 ? Math.min(spread, Math.max(0, outlineOffset)) : spread;
    const outside = outlineWidth > 0 ? Math.max(0, spread - (outlineOffset + outlineWidth)) : 0;
    rings.push({ what: 'box-shadow', colour, thickness: Math.max(inside, outside) });
  }
  if (matchMedia('(forced-colors: active)').matches) {
    // Forced colours: the reader's own palette decides contrast; the ring must be drawn in it
    // (Highlight or CanvasText), at least 2px thick, and not in the background's colour.
    const palette = ['Highlight', 'CanvasText'].map((name) => over(systemColour(name), behind).join(','));
    const own = rings.filter(
      (r) =>
        r.thickness >= 2 &&
        palette.includes(over(r.colour, behind).join(',')) &&
        over(r.colour, behind).join(',') !== behind.join(','),
    );
    if (own.length) return undefined;
  } else {
    const visible = rings.filter((r) => r.thickness >= 2 && contrast(over(r.colour, behind), behind) >= 3);
    if (visible.length) return undefined;
  }
  const seen = rings.map(
    (r) => `${r.what} ${r.thickness}px ${r.colour.join(',')} ${contrast(over(r.colour, behind), behind).toFixed(2)}:1`,
  );
  return `no focus ring of 2px at 3:1 against ${behind.join(',')} (${seen.join('; ') || 'none'})`;
}

async function tabThrough(el: PartnershipWidget): Promise<{ reached: Element[]; problems: string[] }> {
  const before = document.getElementById('before')!;
  const after = document.getElementById('after')!;
  before.focus();
  const reached: Element[] = [];
  const problems: string[] = [];
  for (let i = 0; i < 80; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active === after) return { reached, problems };
    if (!active || !el.shadowRoot!.contains(active.getRootNode() === el.shadowRoot ? active : null)) {
      problems.push(`focus left the widget for ${active?.tagName ?? 'nothing'}`);
      return { reached, problems };
    }
    reached.push(active);
    const label = `${active.tagName.toLowerCase()} "${(active.textContent ?? '').trim().slice(0, 30)}"`;
    const problem = focusProblem(active);
    if (problem) problems.push(`${label}: ${problem}`);
    // Focus Not Obscured (WCAG 2.4.11): scrolled into view, nothing of the page's or
    // the widget's own covers the focused thing (the topmost element at its centre is it,
    // or inside it). Scrolled by the test: Firefox sometimes left a Tab stop off screen
    // in this harness, which says nothing about the widget.
    active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = active.getBoundingClientRect();
    let hit: Element | null = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    if (!hit || !(hit === active || active.contains(hit))) {
      problems.push(`${label}: covered by ${hit?.tagName.toLowerCase() ?? 'nothing'} when focused`);
    }
  }
  problems.push('Tab never left the widget (a keyboard trap?)');
  return { reached, problems };
}

describe('accessibility: visible focus', () => {
  for (const example of loadedExamples) {
    for (const view of ['table', 'chart'] as const) {
      it(`${example.name}, ${view} view: Tab reaches everything, each with a visible focus indicator`, async () => {
        const el = await loadedExample(example, view);
        const expected = tabbables(el);
        expect(expected.length, 'something to focus').to.be.at.least(2);
        const { reached, problems } = await tabThrough(el);
        expect(problems).to.deep.equal([]);
        expect(reached.length).to.equal(expected.length);
        expect(new Set(reached)).to.deep.equal(new Set(expected));
      });
    }
  }

  for (const tag of TAGS) {
    it(`<${tag}> stale: the figures still shown are reachable, with visible focus`, async () => {
      const el = await inState(tag, 'stale');
      const { reached, problems } = await tabThrough(el);
      expect(problems).to.deep.equal([]);
      expect(reached.length).to.equal(tabbables(el).length);
    });
  }
});

describe('accessibility: prefers-reduced-motion', () => {
  afterEach(async () => {
    await emulate({});
  });

  /** Every transition or animation that would move something, in the widget. */
  function motion(el: PartnershipWidget): string[] {
    const moving: string[] = [];
    for (const node of deepElements(el.shadowRoot!)) {
      const style = getComputedStyle(node);
      const durations = style.transitionDuration.split(',').map((d) => Number.parseFloat(d));
      if (durations.some((d) => d > 0))
        moving.push(`${node.tagName.toLowerCase()}: transition ${style.transitionDuration}`);
      if (style.animationName && style.animationName !== 'none') {
        moving.push(`${node.tagName.toLowerCase()}: animation ${style.animationName}`);
      }
    }
    return moving;
  }

  for (const tag of TAGS) {
    it(`<${tag}>: no transitions or animations when the reader asks for reduced motion`, async function () {
      const emulated = await emulate({ features: { 'prefers-reduced-motion': 'reduce' } });
      if (!emulated && !matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      for (const view of ['table', 'chart'] as const) {
        const el = await inState(tag, 'loaded', view);
        if (view === 'chart') await charts(el);
        expect(motion(el), view).to.deep.equal([]);
      }
    });

    it(`<${tag}>: (control) the buttons do ease their colour change when motion is fine`, async function () {
      const emulated = await emulate({ features: { 'prefers-reduced-motion': 'no-preference' } });
      if (!emulated && matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
      const el = await inState(tag, 'loaded');
      expect(motion(el).some((m) => m.startsWith('button: transition'))).to.equal(true);
    });
  }

  it('nothing in the widgets scrolls smoothly or animates from script', async () => {
    // The widgets' only motion is the buttons' CSS transition (above). A chart
    // redrawn on resize or in presenting mode is replaced, not tweened.
    const el = await inState('training-trend', 'loaded', 'chart');
    await charts(el);
    expect(el.shadowRoot!.getAnimations?.() ?? []).to.deep.equal([]);
  });
});

describe('accessibility: forced colours (Windows high contrast)', () => {
  afterEach(async () => {
    await emulate({});
  });

  /** The marks that carry the data: bars, lines, dots, areas. */
  function marks(svg: SVGSVGElement): SVGGraphicsElement[] {
    return [
      ...svg.querySelectorAll<SVGGraphicsElement>(
        'g[class*="pw-series-"] :is(rect, path, circle, line), g.pw-year-latest :is(rect, path), g.pw-year-previous:not(.pw-hatch) :is(rect, path)',
      ),
    ];
  }

  /** How a mark shows against Canvas: its fill, else its stroke (a hatched bar: its outline). */
  function visibility(mark: SVGGraphicsElement, canvas: Rgba): number {
    const style = getComputedStyle(mark);
    const paints = [style.fill, style.stroke]
      .filter((p) => p && p !== 'none' && !p.startsWith('url('))
      .map(parseColour)
      .filter((c): c is Rgba => !!c && c[3] > 0);
    if (!paints.length) return 0;
    return Math.max(...paints.map((p) => contrast(p, canvas)));
  }

  for (const example of loadedExamples) {
    it(`${example.name}: bars and lines stay visible, and so does focus`, async function () {
      const emulated = await emulate({ features: { 'forced-colors': 'active' } });
      if (!emulated && !matchMedia('(forced-colors: active)').matches) this.skip();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await loadedExample(example, 'chart');
      const canvas = systemColour('Canvas', 'backgroundColor');
      const svgs = await charts(el);
      let seen = 0;
      for (const svg of svgs) {
        for (const mark of marks(svg)) {
          if (invisible(mark)) continue;
          seen++;
          expect(
            visibility(mark, canvas),
            `${mark.tagName} in ${mark.parentElement?.getAttribute('class')}`,
          ).to.be.at.least(3);
        }
        // Text (axes, labels, values) stays the system text colour.
        for (const t of svg.querySelectorAll('text')) {
          if (invisible(t) || !t.textContent?.trim()) continue;
          const fill = parseColour(getComputedStyle(t).fill);
          if (fill) expect(contrast(fill, canvas), t.textContent!).to.be.at.least(4.5);
        }
      }
      expect(seen, 'marks found').to.be.greaterThan(0);
      // Focus: the chart's outline, and the mark in hand highlighted.
      const { problems } = await tabThrough(el);
      expect(problems).to.deep.equal([]);
      // The mark in hand (attendance and training have keyboard navigation) is painted in the
      // reader's Highlight colour.
      const nav = el.shadowRoot!.querySelector<HTMLElement>('.chart-nav');
      if (nav) {
        nav.focus();
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'ArrowRight' });
        const ring = el.shadowRoot!.querySelector('.pw-focus-rings > .pw-focused');
        expect(ring, 'a highlighted mark').not.to.equal(null);
        const fill = parseColour(getComputedStyle(ring!).fill)!;
        expect(fill.join(','), 'highlight painted in the Highlight colour').to.equal(
          systemColour('Highlight').join(','),
        );
      }
    });
  }
});
