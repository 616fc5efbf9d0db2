/* global window, document, customElements */
/**
 * Time to figures: the same page drawn by us and by each peer, loaded in a
 * fresh browser context each time (nothing cached, no compiled code kept),
 * the libraries alternating in a rotating order, several runs.
 */
import { load } from './chromium.mjs';

/** Network and CPU conditions: loopback as is, or a slow phone (Lighthouse's mobile settings). */
export const PROFILES = {
  loopback: { id: 'loopback', label: 'loopback, no throttling' },
  phone: {
    id: 'phone',
    label: 'emulated slow phone: CPU 4x slower, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up',
    cpu: 4,
    network: { latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8 },
  },
};

async function throttle(cdp, profile) {
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.network.latency,
      downloadThroughput: profile.network.download,
      uploadThroughput: profile.network.upload,
    });
  }
}

/** Loads `url` once; returns the page's timings and bytes transferred. */
export async function measureLoad(browser, url, profile = PROFILES.loopback) {
  const { page, context } = await load(browser, url, {
    timeout: profile.cpu ? 120_000 : 60_000,
    setup: (_page, cdp) => throttle(cdp, profile),
  });
  try {
    return await page.evaluate(async () => {
      // The first-contentful-paint entry can arrive a moment after the frame.
      for (let i = 0; i < 20 && !performance.getEntriesByName('first-contentful-paint').length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const b = window.__bench;
      // Bytes before the first figures: what had arrived by the time the last widget said it had rendered.
      const before = entries.filter((e) => e.responseEnd <= b.allReady);
      return {
        chartCode: b.chartCode,
        charts: Math.max(b.painted, b.chartCode ?? 0),
        cls: b.cls,
        transferredBeforeFigures: before.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        fcp: fcp ? fcp.startTime : b.fcp,
        started: b.started,
        loading: b.loading,
        ready: b.ready,
        unsupported: b.unsupported,
        allReady: b.allReady,
        painted: b.painted,
        transferred: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        requests: entries.length,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Every page with every library, `runs` times; in run r the libraries start
 * at a rotating position (r mod n) so no library always goes first. One
 * discarded load of each first warms the browser process and the OS caches.
 */
export async function measureTime({ browser, origin, pages, libs, runs, profile, log }) {
  const results = [];
  for (const p of pages) {
    const url = (lib) => `${origin}/page?lib=${lib}&cases=${p.cases.join(',')}`;
    for (const lib of libs) await measureLoad(browser, url(lib), profile);
    const byLib = Object.fromEntries(libs.map((lib) => [lib, []]));
    for (let r = 0; r < runs; r++) {
      const order = libs.map((_, i) => libs[(i + r) % libs.length]);
      for (const lib of order) byLib[lib].push(await measureLoad(browser, url(lib), profile));
    }
    log(`  ${profile.id}: ${p.label}: ${runs} runs x ${libs.length} libraries`);
    results.push({ page: p.id, label: p.label, cases: p.cases, profile: profile.id, runs: byLib });
  }
  return results;
}

/**
 * A prerendered page (`partnership-widgets render --format html`) with JavaScript switched off: the
 * figures are in the HTML, so they are on screen at the first contentful paint. Returns that time (ms
 * from navigation start) and the bytes transferred (the page alone: no script runs).
 */
export async function measureNoScript(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // DevTools can still read the page's performance entries with the page's own scripts off.
    for (let i = 0; i < 40; i++) {
      const found = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length);
      if (found) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return {
        fcp: fcp ? fcp.startTime : NaN,
        transferred: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        requests: entries.length,
        scripts: document.querySelectorAll('script[src]').length,
        defined: document.querySelector('[data-case]')
          ? Boolean(customElements.get(document.querySelector('[data-case]').localName))
          : false,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * The prerendered three-widget page, `runs` times each: with JavaScript off (figures at first paint),
 * and with the widgets' script (figures at first paint, the elements upgraded, the layout shift of the
 * upgrade), beside our ordinary three-widget page and Chart.js's in the same runs.
 */
export async function measurePrerendered({ browser, origin, cases, runs, log }) {
  const ids = cases.join(',');
  const urls = {
    noScript: `${origin}/page?lib=ours&cases=${ids}&prerendered=1`,
    prerendered: `${origin}/page?lib=ours&cases=${ids}&prerendered=1`,
    ours: `${origin}/page?lib=ours&cases=${ids}`,
    chartjs: `${origin}/page?lib=chartjs&cases=${ids}`,
  };
  const kinds = Object.keys(urls);
  const one = (kind) => (kind === 'noScript' ? measureNoScript(browser, urls[kind]) : measureLoad(browser, urls[kind]));
  for (const kind of kinds) await one(kind);
  const byKind = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + r) % kinds.length];
      byKind[kind].push(await one(kind));
    }
  }
  log(`  prerendered page: ${runs} runs x ${kinds.length} loads`);
  return { cases, runs: byKind };
}
