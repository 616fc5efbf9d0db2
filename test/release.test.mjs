// The release zip for people without Node (`npm run release`), used as a web officer would:
// unzipped, the folder served as it is by a plain static web server (with the strict CSP of a
// council site), example.html opened in headless Chromium, every widget showing its figures.
// Needs dist/partnership-widgets.js (`npm run build`). Run with `node --test test/release.test.mjs`.
/* global document, window -- inside page.evaluate(), which runs in the browser */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from '../scripts/browser.mjs';

const root = new URL('../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = `partnership-widgets-${version}`;
const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.csv': 'text/csv' };

let site;
let server;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/partnership-widgets.js')), 'run `npm run build` first');
  execFileSync(process.execPath, [join(root, 'scripts/release.mjs')], { cwd: root, stdio: 'ignore' });
  // Unzipped as a user would, into an empty folder.
  site = await mkdtemp(join(tmpdir(), 'pw-release-'));
  const entries = unzipSync(new Uint8Array(readFileSync(join(root, 'release', `${folder}.zip`))));
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(site, name)), { recursive: true });
    writeFileSync(join(site, name), bytes);
  }
  // A plain static server for the unzipped folder: files only, nothing from this repository.
  const served = join(site, folder);
  server = createServer((req, res) => {
    const path = normalize(join(served, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(served) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': `${TYPES[extname(path)] ?? 'application/octet-stream'}; charset=utf-8`,
      'Content-Security-Policy': CSP,
    });
    createReadStream(path).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the zip holds the script, its map, the licences, the sample data and an example page', () => {
  const names = Object.keys(unzipSync(new Uint8Array(readFileSync(join(root, 'release', `${folder}.zip`)))));
  for (const file of [
    'partnership-widgets.js',
    'partnership-widgets.js.map',
    // The chunks the script loads from the folder next to it: the elements, and on demand the charts,
    // the Welsh strings and the CSV reader.
    'partnership-widgets/elements.js',
    'partnership-widgets/charts.js',
    'partnership-widgets/welsh.js',
    'partnership-widgets/csv.js',
    'LICENSE',
    'THIRD-PARTY-NOTICES',
    'example.html',
  ]) {
    assert.ok(names.includes(`${folder}/${file}`), file);
  }
  for (const file of [
    'leicester-kpis-2021-22.json',
    'norfolk-lscg-attendance-2024-25.json',
    'norfolk-lscg-attendance-2024-25.csv',
    'llr-training.json',
  ]) {
    assert.ok(names.includes(`${folder}/data/${file}`), file);
  }
  assert.deepEqual(
    names.filter((n) => !n.startsWith(`${folder}/`)),
    [],
    'everything is in one folder',
  );
  const example = readFileSync(join(site, folder, 'example.html'), 'utf8');
  const links = [...example.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(links.length >= 4);
  for (const link of links) assert.match(link, /^\.\/[\w./-]+$/, `${link} is not a path relative to the page`);
  for (const link of links) assert.ok(existsSync(join(site, folder, link)), `${link} is not in the zip`);
});

test(
  'example.html, served from the unzipped folder, shows every widget with its figures',
  { timeout: 120_000 },
  async (t) => {
    const executablePath = findBrowser();
    if (!executablePath) {
      t.skip('no Chromium found (see scripts/browser.mjs)');
      return;
    }
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: chromeArgs,
      userDataDir: await mkdtemp(join(tmpdir(), 'pw-release-chromium-')),
    });
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (!response.ok() && !response.url().endsWith('/favicon.ico'))
        failures.push(`${response.status()} ${response.url()}`);
    });
    await page.evaluateOnNewDocument(() => {
      const seen = { ready: [], errors: [], csp: [] };
      window.__widgets = seen;
      document.addEventListener('widget-ready', (e) =>
        seen.ready.push({ tag: e.target.localName, state: e.detail.state }),
      );
      document.addEventListener('widget-error', (e) => seen.errors.push(`${e.target.localName}: ${e.detail.message}`));
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.setViewport({ width: 1024, height: 900 });
    await page.goto(`${base}/example.html`, { waitUntil: 'load' });
    const count = await page.evaluate(
      () => document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend').length,
    );
    assert.equal(count, 4);
    await page.waitForFunction(
      (n) => window.__widgets.ready.length + window.__widgets.errors.length >= n,
      { timeout: 60_000 },
      count,
    );
    const seen = await page.evaluate(() => window.__widgets);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.csp, []);
    assert.deepEqual(failures, []);
    assert.deepEqual(
      seen.ready.map((r) => r.state),
      ['loaded', 'loaded', 'loaded', 'loaded'],
    );
    // What a reader sees: each widget's heading, and a table or chart with figures in it.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')].map((el) => {
        const rootNode = el.shadowRoot;
        const view = rootNode.querySelector('.view:not([hidden])');
        return {
          tag: el.localName,
          heading: rootNode.querySelector('h3')?.textContent.trim() ?? '',
          cells: view?.querySelectorAll('td').length ?? 0,
          marks: view?.querySelectorAll('svg rect, svg path, svg circle').length ?? 0,
          height: el.getBoundingClientRect().height,
        };
      }),
    );
    assert.deepEqual(
      shown.map((s) => s.tag),
      ['kpi-quarter-table', 'attendance-by-sector', 'training-trend', 'kpi-quarter-table'],
    );
    for (const s of shown) {
      assert.ok(s.heading.length > 0, `${s.tag} has no heading`);
      assert.ok(s.cells + s.marks > 0, `${s.tag} shows no figures: ${JSON.stringify(s)}`);
      assert.ok(s.height > 100, `${s.tag} is ${s.height}px high`);
    }
    assert.match(shown[3].heading, /Children in need: referrals/);
  },
);
