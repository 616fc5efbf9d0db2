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

/** An A4 page's height in PDF points. */
const A4_HEIGHT_PT = 841.89;

/** Every word of a PDF with its page and its box's top, bottom (pt from the page's top) and height, from pdftotext. */
function wordBoxes(pdf) {
  const xhtml = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
  const words = [];
  let page = 0;
  for (const [, tag, attrs, text] of xhtml.matchAll(/<(page|word)\b([^>]*)>([^<]*)/g)) {
    if (tag === 'page') {
      page++;
      continue;
    }
    const n = (name) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)[1]);
    words.push({
      page,
      text: text.replace(/&amp;/g, '&'),
      top: n('yMin'),
      bottom: n('yMax'),
      height: n('yMax') - n('yMin'),
    });
  }
  return words;
}

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
      // Chart text is legible on paper, never scaled down: the small charts' axis labels (a line of Q1 to
      // Q4, in the PDF's word boxes) and the training panels' value ticks are no smaller than the
      // tables' 9 pt figures (the Leicester table's Q1 contacts, 4,369).
      const words = wordBoxes(pdf);
      const tableFigure = words.find((w) => w.text === '4,369');
      assert.ok(tableFigure, 'the table figure 4,369 is in the PDF');
      const axisLabels = words.filter(
        (w) =>
          /^Q[1-4]$/.test(w.text) &&
          words.some((q) => q.text === 'Q4' && q.page === w.page && Math.abs(q.top - w.top) < 1),
      );
      assert.ok(axisLabels.length >= 48, `${axisLabels.length} axis labels Q1 to Q4 (11 charts and the table)`);
      const ticks = words.filter((w) => ['2,000', '1,000', '+100'].includes(w.text));
      assert.ok(ticks.length >= 3, 'the training panels have value ticks');
      for (const w of [...axisLabels, ...ticks]) {
        assert.ok(w.height >= tableFigure.height - 0.05, `${w.text} on page ${w.page} is ${w.height} pt high`);
      }
      // No half-empty page before the last: each page's text reaches past the middle of the page.
      const pageCount = Math.max(...words.map((w) => w.page));
      for (let n = 1; n < pageCount; n++) {
        const bottom = Math.max(...words.filter((w) => w.page === n).map((w) => w.bottom));
        assert.ok(bottom > 0.6 * A4_HEIGHT_PT, `page ${n} of ${pageCount} ends ${Math.round(bottom)} pt down`);
      }
      spawnSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
      const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
      assert.ok(pngs.length >= 4, `${pngs.length} A4 pages rendered`);
      assert.equal(pngs.length, pageCount);
      pages[name] = pngs.length;
      for (const png of pngs) assert.ok((await stat(join(dir, png))).size > 5000, `${png} is not blank`);
      await page.close();
    },
  );
}

// Was 9 pages, then 7 (the Leicester widget's eleven small charts printed two a row, at the
// screen's chart text size); the KPI widget now lays them out for paper, three a row at 9 pt.
for (const [name, skip] of [
  ['chromium', false],
  ['firefox', firefoxSkip],
]) {
  test(
    `${name}: the sample board paper prints on at most 6 A4 pages`,
    { skip: (!hasPoppler && 'pdftotext (poppler-utils) is not installed') || skip },
    () => {
      assert.ok(pages[name] !== undefined, 'the paper was printed');
      assert.ok(pages[name] <= 6, `${pages[name]} A4 pages`);
    },
  );
}
