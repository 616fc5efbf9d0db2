/**
 * Screenshots of the demo pages as a council web officer, a presenter and a
 * board member meet them, for the docs and for review (issue 17):
 *
 * - every demo page at 1280 px and 360 px wide (`<page>-1280.png`,
 *   `<page>-360.png`): the whole page, cut at 3,000 px tall;
 * - the briefing at a projector's 1280×720, screen by screen
 *   (`briefing-screen-N.png`);
 * - the board paper printed to A4 by Chromium (`board-paper-page-N.png`,
 *   through poppler's pdftoppm);
 * - and the images the docs show (`cms-govuk.png`, `briefing.png`,
 *   `board-paper.png`: the paper's first two pages side by side;
 *   `attendance-by-sector.png`, `training-trend.png`: each chart view,
 *   heading to summary, as on `index.html`).
 *
 * Needs a build (`npm run build`) and poppler-utils; starts the demo server
 * on a free port. Writes to docs/screenshots/. Usage: node scripts/screenshots.mjs
 */
/* global document, window, requestAnimationFrame -- the callbacks passed to page.evaluate run in the browser */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from './browser.mjs';
import { startDemoServer } from './demo-server.mjs';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const PAGES = ['index', 'cms', 'cms-bootstrap', 'embed', 'board-paper', 'briefing', 'briefing-notes'];
const WIDTHS = [1280, 360];
const MAX_HEIGHT = 3000;
const WIDGETS = 'kpi-quarter-table, attendance-by-sector, training-trend';

/** Waits until every widget on the page has settled (loaded, empty or failed) and its charts are drawn. */
async function settle(page) {
  await page.waitForFunction(
    (selector) => [...document.querySelectorAll(selector)].every((w) => w.state && w.state !== 'loading'),
    { timeout: 20000 },
    WIDGETS,
  );
  await page.evaluate(() => document.fonts.ready);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function capture(page, file, { fullPage = true } = {}) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width, height: viewHeight } = page.viewport();
  await page.screenshot({
    path: join(out, file),
    clip: { x: 0, y: 0, width, height: fullPage ? Math.min(height, MAX_HEIGHT) : viewHeight },
    captureBeyondViewport: fullPage,
  });
  console.log(file);
}

const server = await startDemoServer();
const userDataDir = await mkdtemp(join(tmpdir(), 'pw-shots-'));
const browser = await puppeteer.launch({
  executablePath: findBrowser(),
  headless: true,
  args: chromeArgs,
  userDataDir,
});
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage();
  const failures = [];
  page.on(
    'response',
    (r) => r.status() >= 400 && !r.url().includes('/faults/') && failures.push(`${r.status()} ${r.url()}`),
  );
  page.on('pageerror', (e) => failures.push(String(e)));

  for (const name of PAGES) {
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: width === 360 ? 740 : 800 });
      await page.goto(`${server.base}/demo/${name}.html`, { waitUntil: 'networkidle0' });
      await settle(page);
      // The briefing and its notes are screens, not pages: the viewport is what is seen.
      await capture(page, `${name}-${width}.png`, { fullPage: !name.startsWith('briefing') });
    }
  }

  // The briefing on a projector, screen by screen.
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${server.base}/demo/briefing.html`, { waitUntil: 'networkidle0' });
  await settle(page);
  const screens = await page.evaluate(() => document.querySelectorAll('.slide').length);
  for (let i = 1; i <= screens; i++) {
    if (i > 1) {
      await page.click('#next');
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    await capture(page, `briefing-screen-${i}.png`, { fullPage: false });
    if (i === 1) await capture(page, 'briefing.png', { fullPage: false });
  }

  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${server.base}/demo/cms.html`, { waitUntil: 'networkidle0' });
  await settle(page);
  await capture(page, 'cms-govuk.png', { fullPage: false });

  // The elements' pictures in the docs and the README: each widget's chart view, heading to summary.
  await page.setViewport({ width: 900, height: 800 });
  await page.goto(`${server.base}/demo/index.html`, { waitUntil: 'networkidle0' });
  await settle(page);
  for (const tag of ['attendance-by-sector', 'training-trend']) {
    const clip = await page.evaluate(async (selector) => {
      const el = document.querySelector(selector);
      el.scrollIntoView();
      el.view = 'chart';
      await el.updateComplete;
      for (let i = 0; i < 100 && !el.shadowRoot.querySelector('.chart-view svg'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const box = el.getBoundingClientRect();
      const summary = el.shadowRoot.querySelector('[part="summary"]').getBoundingClientRect();
      const x = Math.max(0, box.left - 8);
      return { x, y: box.top + window.scrollY - 8, width: box.width + 16, height: summary.bottom - box.top + 16 };
    }, tag);
    await page.screenshot({ path: join(out, `${tag}.png`), clip, captureBeyondViewport: true });
    console.log(`${tag}.png`);
  }

  // The board paper, printed to A4.
  await page.goto(`${server.base}/demo/board-paper.html`, { waitUntil: 'networkidle0' });
  await settle(page);
  const dir = await mkdtemp(join(tmpdir(), 'pw-paper-'));
  const pdf = join(dir, 'paper.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  for (const old of (await readdir(out)).filter((f) => f.startsWith('board-paper-page-'))) await rm(join(out, old));
  const ppm = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(out, 'board-paper-page')], { encoding: 'utf8' });
  if (ppm.status !== 0) throw new Error(`pdftoppm: ${ppm.stderr || 'not installed (poppler-utils)'}`);
  const pages = (await readdir(out)).filter((f) => f.startsWith('board-paper-page-')).sort();
  // pdftoppm numbers pages with a fixed width (-1, or -01 past 9 pages): name them -1, -2, ...
  for (const [i, file] of pages.entries()) {
    const to = `board-paper-page-${i + 1}.png`;
    if (file !== to) await writeFile(join(out, to), await readFile(join(out, file))).then(() => rm(join(out, file)));
    console.log(to);
  }
  // The docs' picture: the first two pages side by side.
  const [first, second] = await Promise.all(
    [1, 2].map(async (n) => (await readFile(join(out, `board-paper-page-${n}.png`))).toString('base64')),
  );
  const pair = await browser.newPage();
  await pair.setViewport({ width: 1000, height: 720 });
  await pair.setContent(
    `<body style="margin:0;padding:8px;background:#b1b4b6;display:flex;gap:8px;width:max-content">` +
      `<img src="data:image/png;base64,${first}"><img src="data:image/png;base64,${second}"></body>`,
  );
  const size = await pair.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
  await pair.screenshot({ path: join(out, 'board-paper.png'), clip: { x: 0, y: 0, ...size } });
  console.log('board-paper.png');
  await rm(dir, { recursive: true });
  if (failures.length) console.log(`Requests that failed or page errors:\n${[...new Set(failures)].join('\n')}`);
} finally {
  await browser.close();
  server.stop();
  await rm(userDataDir, { recursive: true, force: true });
}
