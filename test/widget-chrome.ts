/**
 * What every widget has, tested the same way for each: the five states
 * (with axe), `widget-ready` and `widget-error`, the chart/table toggle, the
 * CSV download, Welsh, `data-as-at`, `heading` and `heading-level`, and the
 * `t` and `p` keys (focus stays in the widget, the live region says what
 * changed). Run for each element from test/widget-chrome.test.ts.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PartnershipWidget } from '../src/core/widget.js';
import { csvCells, drawn, loaded, settle, wcagViolations } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Widget = PartnershipWidget<any>;
export type Tag = 'kpi-quarter-table' | 'attendance-by-sector' | 'training-trend';

export interface ChromeExample {
  /** A sample file under data/, e.g. `leicester-kpis-2021-22.json`. */
  file: string;
  /** How to get valid data with nothing to show: attributes on the sample file, or data of its own. */
  empty: { attrs?: Record<string, string>; data?: unknown };
  /** What the chart view draws, once shown (a selector in the shadow root). */
  chart: string;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: Element) => text(part(el, 'status'));
const focusedIn = (el: Element) => el.shadowRoot!.activeElement;
const visible = (node: Element | null) => Boolean(node) && !node!.closest('[hidden]');
/** An element as "tag.class[part]", for messages (chai would print a whole element tree). */
const name = (node: Element | null | undefined) =>
  node
    ? `${node.localName}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''}[${node.getAttribute('part') ?? ''}]`
    : 'nothing';

/** Attendance and training show the chart first: these tests start from the table. */
const TABLE = { view: 'table' };

async function noViolations(el: Widget) {
  expect(await wcagViolations(el), `axe on <${el.localName}> in state ${el.state}`).to.deep.equal([]);
}

async function widget(tag: Tag, src?: string, attrs: Record<string, string> = {}, data?: unknown): Promise<Widget> {
  return (await loaded(tag, src, attrs, data)).el as unknown as Widget;
}

/** A widget showing its table inside `<div lang="cy">`, settled. */
async function inWelsh(tag: Tag, src: string) {
  const el = document.createElement(tag) as unknown as Widget;
  const outcome = settle(el);
  el.view = 'table';
  el.src = src;
  await fixture(html`<div lang="cy">${el}</div>`);
  const result = await outcome;
  await elementUpdated(el);
  return { el, outcome: result };
}

function statesSuite(tag: Tag, example: ChromeExample) {
  const src = `/data/${example.file}`;

  it('loading: busy, and says so in its live region', async () => {
    const el = document.createElement(tag) as unknown as Widget;
    el.timeout = 30;
    el.src = `/faults/never?${tag}-${Date.now()}`;
    await fixture(html`<div>${el}</div>`);
    await elementUpdated(el);
    expect(el.state).to.equal('loading');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(status(el)).to.equal('Loading figures…');
    expect(part(el, 'toolbar')).to.equal(null);
    await noViolations(el);
    el.remove();
  });

  it('loaded: widget-ready with the state, view and language; the table shown, the chart hidden', async () => {
    const { el, outcome } = await loaded(tag, src, TABLE);
    expect(outcome.type).to.equal('ready');
    expect(outcome.detail).to.include({ state: 'loaded', view: 'table', lang: 'en' });
    const w = el as unknown as Widget;
    expect(w.state).to.equal('loaded');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    expect(part(el, 'table-view')!.hidden).to.equal(false);
    expect(part(el, 'chart-view')!.hidden).to.equal(true);
    expect(part(el, 'table-view')!.querySelector('table')).to.not.equal(null);
    await noViolations(w);
  });

  it('empty: widget-ready with state empty, a message and no figures', async () => {
    const { el, outcome } = await loaded(tag, src, example.empty.attrs, example.empty.data);
    expect(outcome.type).to.equal('ready');
    expect(outcome.type === 'ready' && outcome.detail.state).to.equal('empty');
    expect((el as unknown as Widget).state).to.equal('empty');
    expect(text(part(el, 'empty'))).to.not.equal('');
    expect(part(el, 'toolbar')).to.equal(null);
    await noViolations(el as unknown as Widget);
  });

  it('error: widget-error naming the kind, and an alert saying what went wrong', async () => {
    const { el, outcome } = await loaded(tag, '/faults/status/404');
    expect(outcome.type).to.equal('error');
    if (outcome.type !== 'error') return;
    expect(outcome.detail.kind).to.equal('http');
    expect(outcome.detail.message).to.equal(outcome.detail.messages[0]);
    expect(outcome.detail.message).to.match(/404|not found/i);
    expect((el as unknown as Widget).state).to.equal('error');
    const box = part(el, 'error')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(text(box)).to.contain(outcome.detail.message);
    expect(part(el, 'toolbar')).to.equal(null);
    await noViolations(el as unknown as Widget);
  });

  it('stale: a failed reload keeps the figures, says why, and sends widget-error but no second widget-ready', async () => {
    const w = await widget(tag, `/faults/once/chrome-${tag}-${Date.now()}/${example.file}`);
    expect(w.state).to.equal('loaded');
    let readies = 0;
    w.addEventListener('widget-ready', () => readies++);
    const failed = settle(w);
    w.reload();
    const outcome = await failed;
    await elementUpdated(w);
    expect(outcome.type).to.equal('error');
    expect(w.state).to.equal('stale');
    expect(part(w, 'stale')!.getAttribute('role')).to.equal('alert');
    expect(part(w, 'table-view')!.querySelector('table')).to.not.equal(null);
    expect(readies).to.equal(0);
    await noViolations(w);
  });
}

