/**
 * The benchmark's tables, from bench/results.json: plain text for the
 * terminal, Markdown for the README's "Performance" section.
 */
import { kb } from './bundle-size.mjs';
import { markdownTable, markdownText, textTable } from './table.mjs';
import { summary } from './stats.mjs';

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
const range = (s, unit = ' ms') =>
  Number.isFinite(s.median) ? `${Math.round(s.median)}${unit} [${Math.round(s.min)}–${Math.round(s.max)}]` : '—';
const ratio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '—');
const ratioRange = (s) =>
  Number.isFinite(s.median) ? `${ratio(s.median)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]` : '—';
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (n) => n.toLocaleString('en-GB');
/**
 * Issue 18's targets, ours / Chart.js time to figures (median of the per-run ratios), by page id: the
 * table-first page and the chart-first page. (Runs before the pages were named so had no table-first
 * page: their "tables first" page, id `all`, was the default views, and has no target.)
 */
const TARGETS = { tables: 0.5, charts: 1 };
const kbOrDash = (bytes) => (Number.isFinite(bytes) ? kb(bytes) : '—');

const LIB_LABEL = {
  ours: 'partnership-widgets',
  chartjs: 'Chart.js',
  vega: 'vega-embed + vega + vega-lite',
  echarts: 'ECharts',
};

/** Plot and the d3 (and other) modules it brings: the chart engine. */
const PLOT_FAMILY = (name) =>
  name === '@observablehq/plot' || name.startsWith('d3-') || name === 'isoformat' || name === 'interval-tree-1d';

