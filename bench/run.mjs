#!/usr/bin/env node
/* global window, customElements */
/**
 * `npm run bench`: builds, then measures in one run, side by side in headless
 * Chromium on loopback, our widgets against the same figures drawn with
 * Chart.js, vega-embed + vega + vega-lite and ECharts, and prints the tables
 * (bench/results.json keeps every run). See bench/README.md.
 *
 *   node bench/run.mjs [--skip-build] [--quick] [--runs N] [--only bytes,time,prerendered,phone,scale,profile,node]
 *                      [--markdown FILE] [--no-screenshots]
 *   node bench/run.mjs --report [--markdown FILE]   print the tables of bench/results.json again
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CASES, CHART_FIRST, TABLE_FIRST } from './cases.mjs';
import { launch } from './lib/chromium.mjs';
import { ensureBenchPackages } from './lib/install.mjs';
import { measureBytes } from './lib/measure-bytes.mjs';
import { measureNode } from './lib/measure-node.mjs';
import { baselineHeap, measureScale, profileLoad } from './lib/measure-scale.mjs';
import { measurePrerendered, measureTime, PROFILES } from './lib/measure-time.mjs';
import { LIBS, prerenderedMarkup } from './lib/pages.mjs';
import { resultsFile, root, scratchDir } from './lib/paths.mjs';
import { machineLine, markdownReport, textReport } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { writeJson } from './lib/write-json.mjs';

const SECTIONS = ['bytes', 'time', 'prerendered', 'phone', 'scale', 'profile', 'node'];

const { values: opts } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    markdown: { type: 'string' },
    'no-screenshots': { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
  },
});
const only = new Set(opts.only ? opts.only.split(',') : SECTIONS);
for (const s of only)
  if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (${SECTIONS.join(', ')})`);
const runs = {
  time: Number(opts.runs ?? (opts.quick ? 3 : 7)),
  phone: opts.quick ? 2 : 5,
  scale: opts.quick ? 1 : 3,
  node: opts.quick ? 1 : 3,
};

const t0 = performance.now();
const log = (msg) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

function sh(command) {
  const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

async function machine(chromium) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU',
    nproc: Number(sh('nproc')) || cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    os: /PRETTY_NAME="?([^"\n]*)/.exec(osRelease)?.[1] ?? `Linux ${release()}`,
    chromium: chromium ?? 'not run',
    node: process.version,
    commit: `${sh('git rev-parse --short HEAD') || 'unknown'}${sh('git status --porcelain') ? ' (with uncommitted changes)' : ''}`,
  };
}

async function report() {
  const results = JSON.parse(await readFile(resultsFile, 'utf8'));
  console.log(`Measured ${machineLine(results.machine)}; commit ${results.machine.commit}\n`);
  console.log(textReport(results));
  if (opts.markdown) await writeFile(opts.markdown, `${markdownReport(results)}\n`);
}

/**
 * Did the browser go away (crashed, killed, or its connection dropped)? Then a
 * fresh one can run the section again; any other error is the section's own.
 */
function browserGone(error, browser) {
  if (browser && !browser.connected) return true;
  const text = `${error?.name ?? ''}: ${error?.message ?? ''}`;
  return /ConnectionClosedError|TargetCloseError|Target closed|Session closed|Connection closed|Page crashed|browser has disconnected/i.test(
    text,
  );
}

const describe = (error) => `${error?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0]}`;

/**
 * The elements as `partnership-widgets render --format html` writes them (720px wide: the pages'
 * column), for the prerendered page: each element from its page, its figures and data inline.
 */
async function prerender(cases) {
  for (const c of cases) {
    if (prerenderedMarkup.has(c.id)) continue;
    const args = ['bin/partnership-widgets.mjs', 'render', c.tag, '--src', join(root, c.sample), '--width', '720'];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`render ${c.tag} failed: ${r.stderr}`);
    const start = r.stdout.indexOf(`<${c.tag} `);
    const end = r.stdout.lastIndexOf(`</${c.tag}>`);
    if (start < 0 || end < 0) throw new Error(`render ${c.tag}: no element in its page`);
    prerenderedMarkup.set(c.id, r.stdout.slice(start, end + c.tag.length + 3));
  }
}