function toolbarSuite(tag: Tag, example: ChromeExample) {
  const src = `/data/${example.file}`;

  it('the toggle switches between the table and the chart, and says which it will show', async () => {
    const w = await widget(tag, src, TABLE);
    const toggle = part(w, 'toggle') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Show chart');
    expect(toggle.getAttribute('aria-controls')).to.equal(`${part(w, 'table-view')!.id} ${part(w, 'chart-view')!.id}`);
    toggle.click();
    await elementUpdated(w);
    expect(w.view).to.equal('chart');
    expect(w.getAttribute('view')).to.equal('chart');
    expect(part(w, 'table-view')!.hidden).to.equal(true);
    expect(part(w, 'chart-view')!.hidden).to.equal(false);
    expect(text(toggle)).to.equal('Show table');
    await drawn(w, example.chart);
    await noViolations(w);
  });

  it('view="chart" shows the chart first and says so in widget-ready', async () => {
    const { el, outcome } = await loaded(tag, src, { view: 'chart' });
    expect(outcome.detail).to.include({ state: 'loaded', view: 'chart' });
    expect(part(el, 'chart-view')!.hidden).to.equal(false);
    await drawn(el as unknown as Widget, example.chart);
  });

  it('downloads the figures shown as a CSV file named after the title, as toCSV() gives them', async () => {
    const w = await widget(tag, src);
    const csv = w.toCSV();
    const [header, ...rows] = csv.split('\n').filter(Boolean);
    expect(csvCells(header!).length).to.be.greaterThan(1);
    expect(rows.length).to.be.greaterThan(0);
    let link: HTMLAnchorElement | undefined;
    const catcher = (e: Event) => {
      const target = e.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        link = target;
        e.preventDefault();
      }
    };
    w.shadowRoot!.addEventListener('click', catcher, { capture: true });
    part(w, 'download')!.click();
    w.shadowRoot!.removeEventListener('click', catcher, { capture: true });
    expect(link, 'a download link was clicked').to.not.equal(undefined);
    const title = text(part(w, 'heading')).toLowerCase();
    expect(link!.download).to.match(/^[a-z0-9-]+\.csv$/);
    expect(title.startsWith(link!.download.replace(/\.csv$/, '').split('-')[0]!)).to.equal(true);
    const saved = await (await fetch(link!.href)).arrayBuffer();
    expect([...new Uint8Array(saved.slice(0, 3))], 'a UTF-8 byte-order mark, for Excel').to.deep.equal([
      0xef, 0xbb, 0xbf,
    ]);
    expect(new TextDecoder().decode(saved.slice(3))).to.equal(csv);
  });
}

