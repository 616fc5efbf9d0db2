import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  attendanceExample,
  attendanceExamples,
  edgeCases,
  LONG_SECTOR,
  NORFOLK,
  NORFOLK_CSV,
} from './attendance-by-sector.examples.js';
import {
  csvCells,
  drawn,
  emulate,
  expectAccessibleInBothViews,
  expectBadBesideGood,
  expectEmptyState,
  expectEscapeThenT,
  expectLoadingState,
  expectNotFoundState,
  expectPrintLayout,
  expectStaleAfterFailedRefresh,
  expectToggleToTableAndBack,
  loaded as sharedLoaded,
  loadJson,
  settle,
  shadowText,
  tabToChart,
} from '../../test/helpers.js';
import './attendance-by-sector.js';
import type { AttendanceBySector } from './attendance-by-sector.js';

const loaded = (src: string | undefined = NORFOLK, attrs: Record<string, string> = {}, data?: unknown) =>
  sharedLoaded('attendance-by-sector', src, attrs, data);

const root = (el: AttendanceBySector) => el.shadowRoot!;
const announcer = (el: AttendanceBySector) => root(el).querySelector('[part="announcer"]')!.textContent!.trim();
const focused = (el: AttendanceBySector) =>
  [...root(el).querySelectorAll('.chart-nav svg .pw-focused[aria-label]')].map((e) => e.getAttribute('aria-label'));

/** Every figure, by sector and year, as each view shows it. */
function tableFigures(el: AttendanceBySector): Map<string, string> {
  const table = root(el).querySelector('[part="table"]')!;
  const years = [...table.querySelectorAll('thead tr:nth-child(2) th')]
    .map((th) => /^\s*(\d{4}-\d{2})/.exec(th.textContent!)?.[1])
    .filter((t): t is string => t !== undefined);
  const figures = new Map<string, string>();
  for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
    const sector = tr.querySelector('th')!.textContent!.trim();
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim());
    years.forEach((year, i) => figures.set(`${sector}|${year}`, cells[i]!));
  }
  return figures;
}

function chartFigures(svg: SVGSVGElement): Map<string, string> {
  const figures = new Map<string, string>();
  for (const text of svg.querySelectorAll('g.pw-labels text, g.pw-symbols text')) {
    const label = text.getAttribute('aria-label')!;
    const match = /^(.*), (\d{4}-\d{2}): /.exec(label)!;
    expect(label, 'the label names the value shown').to.contain(text.textContent!.trim());
    figures.set(`${match[1]}|${match[2]}`, text.textContent!.trim());
  }
  return figures;
}

function csvFigures(csv: string): Map<string, string> {
  const lines = csv.split('\n');
  const header = csvCells(lines[0]!);
  const figures = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line === '') break;
    const cells = csvCells(line);
    header.forEach((name, i) => {
      const year = /, (\d{4}-\d{2}) \(/.exec(name)?.[1];
      if (year) figures.set(`${cells[0]}|${year}`, cells[i]!);
    });
  }
  return figures;
}

