/* global window, document */
/**
 * What every peer page shares: fetching the same data files our widgets read
 * (one request per URL), turning an envelope into the figures each chart
 * shows (the work our widgets' models do, kept plain), the plain KPI table,
 * and the loop that draws every placeholder and reports it ready.
 *
 * A peer page calls `run({ kpi, 'kpi-chart', attendance })`: one function per
 * case id, `(slot, envelope) => Promise` resolved once the chart has rendered.
 */

const requests = new Map();
/** One request per URL, however many widgets use it (as our loader does). */
export function fetchJSON(url) {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    });
    requests.set(url, request);
  }
  return request;
}

const count = new Intl.NumberFormat('en-GB');
const percent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const symbolOf = (v) => `[${String(v).replace(/^\[|\]$/g, '')}]`;
export const text = (v, kind) =>
  isNumber(v) ? (kind === 'percent' ? `${percent.format(v)}%` : count.format(v)) : symbolOf(v);

/** `2021-22 Q3` → {year: 2021, quarter: 3}; `2021-22` → {year: 2021}. */
function parsePeriod(period) {
  const m = /^(\d{4})[-/](\d{2})(?:\s+Q([1-4]))?$/.exec(String(period).trim());
  return m ? { year: Number(m[1]), quarter: m[3] ? Number(m[3]) : undefined } : undefined;
}
const yearLabel = (y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Rows with no dimension but measure, period and value (the KPI table's rows). */
const plainRows = (envelope) =>
  envelope.data.filter((r) => Object.keys(r).every((k) => k === 'measure' || k === 'period' || k === 'value'));

/**
 * The KPI table: for quarterly data the latest year's quarters and the year
 * total; for annual data the latest five years. Counts sum to the total (a
 * symbol makes the total that symbol); rates are derived from numerator and
 * denominator for every column.
 */
export function kpiTable(envelope) {
  const rows = plainRows(envelope).map((r) => ({ ...r, p: parsePeriod(r.period) }));
  const quarterly = rows.some((r) => r.p && r.p.quarter);
  const startMonth = envelope.yearStartMonth ?? 4;
  let columns;
  if (quarterly) {
    const year = Math.max(...rows.filter((r) => r.p && r.p.quarter).map((r) => r.p.year));
    columns = [1, 2, 3, 4].map((q) => {
      const from = MONTHS[(startMonth - 1 + (q - 1) * 3) % 12];
      const to = MONTHS[(startMonth - 1 + (q - 1) * 3 + 2) % 12];
      return { label: `Q${q}`, note: `${from} to ${to}`, match: (p) => p.year === year && p.quarter === q };
    });
    columns.push({ label: yearLabel(year), note: 'year total', total: true, match: (p) => p.year === year });
  } else {
    const years = [...new Set(rows.filter((r) => r.p).map((r) => r.p.year))].sort((a, b) => a - b).slice(-5);
    columns = years.map((y) => ({ label: yearLabel(y), match: (p) => p.year === y && !p.quarter }));
  }
  const byMeasure = new Map();
  for (const r of rows) {
    if (!r.p) continue;
    let list = byMeasure.get(r.measure);
    if (!list) byMeasure.set(r.measure, (list = []));
    list.push(r);
  }
  const valueOf = (id, column) => {
    const list = (byMeasure.get(id) ?? []).filter((r) => column.match(r.p));
    if (column.total) {
      const stated = list.find((r) => !r.p.quarter);
      if (stated) return stated.value;
      const quarters = list.filter((r) => r.p.quarter);
      if (quarters.length < 4) return 'x';
      const symbol = quarters.find((r) => !isNumber(r.value));
      return symbol ? symbol.value : quarters.reduce((s, r) => s + r.value, 0);
    }
    return list.length ? list[0].value : 'x';
  };
  const measures = envelope.measures.map((m) => {
    const kind = m.numerator || m.unit === 'percent' ? 'percent' : 'count';
    const values = columns.map((c) => {
      if (!m.numerator) return valueOf(m.id, c);
      const n = valueOf(m.numerator, c);
      const d = valueOf(m.denominator, c);
      if (!isNumber(n)) return n;
      if (!isNumber(d)) return d;
      return d === 0 ? 'z' : (n / d) * 100;
    });
    return { id: m.id, label: m.label, kind, values, cells: values.map((v) => text(v, kind)) };
  });
  return { title: envelope.title ?? 'Figures', columns, measures, chartColumns: quarterly ? 4 : columns.length };
}

/** The plain KPI table peers show (no library can draw a table). */
export function drawPlainTable(slot, envelope) {
  const model = kpiTable(envelope);
  const table = document.createElement('table');
  table.className = 'plain-table';
  const caption = table.createCaption();
  caption.textContent = model.title;
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = 'Measure';
  head.append(corner);
  for (const c of model.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.note ? `${c.label} (${c.note})` : c.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const m of model.measures) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = m.label;
    tr.append(th);
    for (const cell of m.cells) tr.insertCell().textContent = cell;
  }
  slot.append(table);
  return Promise.resolve();
}

/** Small multiples: for each measure, its chart columns as `{label, points: [{x, y, text}]}`. */
export function kpiMultiples(envelope) {
  const model = kpiTable(envelope);
  const columns = model.columns.slice(0, model.chartColumns);
  return model.measures.map((m) => ({
    label: m.label,
    points: columns.map((c, i) => ({
      x: c.label,
      y: isNumber(m.values[i]) ? m.values[i] : null,
      text: m.cells[i],
    })),
  }));
}

/** A grid of small figures, one per measure, each with its caption; returns their chart boxes. */
export function multiplesGrid(slot, multiples, make = () => document.createElement('div')) {
  const grid = document.createElement('div');
  grid.className = 'multiples';
  const boxes = multiples.map((m) => {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = m.label;
    const box = make();
    figure.append(caption, box);
    grid.append(figure);
    return box;
  });
  slot.append(grid);
  return boxes;
}

/** Size of one small multiple, as our chart view draws them. */
export const MULTIPLE = { width: 260, height: 170 };
/** Width of the attendance chart (the page's column); height grows with the sectors, as ours does. */
export const attendanceSize = (sectors) => ({ width: 720, height: 40 + 50 * sectors });
export const LATEST = '#12436d';
export const PREVIOUS = '#f46a25';

/**
 * Attendance by sector: the first measure with sector rows, the latest year and
 * the one before, sectors sorted by the latest year (largest first).
 */
export function attendanceModel(envelope) {
  const rows = envelope.data.filter((r) => r.sector !== undefined && r.format === undefined);
  const measure = rows[0]?.measure;
  const mine = rows.filter((r) => r.measure === measure);
  const years = [...new Set(mine.map((r) => parsePeriod(r.period)?.year))].sort((a, b) => b - a).slice(0, 2);
  const sectors = [...new Set(mine.map((r) => r.sector))].map((sector) => {
    const get = (y) => {
      const row = mine.find((r) => r.sector === sector && parsePeriod(r.period)?.year === y);
      return row ? row.value : 'x';
    };
    const [latest, previous] = years.map(get);
    return { sector, latest, previous };
  });
  const rank = (v) => (isNumber(v) ? v : -1);
  sectors.sort((a, b) => rank(b.latest) - rank(a.latest));
  return {
    years: years.map(yearLabel),
    sectors: sectors.map((s) => ({
      ...s,
      latestY: isNumber(s.latest) ? s.latest : null,
      previousY: isNumber(s.previous) ? s.previous : null,
      latestText: text(s.latest),
      previousText: text(s.previous),
    })),
  };
}

/** Sizes of the training trend's three panels, as ours draws them at 720px. */
export const TRAINING = { width: 720, attendees: 205, events: 176, evaluation: 176 };

/**
 * The training trend: one entry per reporting year (the latest 12), attendees,
 * events and the evaluation range (lowest to highest area); a symbol is a gap
 * (`null`) with its text.
 */
export function trainingModel(envelope) {
  const annual = envelope.data.filter((r) => {
    const p = parsePeriod(r.period);
    return p && !p.quarter && Object.keys(r).every((k) => k === 'measure' || k === 'period' || k === 'value');
  });
  const years = [...new Set(annual.map((r) => parsePeriod(r.period).year))].sort((a, b) => a - b).slice(-12);
  const get = (measure, y) => {
    const row = annual.find((r) => r.measure === measure && parsePeriod(r.period).year === y);
    const value = row ? row.value : 'x';
    return { y: isNumber(value) ? value : null, text: text(value) };
  };
  return years.map((y) => ({
    year: yearLabel(y),
    attendees: get('attendees', y),
    events: get('events', y),
    low: get('evaluation_min', y),
    high: get('evaluation_max', y),
  }));
}

/** Three stacked panels with their titles; returns their chart boxes. */
export function trainingPanels(slot, make) {
  const boxes = [];
  for (const [title, height] of [
    ['Attendees', TRAINING.attendees],
    ['Training events', TRAINING.events],
    ['Evaluation score (−100 to +100)', TRAINING.evaluation],
  ]) {
    const figure = document.createElement('figure');
    figure.style.margin = '0 0 16px';
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    caption.style.fontWeight = 'bold';
    const box = make({ width: TRAINING.width, height });
    figure.append(caption, box);
    slot.append(figure);
    boxes.push(box);
  }
  return boxes;
}

/** Draws every placeholder with the peer's function for its case, and reports each when rendered. */
export function run(draw) {
  const start = () => {
    window.benchStarted();
    for (const slot of document.querySelectorAll('[data-case]')) {
      const id = slot.dataset.case;
      // A chart or table view first (`attendance-chart`, `attendance-table`) is the same figures for a
      // peer, which always draws its chart (or, for the KPI table, a plain table).
      const base = /-(chart|table)$/.test(id) ? id.replace(/-(chart|table)$/, '') : undefined;
      const fn = draw[id] ?? (base ? draw[base] : undefined);
      if (!fn) {
        window.benchUnsupported(slot.id, id);
        continue;
      }
      fetchJSON(slot.dataset.src)
        .then((envelope) => fn(slot, envelope))
        .then(
          () => window.benchReady(slot.id),
          (error) => window.benchError(slot.id, error && error.stack ? error.stack : error),
        );
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
