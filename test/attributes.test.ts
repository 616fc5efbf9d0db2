/**
 * Numeric and boolean attributes, and the same values set as properties (as
 * React 19 and Vue set them, as strings): junk falls back to the default or
 * is clamped, with one warning naming the attribute and the value, and never
 * breaks loading.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { settle, shadowText } from './helpers.js';

type Widget = HTMLElement & Record<string, unknown> & { state: string; updateComplete: Promise<unknown> };

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** console.warn's calls while `run` runs. */
async function warnings<T>(run: () => Promise<T>): Promise<{ result: T; warned: string[] }> {
  const warned: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warned.push(args.map(String).join(' '));
  try {
    return { result: await run(), warned };
  } finally {
    console.warn = original;
  }
}

/** A widget with these attributes (set before it connects, as a page's HTML would), settled. */
async function widget(tag: string, attributes: Record<string, string>, properties: Record<string, unknown> = {}) {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  const outcome = settle(el, 10_000);
  await fixture(html`<div style="width: 900px">${el}</div>`);
  return { el, outcome: await outcome };
}

describe('numeric attributes', function () {
  this.timeout(20_000);

  for (const junk of ['', 'abc', '0', '-5', '15s', '1e9', 'Infinity', '0x10']) {
    it(`timeout="${junk}": a server answering in 300 ms still loads, with one warning`, async () => {
      const src = `/faults/slow/300/leicester-kpis-2021-22.json?${unique()}`;
      const { result, warned } = await warnings(() => widget('kpi-quarter-table', { timeout: junk, src }));
      expect(result.outcome.type, JSON.stringify(result.outcome.detail)).to.equal('ready');
      expect(shadowText(result.el)).to.contain('16,424');
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain(`timeout="${junk}"`);
      expect(result.el.timeout).to.equal(junk === '1e9' ? 300 : 15);
    });
  }

  it('timeout="2.5" and timeout=" 20 " are numbers, read without a warning', async () => {
    const src = '/data/leicester-kpis-2021-22.json';
    const { result, warned } = await warnings(async () => [
      await widget('kpi-quarter-table', { timeout: '2.5', src }),
      await widget('kpi-quarter-table', { timeout: ' 20 ', src }),
    ]);
    expect(result.map((r) => r.el.timeout)).to.deep.equal([2.5, 20]);
    expect(warned).to.deep.equal([]);
  });

  it('refresh: 0 is never, under 5 is 5, junk is never (with a warning)', async () => {
    const src = '/data/leicester-kpis-2021-22.json';
    const { result, warned } = await warnings(async () => [
      await widget('kpi-quarter-table', { refresh: '0', src }),
      await widget('kpi-quarter-table', { refresh: '1', src }),
      await widget('kpi-quarter-table', { refresh: 'abc', src }),
      await widget('kpi-quarter-table', { refresh: '-5', src }),
    ]);
    expect(result.map((r) => r.el.refresh)).to.deep.equal([0, 5, 0, 0]);
    expect(warned).to.have.length(3);
    expect(warned[0]).to.contain('refresh="1"');
    expect(warned[1]).to.contain('refresh="abc"');
    expect(warned[2]).to.contain('refresh="-5"');
  });

  it('heading-level: junk gives an h2, 1 an h2, 9 an h6, each with a warning; 4 an h4', async () => {
    const src = '/data/leicester-kpis-2021-22.json';
    const { result, warned } = await warnings(async () =>
      Promise.all(
        ['abc', '1', '9', '4', ''].map((level) => widget('kpi-quarter-table', { 'heading-level': level, src })),
      ),
    );
    const headings = result.map((r) => r.el.shadowRoot!.querySelector('.heading')!.localName);
    expect(headings).to.deep.equal(['h2', 'h2', 'h6', 'h4', 'h2']);
    expect(warned).to.have.length(4);
    for (const w of warned) expect(w).to.contain('heading-level=');
  });

  it('years and year-start-month: junk keeps the defaults, with a warning', async () => {
    const { result, warned } = await warnings(async () => [
      await widget('training-trend', { years: 'every', src: '/data/llr-training.json' }),
      await widget('kpi-quarter-table', {
        years: '',
        'year-start-month': '13',
        src: '/data/trafford-referrals-annual.json',
      }),
    ]);
    const [training, kpi] = result;
    expect(training!.el.years).to.equal(12);
    expect(kpi!.el.years).to.equal(5);
    expect(kpi!.el.yearStartMonth).to.equal(undefined);
    expect((kpi!.outcome.detail as { columns?: unknown[] }).columns).to.have.length(5);
    expect(warned.map((w) => w.match(/[a-z-]+=/)?.[0])).to.deep.equal(['years=', 'years=', 'year-start-month=']);
  });
});

describe('properties set as strings (React 19, Vue)', function () {
  this.timeout(20_000);

  it('<training-trend>: el.years = "3" shows 3 years, as years = 3 does', async () => {
    const { el, outcome } = await widget('training-trend', { src: '/data/llr-training.json' }, { years: '3' });
    expect(outcome.type).to.equal('ready');
    expect(el.years).to.equal(3);
    expect((outcome.detail as { years?: string[] }).years).to.have.length(3);
  });

  it('a string set before the element is defined (as a framework may) is read when it upgrades', async () => {
    const name = `late-training-trend-${Math.random().toString(36).slice(2)}`;
    const el = document.createElement(name) as Widget;
    el.years = '4';
    el.setAttribute('src', '/data/llr-training.json');
    const outcome = settle(el);
    await fixture(html`<div style="width: 900px">${el}</div>`);
    const TrainingTrend = customElements.get('training-trend')!;
    customElements.define(name, class extends TrainingTrend {});
    expect(((await outcome).detail as { years?: string[] }).years).to.have.length(4);
    expect(el.years).to.equal(4);
  });

  it('<kpi-quarter-table>: el.years = "3" shows 3 year columns; el.headingLevel = "4" an h4', async () => {
    const { el, outcome } = await widget(
      'kpi-quarter-table',
      { src: '/data/trafford-referrals-annual.json' },
      { years: '3', headingLevel: '4' },
    );
    expect((outcome.detail as { columns?: string[] }).columns).to.have.length(3);
    expect(el.shadowRoot!.querySelector('.heading')!.localName).to.equal('h4');
  });

  it('a junk string property warns once and keeps the default; changing it later redraws', async () => {
    const { result, warned } = await warnings(() =>
      widget('training-trend', { src: '/data/llr-training.json' }, { years: 'three' }),
    );
    expect(result.el.years).to.equal(12);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('years="three"');
    const ready = settle(result.el);
    result.el.years = '2';
    expect(((await ready).detail as { years?: string[] }).years).to.have.length(2);
  });

  it('presenting: "" and "false" mean on, as the attribute would; false and null mean off', async () => {
    const { el } = await widget('attendance-by-sector', { src: '/data/norfolk-lscg-attendance-2024-25.json' });
    const cases: [unknown, boolean][] = [
      ['', true],
      [false, false],
      ['false', true],
      [null, false],
      ['presenting', true],
      [undefined, false],
      [true, true],
    ];
    for (const [value, on] of cases) {
      el.presenting = value;
      await el.updateComplete;
      expect(el.presenting, JSON.stringify(value)).to.equal(on);
      expect(el.hasAttribute('presenting'), `${JSON.stringify(value)}: attribute`).to.equal(on);
    }
    // And the attribute itself, as HTML reads a boolean attribute.
    el.setAttribute('presenting', 'false');
    expect(el.presenting).to.equal(true);
    el.removeAttribute('presenting');
    expect(el.presenting).to.equal(false);
  });
});