describe('<attendance-by-sector> loaded', () => {
  it('draws grouped bars coloured by year, with a legend above and a label on every bar', async () => {
    const { el, outcome } = await loaded();
    expect(outcome.type).to.equal('ready');
    if (outcome.type === 'ready') {
      expect(outcome.detail).to.include({ state: 'loaded', view: 'chart', measure: 'attendances', year: '2024-25' });
      expect(outcome.detail.previousYear).to.equal('2023-24');
      expect(outcome.detail.sectors).to.have.length(9);
      expect(outcome.detail.formats).to.deep.equal(['online', 'face-to-face']);
    }
    expect(el.state).to.equal('loaded');
    const svg = await drawn(el);
    const legend = root(el).querySelector('[part="legend"]')!;
    expect(legend.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      '2024-25 (latest year)',
      '2023-24 (previous year)',
    ]);
    const latest = svg.querySelectorAll('g.pw-year-latest rect[aria-label]');
    const previous = svg.querySelectorAll('g.pw-year-previous rect[aria-label]');
    expect(latest.length).to.equal(9);
    expect(previous.length).to.equal(9);
    expect(latest[0]!.getAttribute('aria-label')).to.equal('Schools and education, 2024-25: 71 attendances');
    expect(svg.getAttribute('role')).to.equal('img');
    // Inside the group the caption names: the image says what it is, and the summary after it is read once.
    expect(svg.getAttribute('aria-label')).to.equal('Bar chart: attendances by sector');
    expect(svg.hasAttribute('aria-describedby')).to.equal(false);
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.contain('Attendances fell to 348 in 2024-25');
    // Latest year above previous in each group.
    expect(latest[0]!.getBoundingClientRect().top).to.be.lessThan(previous[0]!.getBoundingClientRect().top);
    expect(root(el).querySelectorAll('style').length, 'no injected <style>').to.equal(0);
    expect(shadowText(el)).to.contain('Counted separately');
    expect(shadowText(el)).to.contain('The figures by sector and by meeting format are illustrative');
    await expect(el).to.be.accessible();
  });

  it('the chart, table, summary and CSV show the same figures for every sector and year', async () => {
    for (const data of [await loadJson(NORFOLK), edgeCases()]) {
      const { el } = await loaded(undefined, {}, data);
      const svg = await drawn(el);
      const table = tableFigures(el);
      const chart = chartFigures(svg);
      const csv = csvFigures(el.toCSV());
      const sectorCells = [...table].filter(([key]) => !key.startsWith('Total|'));
      expect(sectorCells.length).to.be.greaterThan(8);
      expect(new Map(sectorCells)).to.deep.equal(chart);
      expect(csv.size).to.equal(table.size);
      for (const [key, shown] of table) {
        // The CSV holds plain digits: 1,234 in the table is 1234 there.
        expect(csv.get(key), `CSV ${key}`).to.equal(shown.replace(/,/g, ''));
      }
      // Every figure the summary names is the table's: the total and the sectors it names.
      const summary = root(el).querySelector('[part="summary"]')!.textContent!;
      const total = table.get('Total|2024-25')!;
      if (!total.startsWith('[')) {
        expect(
          [`${total} in 2024-25`, `stood at ${total}`].some((s) => summary.includes(s)),
          summary,
        ).to.equal(true);
      }
      for (const match of summary.matchAll(/from ([^.]+?) \((?:up|down) \d+, to (\d+)\)/g)) {
        expect(table.get(`${match[1]}|2024-25`), match[0]).to.equal(match[2]);
      }
      el.parentElement!.remove();
    }
  });

  it('switches to the table with the button and with t, and back', async () => {
    const { el } = await loaded();
    await expectToggleToTableAndBack(el, (table) => {
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(
        'Attendance at Local Safeguarding Children Group meetings, 2024-25 compared with 2023-24, by sector',
      );
      expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(9);
      const total = [...table.querySelectorAll('tfoot th, tfoot td')].map((c) =>
        c.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(total).to.deep.equal(['Total', '348', '372', '▼down 24 (6.5%)']);
    });
  });

  it('shows meetings, attendances and the average per meeting by format', async () => {
    const { el } = await loaded();
    const formats = root(el).querySelector('[part="formats-table"]')!;
    expect(formats.querySelector('caption')!.textContent!.trim()).to.equal('By meeting format');
    const rows = [...formats.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()),
    );
    expect(rows.slice(0, 4)).to.deep.equal([
      ['2024-25'],
      ['Online', '12', '186', '15.5'],
      ['Face to face', '18', '162', '9.0'],
      ['All meetings', '30', '348', '11.6'],
    ]);
  });

  it('keeps data order with sort="data" and reads tidy CSV', async () => {
    const { el } = await loaded(NORFOLK_CSV, { sort: 'data', view: 'table' });
    const first = root(el).querySelector('[part="table"] tbody th')!.textContent!.trim();
    expect(first).to.equal("Children's Services");
    expect(el.view).to.equal('table');
    await expect(el).to.be.accessible();
  });

  it('sets the heading level and text', async () => {
    const { el } = await loaded(NORFOLK, { 'heading-level': '3', heading: 'Who came to the LSCGs' });
    expect(root(el).querySelector('h3')!.textContent!.trim()).to.equal('Who came to the LSCGs');
  });
});