export function tables(results) {
  const out = [];
  const { bytes, time, scale, cpuProfiles, node } = results;

  if (bytes) {
    const base = bytes.ours.gzip;
    const rows = [
      [
        'partnership-widgets: all elements (dist/partnership-widgets.js)',
        kb(bytes.ours.min),
        kb(bytes.ours.gzip),
        kb(bytes.ours.brotli),
        '',
      ],
      ...bytes.entries.map((e) => [`partnership-widgets: <${e.tag}> alone`, kb(e.min), kb(e.gzip), kb(e.brotli), '']),
      ...bytes.peers.map((p) => [
        `${p.label} ${Object.entries(p.versions)
          .map(([k, v]) => `${k}@${v}`)
          .join(' ')}`,
        kb(p.min),
        kb(p.gzip),
        kb(p.brotli),
        ratio(base / p.gzip),
      ]),
    ];
    out.push({
      id: 'bytes',
      title: `Bytes: minified, gzip, brotli (${bytes.compression}); ratio = our whole bundle / the peer, gzip`,
      header: ['Bundle', 'min', 'gzip', 'brotli', 'ours/peer'],
      rows,
    });
    const parts = bytes.contributors;
    const total = parts.reduce((s, c) => s + c.gzip, 0);
    const plot = parts.filter((c) => PLOT_FAMILY(c.name)).reduce((s, c) => s + c.gzip, 0);
    out.push({
      id: 'contributors',
      title: `What dist/partnership-widgets.js is made of (source map; gzip of each part alone). Plot with the d3 modules it brings: ${kb(plot)} of ${kb(total)} (${Math.round((100 * plot) / total)}%)`,
      header: ['Part', 'min', 'gzip', 'share'],
      rows: parts
        .slice(0, 14)
        .map((c) => [c.name, kb(c.min), kb(c.gzip), `${Math.round((100 * c.gzip) / total)}%`])
        .concat(
          parts.length > 14
            ? [
                [
                  `${parts.length - 14} more`,
                  kb(parts.slice(14).reduce((s, c) => s + c.min, 0)),
                  kb(parts.slice(14).reduce((s, c) => s + c.gzip, 0)),
                  '',
                ],
              ]
            : [],
        ),
    });
  }

  const targets = [];
  for (const [profileId, pages] of Object.entries(time ?? {})) {
    if (!pages?.length) continue;
    const rows = [];
    for (const p of pages) {
      const ours = p.runs.ours;
      for (const [lib, runs] of Object.entries(p.runs)) {
        const unsupported = runs.some((r) => r.unsupported?.length);
        const painted = summary(runs.map((r) => r.painted));
        const perRun = lib === 'ours' ? undefined : runs.map((r, i) => ours[i].painted / r.painted);
        const ratios = perRun && summary(perRun);
        const loading =
          lib === 'ours' ? summary(runs.map((r) => r.loading?.painted)) : { median: NaN, min: NaN, max: NaN };
        rows.push([
          p.label,
          LIB_LABEL[lib] + (unsupported ? ' (some cases not drawn)' : ''),
          range(summary(runs.map((r) => r.started))),
          range(summary(runs.map((r) => r.fcp))),
          lib === 'ours' ? range(loading) : 'n/a',
          range(painted),
          range(summary(runs.map((r) => r.charts ?? r.painted))),
          ratios ? `${ratioRange(ratios)} runs: ${perRun.map((v) => v.toFixed(2)).join(' ')}` : '',
          kbOrDash(summary(runs.map((r) => r.transferredBeforeFigures)).median),
          kb(summary(runs.map((r) => r.transferred)).median),
        ]);
        const target = TARGETS[p.page];
        if (lib === 'chartjs' && target && profileId === 'loopback') {
          const met = ratios.median <= target;
          targets.push(
            `${p.label}: time to figures ${ratio(ratios.median)} Chart.js's (median of the per-run ratios ${perRun.map((v) => v.toFixed(2)).join(', ')}); target at most ${target.toFixed(1)}x: ${met ? 'met' : 'NOT met'}`,
          );
        }
      }
    }
    const runs = Object.values(pages[0].runs)[0].length;
    out.push({
      id: `time-${profileId}`,
      title: `Time to figures, ${results.profiles?.[profileId] ?? profileId}: ms from navigation start, median [min–max] of ${runs} runs; ratio per run = ours / peer, figures on screen`,
      header: [
        'Page',
        'Library',
        'library ready',
        'first paint',
        'loading state painted',
        'figures on screen',
        'charts ready',
        'ours/peer (figures; per run)',
        'bytes before figures',
        'bytes in all',
      ],
      rows,
    });
  }
  if (targets.length) {
    out.push({
      id: 'targets',
      title: 'Targets (issue 18): ours / Chart.js, time to figures, loopback',
      header: ['Page and result'],
      rows: targets.map((t) => [t]),
    });
  }

  if (results.prerendered) {
    const { runs: r, cases } = results.prerendered;
    const row = (label, runs, { noScript = false } = {}) => [
      label,
      range(summary(runs.map((x) => x.fcp))),
      noScript ? range(summary(runs.map((x) => x.fcp))) : range(summary(runs.map((x) => x.painted))),
      noScript ? 'no script' : range(summary(runs.map((x) => x.charts ?? x.painted))),
      noScript ? 'n/a' : (summary(runs.map((x) => x.cls)).max ?? NaN).toFixed(4),
      noScript
        ? kb(summary(runs.map((x) => x.transferred)).median)
        : kbOrDash(summary(runs.map((x) => x.transferredBeforeFigures)).median),
      kb(summary(runs.map((x) => x.transferred)).median),
    ];
    out.push({
      id: 'prerendered',
      title: `Prerendered page (render --format html, ${cases.join(' + ')}, 720px): median [min–max] of ${r.ours.length} runs, loopback; figures on screen = first paint with JavaScript off, else the frame after every widget said it rendered; layout shift = the largest cumulative layout shift of any run`,
      header: [
        'Page',
        'first paint',
        'figures on screen',
        'charts ready',
        'layout shift',
        'bytes before figures',
        'bytes in all',
      ],
      rows: [
        row('prerendered, JavaScript off', r.noScript, { noScript: true }),
        row('prerendered, then the script upgrades it', r.prerendered),
        row('partnership-widgets, not prerendered', r.ours),
        row('Chart.js (same figures)', r.chartjs),
      ],
    });
  }

  if (scale) {
    out.push({
      id: 'scale',
      title: `Scale: our widgets on generated data; render = element defined → figures on screen (median [min–max] of ${scale.data[0]?.runs.length ?? 0} runs); JS heap after GC, less the page with no widget (${mb(scale.baselineHeap)})`,
      header: ['Widget', 'size', 'data rows', 'JSON', 'render', 'JS heap', 'DOM elements'],
      rows: [
        ...scale.data.map((d) => [
          `<${d.tag}>`,
          `${count(d.size)} ${d.size === 1 ? d.unit.replace(/^(\w+)s\b/, '$1') : d.unit}`,
          count(d.rows),
          kb(d.jsonBytes),
          range(d.render),
          mb(d.heap),
          count(d.elements),
        ]),
        ...scale.widgets.map((w) => [
          `${w.widgets} widget${w.widgets > 1 ? 's' : ''} on a page (${w.cases.join(', ')} in turn, sample data)`,
          '',
          '',
          '',
          range(w.render),
          mb(w.heap),
          count(w.elements),
        ]),
      ],
    });
  }

  for (const prof of cpuProfiles ?? []) {
    out.push({
      id: `profile-${prof.id}`,
      title: `Where the time goes: ${prof.label} (CPU profile of one load, ${Math.round(prof.totalMs)} ms busy; self time)`,
      header: ['Part', 'self time', 'share'],
      rows: prof.groups.slice(0, 10).map((g) => [g.name, ms(g.ms), `${Math.round(g.share * 100)}%`]),
    });
  }

  if (node?.results) {
    out.push({
      id: 'node',
      title: `partnership-widgets prepare (Node ${results.machine?.node ?? ''}): median of ${node.results[0].runs.length} runs; peak memory = the process's max resident set`,
      header: ['Input', 'rows', 'CSV', 'wall time', 'CPU time', 'peak memory', 'same envelope'],
      rows: node.results.map((r) => [
        r.label,
        count(r.rows),
        r.bytes ? mb(r.bytes) : '',
        ms(r.wallMs),
        ms(r.cpuMs),
        `${Math.round(r.maxRssMB)} MB`,
        r.sameOutput === undefined ? '' : r.sameOutput ? 'yes' : 'NO',
      ]),
    });
  }
  return out;
}

