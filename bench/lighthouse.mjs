/**
 * Lighthouse accessibility audit of every demo page, on a phone-sized and a
 * desktop screen, in Debian's Chromium (or CHROME_PATH), offline: the pages
 * are served from this checkout by scripts/serve.mjs (with its strict CSP
 * header) on a free port. Not part of `npm test`: run `npm run lighthouse`
 * (which builds first). Prints a table of scores and every failing audit, and
 * writes each audit's result to bench/lighthouse.json. Exits 1 when a
 * page scores under 100.
 */
import { writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from '../scripts/browser.mjs';
import { freePort, startDemoServer } from '../scripts/demo-server.mjs';
import { ensureBenchPackages } from './lib/install.mjs';

// Lighthouse is one of the benchmark's own packages (bench/package.json), installed on first use.
ensureBenchPackages();
const { default: lighthouse } = await import('lighthouse');
const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');

const pages = [
  ['demo/index.html', 'All widgets and states'],
  ['demo/cms.html', 'In a GOV.UK Frontend page'],
  ['demo/cms-bootstrap.html', 'In a Bootstrap page'],
  ['demo/board-paper.html', 'Board paper (print)'],
  ['demo/briefing.html', 'Councillor briefing (present)'],
  ['demo/embed.html', 'Embed code generator'],
];

const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
  process.exit(1);
}

const server = await startDemoServer();
const debuggingPort = await freePort();
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [...chromeArgs, `--remote-debugging-port=${debuggingPort}`],
});

const rows = [];
const failures = [];
const results = {};
let exitCode = 0;
let chromium = '';
try {
  for (const [path, title] of pages) {
    for (const formFactor of ['mobile', 'desktop']) {
      const url = `${server.base}/${path}`;
      const runner = await lighthouse(
        url,
        { port: debuggingPort, output: 'json', logLevel: 'error', onlyCategories: ['accessibility'] },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = runner.lhr;
      const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
      const audits = lhr.categories.accessibility.auditRefs.map((ref) => lhr.audits[ref.id]);
      const failed = audits.filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0);
      const passed = audits.filter((a) => a.scoreDisplayMode === 'binary' && a.score === 1).length;
      rows.push({ page: path, title, formFactor, score, passed, failed: failed.length });
      results[`${path} ${formFactor}`] = {
        score,
        ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError } : {}),
        audits: Object.fromEntries(
          audits.map((a) => [a.id, a.scoreDisplayMode === 'binary' ? a.score : a.scoreDisplayMode]),
        ),
      };
      if (score < 100) exitCode = 1;
      for (const audit of failed) {
        const items = (audit.details?.items ?? []).map((item) => item.node?.snippet ?? item.node?.selector ?? '');
        failures.push(`${path} (${formFactor}): ${audit.id}: ${audit.title}\n    ${items.slice(0, 5).join('\n    ')}`);
      }
    }
  }
} finally {
  chromium = await browser.version();
  await browser.close();
  server.stop();
}

const version = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version;
console.log(`Lighthouse ${version}, accessibility category, ${chromium}\n`);
console.log('| Page | Screen | Score | Audits passed | Failed |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.title} (\`${r.page}\`) | ${r.formFactor} | ${r.score} | ${r.passed} | ${r.failed} |`);
}
if (failures.length) console.log(`\nFailing audits:\n${failures.join('\n')}`);
await writeFile(
  'bench/lighthouse.json',
  `${JSON.stringify({ lighthouse: version, browser: chromium, rows, results }, null, 2)}\n`,
);
process.exit(exitCode);
