// `partnership-widgets render`, run as a user would (node bin/...), in Node only: no browser is
// launched. Each element in each format is checked against the element's own model, built here
// from the package's public exports (dist/lib) and the same sample data. Run with
// `node --test test/cli/` after a build.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, root } from './run-cli.mjs';
import { Resvg } from '@resvg/resvg-js';
import { DOMParser } from 'linkedom';

const { buildKpiModel, buildAttendanceModel, buildTrainingModel, validateEnvelope } = await import(
  join(root, 'dist/lib/index.js')
);
const { messages } = await import(join(root, 'dist/lib/core.js'));

async function render(...args) {
  const result = await cli('render', ...args);
  assert.equal(result.code, 0, result.stderr);
  return result;
}

const SERIES_1 = '#12436d';

const ELEMENTS = [
  { name: 'kpi-quarter-table', file: 'data/leicester-kpis-2021-22.json', build: buildKpiModel },
  { name: 'attendance-by-sector', file: 'data/norfolk-lscg-attendance-2024-25.json', build: buildAttendanceModel },
  { name: 'training-trend', file: 'data/llr-training.json', build: buildTrainingModel },
];

const envelopes = new Map();
async function model(element, lang = 'en') {
  if (!envelopes.has(element.file)) {
    envelopes.set(element.file, JSON.parse(await readFile(join(root, element.file), 'utf8')));
  }
  return element.build(validateEnvelope(envelopes.get(element.file)), messages(lang), lang);
}

const isNumber = (value) => typeof value === 'number';

const decode = (text) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

/** The text of some markup: no comments or tags, entities decoded, spaces collapsed. */
const textOf = (markup) =>
  decode(markup.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** Every number in a text ("16,424" and "16424" are the same number). */
const numbersIn = (text) => new Set(text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []);

/** Every figure of the model's CSV (what "Download data (CSV)" saves): its numbers and GSS symbols. */
function csvFigures(csv) {
  const numbers = new Set();
  const symbols = new Set();
  for (const row of csv.slice(1)) {
    for (const cell of row) {
      for (const n of cell.match(/\d+(?:\.\d+)?/g) ?? []) numbers.add(n);
      for (const s of cell.match(/\[[a-z]+\]/g) ?? []) symbols.add(s);
    }
  }
  return { numbers, symbols };
}

/** The SVG parsed strictly (resvg's XML parser rejects anything that is not well-formed), then as a DOM. */
function parseSvg(svg) {
  assert.doesNotThrow(() => new Resvg(svg), 'the SVG is well-formed XML that resvg accepts');
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const el = doc.documentElement;
  assert.equal(el.localName, 'svg');
  return el;
}

/** The marks each element should draw, from its model. */
function expectMarks(element, svg, m) {
  const plots = svg.querySelectorAll('g.pw-plot');
  if (element.name === 'kpi-quarter-table') {
    assert.equal(plots.length, m.rows.length, 'one small chart per measure');
    const bars = m.rows.reduce((n, row) => n + m.chartColumns.filter((i) => isNumber(row.cells[i].value)).length, 0);
    const drawn = svg.querySelectorAll('g.pw-series-1 rect');
    assert.equal(drawn.length, bars, 'a bar for every number charted');
    for (const rect of drawn) assert.equal(rect.parentNode.getAttribute('fill'), SERIES_1);
  } else if (element.name === 'attendance-by-sector') {
    assert.equal(plots.length, 1);
    const latest = m.bars.filter((b) => b.role === 'latest' && isNumber(b.value)).length;
    const previous = m.bars.filter((b) => b.role === 'previous' && isNumber(b.value)).length;
    // (The marks' groups have an aria-label; the hatching's group does not.)
    assert.equal(svg.querySelectorAll('g.pw-plot g.pw-year-latest[aria-label] rect').length, latest);
    assert.equal(svg.querySelectorAll('g.pw-plot g.pw-year-previous[aria-label] rect').length, previous);
    assert.equal(svg.querySelector('g.pw-year-latest[aria-label]').getAttribute('fill'), SERIES_1);
    // The previous year is lighter than the latest (docs/chart-style.md): outlined in the latest year's
    // colour and lightly hatched in it, on the background.
    const group = svg.querySelector('g.pw-year-previous[aria-label]');
    assert.equal(group.getAttribute('fill'), 'url(#pw-hatch)');
    assert.equal(group.getAttribute('stroke'), SERIES_1);
    const pattern = svg.querySelector('pattern#pw-hatch');
    assert.ok(pattern, 'the hatching pattern');
    const fills = [...pattern.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    assert.deepEqual(fills, ['#ffffff', SERIES_1]);
    // The key: a swatch for each year, the previous one hatched like its bars.
    for (const y of m.years) assert.ok(textOf(svg.toString()).includes(y.key));
  } else {
    assert.equal(plots.length, m.has.evaluation ? 3 : 2, 'attendees, events (and evaluation) panels');
    const [attendees, events] = plots;
    const withAttendees = m.years.filter((y) => isNumber(y.attendees.value)).length;
    const withEvents = m.years.filter((y) => isNumber(y.events.value)).length;
    assert.equal(attendees.querySelectorAll('g.pw-series-1 rect').length, withAttendees);
    assert.equal(events.querySelectorAll('g.pw-series-1 circle').length, withEvents);
    assert.ok(events.querySelector('g.pw-series-1 path'), 'the events line');
    for (const a of m.annotations) assert.ok(textOf(svg.toString()).includes(a.text), a.text);
  }
}

/** Decodes an 8-bit RGBA PNG (what resvg writes): width, height and pixels. */
function decodePng(png) {
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  let offset = 8;
  let header;
  const idat = [];
  const chunks = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    chunks.push(type);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], colour: data[9] };
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  assert.equal(chunks[0], 'IHDR');
  assert.equal(header.depth, 8);
  assert.equal(header.colour, 6, 'RGBA');
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = 4;
  const stride = header.width * bpp;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
      let value = line[x];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { ...header, pixels, chunks };
}

