import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { WidgetError } from '../src/core/contract.js';
import { messages, type Lang } from '../src/core/messages.js';
import type { ErrorDetail, ReadyDetail } from '../src/core/widget.js';

export type Outcome = { type: 'ready'; detail: ReadyDetail } | { type: 'error'; detail: ErrorDetail };

/** Resolves with the first widget-ready or widget-error the element fires. */
export function settle(el: HTMLElement, timeout = 10_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no widget-ready or widget-error within ${timeout} ms`)), timeout);
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      el.removeEventListener('widget-ready', onReady);
      el.removeEventListener('widget-error', onError);
      resolve(outcome);
    };
    const onReady = (e: CustomEvent<ReadyDetail>) => done({ type: 'ready', detail: e.detail });
    const onError = (e: CustomEvent<ErrorDetail>) => done({ type: 'error', detail: e.detail });
    el.addEventListener('widget-ready', onReady);
    el.addEventListener('widget-error', onError);
  });
}

/**
 * Puts a new `<tag>` on the page (inside a `<div>`) with these attributes and
 * data (`data` wins over `src`, as in the element) and waits until it settles.
 */
export async function loaded<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  src?: string,
  attrs: Record<string, string> = {},
  data?: unknown,
): Promise<{ el: HTMLElementTagNameMap[K]; outcome: Outcome }> {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const widget = el as unknown as { src?: string; data?: unknown; updateComplete?: Promise<unknown> };
  if (data !== undefined) widget.data = data;
  else if (src) widget.src = src;
  const outcome = settle(el);
  await fixture(html`<div>${el}</div>`);
  const result = await outcome;
  await widget.updateComplete;
  return { el, outcome: result };
}

/** The three elements' tag names. */
export type WidgetTag = 'kpi-quarter-table' | 'attendance-by-sector' | 'training-trend';
type Widget = HTMLElementTagNameMap[WidgetTag];

/** Loading: a new `<tag>` whose data never arrives shows and announces that it is loading, and is accessible. */
export async function expectLoadingState(tag: WidgetTag): Promise<void> {
  const el = document.createElement(tag);
  el.src = '/faults/never';
  el.timeout = 30;
  await fixture(html`<div>${el}</div>`);
  await elementUpdated(el);
  expect(el.state).to.equal('loading');
  expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(messages('en').loading);
  await expect(el).to.be.accessible();
  el.remove();
}

/** Empty: the widget was ready, says `message` where the figures would be, and is accessible. */
export async function expectEmptyState({ el, outcome }: { el: Widget; outcome: Outcome }, message: string) {
  expect(outcome.type).to.equal('ready');
  expect(el.state).to.equal('empty');
  expect(shadowText(el)).to.contain(message);
  await expect(el).to.be.accessible();
}

/** Error, for a data file that is not there (404): widget-error, an alert that says so, accessible. */
export async function expectNotFoundState({ el, outcome }: { el: Widget; outcome: Outcome }) {
  expect(outcome.type).to.equal('error');
  expect(el.state).to.equal('error');
  const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
  expect(alert.textContent).to.contain('The data file was not found (error 404)');
  await expect(el).to.be.accessible();
}

/**
 * Stale: `el` (loaded from a `/faults/once/` URL, which fails the next request) is reloaded; the
 * failed refresh keeps its figures (`figure` still shown) with a note. Accessible once `shown` resolves.
 */
export async function expectStaleAfterFailedRefresh(el: Widget, figure: string, shown?: () => Promise<unknown>) {
  const errored = settle(el);
  el.reload();
  expect((await errored).type).to.equal('error');
  await elementUpdated(el);
  expect(el.state).to.equal('stale');
  const text = shadowText(el);
  expect(text).to.contain('Could not update these figures');
  expect(text).to.contain(figure);
  await shown?.();
  await expect(el).to.be.accessible();
}

/**
 * Bad input: `bad` (set up, not yet on the page) sends widget-error with `message` and shows it in an
 * accessible alert, while a widget of the same kind beside it, on `good.src`, still shows `good.figure`.
 * Resolves with the bad widget's outcome, for more checks.
 */
export async function expectBadBesideGood(
  bad: Widget,
  message: string,
  good: { src: string; figure: string },
): Promise<Outcome> {
  const other = document.createElement(bad.localName as WidgetTag);
  other.src = good.src;
  const badOutcome = settle(bad);
  const otherOutcome = settle(other);
  await fixture(html`<div>${bad}${other}</div>`);
  const outcome = await badOutcome;
  expect(outcome.type).to.equal('error');
  if (outcome.type === 'error') expect(outcome.detail.messages.join(' ')).to.contain(message);
  await elementUpdated(bad);
  expect(bad.state).to.equal('error');
  expect(bad.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(message);
  await expect(bad).to.be.accessible();
  expect((await otherOutcome).type).to.equal('ready');
  expect(shadowText(other)).to.contain(good.figure);
  return outcome;
}

/** axe finds nothing in the view shown, nor in the other view once switched to. */
export async function expectAccessibleInBothViews(el: Widget): Promise<void> {
  await expect(el).to.be.accessible();
  el.view = el.view === 'chart' ? 'table' : 'chart';
  await elementUpdated(el);
  await expect(el).to.be.accessible();
}

/**
 * A chart-first widget: the toggle ("Show table") shows the table, which `check` looks at; axe finds
 * nothing; `t` on the toggle shows the chart again.
 */
export async function expectToggleToTableAndBack(el: Widget, check: (table: Element) => void): Promise<void> {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
  expect(button.textContent!.trim()).to.equal('Show table');
  button.click();
  await elementUpdated(el);
  expect(el.view).to.equal('table');
  check(el.shadowRoot!.querySelector('[part="table"]')!);
  await expect(el).to.be.accessible();
  button.focus();
  await sendKeys({ press: 't' });
  await elementUpdated(el);
  expect(el.view).to.equal('chart');
}

/** From the download button, Tab reaches the chart: one group, the next tab stop. Resolves with it. */
export async function tabToChart(el: Widget): Promise<HTMLElement> {
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>('[part="download"]')!.focus();
  await sendKeys({ press: 'Tab' });
  const nav = root.querySelector<HTMLElement>('[part="chart"]')!;
  expect(root.activeElement).to.equal(nav);
  expect(nav.getAttribute('role')).to.equal('group');
  return nav;
}

/**
 * Escape leaves the chart (`nav`) for the toggle, with nothing highlighted and nothing announced;
 * `t` from the chart then still switches to the table.
 */
export async function expectEscapeThenT(el: Widget, nav: HTMLElement): Promise<void> {
  const root = el.shadowRoot!;
  await sendKeys({ press: 'Escape' });
  await el.updateComplete;
  expect(root.activeElement).to.equal(root.querySelector('[part="toggle"]'));
  expect(root.querySelectorAll('.chart-nav svg .pw-focused').length, 'highlighted after Escape').to.equal(0);
  expect(root.querySelector('[part="announcer"]')!.textContent!.trim()).to.equal('');
  nav.focus();
  await sendKeys({ press: 't' });
  await elementUpdated(el);
  expect(el.view).to.equal('table');
}

/** Opens `path` in an iframe of this size on the test page; resolves once it has loaded. The caller removes it. */
export async function openPage(path: string, width: number, height: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

/** The paths of every resource the frame's page fetched (resource timing), in order. */
export const fetchedPaths = (frame: HTMLIFrameElement): string[] =>
  frame.contentWindow!.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

/** Waits until the chart (`selector` in the shadow root) has been drawn at the host's measured width. */
export async function drawn<T extends Element = SVGSVGElement>(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  selector = '.chart-nav svg',
): Promise<T> {
  // The chart code loads on demand: the first time, the test server compiles Plot for it.
  await waitUntil(() => el.shadowRoot!.querySelector(selector), `no chart (${selector})`, { timeout: 10000 });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el.shadowRoot!.querySelector<T>(selector)!;
}

/** As printed (print media emulated): the chart and the table both shown, the toolbar and keyboard help hidden. */
export function expectPrintLayout(el: HTMLElement): void {
  const root = el.shadowRoot!;
  const display = (part: string) => getComputedStyle(root.querySelector(`[part="${part}"]`)!).display;
  expect(display('chart-view')).to.equal('block');
  expect(display('table-view')).to.equal('block');
  expect(display('toolbar')).to.equal('none');
  expect(getComputedStyle(root.querySelector('.keys-help')!).display).to.equal('none');
}

/** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
export function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) =>
    (m[1] ?? m[2] ?? '').replace(/""/g, '"'),
  );
}

/** The problems a WidgetError thrown by `fn` describes, in `lang`; fails when `fn` throws nothing or something else. */
export function problemsOf(fn: () => unknown, lang: Lang = 'en'): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof WidgetError) return e.describe(messages(lang), 100);
    throw e;
  }
  throw new Error('expected a WidgetError');
}

export async function loadJson<T = unknown>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The text a reader sees in the shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Plot-style snapshot: the SVG is normalised (ids renumbered, numbers rounded
 * to 2 decimals, one element per line) and compared with test/output/<name>.svg.
 */
export function normaliseSvg(svg: Element): string {
  const ids = new Map<string, string>();
  let text = svg.outerHTML.replace(/\bid="([^"]+)"/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return `id="${ids.get(id)}"`;
  });
  for (const [id, replacement] of ids) text = text.split(`#${id})`).join(`#${replacement})`);
  text = text.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
  return `${text.replace(/></g, '>\n<')}\n`;
}