function textSuite(tag: Tag, example: ChromeExample) {
  const src = `/data/${example.file}`;

  it('speaks Welsh inside lang="cy": its own words, its lang, and widget-ready says so', async () => {
    const { el, outcome: result } = await inWelsh(tag, src);
    expect(result.detail).to.include({ state: 'loaded', lang: 'cy' });
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('cy');
    expect(text(part(el, 'toggle'))).to.equal('Dangos siart');
    expect(text(part(el, 'download'))).to.not.equal('Download data (CSV)');
    await noViolations(el);
  });

  it('data-as-at: "Figures as at" the date given, in words', async () => {
    const w = await widget(tag, src, { 'data-as-at': '2021-09-29' });
    expect(text(part(w, 'as-at'))).to.equal('Figures as at 29 September 2021');
  });

  it('heading and heading-level: the heading given, at the level given (2 to 6)', async () => {
    const w = await widget(tag, src, { heading: 'Our partnership', 'heading-level': '4' });
    const heading = part(w, 'heading')!;
    expect(heading.localName).to.equal('h4');
    expect(text(heading)).to.equal('Our partnership');
    expect(part(w, 'base')!.getAttribute('aria-labelledby')).to.equal(heading.id);
    w.headingLevel = 9;
    await elementUpdated(w);
    expect(part(w, 'heading')!.localName).to.equal('h6');
  });
}

function keysSuite(tag: Tag, example: ChromeExample) {
  const src = `/data/${example.file}`;

  /** The control Tab reaches first in the view shown (the toggle when the view has none). */
  const firstControl = (w: Widget, view: 'table' | 'chart') =>
    part(w, `${view}-view`)!.querySelector<HTMLElement>('button, a[href], [tabindex="0"]') ?? part(w, 'toggle')!;

  it('t on the toggle: focus stays on it, and the live region says which view is shown', async () => {
    const w = await widget(tag, src, TABLE);
    part(w, 'toggle')!.focus();
    await sendKeys({ press: 't' });
    await elementUpdated(w);
    expect(w.view).to.equal('chart');
    expect(name(focusedIn(w))).to.equal(name(part(w, 'toggle')));
    expect(status(w)).to.equal('Showing the chart');
    await sendKeys({ press: 't' });
    await elementUpdated(w);
    expect(w.view).to.equal('table');
    expect(status(w)).to.equal('Showing the table');
  });

  it('t inside a view that hides: focus moves to the new view (or stays), never to <body>', async () => {
    const w = await widget(tag, src, TABLE);
    firstControl(w, 'table').focus();
    for (const view of ['chart', 'table'] as const) {
      const had = focusedIn(w)!;
      await sendKeys({ press: 't' });
      await elementUpdated(w);
      if (view === 'chart') await drawn(w, example.chart);
      expect(w.view).to.equal(view);
      expect(document.activeElement === w, `focus is in the widget, not on ${name(document.activeElement)}`).to.equal(
        true,
      );
      // The control that had focus keeps it while it is still shown (the toggle); otherwise the new view's first.
      const expected = visible(had) ? had : firstControl(w, view);
      expect(name(focusedIn(w))).to.equal(name(expected));
      expect(focusedIn(w) === expected).to.equal(true);
      expect(visible(focusedIn(w))).to.equal(true);
      expect(status(w)).to.equal(view === 'chart' ? 'Showing the chart' : 'Showing the table');
    }
  });

  it('p: presenting on and off, focus kept, and said in Welsh inside lang="cy"', async () => {
    const { el } = await inWelsh(tag, src);
    part(el, 'toggle')!.focus();
    await sendKeys({ press: 'p' });
    await elementUpdated(el);
    expect(el.presenting).to.equal(true);
    expect(name(focusedIn(el))).to.equal(name(part(el, 'toggle')));
    expect(status(el)).to.equal('Cyflwyno: testun a marciau mwy');
    await sendKeys({ press: 't' });
    await elementUpdated(el);
    expect(status(el)).to.equal('Yn dangos y siart');
    await sendKeys({ press: 'p' });
    await elementUpdated(el);
    expect(el.presenting).to.equal(false);
    expect(status(el)).to.equal('Cyflwyno wedi’i ddiffodd: maint arferol');
  });
}

/** The chrome every widget shares, for `<tag>` with its sample data. */
export function runWidgetChromeTests(tag: Tag, example: ChromeExample): void {
  describe(`<${tag}> chrome`, () => {
    describe('states and events', () => statesSuite(tag, example));
    describe('toggle and download', () => toolbarSuite(tag, example));
    describe('language, as-at date and heading', () => textSuite(tag, example));
    describe('t and p keys', () => keysSuite(tag, example));
  });
}