describe('<attendance-by-sector> keyboard', () => {
  it('is one tab stop; the arrow keys reach every bar, highlight it and announce it', async () => {
    const { el } = await loaded();
    await drawn(el);
    const nav = await tabToChart(el);
    expect(root(el).getElementById(nav.getAttribute('aria-describedby')!)!.textContent).to.contain('arrow keys');
    const live = root(el).querySelector('[part="announcer"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');

    const heard: string[] = [];
    for (let i = 0; i < 18; i++) {
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      heard.push(announcer(el));
      const label = heard[i]!.replace(/ \(sector \d of 9\)$/, '');
      expect(focused(el), `bar ${i + 1} highlighted`).to.include(label);
      const ring = root(el).querySelectorAll('.chart-nav svg g.pw-focus-rings > rect')[i]!;
      expect(ring.classList.contains('pw-focused')).to.equal(true);
    }
    expect(heard[0]).to.equal('Schools and education, 2024-25: 71 attendances (sector 1 of 9)');
    expect(heard[1]).to.equal('Schools and education, 2023-24: 58 attendances (sector 1 of 9)');
    expect(heard[16]).to.equal('Probation, 2024-25: 0 attendances (sector 9 of 9)');
    expect(heard[17]).to.equal('Probation, 2023-24: 7 attendances (sector 9 of 9)');
    expect(new Set(heard).size).to.equal(18);

    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(announcer(el)).to.contain('Schools and education, 2024-25: 71 attendances (sector 1 of 9)');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(announcer(el)).to.contain('Schools and education, 2024-25: 71 attendances (sector 1 of 9)');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(announcer(el)).to.contain('Probation, 2023-24: 7 attendances (sector 9 of 9)');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(announcer(el)).to.contain('Probation, 2024-25: 0 attendances (sector 9 of 9)');
    await expect(el).to.be.accessible();
    await expectEscapeThenT(el, nav);
  });

  it('hears symbols too, and a click takes a bar in hand', async () => {
    const { el } = await loaded(undefined, {}, edgeCases());
    const svg = await drawn(el);
    const nav = root(el).querySelector<HTMLElement>('[part="chart"]')!;
    nav.focus();
    const heard: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      heard.push(announcer(el));
    }
    expect(heard).to.include(
      'Police, 2024-25: [c], confidential: withheld to protect people’s privacy (sector 5 of 6)',
    );
    expect(heard).to.include('Housing, 2024-25: [x], not available (sector 6 of 6)');
    const bar = svg.querySelector<SVGRectElement>('g.pw-year-latest rect[aria-label^="Health"]')!;
    bar.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(announcer(el)).to.equal('Health, 2024-25: 42 attendances (sector 1 of 6)');
  });
});

describe('<attendance-by-sector> colours', () => {
  const twoYears = (from: number) => ({
    title: `From ${from}`,
    measures: [{ id: 'attendances' }],
    data: [from, from + 1].map((y) => ({
      measure: 'attendances',
      period: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
      sector: 'Health',
      value: y - 2000,
    })),
  });

  it('two widgets give the same year role the same colour, from the shared palette', async () => {
    const a = document.createElement('attendance-by-sector');
    const b = document.createElement('attendance-by-sector');
    a.data = twoYears(2023); // 2024-25 latest, 2023-24 previous
    b.data = twoYears(2022); // 2023-24 latest, 2022-23 previous
    const outcomes = [settle(a), settle(b)];
    const host = await fixture<HTMLElement>(html`<div>${a}${b}</div>`);
    await Promise.all(outcomes);
    const colours = async (el: AttendanceBySector) => {
      const svg = await drawn(el);
      const latest = getComputedStyle(svg.querySelector('g.pw-year-latest rect[aria-label]')!);
      const previous = getComputedStyle(svg.querySelector('g.pw-year-previous rect[aria-label]')!);
      const swatches = [...root(el).querySelectorAll('.swatch')].map((s) => getComputedStyle(s).borderTopColor);
      return { latest: latest.fill, previous: previous.stroke, hatched: previous.fill, swatches };
    };
    const ca = await colours(a);
    const cb = await colours(b);
    expect(ca.latest).to.equal('rgb(18, 67, 109)');
    // The previous year lighter in the same hue: outlined in the latest year's blue, lightly hatched.
    expect(ca.previous).to.equal('rgb(18, 67, 109)');
    expect(ca.hatched).to.match(/^url\("?#pw\d+-hatch"?\)$/);
    expect(ca.swatches).to.deep.equal(['rgb(18, 67, 109)', 'rgb(18, 67, 109)']);
    expect({ ...cb, hatched: '' }).to.deep.equal({ ...ca, hatched: '' });
    // 2023-24 is the previous year in one and the latest in the other: the role decides, not the year.
    expect(root(a).querySelector('g.pw-year-previous rect[aria-label]')!.getAttribute('aria-label')).to.contain(
      '2023-24',
    );
    expect(root(b).querySelector('g.pw-year-latest rect')!.getAttribute('aria-label')).to.contain('2023-24');
    // One custom property on the page re-colours the latest year in both.
    host.style.setProperty('--pw-series-1', '#000000');
    expect((await colours(a)).latest).to.equal('rgb(0, 0, 0)');
    expect((await colours(b)).latest).to.equal('rgb(0, 0, 0)');
  });

  it('has a dark palette', async () => {
    const { el } = await loaded(NORFOLK, { theme: 'dark' });
    const svg = await drawn(el);
    expect(getComputedStyle(svg.querySelector('g.pw-year-latest rect')!).fill).to.equal('rgb(143, 195, 239)');
    expect(getComputedStyle(svg.querySelector('.pw-hatch-ground')!).fill).to.equal('rgb(11, 12, 12)');
    await expect(el).to.be.accessible();
  });
});

