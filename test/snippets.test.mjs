// Every snippet we show, pasted into a page as a user would: each ```html
// block with a widget in it, in README.md and docs/*.md (a block meant as an
// outline, not for pasting, is fenced ```html not-pasteable and left out;
// anything else with a placeholder fails), and the embed generator's output for
// each widget and each kind of data. A page is served from one origin (the
// council's site, with the strict CSP) and the script from another (the site's
// asset host, "your-site.example" in the README), which sends CORS headers
// (a module script from another origin needs them); the README's root-relative
// data URLs (/data/...) are the repo's data/ files on the page's origin, and
// the generator's data addresses are on the other origin. Each widget must
// show its figures, with no error, no page error and no CSP violation.
// Needs a build (dist/partnership-widgets.js).
/* global document, window -- the callbacks passed to page.evaluate run in the browser */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from '../scripts/browser.mjs';
import { startDemoServer } from '../scripts/demo-server.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TAGS = ['kpi-quarter-table', 'attendance-by-sector', 'training-trend'];
const README_SCRIPT = 'https://your-site.example/js/partnership-widgets.js';

/** The ```html blocks of the README that hold a widget, with the line each starts on. */
export function htmlSnippets(markdown) {
  const blocks = [];
  const re = /^```html\n([\s\S]*?)^```$/gm;
  for (let m; (m = re.exec(markdown));) {
    if (TAGS.some((tag) => m[1].includes(`<${tag}`))) {
      blocks.push({ line: markdown.slice(0, m.index).split('\n').length, html: m[1] });
    }
  }
  return blocks;
}

let assets; // the other origin: the script and data, with CORS
let site; // the council's page
const pages = new Map();
let browser;
let demo;

