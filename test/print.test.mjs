// The sample board paper, printed to PDF (A4) by headless Chromium, and by
// Firefox where installed (over WebDriver BiDi), as an officer would: every figure of every widget is in the PDF as text, and the
// pages render to PNG (chart and table both printed). Needs a build
// (dist/partnership-widgets.js) and poppler's pdftotext/pdftoppm; skipped,
// saying why, when poppler is missing (scripts/ensure-browser.mjs installs
// it on Debian as root).
/* global document -- the callbacks passed to page.evaluate run in the browser */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser, findFirefox, wantedBrowsers } from '../scripts/browser.mjs';
import { startDemoServer } from '../scripts/demo-server.mjs';

const hasPoppler =
  spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm'], { stdio: 'ignore' }).status === 0;

let server;
let base;
const browsers = {};
before(async () => {
  if (!hasPoppler) return;
  server = await startDemoServer();
  base = server.base;
});
after(async () => {
  for (const browser of Object.values(browsers)) await browser.close();
  server?.stop();
});

async function launch(name) {
  browsers[name] ??=
    name === 'firefox'
      ? await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true })
      : await puppeteer.launch({
          executablePath: findBrowser(),
          headless: true,
          args: chromeArgs,
          userDataDir: await mkdtemp(join(tmpdir(), 'pw-print-')),
        });
  return browsers[name];
}

/** Pages printed, by browser. */
const pages = {};

const firefoxSkip = !wantedBrowsers().has('firefox')
  ? 'BROWSERS leaves Firefox out'
  : !findFirefox() && 'Firefox is not installed';

for (const [name, skip] of [
  ['chromium', false],
  ['firefox', firefoxSkip],
]) {
  test(
    `${name}: the board paper prints to A4 with every figure as text, chart and table`,
    { skip: (!hasPoppler && 'pdftotext (poppler-utils) is not installed') || skip },
    async () => {
      const browser = await launch(name);
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${base}/demo/board-paper.html`, { waitUntil: 'networkidle0' });
      await page.waitForFunction(
        () => {
          const widgets = [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')];
          return widgets.length === 4 && widgets.every((w) => w.state === 'loaded');
        },
        { timeout: 15000 },
      );
      assert.deepEqual(errors, []);
      const dir = await mkdtemp(join(tmpdir(), 'pw-paper-'));
      const pdf = join(dir, 'paper.pdf');
      await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      // Exactly the figures each widget shows (what its CSV download holds), and the views it drew for
      // print: a view hidden on screen is drawn when the page is printed.
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')].map((w) => ({
          widget: w.localName,
          csv: w.toCSV(),
          charts: w.shadowRoot.querySelectorAll('.chart-view svg').length,
          tables: w.shadowRoot.querySelectorAll('.table-view table').length,
        })),
      );
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      const flat = text.replace(/\s+/g, ' ');
      for (const { widget, csv, charts, tables } of figures) {
        assert.ok(charts > 0 && tables > 0, `${widget}: has a chart and a table`);
        const cells = csv
          .split(/\r?\n/)
          .slice(1)
          .flatMap((line) => line.split(',').slice(1))
          .map((c) => c.replace(/^"|"$/g, '').trim())
          .filter((c) => /^-?\d[\d.]*$/.test(c));
        assert.ok(cells.length > 5, `${widget}: figures found in its CSV`);
        for (const cell of cells) {
          // The CSV has 16424 where the page prints 16,424.
          const shown = Number(cell).toLocaleString('en-GB', { maximumFractionDigits: 3 });
          assert.ok(flat.includes(shown) || flat.includes(cell), `${widget}: ${cell} (${shown}) is in the printed PDF`);
        }
      }
      // One date story: every widget's figures as at the meeting date, and every "Updated" (a source's
      // publication date) no later than that.
      const asAt = [...flat.matchAll(/Figures as at (\d{1,2} \w+ \d{4})/g)].map((m) => m[1]);
      assert.ok(asAt.length >= 4, 'each widget gives its as-at date');
      assert.deepEqual([...new Set(asAt)], ['28 January 2026']);
      const meeting = Date.parse('28 January 2026');
      for (const [, date] of flat.matchAll(/Updated:? ((?:\d{1,2} )?[A-Z][a-z]+ \d{4})/g)) {
        assert.ok(Date.parse(date) <= meeting, `updated ${date} is not after the figures' as-at date`);
      }
      assert.doesNotMatch(flat, /Download data \(CSV\)|Show table|Show chart/, 'no buttons on paper');
      // Chart text is printed too (axis labels of the small multiples and panels).
      assert.match(flat, /Q1 Q2 Q3 Q4/);
      spawnSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
      const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
      assert.ok(pngs.length >= 4, `${pngs.length} A4 pages rendered`);
      pages[name] = pngs.length;
      // Was 9 pages (now 7); each widget's chart and table are kept together, so pages end early.
      if (name === 'chromium') assert.ok(pngs.length <= 7, `${pngs.length} A4 pages in Chromium`);
      for (const png of pngs) assert.ok((await stat(join(dir, png))).size > 5000, `${png} is not blank`);
      await page.close();
    },
  );
}

test(
  'chromium: the sample board paper prints on at most 6 A4 pages',
  {
    skip: !hasPoppler && 'pdftotext (poppler-utils) is not installed',
    // 7 pages now: the Leicester widget's eleven small charts print two a row (the KPI
    // widget caps its print width at 640 px), about 1.2 pages on their own.
    todo: 'needs the KPI widget to print its small charts three a row, or shorter',
  },
  () => {
    assert.ok(pages.chromium !== undefined, 'the paper was printed');
    assert.ok(pages.chromium <= 6, `${pages.chromium} A4 pages`);
  },
);
