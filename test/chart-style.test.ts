// The chart style (docs/chart-style.md) as a reader meets it on a 1280 px screen: the chart
// and the table of each widget share one measure of width (right edges within 24 px), every
// training panel has a plot area at least 160 px tall, y axes have at most three ticks and no
// tick dashes, and every mark's colour stands out from the background (WCAG 1.4.11, 3:1) in
// the light and the dark theme.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { CHART_STYLE } from '../src/core/theme.js';
import { contrast, parseColour } from './colour.js';
import { drawn, settle } from './helpers.js';

type Widget = HTMLElement & { view: string; updateComplete: Promise<unknown> };

const CASES: [string, string][] = [
  ['kpi-quarter-table', '/data/leicester-kpis-2021-22.json'],
  ['attendance-by-sector', '/data/norfolk-lscg-attendance-2024-25.json'],
  ['training-trend', '/data/llr-training.json'],
];

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The widget in a 1024 px column of a 1280 px wide page (a council page's content width), settled. */
async function widgetAt1280(tag: string, src: string, attrs: Record<string, string> = {}): Promise<Widget> {
  await setViewport({ width: 1280, height: 900 });
  const el = document.createElement(tag) as Widget;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('src', src);
  const outcome = settle(el);
  await fixture(html`<div style="width: 1024px">${el}</div>`);
  expect((await outcome).type).to.equal('ready');
  await showView(el, 'chart');
  return el;
}

async function showView(el: Widget, view: 'chart' | 'table') {
  el.view = view;
  await el.updateComplete;
  // A table-first widget loads its chart code when the chart is first shown.
  if (view === 'chart') await drawn(el, 'svg.pw-plot');
  await frames();
  await el.updateComplete;
}

const charts = (el: Widget) => [...el.shadowRoot!.querySelectorAll<SVGSVGElement>('svg.pw-plot')];

describe('chart style at 1280 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [tag, src] of CASES) {
    it(`<${tag}>: the chart's right edge is within 24 px of the table's`, async () => {
      const el = await widgetAt1280(tag, src);
      const chartRight = Math.max(...charts(el).map((svg) => svg.getBoundingClientRect().right));
      await showView(el, 'table');
      const table = el.shadowRoot!.querySelector<HTMLTableElement>('[part="table"]')!;
      const tableRight = table.getBoundingClientRect().right;
      expect(tableRight, 'the table is drawn').to.be.greaterThan(0);
      expect(Math.abs(chartRight - tableRight), `chart ends at ${chartRight}, table at ${tableRight}`).to.be.at.most(
        24,
      );
    });
  }

  it('<training-trend>: every panel has a plot area at least 160 px tall, three y ticks at most, no tick dashes', async () => {
    const el = await widgetAt1280('training-trend', '/data/llr-training.json');
    const panels = charts(el);
    expect(panels.length).to.equal(3);
    for (const svg of panels) {
      // Plot keeps its scales on the SVG it returns: the y range is the plot area, in the SVG's units.
      const [bottom, top] = (svg as SVGSVGElement & { scale(name: 'y'): { range: [number, number] } }).scale('y').range;
      const shown = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const name = svg.closest('[data-panel]')!.getAttribute('data-panel');
      expect(Math.abs(bottom - top) * shown, `${name}: plot area height`).to.be.at.least(160);
      const ticks = svg.querySelectorAll('g[aria-label="y-axis tick label"] text');
      expect(ticks.length, `${name}: y ticks`).to.be.within(2, CHART_STYLE.ticks);
      expect(svg.querySelectorAll('g[aria-label="y-axis tick"] path').length, `${name}: tick dashes`).to.equal(0);
    }
  });

  it('<training-trend>: each evaluation range is a bar capped at both ends, not a dash', async () => {
    const el = await widgetAt1280('training-trend', '/data/llr-training.json');
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('[data-panel="evaluation"] svg')!;
    const ranges = [...svg.querySelectorAll('g.pw-series-1 rect[aria-label]')];
    expect(ranges.length).to.be.greaterThan(0);
    const caps = svg.querySelectorAll('g.pw-series-1 line');
    expect(caps.length, 'a cap at each end of each range').to.equal(ranges.length * 2);
    for (const range of ranges) {
      const box = range.getBoundingClientRect();
      // Upright: taller than it is wide (a dash is wide and flat).
      expect(box.height, range.getAttribute('aria-label')!).to.be.greaterThan(box.width);
    }
  });

  for (const theme of ['light', 'dark']) {
    for (const [tag, src] of CASES) {
      it(`<${tag} theme="${theme}">: every mark's colour is at least 3:1 on the background`, async () => {
        const el = await widgetAt1280(tag, src, theme === 'dark' ? { theme } : {});
        const background = parseColour(getComputedStyle(el).backgroundColor)!;
        const failures: string[] = [];
        let checked = 0;
        for (const svg of charts(el)) {
          const marks = svg.querySelectorAll<SVGGraphicsElement>(
            '[class*="pw-series-"] :is(rect, path, circle, line), [class*="pw-year-"] :is(rect, path, circle, line)',
          );
          for (const mark of marks) {
            if (mark.closest('defs')) continue;
            const style = getComputedStyle(mark);
            for (const paint of [style.fill, style.stroke]) {
              const colour = parseColour(paint);
              if (!colour || colour[3] === 0) continue;
              checked++;
              const ratio = contrast(colour, background);
              if (ratio < 3) failures.push(`${mark.getAttribute('aria-label') ?? mark.localName}: ${paint} ${ratio}`);
            }
          }
        }
        expect(checked, 'mark colours found').to.be.greaterThan(0);
        expect(failures, failures.slice(0, 5).join('; ')).to.deep.equal([]);
      });
    }
  }

  for (const [tag, src] of CASES.slice(1)) {
    it(`<${tag}>: given --pw-chart-max-height, the chart fits it without shrinking its text`, async () => {
      const natural = await widgetAt1280(tag, src);
      const full = natural.shadowRoot!.querySelector('.chart-nav')!.getBoundingClientRect().height;
      const given = Math.round(full * 0.7);
      const el = await widgetAt1280(tag, src, { style: `--pw-chart-max-height: ${given}px` });
      await frames();
      await el.updateComplete;
      const nav = el.shadowRoot!.querySelector('.chart-nav')!;
      expect(nav.getBoundingClientRect().height, `natural ${full} px, given ${given} px`).to.be.at.most(given + 1);
      for (const t of nav.querySelectorAll('svg text')) {
        expect(Number.parseFloat(getComputedStyle(t).fontSize), t.textContent!).to.be.at.least(CHART_STYLE.fontSize);
      }
    });

    it(`<${tag} presenting>: chart text is as large as the body text`, async () => {
      const el = await widgetAt1280(tag, src, { presenting: '' });
      const body = Number.parseFloat(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).fontSize);
      const svg = charts(el)[0]!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const text = Number.parseFloat(getComputedStyle(svg.querySelector('text')!).fontSize) * scale;
      expect(text, `chart text ${text} px, body ${body} px`).to.be.closeTo(body, 0.5);
    });
  }
});