before(async () => {
  assets = await startStaticServer({
    mounts: { '/js/': join(root, 'dist'), '/data/': join(root, 'data') },
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  site = await startStaticServer({
    pages,
    mounts: { '/data/': join(root, 'data') },
    headers: {
      // The SPEC's policy, with the asset host allowed for scripts and data.
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${assets.origin}; connect-src 'self' ${assets.origin}; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`,
    },
  });
  browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: chromeArgs,
    userDataDir: await mkdtemp(join(tmpdir(), 'pw-snippets-')),
  });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await assets?.close();
  demo?.stop();
});

/** A page with the snippet pasted in its body, as a CMS's HTML field does; the script added if the snippet has none. */
function pageWith(snippet) {
  const script = snippet.includes('partnership-widgets.js')
    ? ''
    : `<script type="module" src="${assets.origin}/js/partnership-widgets.js"></script>\n`;
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Pasted snippet</title>\n${script}</head>\n<body>\n<main>\n<h1>Pasted snippet</h1>\n${snippet}\n</main>\n</body>\n</html>\n`;
}

let pageCount = 0;
/** Serves the HTML, opens it and waits for every widget to settle; returns what each shows. */
async function open(html) {
  const path = `/page-${++pageCount}.html`;
  pages.set(path, html);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => {
    // The browser asks every origin for /favicon.ico; the pages have none.
    if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) {
      problems.push(`console: ${m.text()} ${m.location().url ?? ''}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations = [...(window.__violations ?? []), `${e.violatedDirective}: ${e.blockedURI}`];
    });
  });
  try {
    await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const widgets = [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')];
        return widgets.length > 0 && widgets.every((w) => w.state && w.state !== 'loading');
      },
      { timeout: 20000 },
    );
    const widgets = await page.evaluate(() =>
      [...document.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')].map((w) => {
        const cells = [...w.shadowRoot.querySelectorAll('table td')].map((td) => td.textContent.trim());
        return {
          tag: w.localName,
          state: w.state,
          error: w.shadowRoot.querySelector('[part="error"]')?.textContent.trim().replace(/\s+/g, ' ') ?? null,
          numericCells: cells.filter((c) => /^[+−-]?[\d,]+(\.\d+)?%?$/.test(c)).length,
          marks: w.shadowRoot.querySelectorAll('svg rect, svg path, svg circle').length,
          csv: w.toCSV(),
        };
      }),
    );
    const violations = await page.evaluate(() => window.__violations ?? []);
    return { widgets, problems: [...problems, ...violations] };
  } finally {
    await page.close();
  }
}

/** Every widget shows figures: a table with numbers, or a chart with marks. */
function assertFigures({ widgets, problems }, where) {
  assert.ok(widgets.length > 0, `${where}: no widget`);
  for (const w of widgets) {
    assert.equal(w.state, 'loaded', `${where}: <${w.tag}> is ${w.state}: ${w.error ?? ''}`);
    assert.ok(
      w.numericCells >= 2 || w.marks >= 4,
      `${where}: <${w.tag}> shows no figures (${w.numericCells} numeric cells, ${w.marks} marks)`,
    );
  }
  assert.deepEqual(problems, [], `${where}: problems in the page`);
}

const docs = await readdir(join(root, 'docs')).catch(() => []);
const documents = ['README.md', ...docs.filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('README and docs snippets, pasted', async () => {
  const snippets = [];
  for (const file of documents) {
    for (const s of htmlSnippets(await readFile(join(root, file), 'utf8'))) snippets.push({ file, ...s });
  }
  test('the README has html snippets with widgets in them', () => {
    assert.ok(snippets.filter((s) => s.file === 'README.md').length >= 2, `found ${snippets.length}`);
  });
  for (const { file, line, html } of snippets) {
    test(`${file} line ${line}: ${html
      .split('\n')
      .find((l) => TAGS.some((t) => l.includes(`<${t}`)))
      .trim()}`, async () => {
      const snippet = html.replaceAll(README_SCRIPT, `${assets.origin}/js/partnership-widgets.js`);
      assert.ok(!/[…]/.test(snippet), 'a placeholder (…) in a snippet meant to be pasted');
      assertFigures(await open(pageWith(snippet)), `${file} line ${line}`);
    });
  }
});

/** Inline CSV for each widget, as pasted from a spreadsheet: a byte order mark, Windows line ends, a blank line first. */
const CSV = {
  'kpi-quarter-table':
    'measure,period,value\nreferrals,2021-22 Q1,618\nreferrals,2021-22 Q2,567\nreferrals,2021-22 Q3,554\nreferrals,2021-22 Q4,556\n',
  'attendance-by-sector': null, // data/norfolk-lscg-attendance-2024-25.csv
  'training-trend':
    'measure,period,value\nattendees,2020-21,1630\nevents,2020-21,80\nattendees,2021-22,1949\nevents,2021-22,98\n',
};
const SAMPLE = {
  'kpi-quarter-table': 'leicester-kpis-2021-22.json',
  'attendance-by-sector': 'norfolk-lscg-attendance-2024-25.csv',
  'training-trend': 'llr-training.json',
};
const JSON_SAMPLE = {
  'kpi-quarter-table': 'trafford-referrals-annual.json',
  'attendance-by-sector': 'norfolk-lscg-attendance-2024-25.json',
  'training-trend': 'llr-training.json',
};

describe('embed generator snippets, pasted', async () => {
  for (const tag of TAGS) {
    for (const mode of ['address', 'address on another origin', 'inline JSON', 'inline CSV']) {
      test(`${tag}, data ${mode}: the generator's snippet renders as pasted`, async () => {
        demo ??= await startDemoServer();
        let inline = '';
        if (mode === 'inline JSON') inline = await readFile(join(root, 'data', JSON_SAMPLE[tag]), 'utf8');
        if (mode === 'inline CSV') {
          const csv = CSV[tag] ?? (await readFile(join(root, 'data/norfolk-lscg-attendance-2024-25.csv'), 'utf8'));
          inline = `\uFEFF\r\n${csv.replace(/\n/g, '\r\n')}`;
        }
        const page = await browser.newPage();
        let generated;
        try {
          await page.goto(`${demo.base}/demo/embed.html`, { waitUntil: 'load' });
          generated = await page.evaluate(
            async (tag, mode, inline, src, scriptUrl) => {
              const set = (id, value) => {
                const el = document.getElementById(id);
                el.value = value;
                el.dispatchEvent(new Event('change', { bubbles: true }));
              };
              set('widget', tag);
              set('script-url', scriptUrl);
              const source = document.querySelector(
                `input[name="source"][value="${mode.startsWith('address') ? 'url' : 'inline'}"]`,
              );
              source.checked = true;
              source.dispatchEvent(new Event('change', { bubbles: true }));
              if (mode.startsWith('address')) set('src', src);
              else set('inline', inline);
              const widget = () => document.querySelector('#preview > *');
              for (let i = 0; i < 200 && !['loaded', 'error', 'empty'].includes(widget()?.state); i++) {
                await new Promise((r) => setTimeout(r, 50));
              }
              return {
                snippet: document.getElementById('snippet').textContent,
                state: widget().state,
                csv: widget().toCSV(),
                violations: window.__cspViolations,
                note: document.getElementById('preview-note').hidden
                  ? null
                  : document.getElementById('preview-note').textContent,
              };
            },
            tag,
            mode,
            inline,
            // A sample as the generator offers it (relative), or the council's data host.
            mode === 'address' ? `../data/${SAMPLE[tag]}` : `${assets.origin}/data/${SAMPLE[tag]}`,
            `${assets.origin}/js/partnership-widgets.js`,
          );
        } finally {
          await page.close();
        }
        assert.ok(generated.snippet.includes(`<${tag}`), generated.snippet);
        const pasted = await open(pageWith(generated.snippet));
        assertFigures(pasted, `the ${tag} snippet (${mode})`);
        if (mode === 'address on another origin') {
          // The generator's own page (strict CSP, connect-src 'self') cannot fetch another site's data, so
          // its preview says so; the pasted snippet, on a page that allows that host, shows the figures.
          assert.equal(generated.state, 'error');
          assert.ok(generated.violations.length > 0, "the CSP blocked the preview's request");
          assert.match(
            generated.note ?? '',
            new RegExp(`cannot show ${assets.origin}[^]*connect-src ${assets.origin}`),
          );
        } else {
          assert.equal(generated.state, 'loaded', `the preview: ${generated.state}`);
          assert.deepEqual(generated.violations, []);
          assert.equal(generated.note, null);
          assert.equal(pasted.widgets[0].csv, generated.csv, 'the pasted widget shows what the preview showed');
        }
      });
    }
  }
});

// Inline data as people write it by hand in a CMS's HTML field: on the lines
// after <script>, indented with the markup, with Windows line ends or a byte
// order mark. These need readers that tolerate whitespace, indentation, CRLF
// and a BOM around inline text; they fail with readers that take the blank
// first line as the CSV header (as the README's inline CSV example did).
describe('inline data written by hand renders', () => {
  const rows = [
    'measure,period,value',
    'referrals,2021-22 Q1,618',
    'referrals,2021-22 Q2,567',
    'referrals,2021-22 Q3,554',
    'referrals,2021-22 Q4,556',
  ];
  const json = JSON.stringify(
    {
      title: 'Referrals',
      measures: [{ id: 'referrals', label: 'Referrals' }],
      data: rows.slice(1).map((r) => {
        const [measure, period, value] = r.split(',');
        return { measure, period, value: Number(value) };
      }),
    },
    null,
    2,
  );
  const cases = {
    'CSV on the lines after <script>': `<script type="text/csv">\n${rows.join('\n')}\n</script>`,
    'CSV indented with the markup': `<script type="text/csv">\n${rows.map((r) => `      ${r}`).join('\n')}\n    </script>`,
    'CSV with Windows line ends (CRLF)': `<script type="text/csv">\r\n${rows.join('\r\n')}\r\n</script>`,
    'CSV starting with a byte order mark': `<script type="text/csv">\uFEFF${rows.join('\n')}\n</script>`,
    'CSV with a byte order mark, CRLF and indentation': `<script type="text/csv">\uFEFF\r\n${rows.map((r) => `    ${r}`).join('\r\n')}\r\n  </script>`,
    'JSON indented, with CRLF and a byte order mark': `<script type="application/json">\uFEFF\r\n${json
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\r\n')}\r\n  </script>`,
  };
  for (const [name, script] of Object.entries(cases)) {
    test(name, async () => {
      const pasted = await open(pageWith(`<kpi-quarter-table heading-level="2">\n  ${script}\n</kpi-quarter-table>`));
      assertFigures(pasted, name);
      assert.match(pasted.widgets[0].csv, /2295/, 'the year total of the four quarters');
    });
  }
});