export function machineLine(m) {
  return `${m.date}, ${m.cpu} (${m.nproc} CPUs), ${m.memoryGB} GB RAM, ${m.os}; ${m.chromium}; Node ${m.node}`;
}

/** What went wrong in the run: sections run again after the browser crashed, sections left out. */
export function runNotes(results) {
  const notes = [];
  for (const r of results.retries ?? []) {
    const failed = (results.failed ?? []).some((f) => f.section === r.section);
    notes.push(
      `${r.section}: the browser crashed (${r.error}); a new browser ran the section again${failed ? ', and it failed again' : ', and it completed: its figures above are from that second attempt'}.`,
    );
  }
  for (const f of results.failed ?? []) {
    notes.push(`${f.section}: not measured (${f.error}). The tables above show the sections that completed.`);
  }
  return notes;
}

export function textReport(results) {
  const notes = runNotes(results);
  return [
    ...tables(results).map((t) => `${t.title}\n\n${textTable(t.header, t.rows)}`),
    ...(notes.length ? [`Notes on this run:\n${notes.map((n) => `- ${n}`).join('\n')}`] : []),
  ].join('\n\n');
}

export function markdownReport(results) {
  const notes = runNotes(results);
  return [
    ...tables(results).map((t) => `**${markdownText(t.title)}**\n\n${markdownTable(t.header, t.rows)}`),
    ...(notes.length ? [`Notes on this run:\n\n${notes.map((n) => `- ${markdownText(n)}`).join('\n')}`] : []),
  ].join('\n\n');
}