export async function svgSnapshot(name: string, svg: Element): Promise<{ status: string; file?: string }> {
  const result = await executeServerCommand<{ status: string; file?: string }, { name: string; svg: string }>(
    'svg-snapshot',
    { name, svg: normaliseSvg(svg) },
  );
  if (!result) throw new Error('snapshot plugin did not answer');
  return result;
}

export interface Emulation {
  media?: 'screen' | 'print';
  features?: Partial<
    Record<'forced-colors' | 'prefers-reduced-motion' | 'prefers-color-scheme' | 'prefers-contrast', string>
  >;
}

/**
 * Emulates a media type and media features (test/media-plugin.mjs); `{}`
 * resets them. Resolves false where the browser cannot emulate (Firefox over
 * WebDriver BiDi): the caller skips, or checks a state the browser was
 * launched with.
 */
export async function emulate(emulation: Emulation): Promise<boolean> {
  const result = await executeServerCommand<{ emulated: boolean; reason?: string }, Emulation>(
    'pw-emulate-media',
    emulation,
  );
  return result?.emulated === true;
}

/** True in Firefox (for the few checks that differ by engine: say why where used). */
export const isFirefox = navigator.userAgent.includes('Firefox/');

interface AxeViolation {
  id: string;
  nodes: { target: unknown[] }[];
}
interface Axe {
  run(context: Element, options: Record<string, unknown>): Promise<{ violations: AxeViolation[] }>;
}

/** The WCAG tags of axe-core's rules for levels A and AA of WCAG 2.0, 2.1 and 2.2. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe with exactly the WCAG 2.0 to 2.2 A and AA rules, including the ones
 * axe switches off by default (target-size, WCAG 2.5.8), which
 * `to.be.accessible()` does not run. Returns "rule: targets" per violation.
 */
export async function wcagViolations(el: Element): Promise<string[]> {
  const win = window as unknown as { axe?: Axe };
  if (!win.axe) await import('axe-core/axe.min.js' as string);
  const results = await win.axe!.run(el, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    rules: { 'target-size': { enabled: true } },
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}