describe('<attendance-by-sector> hard cases', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [1280, 320]) {
    it(`a sector missing from a year, a suppressed value and an 80-character name, at ${width}px`, async () => {
      await setViewport({ width, height: 900 });
      const { el } = await loaded(undefined, {}, edgeCases());
      const svg = await drawn(el);
      const hostBox = el.getBoundingClientRect();
      const svgBox = svg.getBoundingClientRect();
      expect(svgBox.width, 'the chart fits its host').to.be.at.most(hostBox.width + 0.5);
      expect(el.scrollWidth, 'nothing spills sideways').to.be.at.most(el.clientWidth + 1);
      // The long name is wrapped onto lines that stay inside the chart.
      const long = [...svg.querySelectorAll('g.pw-sector-labels text')].find((t) =>
        t.textContent!.replace(/-/g, '').startsWith('Voluntary'),
      )!;
      expect(long.querySelectorAll('tspan').length).to.be.greaterThan(1);
      expect(long.textContent!.replace(/\s+/g, '')).to.equal(LONG_SECTOR.replace(/\s+/g, ''));
      const box = long.getBoundingClientRect();
      expect(box.left).to.be.at.least(svgBox.left - 0.5);
      expect(box.right).to.be.at.most(svgBox.right + 0.5);
      if (width === 320) {
        // Narrow: names above their bars.
        const firstBar = svg.querySelector('g.pw-year-latest rect')!.getBoundingClientRect();
        const firstName = svg.querySelector('g.pw-sector-labels text')!.getBoundingClientRect();
        expect(firstName.bottom).to.be.at.most(firstBar.top + 0.5);
      }
      // A suppressed value is its symbol at the baseline, never a bar of 0.
      expect(svg.querySelector('rect[aria-label^="Police, 2024-25"]')).to.equal(null);
      const symbols = [...svg.querySelectorAll('g.pw-symbols text')].map((t) => t.textContent);
      expect(symbols).to.deep.equal(['[x]', '[c]', '[x]']);
      const text = shadowText(el);
      expect(text).to.contain('confidential');
      expect(text).to.contain('There is no figure for Housing in 2024-25.');
      await expectAccessibleInBothViews(el);
    });
  }
});

describe('<attendance-by-sector> states', () => {
  it('loading: visible, announced and accessible', async () => {
    await expectLoadingState('attendance-by-sector');
  });

  it('empty: a year with no figures says so', async () => {
    await expectEmptyState(await loaded(NORFOLK, { year: '2019-20' }), 'There are no figures for 2019-20.');
  });

  it('error: announced with role=alert and accessible', async () => {
    await expectNotFoundState(await loaded('/faults/status/404'));
  });

  it('stale: a failed refresh keeps the old figures with a note', async () => {
    const { el } = await loaded(`/faults/once/stale-att-${Date.now()}/norfolk-lscg-attendance-2024-25.json`);
    await expectStaleAfterFailedRefresh(el, '348', () => drawn(el));
  });
});

describe('<attendance-by-sector> bad input', () => {
  const cases: [string, Readonly<Record<string, string>>, () => Promise<unknown>, string][] = [
    [
      'a measure not in the data',
      attendanceExample('unknown-measure').attributes,
      () => loadJson(NORFOLK),
      'The measure attribute names "attendees"',
    ],
    [
      'an unknown sort',
      attendanceExample('unknown-sort').attributes,
      () => loadJson(NORFOLK),
      'The sort attribute should be "value" or "data", but is "size".',
    ],
    [
      'a year that is not a year',
      { year: 'this year' },
      () => loadJson(NORFOLK),
      'The year "this year" is not a reporting year',
    ],
    [
      'a row with a bad period',
      {},
      async () => {
        const good = (await loadJson(NORFOLK)) as { data: Record<string, unknown>[] };
        good.data[4] = { ...good.data[4], period: '2024-25 Q5' };
        return good;
      },
      'Row 5: period "2024-25 Q5" is not a quarter (Q1 to Q4).',
    ],
  ];
  for (const [name, attrs, data, message] of cases) {
    it(`${name}: a specific message, widget-error, and the next widget still renders`, async () => {
      const bad = document.createElement('attendance-by-sector');
      for (const [k, v] of Object.entries(attrs)) bad.setAttribute(k, v);
      bad.data = await data();
      await expectBadBesideGood(bad, message, { src: NORFOLK, figure: '348' });
    });
  }
});

