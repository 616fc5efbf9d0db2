/* global document */
/**
 * Scale: our widgets on generated data of growing size, and pages with more
 * and more widgets: render time and JS heap (after a full GC, less the heap
 * of the same page with the bundle loaded and no widget).
 *
 * Also where the time goes: a CPU profile of a page, its samples attributed
 * through the bundle's source map to the package or source folder they ran in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { absoluteSources, contributorOf } from './bundle-size.mjs';
import { heapAfterGc, load } from './chromium.mjs';
import { bundleFile } from './paths.mjs';
import { median, summary } from './stats.mjs';

async function measureOnce(browser, url) {
  const { page, cdp, context, bench } = await load(browser, url, { timeout: 180_000 });
  try {
    const heap = await heapAfterGc(cdp);
    const shadowNodes = await page.evaluate(() => {
      let n = 0;
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          n++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return n;
    });
    return {
      started: bench.started,
      painted: bench.painted,
      render: bench.painted - bench.started,
      heap: heap.used,
      elements: shadowNodes,
    };
  } finally {
    await context.close();
  }
}

async function repeat(browser, url, runs) {
  const all = [];
  for (let r = 0; r < runs; r++) all.push(await measureOnce(browser, url));
  return all;
}

/** Heap of our page with the bundle loaded and no widget. */
export async function baselineHeap(browser, origin, runs = 3) {
  const all = await repeat(browser, `${origin}/page?lib=ours&n=0`, runs);
  return median(all.map((r) => r.heap));
}

export async function measureScale({ browser, origin, cases, pageCases, genDir, runs, baseline, log }) {
  const data = [];
  for (const c of cases) {
    if (!c.scale) continue;
    for (const size of c.scale.sizes) {
      const name = `${c.id}-${size}.json`;
      const envelope = c.scale.generate(size);
      const text = JSON.stringify(envelope);
      await writeFile(join(genDir, name), text);
      const all = await repeat(browser, `${origin}/page?lib=ours&cases=${c.id}&src=/gen/${name}`, runs);
      data.push({
        case: c.id,
        tag: c.tag,
        size,
        unit: c.scale.label,
        rows: envelope.data.length,
        jsonBytes: Buffer.byteLength(text),
        runs: all,
        render: summary(all.map((r) => r.render)),
        painted: summary(all.map((r) => r.painted)),
        heap: median(all.map((r) => r.heap)) - baseline,
        elements: median(all.map((r) => r.elements)),
      });
      log(`  <${c.tag}> ${size} ${c.scale.label}: ${median(all.map((r) => r.render)).toFixed(0)} ms`);
    }
  }
  const widgets = [];
  for (const n of [1, 10, 50]) {
    const all = await repeat(browser, `${origin}/page?lib=ours&cases=${pageCases.join(',')}&n=${n}`, runs);
    widgets.push({
      widgets: n,
      cases: pageCases,
      runs: all,
      render: summary(all.map((r) => r.render)),
      painted: summary(all.map((r) => r.painted)),
      heap: median(all.map((r) => r.heap)) - baseline,
      elements: median(all.map((r) => r.elements)),
    });
    log(`  ${n} widgets: ${median(all.map((r) => r.render)).toFixed(0)} ms`);
  }
  return { baselineHeap: baseline, data, widgets };
}

/**
 * A CPU profile of one load of `url` (sampled every 100 µs), self time by
 * contributor: the frames of our script and its chunks through their source maps, the rest by name:
 * `(program)` is the browser's own work outside JavaScript (parsing, style,
 * layout, paint), `(garbage collector)` is GC. Idle time is left out.
 */
export async function profileLoad(browser, url) {
  const { sourceLookup } = await import('./sourcemap.mjs');
  // The script and every chunk it loads (partnership-widgets/*.js), each through its own source map.
  const chunkDir = join(dirname(bundleFile), 'partnership-widgets');
  const files = [
    bundleFile,
    ...(existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')) : []).map((f) =>
      join(chunkDir, f),
    ),
  ];
  const lookups = new Map(
    files
      .filter((file) => existsSync(`${file}.map`))
      .map((file) => [
        `/dist/${file.slice(dirname(bundleFile).length + 1)}`,
        sourceLookup(absoluteSources(JSON.parse(readFileSync(`${file}.map`, 'utf8')), `${file}.map`)),
      ]),
  );
  let profile;
  const { context, bench } = await load(browser, url, {
    timeout: 180_000,
    setup: async (_page, cdp) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      profile = async () => (await cdp.send('Profiler.stop')).profile;
    },
  });
  const { nodes, samples, timeDeltas } = await profile();
  await context.close();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0)));
  const groups = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id).callFrame;
    let group;
    const lookup = frame.url && lookups.get(new URL(frame.url).pathname);
    if (lookup) {
      const source = lookup(frame.lineNumber, frame.columnNumber);
      group = source ? contributorOf(source) : 'our bundle (position not in the source map)';
    } else if (!frame.url) {
      group = frame.functionName || '(native)';
    } else {
      group = `page script (${frame.url.replace(/^.*\//, '')})`;
    }
    if (group === '(idle)') continue;
    groups.set(group, (groups.get(group) ?? 0) + micros);
    total += micros;
  }
  return {
    url: url.replace(/^https?:\/\/[^/]+/, ''),
    painted: bench.painted,
    totalMs: total / 1000,
    groups: [...groups]
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }))
      .sort((a, b) => b.ms - a.ms),
  };
}
