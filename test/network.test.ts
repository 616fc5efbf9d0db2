/**
 * Network faults, end to end through the real elements and the test server's
 * /faults routes (test/faults.mjs): every fault ends in its own message within
 * the widget's `timeout` plus a second, never in a spinner that never stops.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MAX_BYTES } from '../src/core/loader.js';
import { messages } from '../src/core/messages.js';
import '../src/index.js';
import { settle, shadowText, type Outcome } from './helpers.js';

const en = messages('en');
const cy = messages('cy');

type Widget = HTMLElement & { src?: string; state: string; reload(): void };

/** The same server under its other name: a different origin for CORS and CSP. */
const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const otherOrigin = `${location.protocol}//${otherHost}:${location.port}`;

const absolute = (src: string) => new URL(src, document.baseURI).href;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Loads `src` into a new widget with `timeout` seconds; the outcome and how long it took. */
async function load(
  src: string,
  { tag = 'kpi-quarter-table', timeout = 3, parent }: { tag?: string; timeout?: number; parent?: HTMLElement } = {},
): Promise<{ el: Widget; outcome: Outcome; ms: number }> {
  const host = parent ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const el = host.ownerDocument.createElement(tag) as Widget;
  el.setAttribute('timeout', String(timeout));
  el.setAttribute('src', src);
  const outcome = settle(el, (timeout + 5) * 1000);
  const started = performance.now();
  host.append(el);
  const result = await outcome;
  return { el, outcome: result, ms: performance.now() - started };
}

/** The fault ended in exactly this message, in time. */
function expectError(result: { outcome: Outcome; ms: number }, message: string, timeout = 3) {
  expect(result.outcome.type, JSON.stringify(result.outcome.detail)).to.equal('error');
  expect(result.outcome.detail.message).to.equal(message);
  expect(result.ms, 'ms to the message').to.be.below((timeout + 1) * 1000);
}