describe('<attendance-by-sector> in Welsh', () => {
  it('writes every widget string in Welsh when the nearest lang is cy', async () => {
    const el = document.createElement('attendance-by-sector');
    el.src = NORFOLK;
    const outcome = settle(el);
    await fixture(html`<div lang="cy">${el}</div>`);
    expect((await outcome).type).to.equal('ready');
    await drawn(el);
    expect(root(el).querySelector('[part="toggle"]')!.textContent!.trim()).to.equal('Dangos tabl');
    const text = shadowText(el);
    for (const welsh of [
      '2024-25 (y flwyddyn ddiweddaraf)',
      'o’i gymharu â 2023-24, fesul sector',
      'Yn ôl fformat y cyfarfod',
      'Wyneb yn wyneb',
      'Wedi’u cyfrif ar wahân',
      'Ni chofnodwyd presenoldeb gan Probation yn 2024-25.',
      'Defnyddiwch y bysellau saeth',
    ]) {
      expect(text).to.contain(welsh);
    }
    // Widget strings only: the data's own strings stay as the publisher wrote them.
    const data = await loadJson<{
      title: string;
      measures: { label: string; definition?: string }[];
      notes: string[];
      source: { name: string };
      publisher: string;
      data: { sector?: string }[];
    }>(NORFOLK);
    let widgetText = text;
    for (const s of [
      data.title,
      data.publisher,
      data.source.name,
      ...data.notes,
      ...data.measures.flatMap((m) => [m.label, m.definition ?? '']),
      ...data.data.map((r) => r.sector ?? ''),
    ].sort((x, y) => y.length - x.length)) {
      if (s) widgetText = widgetText.split(s).join(' ');
    }
    for (const english of [
      'Show',
      'Download',
      'latest year',
      'previous year',
      'compared with',
      'by sector',
      'Total',
      'Online',
      'Face to face',
      'All meetings',
      'Counted separately',
      'That is',
      'largest',
      'Use the arrow',
    ]) {
      expect(widgetText, `English left: ${english}`).not.to.contain(english);
    }
    await expect(el).to.be.accessible();
  });
});

describe('<attendance-by-sector> print and present', () => {
  afterEach(async () => {
    await emulate({});
  });

  it('prints the chart and the table, without the toolbar', async function () {
    const { el } = await loaded();
    await drawn(el);
    // Firefox over WebDriver BiDi cannot emulate print media: printing is tested in
    // Chromium here and as a real PDF in test/print.test.mjs.
    if (!(await emulate({ media: 'print' }))) this.skip();
    expectPrintLayout(el);
  });

  it('p enlarges the chart for a projector', async () => {
    const { el } = await loaded();
    const before = (await drawn(el)).querySelector('g.pw-year-latest rect')!.getBoundingClientRect().height;
    root(el).querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'p' });
    await waitUntil(
      () =>
        (root(el).querySelector('.chart-nav svg g.pw-year-latest rect')?.getBoundingClientRect().height ?? 0) >
        before * 1.4,
      'the bars did not grow',
    );
    expect(el.presenting).to.equal(true);
    // Chart text as large as the body text: 16px at the presenting scale.
    const size = Number.parseFloat(getComputedStyle(root(el).querySelector('.chart-nav svg')!).fontSize);
    expect(size).to.be.closeTo(28, 0.01);
  });
});

describe('<attendance-by-sector> every example', () => {
  for (const example of attendanceExamples) {
    it(`${example.name}: ${example.state}, with a clear message or figures, and accessible`, async () => {
      const { el, outcome } = await loaded(example.src, example.attributes, example.data?.());
      expect(outcome.type).to.equal(example.state === 'error' ? 'error' : 'ready');
      const state = root(el).querySelector('[part="base"]')!.getAttribute('data-state');
      expect(state).to.equal(example.state);
      if (example.state === 'loaded') await drawn(el);
      else expect(shadowText(el).trim()).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  }
});
