/**
 * The consumer test: the package as npm users get it, in the apps they build.
 *
 * Packs the package (`npm pack`), installs the tarball into each fixture app
 * under test/consumers/ (`npm ci` from the app's own lock file, then
 * `npm install --no-save <tarball>`: no overrides, no links into this repo),
 * builds the app for production (the app's own `build` script: type check,
 * then `vite build`), serves its `dist/` on 127.0.0.1 and opens it in
 * headless Chromium, where every widget must show its figures:
 *
 * - vite-vanilla: Vite + TypeScript, the tags in index.html.
 * - react: React 19 TSX (`tsc -b`, strict), the raw tags (typed by
 *   partnership-widgets/react-jsx) and the partnership-widgets/react
 *   components, `years={3}`, `onWidgetReady`.
 * - vue: Vue 3 SFC (`vue-tsc` with strictTemplates), `years="3"` and `:years="3"`.
 *
 *   npm run test:consumers                  # build the package first
 *   npm run test:consumers -- --no-build    # use dist/ as it is
 *   npm run test:consumers -- react vue     # only these apps
 *
 * A screenshot of each app is written to test/screenshots/consumer-<app>.png.
 * Needs the registry (the apps' dependencies) and a Chromium (CHROME_PATH).
 */
/* global document, window, customElements, requestAnimationFrame -- the callbacks passed to page.evaluate run in the browser */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from './browser.mjs';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/consumers');
const args = process.argv.slice(2);
const APPS = ['vite-vanilla', 'react', 'vue'];
const apps = args.filter((a) => !a.startsWith('--'));
for (const app of apps) if (!APPS.includes(app)) throw new Error(`unknown app "${app}" (${APPS.join(', ')})`);

/** Runs a command; its output is shown only when it fails. */
function run(cmd, cmdArgs, cwd) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, cmdArgs, { cwd, env: { ...process.env, NODE_ENV: undefined } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? ok(out) : fail(new Error(`${cmd} ${cmdArgs.join(' ')} (in ${cwd}) failed:\n${out}`)),
    );
  });
}

const timings = [];
async function step(name, fn) {
  const start = performance.now();
  process.stdout.write(`${name} ... `);
  const result = await fn();
  const ms = performance.now() - start;
  timings.push([name, ms]);
  console.log(`${(ms / 1000).toFixed(1)} s`);
  return result;
}

/** The checks in the page: every widget shows its figures. */
async function widgetsIn(page) {
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')];
      return widgets.length > 0 && widgets.every((w) => w.state && w.state !== 'loading');
    },
    { timeout: 30000 },
  );
  // Let the charts, which are drawn once their width is measured, settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() =>
    [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')].map((w) => {
      const shadow = w.shadowRoot;
      const cells = [...(shadow?.querySelectorAll('table td') ?? [])].map((td) => td.textContent.trim());
      return {
        id: w.id,
        tag: w.localName,
        defined: Boolean(customElements.get(w.localName)),
        state: w.state,
        error: shadow?.querySelector('[part="error"]')?.textContent.trim() ?? null,
        numericCells: cells.filter((c) => /^[+−-]?[\d,]+(\.\d+)?%?$/.test(c)).length,
        marks: shadow?.querySelectorAll('svg rect, svg path, svg circle').length ?? 0,
        ready: window.__ready?.[w.id] ?? null,
      };
    }),
  );
}

