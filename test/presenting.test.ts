// `presenting`: body text of at least 24px in every widget, for a projector.
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { settle } from './helpers.js';

const CASES: [string, string][] = [
  ['kpi-quarter-table', '/data/leicester-kpis-2021-22.json'],
  ['attendance-by-sector', '/data/norfolk-lscg-attendance-2024-25.json'],
  ['training-trend', '/data/llr-training.json'],
];

describe('presenting', () => {
  for (const [tag, src] of CASES) {
    it(`<${tag} presenting>: body text is at least 24px, in both views, and still accessible`, async () => {
      const el = document.createElement(tag) as HTMLElement & { view: string };
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
      await expect(el).to.be.accessible();
    });
  }
});
