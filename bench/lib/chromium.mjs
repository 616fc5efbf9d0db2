/* global window */
/**
 * Headless Chromium for the benchmark: the browser the tests use
 * (scripts/browser.mjs: CHROME_PATH, then chromium/chrome on PATH), the flags
 * that keep it off the network, a fresh profile, and a clean context
 * (no cache, no compiled-code cache) for every page load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from '../../scripts/browser.mjs';

export const VIEWPORT = { width: 800, height: 900 };

export async function launch() {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new Error(
      'No Chromium or Chrome found: set CHROME_PATH, or install one (Debian: apt-get install chromium). See README.',
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'pw-bench-chrome-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    args: [...chromeArgs, '--headless=new', '--hide-scrollbars', '--mute-audio'],
    defaultViewport: VIEWPORT,
  });
  const version = await browser.version();
  return {
    browser,
    executablePath,
    version,
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a fresh browser context and waits for `window.__bench.done`.
 * `setup(page, cdp)` runs before navigation (throttling, profiling).
 * Returns `{page, cdp, context, bench}`; the caller closes `context`.
 */
export async function load(browser, url, { timeout = 60_000, setup } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  if (setup) await setup(page, cdp);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.done, { timeout, polling: 50 });
  } catch (error) {
    const state = await page.evaluate(() => window.__bench).catch(() => undefined);
    await context.close();
    throw new Error(
      `${url} did not finish in ${timeout / 1000} s: ${JSON.stringify(state)} ${consoleErrors.join(' | ')} (${error.message})`,
    );
  }
  const bench = await page.evaluate(() => window.__bench);
  if (bench.errors.length) {
    await context.close();
    throw new Error(`${url}: ${JSON.stringify(bench.errors)} ${consoleErrors.join(' | ')}`);
  }
  return { page, cdp, context, bench, consoleErrors };
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value;
  return { used: get('JSHeapUsedSize'), nodes: get('Nodes') };
}
