/* global window */
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
      return {
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
