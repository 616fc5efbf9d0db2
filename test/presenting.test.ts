// `presenting`: body text and chart text of at least 24px in every widget, for a
// projector (chart text as drawn: its font size times the SVG's screen scale).
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { contrast, parseColour } from './colour.js';
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

  it('<attendance-by-sector presenting> given a short height: a row a sector, the previous year a line named in the key, text at least 24px, accessible', async () => {
    const el = document.createElement('attendance-by-sector') as HTMLElement & { updateComplete: Promise<unknown> };
    el.setAttribute('src', '/data/norfolk-lscg-attendance-2024-25.json');
    el.setAttribute('presenting', '');
    el.style.setProperty('--pw-chart-max-height', '420px');
    const outcome = settle(el);
    await fixture(html`<div style="width: 1024px">${el}</div>`);
    expect((await outcome).type).to.equal('ready');
    const root = el.shadowRoot!;
    await chartDrawn(el, 'svg');
    // Drawn again once the height is measured: wait for the rows.
    await waitUntil(() => root.querySelectorAll('svg g.pw-year-previous line[aria-label]').length === 9, 'rows drawn');
    const svg = root.querySelector<SVGSVGElement>('.chart-nav svg')!;
    expect(svg.getBoundingClientRect().height).to.be.at.most(420);
    expect(svg.querySelectorAll('g.pw-year-previous rect').length, 'no second bar a sector').to.equal(0);
    expect(root.querySelector('[part="legend"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      '2023-24 (previous year), the line',
    );
    expect(root.querySelector('[part="legend"] .swatch-line')).to.not.equal(null);
    const small = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent!.trim())
      .map((t) => Number.parseFloat(getComputedStyle(t).fontSize))
      .filter((px) => px < 24);
    expect(small).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Keyboard: the previous year's line in hand is marked as a bar in hand is (WCAG 2.4.7): the row's
    // focus band, and the line itself heavier, in a colour of at least 3:1 against the band.
    const line = svg.querySelector<SVGLineElement>('g.pw-year-previous line[aria-label]')!;
    const before = {
      width: Number.parseFloat(getComputedStyle(line).strokeWidth),
      colour: getComputedStyle(line).stroke,
    };
    root.querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root.querySelector('[part="announcer"]')!.textContent).to.contain('2023-24');
    expect(line.classList.contains('pw-focused'), 'the line in hand').to.equal(true);
    const band = root.querySelector('.pw-focus-rings > .pw-focused')!;
    expect(band, 'the row band').to.not.equal(null);
    const style = getComputedStyle(line);
    expect(Number.parseFloat(style.strokeWidth), 'heavier').to.be.at.least(before.width * 1.5);
    expect(style.stroke, 'drawn in another colour').to.not.equal(before.colour);
    const bandFill = parseColour(getComputedStyle(band).fill)!;
    expect(contrast(parseColour(style.stroke)!, bandFill), 'against the band').to.be.at.least(3);
    await expect(el).to.be.accessible();
  });
});
