/**
 * Network faults, end to end through the real elements and the test server's
 * /faults routes (test/faults.mjs): every fault ends in its own message within
 * the widget's `timeout` plus a second, never in a spinner that never stops.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { inFlightCount, MAX_BYTES, useClock, type Clock } from '../src/core/loader.js';
import { messages } from '../src/core/messages.js';
import '../src/index.js';
// Welsh strings load on demand in a page; these checks read the catalogue directly, so load it first.
import '../src/welsh.js';
import { settle, shadowText, type Outcome } from './helpers.js';

/** What /faults/encoded serves in every encoding (test/faults.mjs). */
const ENCODED_TEXT = 'Café £ – Children’s';

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

  describe('sharing', () => {
    it('att.json#a, att.json#b and att.json make one request (the fragment never reaches the server)', async () => {
      const id = unique();
      // The resource timing buffer holds 250 entries, and the chart code loaded on demand (hundreds of
      // modules from the test server) fills it: Firefox then records no more. Start with it empty.
      performance.clearResourceTimings();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const src = `/faults/count/${id}/leicester-kpis-2021-22.json`;
      const results = await Promise.all(
        [`${src}#a`, `${src}#b`, src].map((s) => load(s, { parent: host }).then((r) => r.outcome.type)),
      );
      expect(results).to.deep.equal(['ready', 'ready', 'ready']);
      // Fetches the page made (Chromium's HTTP cache would merge three concurrent ones for the server).
      const fetched = performance.getEntriesByType('resource').filter((e) => e.name.includes(`/faults/count/${id}/`));
      expect(fetched.map((e) => e.name)).to.deep.equal([absolute(src)]);
      const { count } = (await (await fetch(`/faults/count/${id}`)).json()) as { count: number };
      expect(count).to.equal(1);
    });

    it('timeout="1" and timeout="4" on one slow URL: the shared request waits for the longer, and both show the figures', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const src = `/faults/slow/2000/leicester-kpis-2021-22.json?${unique()}`;
      const results = await Promise.all([
        load(src, { parent: host, timeout: 1 }),
        load(src, { parent: host, timeout: 4 }),
      ]);
      for (const { el, outcome } of results) {
        expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
        expect(shadowText(el)).to.contain('16,424');
      }
    });

    it('a widget that joins later with a longer timeout extends the shared request', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const src = `/faults/slow/1800/leicester-kpis-2021-22.json?${unique()}`;
      const first = load(src, { parent: host, timeout: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const later = await load(src, { parent: host, timeout: 5 });
      expect(later.outcome.type, JSON.stringify(later.outcome.detail)).to.equal('ready');
      expect((await first).outcome.type).to.equal('ready');
    });

    it('a shared request that never answers ends at the longest timeout, for every widget waiting, in good English', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const src = `/faults/never?${unique()}`;
      const results = await Promise.all([
        load(src, { parent: host, timeout: 1 }),
        load(src, { parent: host, timeout: 2 }),
      ]);
      for (const result of results) {
        expectError(result, en.errors.timeout(2, absolute(src)), 2);
        expect(result.outcome.detail.message).to.contain('within 2 seconds:');
        expect(result.ms).to.be.at.least(1900);
      }
    });

    it('when the widget with the longer timeout is removed, the others keep their own', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const src = `/faults/never?${unique()}`;
      const long = document.createElement('kpi-quarter-table');
      long.setAttribute('timeout', '30');
      long.setAttribute('src', src);
      host.append(long);
      const short = load(src, { parent: host, timeout: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      long.remove();
      const result = await short;
      expectError(result, en.errors.timeout(1, absolute(src)), 1);
      expect(result.outcome.detail.message).to.contain('within 1 second:');
    });

    it('timeout messages pluralise in English and Welsh (by Intl.PluralRules)', () => {
      const url = 'https://example.org/a.json';
      expect(en.errors.timeout(1, url)).to.equal(`The server did not answer within 1 second: ${url}.`);
      expect(en.errors.timeout(2, url)).to.equal(`The server did not answer within 2 seconds: ${url}.`);
      expect(en.errors.timeout(2.5, url)).to.contain('2.5 seconds');
      // Welsh keeps the noun singular after a number in every plural category (CLDR's "{0} eiliad").
      for (const n of [0, 1, 2, 3, 6, 15]) expect(cy.errors.timeout(n, url)).to.contain(`o fewn ${n} eiliad:`);
      const categories = new Set([0, 1, 2, 3, 6, 15].map((n) => new Intl.PluralRules('cy').select(n)));
      expect([...categories].sort()).to.deep.equal(['few', 'many', 'one', 'other', 'two', 'zero']);
    });
  });

  describe('encodings', () => {
    const cases: [string, string, string, string][] = [
      // [encoding of the bytes, charset declared, kind, what it is]
      ['cp1252', 'iso-8859-1', 'csv', 'Latin-1 declared (read as Windows-1252)'],
      ['cp1252', 'windows-1252', 'csv', 'Windows-1252 declared'],
      ['cp1252', 'none', 'csv', "Excel's CSV (Windows-1252), no charset"],
      ['cp1252', 'utf-8', 'csv', 'Windows-1252 mislabelled UTF-8'],
      ['utf8', 'none', 'csv', 'UTF-8, no charset'],
      ['utf8bom', 'utf-8', 'csv', 'UTF-8 with a byte order mark'],
      ['utf16le', 'none', 'csv', 'UTF-16 LE with its byte order mark'],
      ['utf16be', 'none', 'json', 'UTF-16 BE with its byte order mark'],
      ['utf8bom', 'none', 'json', 'JSON in UTF-8 with a byte order mark'],
      ['cp1252', 'iso-8859-1', 'json', 'JSON in Latin-1'],
    ];
    for (const [encoding, charset, kind, what] of cases) {
      it(`${what}: "${ENCODED_TEXT}" reads as written`, async () => {
        const tag = kind === 'csv' ? 'attendance-by-sector' : 'kpi-quarter-table';
        const { el, outcome } = await load(`/faults/encoded/${encoding}/${charset}/${kind}`, { tag });
        expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
        expect(shadowText(el)).to.contain(ENCODED_TEXT);
        expect(shadowText(el)).not.to.contain('\uFFFD');
      });
    }
  });

  describe('refresh', () => {
    /** Timers that run only when told: the refresh schedule's clock, 30 seconds in a moment. */
    class FakeClock implements Clock {
      now = 0;
      private timers = new Map<number, { at: number; callback: () => void }>();
      private next = 1;
      setTimeout(callback: () => void, ms: number): number {
        const id = this.next++;
        this.timers.set(id, { at: this.now + ms, callback });
        return id;
      }
      clearTimeout(id: unknown): void {
        this.timers.delete(id as number);
      }
      /** Runs every timer due in the next `ms`, in order, letting each one's requests finish. */
      async advance(ms: number, widgets: Widget[]): Promise<void> {
        const end = this.now + ms;
        for (;;) {
          const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
          if (!due) break;
          this.timers.delete(due[0]);
          this.now = due[1].at;
          due[1].callback();
          await waitUntil(() => inFlightCount() === 0, 'a revalidation did not finish', { timeout: 5000 });
          await new Promise((resolve) => setTimeout(resolve, 20));
          await Promise.all(widgets.map((w) => (w as unknown as { updateComplete: Promise<unknown> }).updateComplete));
        }
        this.now = end;
      }
    }

    let clock: FakeClock;
    let restore: () => void;
    beforeEach(() => {
      clock = new FakeClock();
      restore = useClock(clock);
    });
    afterEach(() => restore());

    /** `n` widgets on one URL with refresh="5", loaded; and how many times each has updated since. */
    async function refreshing(src: string, n: number, tag = 'kpi-quarter-table') {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const widgets: Widget[] = [];
      const updates: number[] = [];
      const ready: Promise<Outcome>[] = [];
      for (let i = 0; i < n; i++) {
        const el = document.createElement(tag) as Widget;
        el.setAttribute('refresh', '5');
        el.setAttribute('timeout', '3');
        el.setAttribute('src', src);
        ready.push(settle(el));
        host.append(el);
        widgets.push(el);
      }
      expect((await Promise.all(ready)).map((o) => o.type)).to.deep.equal(Array(n).fill('ready'));
      // Charts that measure themselves redraw once at their measured size: let that happen first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all(widgets.map((w) => (w as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      widgets.forEach((el, i) => {
        updates[i] = 0;
        const target = el as unknown as { update(changed: unknown): void };
        const update = target.update.bind(el);
        target.update = (changed) => {
          updates[i]!++;
          update(changed);
        };
      });
      return { widgets, updates };
    }

    async function validated(id: string) {
      return (await (await fetch(`/faults/validated/${id}`)).json()) as {
        requests: number;
        conditional: number;
        notModified: number;
      };
    }

    it('10 widgets with refresh="5" on one URL: 7 requests in 30 s (one load, one revalidation per 5 s), no redraw when unchanged', async () => {
      const id = unique();
      const { widgets, updates } = await refreshing(`/faults/validate/etag/${id}/leicester-kpis-2021-22.json`, 10);
      await clock.advance(30_000, widgets);
      const counts = await validated(id);
      expect(counts.requests, 'requests in 30 s').to.be.at.most(7);
      expect(counts.requests, 'one revalidation every 5 s').to.equal(7);
      expect(counts.conditional, 'revalidations with If-None-Match').to.equal(6);
      expect(counts.notModified).to.equal(6);
      expect(updates, 'updates after an unchanged refresh').to.deep.equal(Array(10).fill(0));
      expect(widgets.map((w) => w.state)).to.deep.equal(Array(10).fill('loaded'));
    });

    it('Last-Modified: revalidates with If-Modified-Since; a 304 redraws nothing', async () => {
      const id = unique();
      const { widgets, updates } = await refreshing(`/faults/validate/modified/${id}/leicester-kpis-2021-22.json`, 3);
      await clock.advance(10_000, widgets);
      expect(await validated(id)).to.deep.equal({ requests: 3, conditional: 2, notModified: 2 });
      expect(updates).to.deep.equal([0, 0, 0]);
    });

    it('no validators: the same body again redraws nothing', async () => {
      const id = unique();
      const { widgets, updates } = await refreshing(
        `/faults/validate/none/${id}/norfolk-lscg-attendance-2024-25.json`,
        3,
        'attendance-by-sector',
      );
      await clock.advance(10_000, widgets);
      expect((await validated(id)).requests).to.equal(3);
      expect(updates).to.deep.equal([0, 0, 0]);
    });

    it('a changed body is drawn by every widget on the URL, with widget-ready again', async () => {
      const id = unique();
      const { widgets, updates } = await refreshing(`/faults/validate/etag/${id}/leicester-kpis-2021-22.json`, 3);
      await clock.advance(5_000, widgets);
      expect(updates).to.deep.equal([0, 0, 0]);
      await fetch(`/faults/revise/${id}`);
      const ready = widgets.map((w) => settle(w, 5000));
      await clock.advance(5_000, widgets);
      expect((await Promise.all(ready)).map((o) => o.type)).to.deep.equal(['ready', 'ready', 'ready']);
      for (const w of widgets) expect(shadowText(w)).to.contain('Revision 1');
      expect(await validated(id)).to.deep.equal({ requests: 3, conditional: 2, notModified: 1 });
    });

    it('a failed refresh keeps the old figures (stale), and the next good one clears it', async () => {
      const { widgets } = await refreshing(`/faults/then/${unique()}/404/leicester-kpis-2021-22.json`, 2);
      const failed = widgets.map((w) => settle(w, 5000));
      await clock.advance(5_000, widgets);
      const outcomes = await Promise.all(failed);
      expect(outcomes.map((o) => o.type)).to.deep.equal(['error', 'error']);
      expect(widgets.map((w) => w.state)).to.deep.equal(['stale', 'stale']);
      for (const w of widgets) {
        expect(shadowText(w)).to.contain('Could not update these figures');
        expect(shadowText(w)).to.contain('16,424');
      }
    });

    it('refresh stops when the widget is removed', async () => {
      const id = unique();
      const { widgets } = await refreshing(`/faults/validate/etag/${id}/leicester-kpis-2021-22.json`, 2);
      widgets.forEach((w) => w.remove());
      await clock.advance(20_000, widgets);
      expect((await validated(id)).requests).to.equal(1);
    });
  });
});