const hex = (r, g, b) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

for (const element of ELEMENTS) {
  describe(`render ${element.name}`, () => {
    test('html: the element server-rendered with declarative shadow DOM, table and chart, its data inline, no code', async () => {
      const m = await model(element);
      const { stdout: page } = await render(element.name, '--src', join(root, element.file));
      assert.match(page, /^<!doctype html>/);
      // No code: it must show with JavaScript off. The data rides along for the element's script to read.
      const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)];
      assert.deepEqual(
        scripts.map((s) => s[1]),
        [' type="application/json"'],
      );
      assert.deepEqual(JSON.parse(scripts[0][2]), envelopes.get(element.file));
      assert.match(page, new RegExp(`<${element.name}[^>]*><template shadowroot(mode)?="open"`));
      const shadow = page.slice(page.indexOf('<template'), page.indexOf('</template>'));
      assert.match(shadow, /^<template[^>]*><style>[\s\S]*:host[\s\S]*<\/style>/, 'styles inlined in the shadow root');
      assert.match(shadow, /data-state="loaded"/);
      assert.match(shadow, /aria-busy="false"/);
      // The table, with every figure of the model's CSV in it.
      assert.match(shadow, /<table[^>]*part="table"/);
      const tables = [...shadow.matchAll(/<table[\s\S]*?<\/table>|<div class="separate"[\s\S]*?<\/div>/g)]
        .map((t) => textOf(t[0]))
        .join(' ');
      const shown = numbersIn(tables);
      const { numbers, symbols } = csvFigures(m.csv);
      assert.ok(numbers.size > 10);
      for (const n of numbers) assert.ok(shown.has(n), `${n} is in the table`);
      for (const s of symbols) assert.ok(tables.includes(s), `${s} is in the table`);
      // The chart, drawn by Plot as the element draws it, shown with the table (neither view hidden).
      const chartView = shadow.slice(shadow.indexOf('part="chart-view"'));
      const svgTag = chartView.match(/<svg[^>]*>/)?.[0] ?? '';
      assert.match(svgTag, /class="pw-plot"/);
      assert.match(svgTag, /role="img"/);
      assert.doesNotMatch(shadow, /class="view[^"]*"[^>]*\shidden/);
      // Heading, period, summary and source as text.
      const text = textOf(shadow);
      assert.ok(text.includes(m.period), m.period);
      assert.ok(text.includes(m.summary.join(' ')), 'the summary');
      assert.ok(text.includes('Source:'));
      assert.ok(!text.includes('Loading figures'));
    });

    test('svg: standalone, well-formed, with xmlns, <title>, <desc>, resolved colours and the marks', async () => {
      const m = await model(element);
      const { stdout } = await render(element.name, '--src', join(root, element.file), '--format', 'svg');
      const svg = parseSvg(stdout);
      assert.equal(svg.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
      assert.equal(svg.getAttribute('width'), '720');
      assert.match(svg.getAttribute('font-family'), /, sans-serif$/, 'generic family last');
      const [title, desc] = svg.children;
      assert.equal(title.localName, 'title');
      assert.ok(title.textContent.includes(m.period), title.textContent);
      assert.equal(desc.localName, 'desc');
      assert.equal(desc.textContent, m.summary.join(' '));
      assert.doesNotMatch(stdout, /currentColor|var\(|<style/i, 'no CSS left to resolve');
      expectMarks(element, svg, m);
    });

    test('png: 2x the width asked for, not blank, bars in the theme colour', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pw-render-'));
      const out = join(dir, 'chart.png');
      const { stderr } = await render(
        element.name,
        '--src',
        join(root, element.file),
        '--format',
        'png',
        '--width',
        '600',
        '--out',
        out,
      );
      assert.match(stderr, /1200 × \d+ px \(2x\)/);
      const png = decodePng(await readFile(out));
      assert.equal(png.width, 1200);
      assert.ok(png.chunks.includes('pHYs'), 'pixel density for Word');
      const counts = new Map();
      for (let i = 0; i < png.pixels.length; i += 4) {
        const c = hex(png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      assert.ok(counts.size > 20, `${counts.size} colours`);
      const total = png.width * png.height;
      assert.ok((counts.get('#ffffff') ?? 0) < total * 0.95, 'not all background');
      assert.ok((counts.get(SERIES_1) ?? 0) > total * 0.01, 'bars in --pw-series-1');
      assert.ok((counts.get('#0b0c0c') ?? 0) > 100, 'text in the text colour');
    });

    test('--lang cy: Welsh in the html and the svg', async () => {
      const cy = await model(element, 'cy');
      const en = await model(element, 'en');
      assert.notEqual(cy.period, en.period);
      const html = await render(element.name, '--src', join(root, element.file), '--lang', 'cy');
      assert.match(html.stdout, /<html lang="cy">/);
      const text = textOf(html.stdout);
      assert.ok(text.includes(cy.period), cy.period);
      assert.ok(text.includes(cy.summary.join(' ')));
      assert.ok(text.includes('Ffynhonnell'), 'Source, in Welsh');
      const svg = await render(element.name, '--src', join(root, element.file), '--lang', 'cy', '--format', 'svg');
      const root_ = parseSvg(svg.stdout);
      assert.equal(root_.getAttribute('xml:lang'), 'cy');
      assert.equal(root_.querySelector('desc').textContent, cy.summary.join(' '));
    });
  });
}

describe('render: a rate drawn against its comparators (Trafford, prepared from DfE files)', () => {
  const file = join(root, 'data/trafford-referrals-prepared.json');
  for (const lang of ['en', 'cy']) {
    test(`${lang}: England, the region and the neighbours' median and spread, and Trafford placed in words`, async () => {
      const built = buildKpiModel(validateEnvelope(JSON.parse(await readFile(file, 'utf8'))), messages(lang), lang);
      const rate = built.rows.find((r) => r.measure.id === 'rereferral_rate');
      const { stdout } = await render('kpi-quarter-table', '--src', file, '--lang', lang, '--format', 'svg');
      const svg = parseSvg(stdout);
      // One chart per measure; the rate's has the spread for each of the five years.
      assert.equal(svg.querySelectorAll('g.pw-plot').length, 2);
      for (const part of ['range', 'iqr', 'median']) {
        assert.equal(svg.querySelectorAll(`g.pw-neighbours-${part} line`).length, 5, part);
      }
      assert.equal(svg.querySelectorAll('g.pw-ref-national path').length, 1, 'England');
      assert.equal(svg.querySelectorAll('g.pw-ref-region path').length, 1, 'the region');
      const labels = [...svg.querySelectorAll('g.pw-end-labels text')].map((t) => t.textContent);
      assert.deepEqual(
        labels.sort(),
        ['England', lang === 'en' ? 'median' : 'canolrif', 'North West', 'Trafford 18.0%'].sort(),
      );
      // Colours resolved from the element's styles: England in the text colour, the middle half in the muted grey.
      assert.equal(svg.querySelector('g.pw-ref-national').getAttribute('stroke'), '#0b0c0c');
      assert.equal(svg.querySelector('g.pw-neighbours-iqr').getAttribute('stroke'), '#505a5f');
      // The sentence placing Trafford, under the chart.
      assert.ok(
        rate.placing.startsWith(
          lang === 'en'
            ? 'In 2024-25, Trafford, at 18.0%, is in the lowest quarter'
            : 'Yn 2024-25, mae Trafford, sef 18.0%, yn y chwarter isaf',
        ),
      );
      assert.ok(textOf(stdout).includes(rate.placing), rate.placing);
    });
  }
});

describe('render: options and errors', () => {
  test('--width sets the chart width; --as-at shows the date; --out writes the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-render-'));
    const out = join(dir, 'attendance.svg');
    const { stderr } = await render(
      'attendance-by-sector',
      '--src',
      join(root, 'data/norfolk-lscg-attendance-2024-25.json'),
      '--format',
      'svg',
      '--width',
      '400',
      '--as-at',
      '2025-06-30',
      '--out',
      out,
    );
    assert.match(stderr, /^Wrote .*attendance\.svg: attendance-by-sector as SVG, 400 × \d+ px\./);
    const svg = parseSvg(await readFile(out, 'utf8'));
    assert.equal(svg.getAttribute('width'), '400');
    assert.ok(textOf(svg.toString()).includes('Figures as at 30 June 2025'));
    const html = await render(
      'kpi-quarter-table',
      '--src',
      join(root, 'data/leicester-kpis-2021-22.json'),
      '--as-at',
      '2021-09-29',
    );
    assert.ok(textOf(html.stdout).includes('Figures as at 29 September 2021'));
  });

  test('the status key and the note on provisional and final figures reach the html and the svg', async () => {
    const src = join(root, 'data/leicester-kpis-2021-22.json');
    const html = textOf((await render('kpi-quarter-table', '--src', src)).stdout);
    assert.ok(html.includes('2,295 [p]'), 'the mark beside the figure');
    assert.ok(html.includes('provisional: may change when final figures are published'), 'the key');
    assert.ok(html.includes('9 fewer.'), 'the note on the final figure');
    const svg = textOf((await render('kpi-quarter-table', '--src', src, '--format', 'svg')).stdout);
    assert.ok(svg.includes('[p] provisional: may change when final figures are published'), 'the key in the svg');
  });

  test('reads CSV like the widgets (same reader)', async () => {
    const { stdout } = await render(
      'attendance-by-sector',
      '--src',
      join(root, 'data/norfolk-lscg-attendance-2024-25.csv'),
      '--format',
      'svg',
    );
    parseSvg(stdout);
  });

  test('a bad file exits 1 with the validator’s row message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-render-'));
    const bad = join(dir, 'bad.json');
    const envelope = JSON.parse(await readFile(join(root, 'data/leicester-kpis-2021-22.json'), 'utf8'));
    envelope.data[13].period = '2021-22 Q5';
    await writeFile(bad, JSON.stringify(envelope));
    for (const format of ['html', 'svg']) {
      const result = await cli('render', 'kpi-quarter-table', '--src', bad, '--format', format);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(
        result.stderr,
        /bad\.json: 1 problem:\n {2}Row 14: period "2021-22 Q5" is not a quarter \(Q1 to Q4\)\./,
      );
    }
    const cut = join(dir, 'cut.json');
    await writeFile(cut, '{"title": "Cut');
    const truncated = await cli('render', 'training-trend', '--src', cut);
    assert.equal(truncated.code, 1);
    assert.match(truncated.stderr, /ends too soon/);
  });

  test('unknown element, missing file, data for another element, png without --out: exit 1, clear message', async () => {
    const src = join(root, 'data/llr-training.json');
    const cases = [
      [['pie-chart', '--src', src], /Unknown element "pie-chart"\. Choose one of: kpi-quarter-table/],
      [['training-trend', '--src', join(root, 'no-such-file.json')], /Cannot read .*no-such-file\.json: ENOENT\./],
      [['training-trend'], /render needs --src/],
      [['training-trend', '--src', join(root, 'data/leicester-kpis-2021-22.json')], /no "attendees" or "events"/],
      [['training-trend', '--src', src, '--format', 'png'], /add --out FILE\.png/],
      [['training-trend', '--src', src, '--format', 'pdf'], /--format must be html, svg or png/],
      [['training-trend', '--src', src, '--lang', 'fr'], /--lang must be en .* or cy/],
      [['training-trend', '--src', src, '--width', 'wide'], /--width must be a whole number/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('render', ...args);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