async function main() {
  if (opts.report) return report();
  ensureBenchPackages(log);
  if (!opts['skip-build']) {
    log('npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const genDir = await mkdtemp(join(tmpdir(), 'pw-bench-data-'));
  const results = { machine: undefined, options: { runs, sections: [...only] }, profiles: {}, retries: [], failed: [] };
  let chromium;

  /**
   * Runs one section. When the browser crashes under it, a new browser runs the section once
   * more (said in the log and the report); a section that fails anyway is left out of the
   * tables, named in the report, and the run goes on, so the tables show what did complete.
   */
  async function section(name, fn, { browser = false } = {}) {
    for (let attempt = 1; ; attempt++) {
      try {
        if (browser && !chromium?.browser.connected) {
          await chromium?.close().catch(() => {});
          chromium = undefined;
          chromium = await launch();
        }
        return await fn(chromium?.browser);
      } catch (error) {
        const gone = browser && browserGone(error, chromium?.browser);
        if (gone && attempt === 1) {
          log(`${name}: the browser crashed (${describe(error)}); starting a new one and running ${name} again, once`);
          results.retries.push({ section: name, error: describe(error) });
          continue; // the next attempt starts a new browser
        }
        log(
          `${name}: failed${attempt > 1 ? ' again after the retry' : ''} (${describe(error)}); left out of the tables`,
        );
        results.failed.push({ section: name, error: describe(error), retried: attempt > 1 });
        return undefined; // a browser that went away is replaced by the next section
      }
    }
  }

  try {
    if (only.has('bytes')) {
      log('bytes: bundling the peers and each element the same way as dist/partnership-widgets.js');
      results.bytes = await section('bytes', () => measureBytes({ cases: CASES, log }));
    }

    const browserSections = ['time', 'prerendered', 'phone', 'scale', 'profile'].filter((s) => only.has(s));
    let peersBundled = Boolean(results.bytes);
    // With --skip-build, the peers' bundles of an earlier run are used again when they are all there.
    const peerFiles = LIBS.filter((lib) => lib !== 'ours').map((lib) => join(scratchDir, 'bundles', `${lib}.js`));
    if (browserSections.length && !peersBundled && opts['skip-build'] && peerFiles.every((f) => existsSync(f))) {
      log('the peers: bundles of an earlier run (--skip-build)');
      peersBundled = true;
    }
    if (browserSections.length && !peersBundled) {
      // The peers' pages need their bundles.
      log('bundling the peers');
      peersBundled = (await section('peers', () => measureBytes({ cases: [], log }).then(() => true))) === true;
    }
    if (browserSections.length && peersBundled) {
      const server = await startServer({ cases: CASES, genDir });
      chromium = await launch();
      log(`${chromium.version} (${chromium.executablePath}), pages on ${server.origin}`);
      try {
        await browserSections_(server);
      } finally {
        await chromium?.close();
        await server.close();
      }
    }

    if (only.has('node')) {
      log(`node: partnership-widgets prepare, ${runs.node} runs each`);
      results.node = await section('node', () => measureNode({ genDir, runs: runs.node, log }));
    }
  } finally {
    await rm(genDir, { recursive: true, force: true });
  }

  async function browserSections_(server) {
    // Which elements does the bundle register? A case whose element is not there yet is left out.
    const defined = await section(
      'probe',
      async (browser) => {
        const probe = await browser.newPage();
        await probe.goto(`${server.origin}/page?lib=ours&n=0`);
        await probe.waitForFunction(() => window.__bench && window.__bench.done);
        // The script loads its elements with import(): wait for them (at most 20 s on a busy machine).
        const tags = await probe.evaluate(
          async (all) => {
            const defined = Promise.all(all.map((t) => customElements.whenDefined(t)));
            await Promise.race([defined, new Promise((resolve) => setTimeout(resolve, 20_000))]);
            return all.filter((t) => customElements.get(t) !== undefined);
          },
          CASES.map((c) => c.tag),
        );
        await probe.close();
        return tags;
      },
      { browser: true },
    );
    if (!defined) return;
    const cases = CASES.filter((c) => defined.includes(c.tag));
    const missing = CASES.filter((c) => !defined.includes(c.tag)).map((c) => `${c.id} (<${c.tag}>)`);
    results.cases = { measured: cases.map((c) => c.id), notInBundle: missing };
    log(
      `cases: ${cases.map((c) => c.id).join(', ')}${missing.length ? `; not in the bundle yet: ${missing.join(', ')}` : ''}`,
    );

    const pageCases = cases.filter((c) => c.page).map((c) => c.id);
    const tableCases = TABLE_FIRST.filter((id) => cases.some((c) => c.id === id));
    const chartCases = CHART_FIRST.filter((id) => cases.some((c) => c.id === id));
    // The table-first page: the three widgets with their tables first (no chart code is needed before
    // their figures). The chart-first page: the same three with their charts first. The three-widget
    // page: each widget in its default view (the KPI table; the attendance and training charts).
    // Peers draw the same figures on every page. Then each case alone (not with --quick).
    const pages = [
      { id: 'tables', label: `table-first page (${tableCases.join(' + ')})`, cases: tableCases },
      { id: 'charts', label: `chart-first page (${chartCases.join(' + ')})`, cases: chartCases },
      { id: 'all', label: `three widgets, default views (${pageCases.join(' + ')})`, cases: pageCases },
      ...cases
        .filter(
          (c) =>
            !opts.quick &&
            !TABLE_FIRST.slice(1).includes(c.id) &&
            (!CHART_FIRST.includes(c.id) || c.id === 'kpi-chart'),
        )
        .map((c) => ({ id: c.id, label: c.label, cases: [c.id] })),
    ];

    if (!opts['no-screenshots']) {
      const dir = join(scratchDir, 'screenshots');
      await mkdir(dir, { recursive: true });
      const done = await section(
        'screenshots',
        async (browser) => {
          for (const p of pages) {
            for (const lib of LIBS) {
              const page = await browser.newPage();
              await page.goto(`${server.origin}/page?lib=${lib}&cases=${p.cases.join(',')}`);
              await page.waitForFunction(() => window.__bench && window.__bench.done, { timeout: 60_000 });
              await page.screenshot({ path: join(dir, `${p.id}-${lib}.png`), fullPage: true });
              await page.close();
            }
          }
          return true;
        },
        { browser: true },
      );
      if (done) log(`screenshots of every page: ${dir}`);
    }

    results.time = {};
    if (only.has('time')) {
      log(`time to figures, loopback: ${runs.time} runs`);
      const loopback = await section(
        'time',
        (browser) =>
          measureTime({
            browser,
            origin: server.origin,
            pages,
            libs: LIBS,
            runs: runs.time,
            profile: PROFILES.loopback,
            log,
          }),
        { browser: true },
      );
      if (loopback) {
        results.time.loopback = loopback;
        results.profiles.loopback = PROFILES.loopback.label;
      }
    }
    if (only.has('prerendered')) {
      log(`prerendered three-widget page (render --format html): ${runs.time} runs`);
      const done = await section(
        'prerendered',
        async (browser) => {
          await prerender(cases.filter((c) => pageCases.includes(c.id)));
          return measurePrerendered({ browser, origin: server.origin, cases: pageCases, runs: runs.time, log });
        },
        { browser: true },
      );
      if (done) results.prerendered = done;
    }
    if (only.has('phone')) {
      log(`time to figures, emulated slow phone: ${runs.phone} runs`);
      const phone = await section(
        'phone',
        (browser) =>
          measureTime({
            browser,
            origin: server.origin,
            pages: pages.slice(0, 1),
            libs: LIBS,
            runs: runs.phone,
            profile: PROFILES.phone,
            log,
          }),
        { browser: true },
      );
      if (phone) {
        results.time.phone = phone;
        results.profiles.phone = PROFILES.phone.label;
      }
    }
    if (only.has('scale')) {
      log(`scale: ${runs.scale} runs each`);
      results.scale = await section(
        'scale',
        async (browser) => {
          const baseline = await baselineHeap(browser, server.origin);
          return measureScale({
            browser,
            origin: server.origin,
            cases,
            pageCases,
            genDir,
            runs: runs.scale,
            baseline,
            log,
          });
        },
        { browser: true },
      );
    }
    if (only.has('profile')) {
      log('CPU profiles');
      const targets = [
        {
          id: 'tables',
          label: `our table-first page with ${tableCases.join(' + ')}`,
          url: `/page?lib=ours&cases=${tableCases.join(',')}`,
        },
        {
          id: 'all',
          label: `our page with ${pageCases.join(' + ')}`,
          url: `/page?lib=ours&cases=${pageCases.join(',')}`,
        },
        ...cases
          .filter((c) => c.scale)
          .map((c) => {
            const n = c.scale.sizes[c.scale.sizes.length - 1];
            return {
              id: `${c.id}-${n}`,
              label: `<${c.tag}> with ${n.toLocaleString('en-GB')} ${c.scale.label}`,
              url: `/page?lib=ours&cases=${c.id}&src=/gen/${c.id}-${n}.json`,
            };
          }),
      ];
      results.cpuProfiles = await section(
        'profile',
        async (browser) => {
          const profiles = [];
          for (const t of targets) {
            if (t.url.includes('/gen/') && !results.scale) continue; // generated by the scale section
            const prof = await profileLoad(browser, server.origin + t.url);
            profiles.push({ id: t.id, label: t.label, ...prof });
          }
          return profiles;
        },
        { browser: true },
      );
    }
  }

  results.machine = await machine(chromium?.version);
  results.elapsedSeconds = Math.round((performance.now() - t0) / 1000);
  await writeJson(resultsFile, results);

  console.log(`\nMeasured ${machineLine(results.machine)}; commit ${results.machine.commit}\n`);
  console.log(textReport(results));
  console.log(`\nEvery run: bench/results.json (${results.elapsedSeconds} s in all).`);
  if (opts.markdown) {
    await writeFile(opts.markdown, `${markdownReport(results)}\n`);
    console.log(`Markdown: ${opts.markdown}`);
  }
  if (results.failed.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
