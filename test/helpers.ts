import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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