describe('network faults', function () {
  this.timeout(20_000);

  describe('HTTP errors', () => {
    it('404: not found, with the address', async () => {
      const src = '/faults/status/404';
      expectError(await load(src), en.errors.notFound(absolute(src)));
    });

    it('500: the status and the address', async () => {
      const src = '/faults/status/500';
      expectError(await load(src), en.errors.http(500, absolute(src)));
    });

    it('503 every time: retried twice with backoff (0.4 s, 0.8 s), then the status', async () => {
      const src = '/faults/status/503';
      const result = await load(src);
      expectError(result, en.errors.http(503, absolute(src)));
      expect(result.ms, 'backoff').to.be.at.least(1100);
    });

    it('429 every time with Retry-After: 1 waits a second before each retry, then the status', async () => {
      const src = '/faults/always/429/1';
      const result = await load(src, { timeout: 4 });
      expectError(result, en.errors.http(429, absolute(src)), 4);
      expect(result.ms, 'Retry-After honoured twice').to.be.at.least(1900);
    });

    it('429 once with Retry-After: 1 waits a second, then shows the figures', async () => {
      const { el, outcome, ms } = await load(`/faults/retry/${unique()}/429/1`);
      expect(outcome.type).to.equal('ready');
      expect(ms, 'Retry-After honoured').to.be.at.least(950);
      expect(shadowText(el)).to.contain('16,424');
    });

    it('503 once with Retry-After as an HTTP date: waits until then, then shows the figures', async () => {
      const when = new Date(Date.now() + 2000).toUTCString().replace(/ /g, '%20');
      const { outcome, ms } = await load(`/faults/retry/${unique()}/503/${when}`);
      expect(outcome.type).to.equal('ready');
      expect(ms, 'waited for the date').to.be.at.least(900);
    });

    it('a Retry-After beyond the timeout ends in the timeout message, on time', async () => {
      const src = '/faults/always/429/120';
      expectError(await load(src, { timeout: 2 }), en.errors.timeout(2, absolute(src)), 2);
    });
  });

  describe('bodies', () => {
    it('a response that stalls halfway ends with the timeout message', async () => {
      const src = '/faults/stall/leicester-kpis-2021-22.json';
      const result = await load(src, { timeout: 2 });
      expectError(result, en.errors.timeout(2, absolute(src)), 2);
      expect(result.ms).to.be.at.least(1900);
    });

    it('a 10 MB body with a Content-Length is refused at once, with the size message', async () => {
      const src = '/faults/big/length';
      expectError(await load(src, { timeout: 5 }), en.errors.tooLarge(MAX_BYTES / 1024 / 1024, absolute(src)), 5);
    });

    it('a 10 MB body streamed without a Content-Length is cut off at 5 MB, with the size message', async () => {
      const src = '/faults/big/chunked';
      expectError(await load(src, { timeout: 5 }), en.errors.tooLarge(5, absolute(src)), 5);
    });

    it('the size message exists in Welsh too', () => {
      expect(cy.errors.tooLarge(5, 'https://example.org/a.json')).to.contain('https://example.org/a.json');
      expect(cy.errors.tooLarge(5, 'x')).not.to.equal(en.errors.tooLarge(5, 'x'));
    });
  });

  describe('content types', () => {
    it('an HTML page served as application/json: the HTML message', async () => {
      expectError(await load('/faults/html-as-json'), en.errors.html);
    });

    it('JSON served as text/plain is still read', async () => {
      const { el, outcome } = await load('/faults/typed/plain/leicester-kpis-2021-22.json');
      expect(outcome.type).to.equal('ready');
      expect(shadowText(el)).to.contain('16,424');
    });

    it('JSON served as application/octet-stream is still read', async () => {
      const { outcome } = await load('/faults/typed/octet/llr-training.json', { tag: 'training-trend' });
      expect(outcome.type).to.equal('ready');
    });

    it('CSV served as text/plain is still read', async () => {
      const { outcome } = await load('/faults/typed/plain/norfolk-lscg-attendance-2024-25.csv', {
        tag: 'attendance-by-sector',
      });
      expect(outcome.type).to.equal('ready');
    });
  });

  describe('cross-origin', () => {
    it('the other origin answers when it sends CORS headers (the control case)', async () => {
      const { outcome } = await load(`${otherOrigin}/faults/cors/leicester-kpis-2021-22.json`);
      expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
    });

    it('a cross-origin address without CORS headers: the network message', async () => {
      const src = `${otherOrigin}/faults/typed/json/leicester-kpis-2021-22.json`;
      expectError(await load(src), en.errors.network(src));
    });

    it("a request blocked by the page's connect-src: the network message", async () => {
      const frame = document.createElement('iframe');
      frame.src = '/test/pages/connect-src.html';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      try {
        await loaded;
        const win = frame.contentWindow as Window & { __cspViolations: { directive: string; blocked: string }[] };
        await win.customElements.whenDefined('kpi-quarter-table');
        // The same address loads from this page (see the control case): only the policy stops it.
        const src = `${otherOrigin}/faults/cors/leicester-kpis-2021-22.json`;
        expectError(await load(src, { parent: frame.contentDocument!.body }), en.errors.network(src));
        await waitUntil(() => win.__cspViolations.length > 0, 'no CSP violation reported');
        expect(win.__cspViolations.map((v) => v.directive)).to.include('connect-src');
      } finally {
        frame.remove();
      }
    });
  });

  it('stale: a refresh that stalls keeps the old figures (attendance-by-sector)', async () => {
    const { el, outcome } = await load(`/faults/then/${unique()}/stall/norfolk-lscg-attendance-2024-25.json`, {
      tag: 'attendance-by-sector',
      timeout: 2,
    });
    expect(outcome.type).to.equal('ready');
    const before = shadowText(el);
    expect(before).to.contain('Children');
    const failed = settle(el, 7000);
    const started = performance.now();
    el.reload();
    const refresh = await failed;
    expect(refresh.type).to.equal('error');
    expect(refresh.detail.message).to.equal(en.errors.timeout(2, absolute(el.src!)));
    expect(performance.now() - started).to.be.below(3000);
    await waitUntil(() => el.state === 'stale', 'not stale');
    const after = shadowText(el);
    expect(after).to.contain('Could not update these figures');
    expect(after).to.contain("Children's Services");
  });
});
