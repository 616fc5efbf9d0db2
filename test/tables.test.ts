// Tables and data that vanishes (issue 17): what a reader sees in the tables of
// all three widgets, and the note naming what a widget leaves out.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { loaded, settle } from './helpers.js';
import { messages } from '../src/core/messages.js';
import { readText } from '../src/core/readers.js';
import { buildKpiModel } from '../src/kpi-quarter-table/model.js';
import '../src/kpi-quarter-table/kpi-quarter-table.js';
import '../src/attendance-by-sector/attendance-by-sector.js';
import '../src/training-trend/training-trend.js';

const SHARED = '/test/fixtures/tables/shared.csv';
const NOT_DRAWN = '/test/fixtures/tables/attendance-measures-not-drawn.json';

type Widget = HTMLElement & { view: string; updateComplete: Promise<unknown>; state: string };

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const notShown = (el: Element) => [...root(el).querySelectorAll('[part~="omitted"] li')].map(text);

async function asTable(el: Widget) {
  el.view = 'table';
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

describe('tables: a CSV shared by two widgets', () => {
  it('the KPI table shows the rows whose sector cell is empty, the attendance chart the rows by sector; each names the other’s', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <kpi-quarter-table src=${SHARED}></kpi-quarter-table>
        <attendance-by-sector src=${SHARED}></attendance-by-sector>
      </div>`,
    );
    const kpi = page.querySelector('kpi-quarter-table') as unknown as Widget;
    const attendance = page.querySelector('attendance-by-sector') as unknown as Widget;
    await Promise.all([kpi, attendance].map((w) => (w.state && w.state !== 'loading' ? undefined : settle(w))));
    expect(kpi.state).to.equal('loaded');
    expect(attendance.state).to.equal('loaded');
    const contacts = [...root(kpi).querySelectorAll('tbody tr')].find(
      (tr) => text(tr.querySelector('th')) === 'Contacts',
    );
    expect([...contacts!.querySelectorAll('td')].map(text)).to.deep.equal(['410', '395', '402', '388', '1,595']);
    await asTable(attendance);
    const police = [...root(attendance).querySelectorAll('tbody tr')].find(
      (tr) => text(tr.querySelector('th')) === 'Police',
    );
    expect([...police!.querySelectorAll('td')].map(text).slice(0, 2)).to.deep.equal(['58', '61']);
    expect(notShown(kpi)).to.deep.equal([
      'Attendances by sector (6 figures): this table shows figures for the area as a whole, not broken down.',
    ]);
    expect(notShown(attendance)).to.deep.equal([]);
    await expect(kpi).to.be.accessible();
    await expect(attendance).to.be.accessible();
  });

  it('a widget with no figures it can draw says so, and names the figures the data has', async () => {
    const { el } = await loaded(
      'attendance-by-sector',
      undefined,
      {},
      'measure,period,value,sector\ncontacts,2024-25,410,\n',
    );
    expect(el.state).to.equal('empty');
    expect(notShown(el)).to.deep.equal([
      'Contacts (1 figure): this widget draws figures by sector, and these have no sector.',
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('tables: measures a widget does not draw', () => {
  it('the attendance widget names another measure by sector, a rate it cannot work out, and rows by area', async () => {
    const { el } = await loaded('attendance-by-sector', NOT_DRAWN);
    expect(el.state).to.equal('loaded');
    expect(notShown(el)).to.deep.equal([
      'Members invited by sector (2 figures): this widget draws one measure by sector, Attendances.',
      'Attendance rate (1 figure): this widget works this figure out from Attendances and Members invited by meeting format, and the data does not give both by format.',
      'Attendances by area (1 figure): this widget shows figures by sector and by meeting format only.',
    ]);
    // The measures it does draw are in its tables: attendances by format and the derived average.
    await asTable(el as unknown as Widget);
    const formats = root(el).querySelector('[part~="formats-table"]')!;
    expect([...formats.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Format',
      'Meetings',
      'Attendances by format',
      'Average attendance per meeting',
    ]);
    await expect(el).to.be.accessible();
  });

  it('the training widget names a measure it does not draw and a breakdown by format', async () => {
    const data = {
      measures: [
        { id: 'attendees', label: 'Attendees' },
        { id: 'events', label: 'Training events' },
        { id: 'waiting_list', label: 'On the waiting list' },
      ],
      data: [
        { measure: 'attendees', period: '2023-24', value: 300 },
        { measure: 'attendees', period: '2024-25', value: 320 },
        { measure: 'events', period: '2024-25', value: 14 },
        { measure: 'attendees', period: '2024-25', value: 200, format: 'online' },
        { measure: 'waiting_list', period: '2024-25', value: 45 },
      ],
    };
    const { el } = await loaded('training-trend', undefined, {}, data);
    expect(el.state).to.equal('loaded');
    const notes = notShown(el);
    expect(notes).to.have.length(2);
    expect(notes[0]).to.equal(
      'Attendees by meeting format (1 figure): this widget shows the partnership’s totals, not broken down.',
    );
    expect(notes[1]).to.match(/^On the waiting list \(1 figure\): this widget draws attendees, events/);
    await expect(el).to.be.accessible();
  });
});

describe('tables: the figures', () => {
  it('a neighbours’ median of a count is shown whole, as published counts are; a rate keeps its decimal', async () => {
    const data = {
      measures: [
        { id: 'referrals', label: 'Referrals' },
        { id: 'rereferral_rate', label: 'Re-referral rate', unit: 'percent' },
      ],
      comparators: [{ area: 'Statistical neighbours (median)', kind: 'neighbours' }],
      data: [
        { measure: 'referrals', period: '2023-24', value: 5100 },
        { measure: 'rereferral_rate', period: '2023-24', value: 20.1 },
        { measure: 'referrals', period: '2023-24', value: 5282.5, area: 'Statistical neighbours (median)' },
        { measure: 'rereferral_rate', period: '2023-24', value: 21.55, area: 'Statistical neighbours (median)' },
      ],
    };
    const { el } = await loaded('kpi-quarter-table', undefined, {}, data);
    const table = root(el).querySelector('[part~="comparison-table"]')!;
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Measure',
      'This area',
      'Neighbours’ median',
      'Position against the neighbours’ median',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(rows[0]!.slice(0, 2)).to.deep.equal(['5,100', '5,283']);
    expect(rows[1]!.slice(0, 2)).to.deep.equal(['20.1%', '21.6%']);
  });

  it('the CSV headers of rates say their unit, since the figures go out without the % sign', async () => {
    const text = await (await fetch('/data/trafford-referrals-prepared.json')).text();
    const model = buildKpiModel(readText(text, 'json'), messages('en'), 'en');
    expect(model.csv.slice(1).map((row) => row[0])).to.deep.equal(['Referrals', 'Re-referrals (%)']);
  });
});

/** Each table's columns: the header cell over each body cell's alignment. */
function misaligned(table: HTMLTableElement): string[] {
  const found: string[] = [];
  const headerRow = [...table.tHead!.rows].at(-1)!;
  const spans = [...table.tHead!.rows].length > 1;
  const headers = [...headerRow.cells].filter((c) => c.colSpan === 1);
  const offset = spans ? 1 : 0; // a rowspan header (the first column) sits in the row above
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      if (row.cells.length === 1) continue; // a group heading across the table
      headers.forEach((th, i) => {
        const cell = row.cells[i + offset];
        if (!cell) return;
        const a = getComputedStyle(th).textAlign;
        const b = getComputedStyle(cell).textAlign;
        const norm = (x: string) => (x === 'start' ? 'left' : x === 'end' ? 'right' : x);
        if (norm(a) !== norm(b)) found.push(`${text(th)}: header ${a}, cell ${b} (${text(cell)})`);
      });
    }
  }
  return found;
}

describe('tables: layout', () => {
  const cases: [keyof HTMLElementTagNameMap, string][] = [
    ['kpi-quarter-table', '/data/leicester-kpis-2021-22.json'],
    ['kpi-quarter-table', '/data/trafford-referrals-prepared.json'],
    ['attendance-by-sector', '/data/norfolk-lscg-attendance-2024-25.json'],
    ['training-trend', '/data/llr-training.json'],
  ];
  for (const [tag, src] of cases) {
    it(`${tag} (${src}): no header is aligned against its cells`, async () => {
      const { el } = await loaded(tag, src);
      await asTable(el as unknown as Widget);
      const tables = [...root(el).querySelectorAll('table')];
      expect(tables.length).to.be.greaterThan(0);
      for (const table of tables) expect(misaligned(table)).to.deep.equal([]);
    });
  }

  it('at 360 px no label breaks inside a word', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      for (const [tag, src] of cases) {
        const { el } = await loaded(tag, src);
        await asTable(el as unknown as Widget);
        for (const th of root(el).querySelectorAll('th')) {
          const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const value = node.nodeValue ?? '';
            // A break at a hyphen ("Re-/referrals") is between words; inside a word it is not.
            for (const match of value.matchAll(/[^\s-]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              // A word drawn on two lines has two boxes.
              const lines = new Set(
                [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
              );
              expect(lines.size, `"${match[0]}" in ${tag}`).to.be.at.most(1);
            }
          }
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('at 360 px a table that scrolls sideways says so and names the columns off-screen, and follows the scroll', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const { el } = await loaded('kpi-quarter-table', '/data/leicester-kpis-2021-22.json');
      await asTable(el as unknown as Widget);
      const box = root(el).querySelector<HTMLElement>('.scroll')!;
      const cue = () => box.previousElementSibling as HTMLElement;
      await waitUntil(() => cue()?.classList.contains('scroll-cue') && !cue().hidden, 'no scroll cue');
      expect(text(cue())).to.match(/^Scroll sideways for: .*2021-22 year total →$/);
      expect(cue().getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      box.scrollLeft = box.scrollWidth;
      await waitUntil(() => text(cue()).startsWith('← Scroll back for: '), 'the cue did not follow the scroll');
      expect(text(cue())).to.contain('Q1 Apr to Jun');
      expect(text(cue())).not.to.contain('2021-22 year total');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('at 1280 px a table that fits has no cue', async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      const { el } = await loaded('attendance-by-sector', '/data/norfolk-lscg-attendance-2024-25.json');
      await asTable(el as unknown as Widget);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const cue of root(el).querySelectorAll<HTMLElement>('.scroll-cue')) expect(cue.hidden).to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
