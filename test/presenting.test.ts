// `presenting`: body text and chart text of at least 24px in every widget, for a
// projector (chart text as drawn: its font size times the SVG's screen scale).
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { drawn as chartDrawn, settle } from './helpers.js';

const CASES: [string, string][] = [
  ['kpi-quarter-table', '/data/leicester-kpis-2021-22.json'],
  ['attendance-by-sector', '/data/norfolk-lscg-attendance-2024-25.json'],
  ['training-trend', '/data/llr-training.json'],
];

describe('presenting', () => {
  for (const [tag, src] of CASES) {
    it(`<${tag} presenting>: body text is at least 24px, in both views, and still accessible`, async () => {
      const el = document.createElement(tag) as HTMLElement & { view: string; updateComplete: Promise<unknown> };
      el.setAttribute('src', src);
      el.setAttribute('presenting', '');
      const outcome = settle(el);
      await fixture(html`<div style="width: 1280px">${el}</div>`);
      expect((await outcome).type).to.equal('ready');
      const root = el.shadowRoot!;
      const sizes = (selector: string) =>
        [...root.querySelectorAll<HTMLElement>(selector)]
          .filter((n) => n.offsetParent !== null && n.textContent!.trim())
          .map((n) => Number.parseFloat(getComputedStyle(n).fontSize));
      for (const view of ['table', 'chart']) {
        el.view = view;
        await elementUpdated(el);
        const body = [...sizes('.summary'), ...sizes('td'), ...sizes('tbody th'), ...sizes('button')];
        expect(body.length, `${view}: text found`).to.be.greaterThan(0);
        expect(Math.min(...body), `${view}: smallest body text`).to.be.at.least(24);
      }
      el.view = 'chart';
      await elementUpdated(el);
      await chartDrawn(el, 'svg');
      const drawn = [...root.querySelectorAll<SVGTextElement>('svg text')]
        .filter((t) => t.textContent!.trim() && t.getClientRects().length > 0)
        .map((t) => {
          const svg = t.closest('svg')!;
          const box = svg.viewBox.baseVal;
          const scale = box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
          return { text: t.textContent!.trim(), px: Number.parseFloat(getComputedStyle(t).fontSize) * scale };
        });
      expect(drawn.length, 'chart text found').to.be.greaterThan(0);
      const small = drawn.filter((d) => d.px < 24 - 0.01).map((d) => `${d.text} (${d.px.toFixed(1)}px)`);
      expect(small, 'chart text under 24px as drawn').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
