// Prerendered widgets (`partnership-widgets render --format html`), in Chromium and, where installed,
// Firefox (over WebDriver BiDi), as a reader's browser gets them: the page the command writes, with the
// widgets' script added as a CMS page would add it. With JavaScript off, the table's figures and the
// chart's SVG are on screen and axe finds nothing; with it on, the element takes the markup over with
// no frame missing its figures, nothing moving (Chromium's layout-shift entries, and every part's box
// compared before and after the upgrade in both browsers), no request for the data, and axe finds
// nothing. A chart whose code is still on its way (held back by the server) keeps the prerendered chart
// until it is drawn, at the same size. Needs a build (dist/ and the command line). `PRERENDER_SCREENSHOTS=DIR` keeps screenshots.
/* global document, window, customElements, requestAnimationFrame, axe -- the callbacks passed to page.evaluate run in the browser */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser, findFirefox, wantedBrowsers } from '../scripts/browser.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { cli, root } from './cli/run-cli.mjs';

const ELEMENTS = [
  { name: 'kpi-quarter-table', file: 'data/leicester-kpis-2021-22.json' },
  { name: 'attendance-by-sector', file: 'data/norfolk-lscg-attendance-2024-25.json' },
  { name: 'training-trend', file: 'data/llr-training.json' },
];

const SCRIPT = '<script type="module" src="/dist/partnership-widgets.js"></script>';

// Classic scripts of the test page (not the product's): they run before the module script, so they
// see the prerendered markup before the element is upgraded.
const PROBE = `<script>
window.geometry = () => {
  const el = document.querySelector('[data-widget]');
  const root = el.shadowRoot;
  const box = (node) => {
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
  };
  return {
    host: box(el),
    heading: box(root.querySelector('[part="heading"]')),
    table: box(root.querySelector('[part="table"]')),
    chart: box(root.querySelector('[part="chart-view"] svg')),
    summary: box(root.querySelector('[part="summary"]')),
    footer: box(root.querySelector('[part="footer"]')),
    after: box(document.getElementById('after')),
  };
};
window.frames_ = [];
(function sample() {
  const el = document.querySelector('[data-widget]');
  // From the first frame after the widget and the text after it are parsed (and measured).
  if (el && window.before) {
    window.frames_.push({
      defined: Boolean(customElements.get(el.localName)),
      table: Boolean(el.shadowRoot && el.shadowRoot.querySelector('[part="table"] td')),
      chart: Boolean(el.shadowRoot && el.shadowRoot.querySelector('[part="chart-view"] svg')),
    });
  }
  if (window.frames_.length < 2000) requestAnimationFrame(sample);
})();
</script>`;

/** The page `render` wrote, as a CMS page would carry it: the widgets' script, a paragraph after the widget. */
function page(rendered, { src } = {}) {
  let text = rendered.replace('</head>', `${PROBE}\n${SCRIPT}\n</head>`);
  text = text.replace(/<(kpi-quarter-table|attendance-by-sector|training-trend) /, (all, name) => {
    return `<${name} data-widget${src ? ` src="${src}"` : ''} `;
  });
  // Measured as parsed, before the module script runs (it runs once the page is parsed).
  const measure = '<script>window.before = window.geometry();</script>';
  return text.replace('</main>', `<p id="after">The page goes on after the widget.</p>\n${measure}\n</main>`);
}

let server;
/** The same pages, served with a CSP that lets no script run: JavaScript off, in any browser. */
let noScript;
/**
 * The same pages again, with the chart code (the script's second module) held back until the test
 * lets it go: a reader on a slow connection, whose figures are ready before the charts' code.
 */
const CHARTS = '/dist/partnership-widgets/charts.js';

