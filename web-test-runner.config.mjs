// Browser tests: the whole suite in headless Chromium (Debian's package or
// CHROME_PATH) and again in Firefox (Debian's firefox-esr or FIREFOX_PATH,
// driven by puppeteer-core over WebDriver BiDi), when installed; see
// scripts/ensure-browser.mjs. BROWSERS=chromium or BROWSERS=firefox narrows it.
// TypeScript goes through esbuild with our tsconfig (decorators), Plot's one
// CommonJS dependency through rollup's commonjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import rollupCommonjs from '@rollup/plugin-commonjs';
import * as puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser, findFirefox, wantedBrowsers } from './scripts/browser.mjs';
import { envPlugin } from './test/env-plugin.mjs';
import { faultsMiddleware } from './test/faults.mjs';
import { mediaPlugin } from './test/media-plugin.mjs';
import { renderPlugin } from './test/render-plugin.mjs';
import { snapshotPlugin } from './test/snapshot-plugin.mjs';
import { transcriptPlugin } from './test/transcript-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);
const wanted = wantedBrowsers();
const chromiumPath = wanted.has('chromium') ? findBrowser() : undefined;
const firefoxPath = wanted.has('firefox') ? findFirefox() : undefined;
if (wanted.has('chromium') && !chromiumPath) {
  throw new Error('No Chromium or Chrome found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
}
if (process.env.BROWSERS && wanted.has('firefox') && !firefoxPath) {
  throw new Error('BROWSERS asks for Firefox, but none was found: install firefox-esr or set FIREFOX_PATH.');
}

// FILES=test/accessibility.test.ts (a glob, or several, comma-separated) narrows the run.
const all = process.env.FILES ? process.env.FILES.split(',') : ['src/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * Firefox through @web/test-runner-chrome's launcher: given puppeteer-core as
 * its "custom puppeteer" it launches `browser: 'firefox'` (and names the run
 * Firefox). `prefs` are Firefox preferences for the whole browser.
 */
const firefox = (prefs = {}) =>
  chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true, extraPrefsFirefox: prefs },
  });

const groups = [];
if (chromiumPath) {
  groups.push({
    name: 'chromium',
    files: all,
    browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromeArgs } })],
  });
}
if (firefoxPath) {
  groups.push({
    name: 'firefox',
    // SVG snapshots and the render parity test are Chromium's: text metrics differ between engines.
    files: [...all, '!test/charts.test.ts', '!test/render-parity.test.ts'],
    browsers: [firefox()],
  });
}
if (firefoxPath && (!process.env.FILES || process.env.FILES.includes('accessibility'))) {
  groups.push({
    // Firefox cannot emulate media features over WebDriver BiDi, so the
    // accessibility tests run once more in a Firefox started in forced-colours
    // mode (as Windows high contrast does) with reduced motion.
    name: 'firefox-forced-colors',
    files: ['test/accessibility.test.ts'],
    browsers: [firefox({ 'browser.display.document_color_use': 2, 'ui.prefersReducedMotion': 1 })],
  });
}

export default {
  groups,
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
  testsFinishTimeout: 300000,
  // Firefox can take longer than the default 30 s to open a page on a busy machine.
  browserStartTimeout: 120000,
  middleware: [faultsMiddleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
    commonjs({
      include: ['**/node_modules/interval-tree-1d/**', '**/node_modules/binary-search-bounds/**'],
      strictRequires: false,
    }),
    snapshotPlugin(),
    renderPlugin(),
    transcriptPlugin(),
    mediaPlugin(),
    envPlugin(),
  ],
};