const expectations = {
  'vite-vanilla': (widgets) => {
    assert.deepEqual(
      widgets.map((w) => w.id),
      ['kpi', 'attendance', 'training'],
    );
    assert.equal(widgets[2].ready.years.length, 3, 'years="3" shows three years');
  },
  react: async (widgets, page) => {
    assert.deepEqual(
      widgets.map((w) => w.id),
      ['tag-kpi', 'tag-attendance', 'tag-training', 'component-kpi', 'component-attendance', 'component-training'],
    );
    const byId = Object.fromEntries(widgets.map((w) => [w.id, w]));
    // years={3}: three years of the annual KPI data, three years of training.
    assert.equal(
      byId['tag-kpi'].ready.columns.filter((c) => /^\d{4}-\d\d$/.test(c)).length,
      3,
      byId['tag-kpi'].ready.columns,
    );
    assert.equal(byId['tag-training'].ready.years.length, 3);
    assert.equal(byId['component-training'].ready.years.length, 3);
    // onWidgetReady reached the React components' handlers, onwidget-ready the tag's.
    const handled = JSON.parse(await page.$eval('#ready', (o) => o.textContent));
    assert.deepEqual(Object.keys(handled).sort(), [
      'component-attendance',
      'component-kpi',
      'component-training',
      'tag-training',
    ]);
    assert.equal(handled['component-training'].years.length, 3);
  },
  vue: async (widgets, page) => {
    assert.deepEqual(
      widgets.map((w) => w.id),
      ['kpi', 'attendance', 'training-string', 'training-number'],
    );
    const byId = Object.fromEntries(widgets.map((w) => [w.id, w]));
    assert.equal(byId.kpi.ready.columns.filter((c) => /^\d{4}-\d\d$/.test(c)).length, 3, byId.kpi.ready.columns);
    assert.equal(byId['training-string'].ready.years.length, 3, 'years="3" (a string property) shows three years');
    assert.equal(byId['training-number'].ready.years.length, 3, ':years="3" shows three years');
    const handled = JSON.parse(await page.$eval('#ready', (o) => o.textContent));
    assert.deepEqual(Object.keys(handled).sort(), ['kpi', 'training-number']);
  },
};

async function main() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium or Chrome found: install one or set CHROME_PATH.');
  const work = await mkdtemp(join(tmpdir(), 'pw-consumers-'));
  const total = performance.now();
  if (!args.includes('--no-build')) await step('build the package', () => run('npm', ['run', 'build'], root));
  const packed = await step('npm pack', () => run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, JSON.parse(packed)[0].filename);

  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: chromeArgs,
    userDataDir: join(work, 'chromium'),
  });
  const failures = [];
  try {
    for (const app of apps.length ? apps : APPS) {
      const dir = join(fixtures, app);
      try {
        await step(`${app}: npm ci`, () => run('npm', ['ci', '--no-audit', '--no-fund'], dir));
        await step(`${app}: npm install --no-save the tarball`, () =>
          run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], dir),
        );
        // The sample data, served by the app as static files.
        await rm(join(dir, 'public/data'), { recursive: true, force: true });
        await mkdir(join(dir, 'public'), { recursive: true });
        await cp(join(root, 'data'), join(dir, 'public/data'), { recursive: true });
        await step(`${app}: npm run build (type check, vite build)`, () => run('npm', ['run', 'build'], dir));
        const server = await startStaticServer({ mounts: { '/': join(dir, 'dist') } });
        const page = await browser.newPage();
        try {
          const errors = [];
          page.on('pageerror', (e) => errors.push(String(e)));
          page.on('console', (m) => {
            if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) errors.push(m.text());
          });
          await page.setViewport({ width: 1100, height: 900 });
          await page.evaluateOnNewDocument(() => {
            window.__ready = {};
            document.addEventListener('widget-ready', (e) => {
              window.__ready[e.target.id] = e.detail;
            });
          });
          const widgets = await step(`${app}: open the production build in Chromium`, async () => {
            await page.goto(`${server.origin}/`, { waitUntil: 'load' });
            return widgetsIn(page);
          });
          for (const w of widgets) {
            const where = `${app} #${w.id} <${w.tag}>`;
            assert.ok(w.defined, `${where} is not defined: the bundler dropped the module that registers it`);
            assert.equal(w.state, 'loaded', `${where}: ${w.error ?? w.state}`);
            if (w.tag === 'kpi-quarter-table') assert.ok(w.numericCells >= 4, `${where} has no figures in its table`);
            else assert.ok(w.marks >= 4, `${where} drew no chart`);
            assert.ok(w.ready, `${where} sent no widget-ready`);
          }
          await expectations[app](widgets, page);
          assert.deepEqual(errors, [], `${app}: errors in the page`);
          await mkdir(join(root, 'test/screenshots'), { recursive: true });
          await page.screenshot({ path: join(root, `test/screenshots/consumer-${app}.png`), fullPage: true });
          console.log(`ok: ${app}: ${widgets.map((w) => `#${w.id} ${w.state}`).join(', ')}`);
        } finally {
          await page.close();
          await server.close();
        }
      } catch (error) {
        failures.push(app);
        console.error(`FAIL: ${app}: ${error.stack ?? error}`);
      }
    }
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
  console.log(`\nconsumer test: ${((performance.now() - total) / 1000).toFixed(0)} s in all`);
  if (failures.length) {
    console.error(`consumer test failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