/** A server in front of `server` that answers for the chart code only once its `release()` is called. */
async function startSlowChartsServer() {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const proxy = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === CHARTS) await held;
    const upstream = await fetch(`${server.origin}${req.url}`);
    res.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${proxy.address().port}`,
    release,
    close: () =>
      new Promise((ok) => {
        release();
        proxy.closeAllConnections();
        proxy.close(() => ok());
      }),
  };
}
const rendered = new Map();
const browsers = {};
const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

before(async () => {
  const pages = new Map();
  for (const element of ELEMENTS) {
    const { code, stdout, stderr } = await cli('render', element.name, '--src', join(root, element.file));
    assert.equal(code, 0, stderr);
    rendered.set(element.name, stdout);
    pages.set(`/${element.name}.html`, page(stdout, { src: `/${element.file}` }));
  }
  const mounts = { '/dist/': join(root, 'dist'), '/data/': join(root, 'data') };
  server = await startStaticServer({ mounts, pages });
  noScript = await startStaticServer({ mounts, pages, headers: { 'Content-Security-Policy': "script-src 'none'" } });
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.close();
  await server?.close();
  await noScript?.close();
});

async function launch(name) {
  browsers[name] ??=
    name === 'firefox'
      ? await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true })
      : await puppeteer.launch({
          executablePath: findBrowser(),
          headless: true,
          args: chromeArgs,
          userDataDir: await mkdtemp(join(tmpdir(), 'pw-prerender-')),
        });
  return browsers[name];
}

async function open(name, path, { origin = server.origin, waitUntil = 'load' } = {}) {
  const browser = await launch(name);
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 900 });
  const requests = [];
  const errors = [];
  // Requests to the page's server (not the browser's own: its favicon, fonts in data: URLs).
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && url.pathname !== '/favicon.ico') requests.push(url.pathname);
  });
  tab.on('pageerror', (error) => errors.push(String(error)));
  if (waitUntil) await tab.goto(`${origin}${path}`, { waitUntil });
  // Not waiting for the page's events: `settled` waits for the widget itself.
  else tab.goto(`${origin}${path}`, { timeout: 0 }).catch((error) => errors.push(String(error)));
  return { tab, requests, errors };
}

/** Resolves once the widget is upgraded and loaded, and a few frames have been drawn since. */
async function settled(tab) {
  await tab.waitForFunction(() => document.querySelector('[data-widget]')?.state === 'loaded', { timeout: 20000 });
  await tab.evaluate(
    () =>
      new Promise((done) => {
        let n = 0;
        const next = () => (++n === 5 ? setTimeout(done, 200) : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
}

/** axe over the page and the widget's shadow root: the violations, as "rule: target" lines. */
async function axeViolations(tab) {
  await tab.evaluate(axeSource);
  return tab.evaluate(async () => {
    // The page's own h1 is the host page's (a CMS page's title); the widget's heading is h2 by default.
    const rules = { 'page-has-heading-one': { enabled: false } };
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

async function screenshot(tab, file) {
  const dir = process.env.PRERENDER_SCREENSHOTS;
  if (dir) await writeFile(join(dir, file), await tab.screenshot({ fullPage: true }));
}

const firefoxSkip = !wantedBrowsers().has('firefox')
  ? 'BROWSERS leaves Firefox out'
  : !findFirefox() && 'Firefox is not installed';
const chromiumSkip = !wantedBrowsers().has('chromium') && 'BROWSERS leaves Chromium out';

for (const [browser, skip] of [
  ['chromium', chromiumSkip],
  ['firefox', firefoxSkip],
]) {
  describe(`${browser}: prerendered widgets`, { skip }, () => {
    for (const element of ELEMENTS) {
      test(`${element.name}: with JavaScript off, the table's figures and the chart's SVG are on screen; axe finds nothing`, async () => {
        // The page with its script, served with a CSP that runs none (the test's own probes included).
        const { tab, requests } = await open(browser, `/${element.name}.html`, { origin: noScript.origin });
        const shown = await tab.evaluate(() => {
          const el = document.querySelector('[data-widget]');
          const root = el.shadowRoot;
          const visible = (node) => Boolean(node) && node.checkVisibility({ visibilityProperty: true });
          const svg = root?.querySelector('[part="chart-view"] svg');
          const rect = svg?.getBoundingClientRect();
          return {
            defined: Boolean(customElements.get(el.localName)),
            shadow: Boolean(root),
            cells: [...(root?.querySelectorAll('[part="table"] td') ?? [])].filter(visible).length,
            svg: visible(svg) && rect.width > 200 && rect.height > 50,
            marks: svg?.querySelectorAll('rect, path, circle').length ?? 0,
            summary: visible(root?.querySelector('[part="summary"]')),
            buttons: [...(root?.querySelectorAll('button') ?? [])].filter(visible).length,
          };
        });
        assert.equal(shown.defined, false, 'no script ran');
        assert.equal(shown.shadow, true, 'the declarative shadow root is attached');
        assert.ok(shown.cells > 5, `${shown.cells} table cells shown`);
        assert.ok(shown.svg, 'the chart is drawn and shown');
        assert.ok(shown.marks > 3, 'with its marks');
        assert.ok(shown.summary, 'the summary is shown');
        assert.equal(shown.buttons, 0, 'no button that needs script is shown');
        assert.ok(!requests.some((p) => p.startsWith('/data/')), 'nothing fetched');
        const shot = await tab.screenshot({ fullPage: true });
        await screenshot(tab, `${browser}-${element.name}-no-js.png`);
        assert.deepEqual(await axeViolations(tab), []);
        await tab.close();
        if (browser === 'chromium') {
          // Chromium with JavaScript switched off (where nothing can be asked of the page) shows the same.
          const off = await (await launch(browser)).newPage();
          await off.setViewport({ width: 1280, height: 900 });
          await off.setJavaScriptEnabled(false);
          await off.goto(`${server.origin}/${element.name}.html`, { waitUntil: 'load' });
          const offShot = await off.screenshot({ fullPage: true });
          await screenshot(off, `${browser}-${element.name}-javascript-off.png`);
          assert.ok(offShot.equals(shot), 'the same pixels as with no script run');
          await off.close();
        }
      });

      test(`${element.name}: the script takes the markup over with no frame without figures, nothing moved, no request for the data; axe finds nothing`, async () => {
        const { tab, requests, errors } = await open(browser, `/${element.name}.html`);
        await settled(tab);
        const {
          before: first,
          now,
          frames,
          live,
        } = await tab.evaluate(() => {
          const el = document.querySelector('[data-widget]');
          return {
            before: window.before,
            now: window.geometry(),
            frames: window.frames_,
            live:
              Boolean(el.shadowRoot.querySelector('[part="download"]')) && el.shadowRoot.adoptedStyleSheets.length > 0,
          };
        });
        assert.deepEqual(errors, []);
        assert.ok(live, 'the element rendered its own shadow root (download button, adopted styles)');
        assert.ok(frames.some((f) => f.defined) && frames.some((f) => !f.defined), 'frames sampled before and after');
        const missing = frames.filter((f) => !f.table || !f.chart);
        assert.deepEqual(missing, [], 'every frame shows the table and the chart');
        // Every part is where it was before the script arrived, at the same size.
        assert.deepEqual(now, first);
        assert.ok(first.chart && first.after, 'the chart and the text after the widget were measured');
        if (browser === 'chromium') {
          const shifts = await tab.evaluate(
            () =>
              new Promise((done) => {
                const seen = [];
                new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({
                  type: 'layout-shift',
                  buffered: true,
                });
                setTimeout(() => done(seen.filter((e) => !e.hadRecentInput).map((e) => e.value)), 100);
              }),
          );
          assert.equal(
            shifts.reduce((a, b) => a + b, 0),
            0,
            `cumulative layout shift ${shifts}`,
          );
        }
        // The element has a src too: the inline data wins, nothing is fetched.
        assert.deepEqual(
          requests.filter((p) => !p.startsWith('/dist/')),
          [`/${element.name}.html`],
        );
        await screenshot(tab, `${browser}-${element.name}-upgraded.png`);
        assert.deepEqual(await axeViolations(tab), []);
        await tab.close();
      });
    }

    test('a chart whose code is still on its way: the prerendered chart stays, then the live one replaces it at the same size', async () => {
      const slow = await startSlowChartsServer();
      try {
        // The page's load event waits for the chart code being imported: the test waits for the widget instead.
        const { tab, errors, requests } = await open(browser, '/training-trend.html', {
          origin: slow.origin,
          waitUntil: false,
        });
        await settled(tab);
        const waiting = await tab.evaluate(() => {
          const root = document.querySelector('[data-widget]').shadowRoot;
          window.prerenderedSvg = root.querySelector('[part="chart-view"] svg');
          return {
            before: window.before.chart,
            now: window.geometry().chart,
            live: Boolean(root.querySelector('[part="download"]')) && root.adoptedStyleSheets.length > 0,
          };
        });
        assert.ok(requests.includes(CHARTS), 'the chart code was asked for');
        assert.ok(waiting.live, 'the element rendered its own shadow root, its table live');
        assert.deepEqual(waiting.now, waiting.before, 'the prerendered chart stays where it was');
        // The chart code arrives.
        slow.release();
        await tab.waitForFunction(
          () => {
            const svg = document.querySelector('[data-widget]').shadowRoot.querySelector('[part="chart-view"] svg');
            return svg !== null && svg !== window.prerenderedSvg;
          },
          { timeout: 20000 },
        );
        await settled(tab);
        const drawn = await tab.evaluate(() => {
          const svg = document.querySelector('[data-widget]').shadowRoot.querySelector('[part="chart-view"] svg');
          return { replaced: svg !== window.prerenderedSvg && svg.isConnected, now: window.geometry() };
        });
        assert.ok(drawn.replaced, 'the live chart replaced the prerendered one');
        assert.deepEqual(drawn.now.chart, waiting.before, 'at the same size and place');
        assert.deepEqual(drawn.now.after, (await tab.evaluate(() => window.before)).after, 'nothing after it moved');
        const frames = await tab.evaluate(() => window.frames_);
        assert.deepEqual(
          frames.filter((f) => !f.table || !f.chart),
          [],
          'every frame shows the table and a chart',
        );
        assert.deepEqual(errors, []);
        await tab.close();
      } finally {
        await slow.close();
      }
    });
  });
}
