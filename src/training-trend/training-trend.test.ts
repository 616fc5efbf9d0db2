import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  csvCells,
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
import {
  allSuppressed,
  LLR_SAMPLE,
  loadedTrainingExamples,
  noFigures,
  noTrainingMeasures,
  twelveYears,
} from './training-trend.examples.js';
import { validateEnvelope } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { describeTrainingFigure } from './figure.js';
import { buildTrainingModel } from './model.js';
import './training-trend.js';
import type { TrainingTrend } from './training-trend.js';

const LLR = LLR_SAMPLE;
const en = messages('en');

const loaded = (src: string | undefined = LLR, attrs: Record<string, string> = {}, data?: unknown) =>
  sharedLoaded('training-trend', src, attrs, data);

/** Waits until the panels have been drawn at the host's measured width and font size. */
async function drawn(el: TrainingTrend) {
  await waitUntil(() => el.shadowRoot!.querySelector('.chart-nav svg'), 'no chart');
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
  }
  return [...el.shadowRoot!.querySelectorAll<SVGSVGElement>('.chart-nav figure svg')];
}

const root = (el: TrainingTrend) => el.shadowRoot!;
const announcer = (el: TrainingTrend) => root(el).querySelector('[part="announcer"]')!.textContent!.trim();
const focused = (el: TrainingTrend) =>
  [...root(el).querySelectorAll('.chart-nav svg .pw-focused[aria-label]')].map((e) => e.getAttribute('aria-label'));
const focusedBands = (el: TrainingTrend) =>
  [...root(el).querySelectorAll('.chart-nav svg g.pw-focus-rings > *')].flatMap((r, i) =>
    r.classList.contains('pw-focused') ? [i] : [],
  );

/** The table: `year|column` → the cell's text, and the change row by column. */
function tableFigures(el: TrainingTrend) {
  const table = root(el).querySelector('[part="table"]')!;
  const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()).slice(1);
  const figures = new Map<string, string>();
  const changes = new Map<string, string>();
  for (const tr of table.querySelectorAll('tbody tr')) {
    const head = tr.querySelector('th')!.textContent!.trim();
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim());
    const year = /^\d{4}-\d{2}/.exec(head)?.[0];
    columns.forEach((c, i) =>
      (year && !tr.classList.contains('changes') ? figures : changes).set(
        year && !tr.classList.contains('changes') ? `${year}|${c}` : c,
        cells[i]!,
      ),
    );
  }
  return { columns, figures, changes };
}

function csvFigures(csv: string) {
  const [header, ...lines] = csv.split('\n').map(csvCells);
  const figures = new Map<string, string>();
  const changes = new Map<string, string>();
  for (const cells of lines) {
    const year = /^\d{4}-\d{2}$/.test(cells[0]!) ? cells[0] : undefined;
    // Keyed by the table's column name: the CSV's rate columns add " (%)".
    header!
      .slice(1)
      .map((c) => c.replace(/ \(%\)$/, ''))
      .forEach((c, i) => (year ? figures.set(`${year}|${c}`, cells[i + 1]!) : changes.set(c, cells[i + 1]!)));
  }
  return { columns: header!.slice(1), figures, changes };
}

/** The CSV writes 1,949 as 1949 and +80 to +90 as 80 to 90 (a leading + is a formula to a spreadsheet). */
/** A figure as the CSV writes it: no thousands separators, no + on a score, rates without the % sign. */
const plain = (s: string) => s.replace(/,(?=\d{3})/g, '').replace(/[+%]/g, '');

/**
 * The figures the chart shows: each mark's accessible label (one per year
 * and panel) read back into attendees, events and evaluation, and the text
 * of the value labels and symbols it writes.
 */
function chartFigures(svgs: SVGSVGElement[]) {
  const figures = new Map<string, string>();
  const written: { year: string; panel: string; text: string }[] = [];
  const ids = ['attendees', 'events', 'evaluation'];
  svgs.forEach((svg, p) => {
    for (const mark of svg.querySelectorAll('g:not(.pw-focus-rings) > [aria-label]')) {
      const label = mark.getAttribute('aria-label')!;
      const [, year, rest] = /^(\d{4}-\d{2}): (.*)$/.exec(label)!;
      const attendees = /\b(\d[\d,]*) attendees?\b|attendees (\[\w+\])/.exec(rest!);
      const events = /\b(\d[\d,]*) events?\b|events (\[\w+\])/.exec(rest!);
      const evaluation = /evaluation score (\[\w+\]|[+\-\d]+(?: to [+\-\d]+)?)/.exec(rest!);
      if (attendees) figures.set(`${year}|attendees`, attendees[1] ?? attendees[2]!);
      if (events) figures.set(`${year}|events`, events[1] ?? events[2]!);
      if (evaluation) figures.set(`${year}|evaluation`, evaluation[1]!);
      if (mark.tagName === 'text') written.push({ year: year!, panel: ids[p]!, text: mark.textContent!.trim() });
    }
    // The latest year's value label has no aria-label of its own: it is the year in the axis's last place.
    for (const t of svg.querySelectorAll('g.pw-labels text')) {
      written.push({ year: 'latest', panel: ids[p]!, text: t.textContent!.trim() });
    }
  });
  return { figures, written };
}

describe('<training-trend> loaded', () => {
  it('draws attendees and events in aligned panels, the evaluation on its own scale, and lists annotations', async () => {
    const { el, outcome } = await loaded();
    expect(outcome.type).to.equal('ready');
    if (outcome.type === 'ready') {
      expect(outcome.detail).to.include({ state: 'loaded', view: 'chart', lang: 'en' });
      expect(outcome.detail.years).to.deep.equal(['2017-18', '2018-19', '2019-20', '2020-21', '2021-22']);
      expect(outcome.detail.panels).to.deep.equal(['attendees', 'events', 'evaluation']);
    }
    expect(el.state).to.equal('loaded');
    const svgs = await drawn(el);
    expect(svgs).to.have.length(3);
    expect([...root(el).querySelectorAll('[part="panel"] figcaption')].map((f) => f.textContent!.trim())).to.deep.equal(
      ['Attendees', 'Training events', 'Evaluation score (−100 to +100)'],
    );
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).to.equal('img');
      // Under its caption, named by its own figures; the summary is read once, after the panels.
      expect(svg.hasAttribute('aria-describedby')).to.equal(false);
      // One y axis per panel.
      expect(svg.querySelectorAll('g[aria-label="y-axis tick label"]').length).to.equal(1);
    }
    expect(svgs[0]!.getAttribute('aria-label')).to.equal(
      '2017-18: 1,180; 2018-19: 1,320; 2019-20: 1,410; 2020-21: 1,630; 2021-22: 1,949',
    );
    // The scale once, in the caption; years in a row with no figure said once.
    expect(svgs[2]!.getAttribute('aria-label')).to.equal(
      '2017-18 to 2019-20: not available; 2020-21: +80 to +90; 2021-22: +80 to +90',
    );
    // The panels share the year axis: the latest year is at the same place in each.
    const x = (e: Element) => {
      const b = e.getBoundingClientRect();
      return b.left + b.width / 2;
    };
    const bar = svgs[0]!.querySelectorAll('g.pw-series-1 rect[aria-label]')[4]!;
    const dot = svgs[1]!.querySelectorAll('g.pw-series-1 circle[aria-label]')[4]!;
    const range = svgs[2]!.querySelectorAll('g.pw-series-1 rect[aria-label]')[1]!;
    expect(x(dot)).to.be.closeTo(x(bar), 1);
    expect(x(range)).to.be.closeTo(x(bar), 1);
    expect(root(el).querySelector('[part="returns"]')!.textContent).to.equal(
      'Based on evaluation returns from 42% of attendees in 2021-22.',
    );
    const annotations = [...root(el).querySelectorAll('[part="annotations"] li')].map((li) => [
      li.getAttribute('value'),
      li.textContent!.trim(),
    ]);
    expect(annotations[0]).to.deep.equal(['1', '2020-21: Training moved online (Covid-19).']);
    expect(annotations[1]![1]).to.match(/^2021-22: Festival of Learning: 43 online sessions/);
    expect(root(el).querySelectorAll('style').length, 'no injected <style>').to.equal(0);
    expect(shadowText(el)).to.contain('ILLUSTRATIVE');
    await expect(el).to.be.accessible();
  });

  it('chart, table, summary and CSV agree on every figure: tested from one example set', async () => {
    for (const example of loadedTrainingExamples.filter((e) => e.readBack)) {
      const { el } = await loaded(example.src, example.attributes, example.data?.());
      const svgs = await drawn(el);
      const table = tableFigures(el);
      const csv = csvFigures(el.toCSV());
      const chart = chartFigures(svgs);
      const title = example.name;

      // Table and CSV: the same columns, every year and column the same figure.
      // The CSV's rate columns say their unit, " (%)", as the table's cells do with their % sign.
      expect(
        csv.columns.map((c) => c.replace(/ \(%\)$/, '')),
        title,
      ).to.deep.equal(table.columns);
      expect(csv.figures.size, title).to.equal(table.figures.size);
      expect(table.figures.size, title).to.be.greaterThan(4);
      for (const [key, shown] of table.figures) {
        expect(csv.figures.get(key), `${title}: CSV ${key}`).to.equal(plain(shown));
        if (!/\d/.test(shown)) expect(shown, `${title}: ${key}`).to.match(/^\[(c|x)\]$/);
      }
      expect(csv.changes, `${title}: change row`).to.deep.equal(new Map([...table.changes].map(([k, v]) => [k, v])));

      // The chart: every year of every panel, as its marks' labels read it, is the table's figure.
      const years = [...new Set([...table.figures.keys()].map((k) => k.split('|')[0]!))];
      const [attendeesCol, eventsCol] = table.columns;
      const evaluationCol = table.columns.find((c) => c.startsWith('Evaluation ('));
      for (const year of years) {
        expect(chart.figures.get(`${year}|attendees`), `${title}: chart attendees ${year}`).to.equal(
          table.figures.get(`${year}|${attendeesCol}`),
        );
        expect(chart.figures.get(`${year}|events`), `${title}: chart events ${year}`).to.equal(
          table.figures.get(`${year}|${eventsCol}`),
        );
        if (evaluationCol) {
          expect(chart.figures.get(`${year}|evaluation`), `${title}: chart evaluation ${year}`).to.equal(
            table.figures.get(`${year}|${evaluationCol}`),
          );
        }
      }
      // What the chart writes: the value labels on the latest year, and the symbols at the gaps.
      const latest = years.at(-1)!;
      const column = { attendees: attendeesCol, events: eventsCol, evaluation: evaluationCol };
      expect(chart.written.length, title).to.be.greaterThan(1);
      for (const w of chart.written) {
        const year = w.year === 'latest' ? latest : w.year;
        expect(w.text, `${title}: ${w.panel} ${year}`).to.equal(
          table.figures.get(`${year}|${column[w.panel as keyof typeof column]}`),
        );
      }

      // The summary's figures are the table's.
      const summary = root(el).querySelector('[part="summary"]')!.textContent!;
      const get = (col: string | undefined) => table.figures.get(`${latest}|${col}`);
      const main = /In (\d{4}-\d{2}), ([\d,]+) people attended ([\d,]+) training events \(about (\d+) per event\)/.exec(
        summary,
      );
      expect(main, `${title}: ${summary}`).to.not.equal(null);
      expect([main![1], main![2], main![3]]).to.deep.equal([latest, get(attendeesCol), get(eventsCol)]);
      expect(Number(main![4])).to.equal(Math.round(Number(get('Attendees per event'))));
      // The lead sentence: the trend in attendance, with the change on the year before as the table has it.
      const change = /^Attendance [^.]*?((?:up|down) [\d.]+%|no change)(?: on (\d{4}-\d{2}))?/.exec(summary);
      if (years.length > 1) {
        expect(change![1], summary).to.equal(table.changes.get(attendeesCol!));
        if (change![2]) expect(change![2]).to.equal(years.at(-2));
      } else expect(change).to.equal(null);
      const cancelled = /(\d+) events? (?:was|were) cancelled|Events cancelled: not available/.exec(summary);
      if (table.columns.includes('Events cancelled')) {
        expect(cancelled![1] ?? '[x]').to.equal(get('Events cancelled'));
      }
      const bookings = /([\d.]+%) of the ([\d,]+) places booked/.exec(summary);
      if (bookings)
        expect([bookings[1], bookings[2]]).to.deep.equal([get('Attendance against bookings'), get('Places booked')]);
      const evaluation = /Evaluation: ([+\-\d]+(?: to [+\-\d]+)?) on a scale[^,.]*(?:, from (\d+%) of attendees)?/.exec(
        summary,
      );
      if (evaluationCol) {
        expect(evaluation![1]).to.equal(get(evaluationCol));
        if (evaluation![2]) expect(evaluation![2]).to.equal(get('Evaluation returns'));
      }
      for (const gap of summary.matchAll(/(\d{4}-\d{2}) (\[\w+\])/g)) {
        expect(gap[2]).to.equal(table.figures.get(`${gap[1]}|${attendeesCol}`));
      }
      el.parentElement!.remove();
    }
  });

  it('draws the figure description: its chart label, panels, titles, names and the note under the evaluation', async () => {
    const { el } = await loaded();
    const svgs = await drawn(el);
    const width = Number(svgs[0]!.getAttribute('width'));
    const dataset = validateEnvelope(await loadJson(LLR));
    const model = buildTrainingModel(dataset, en, 'en', {});
    const figure = describeTrainingFigure(dataset, model, { lang: 'en', width, fontSize: 14, charWidth: 0.6 });
    const nav = root(el).querySelector('.chart-nav')!;
    expect(nav.getAttribute('aria-label')).to.equal(figure.label);
    const panels = [...nav.querySelectorAll('figure.panel')].map((f) => ({
      key: f.getAttribute('data-panel'),
      title: f.querySelector('figcaption')!.textContent!.trim(),
      name: f.querySelector('svg')!.getAttribute('aria-label'),
      note: f.querySelector('[part="returns"]')?.textContent!.trim(),
    }));
    expect(panels).to.deep.equal(figure.panels.map(({ key, title, name, note }) => ({ key, title, name, note })));
    expect(svgs.map((s) => Number(s.getAttribute('width')))).to.deep.equal(figure.panels.map((p) => p.options.width));
  });

  it('switches to the table with the button and with t, and back', async () => {
    const { el } = await loaded();
    await expectToggleToTableAndBack(el, (table) => {
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(
        'Multi-agency safeguarding training: attendees and courses, 2017-18 to 2021-22, by year',
      );
      expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(6);
      const last = [...table.querySelectorAll('tbody tr.changes > *')].map((c) => c.textContent!.trim());
      expect(last.slice(0, 4)).to.deep.equal(['Change on 2020-21', 'up 19.6%', 'up 24.1%', 'down 3.6%']);
      // Annotated years are marked with their number in the table too.
      expect(table.querySelectorAll('tbody th .col-note').length).to.equal(2);
      const region = root(el).querySelector('.scroll')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('tabindex')).to.equal('0');
    });
  });

  it('starts with the table with view="table", sets the heading, and shows fewer years with years', async () => {
    const { el, outcome } = await loaded(LLR, {
      view: 'table',
      years: '3',
      'heading-level': '3',
      heading: 'Training reach',
    });
    expect(el.view).to.equal('table');
    if (outcome.type === 'ready') expect(outcome.detail.years).to.deep.equal(['2019-20', '2020-21', '2021-22']);
    expect(root(el).querySelector('h3')!.textContent!.trim()).to.equal('Training reach');
    expect(root(el).querySelectorAll('[part="table"] tbody tr').length).to.equal(4);
  });
});

describe('<training-trend> keyboard', () => {
  it('is one tab stop; the arrows move across years and panels, announce each and highlight it', async () => {
    const { el } = await loaded();
    await drawn(el);
    const nav = await tabToChart(el);
    expect(nav.querySelectorAll('[tabindex], a[href], button').length, 'nothing else to tab to inside').to.equal(0);
    expect(root(el).getElementById(nav.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'left and right arrow keys to move across the years, up and down to move between the charts',
    );
    expect(root(el).querySelector('[part="announcer"]')!.getAttribute('aria-live')).to.equal('polite');

    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
      return announcer(el);
    };
    // Across the years of the attendees panel.
    // The year and the panel, and the place among the panel's years (not among all 15 marks).
    expect(await press('ArrowRight')).to.equal('2017-18, Attendees: 1,180 attendees, 74 events (1 of 5 years)');
    expect(focused(el)).to.include('2017-18: 1,180 attendees, 74 events');
    expect(focusedBands(el)).to.deep.equal([0]);
    for (let i = 0; i < 4; i++) await press('ArrowRight');
    expect(announcer(el)).to.equal('2021-22, Attendees: 1,949 attendees, 98 events (5 of 5 years)');
    expect(await press('ArrowRight'), 'stays at the last year').to.equal(
      '2021-22, Attendees: 1,949 attendees, 98 events (5 of 5 years)',
    );
    // Down to the same year in the events panel and the evaluation panel.
    expect(await press('ArrowDown')).to.equal('2021-22, Training events: 98 events, 1,949 attendees (5 of 5 years)');
    expect(focused(el)).to.deep.equal(['2021-22: 98 events, 1,949 attendees']);
    expect(focusedBands(el)).to.deep.equal([9]);
    expect(await press('ArrowDown')).to.equal('2021-22, Evaluation score (−100 to +100): +80 to +90 (5 of 5 years)');
    expect(await press('ArrowDown'), 'stays in the last panel').to.contain('2021-22, Evaluation score');
    expect(await press('ArrowLeft')).to.equal('2020-21, Evaluation score (−100 to +100): +80 to +90 (4 of 5 years)');
    expect(await press('Home')).to.equal('2017-18, Evaluation score (−100 to +100): not available (1 of 5 years)');
    expect(focused(el), 'the symbol is highlighted').to.deep.equal(['2017-18: evaluation score [x] (not available)']);
    expect(await press('End')).to.contain('2021-22, Evaluation score');
    expect(await press('ArrowUp')).to.equal('2021-22, Training events: 98 events, 1,949 attendees (5 of 5 years)');
    expect(await press('ArrowUp')).to.equal('2021-22, Attendees: 1,949 attendees, 98 events (5 of 5 years)');
    expect(await press('ArrowUp'), 'stays in the first panel').to.contain('2021-22, Attendees');
    await expect(el).to.be.accessible();
    await expectEscapeThenT(el, nav);
  });

  for (const [name, data, count] of [
    ['the LLR sample', undefined, 15],
    ['a year with every figure suppressed', allSuppressed(), 15],
    ['twelve years', twelveYears(), 36],
  ] as const) {
    it(`reaches every year of every panel and hears its figures: ${name}`, async () => {
      const { el } = await loaded(data ? undefined : LLR, {}, data);
      const svgs = await drawn(el);
      const years = svgs.length ? Number(svgs[0]!.querySelectorAll('g.pw-focus-rings > *').length) : 0;
      expect(years * svgs.length).to.equal(count);
      root(el).querySelector<HTMLElement>('[part="chart"]')!.focus();
      const heard: string[] = [];
      for (let p = 0; p < svgs.length; p++) {
        if (p > 0) await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Home' });
        for (let y = 0; y < years; y++) {
          if (y > 0) await sendKeys({ press: 'ArrowRight' });
          await el.updateComplete;
          const text = announcer(el);
          const n = p * years + y + 1;
          const title = root(el).querySelectorAll('[part="panel"] figcaption')[p]!.textContent!.trim();
          // The year and the panel, and the year's place in the panel.
          expect(text, `panel ${p + 1}, year ${y + 1}`).to.match(
            new RegExp(
              `^\\d{4}-\\d{2}, ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+ \\(${y + 1} of ${years} years\\)$`,
            ),
          );
          const year = text.slice(0, 7);
          // The mark (or the symbol in its place) in that panel, for that year, is highlighted.
          const marks = focused(el);
          expect(marks.length, text).to.be.above(0);
          for (const mark of marks) {
            expect(svgs[p]!.querySelector(`[aria-label="${CSS.escape(mark!)}"]`), mark!).to.not.equal(null);
            expect(
              mark!.startsWith(year) || mark!.includes(` to ${year}`) || mark!.includes(`${year} to `),
              mark!,
            ).to.equal(true);
          }
          expect(focusedBands(el)).to.deep.equal([n - 1]);
          heard.push(text.replace(/ \(\d+ of \d+ years\)$/, ''));
        }
      }
      expect(new Set(heard).size).to.equal(count);
      if (name === 'a year with every figure suppressed') {
        expect(heard).to.include(
          '2019-20, Attendees: attendees [c], events [c] (confidential: withheld to protect people’s privacy)',
        );
        expect(heard).to.include(
          '2019-20, Evaluation score (−100 to +100): confidential: withheld to protect people’s privacy',
        );
      }
    });
  }

  it('a click on a mark takes its year in hand', async () => {
    const { el } = await loaded();
    const svgs = await drawn(el);
    const dot = svgs[1]!.querySelectorAll('g.pw-series-1 circle[aria-label]')[2]!;
    dot.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(announcer(el)).to.equal('2019-20, Training events: 86 events, 1,410 attendees (3 of 5 years)');
    expect(focusedBands(el)).to.deep.equal([7]);
  });
});

describe('<training-trend> hard cases', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [1280, 320]) {
    for (const { name, data } of loadedTrainingExamples.filter((e) => e.data)) {
      it(`${name}, at ${width}px: fits, keeps its text at 12px or more, and is accessible`, async () => {
        await setViewport({ width, height: 900 });
        const { el } = await loaded(undefined, {}, data!());
        const svgs = await drawn(el);
        const host = el.getBoundingClientRect();
        expect(el.scrollWidth, 'nothing spills sideways').to.be.at.most(el.clientWidth + 1);
        for (const svg of svgs) {
          const box = svg.getBoundingClientRect();
          expect(box.width, 'the chart fits its host').to.be.at.most(host.width + 0.5);
          // Drawn at its own size (not scaled down), so its 14px text stays 14px.
          expect(box.width).to.be.closeTo(Number(svg.getAttribute('width')), 0.5);
          for (const t of svg.querySelectorAll('text')) {
            expect(Number.parseFloat(getComputedStyle(t).fontSize), t.textContent!).to.be.at.least(12);
            const b = t.getBoundingClientRect();
            expect(b.left, t.textContent!).to.be.at.least(box.left - 0.5);
            expect(b.right, t.textContent!).to.be.at.most(box.right + 0.5);
          }
          const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) =>
            t.getBoundingClientRect(),
          );
          ticks.forEach((b, i) => {
            if (i > 0) expect(b.left, 'year labels apart').to.be.greaterThan(ticks[i - 1]!.right);
          });
        }
        if (name === 'a year with every measure suppressed') {
          expect(svgs.map((s) => [...s.querySelectorAll('g.pw-symbols text')].map((t) => t.textContent))).to.deep.equal(
            [['[c]'], ['[c]'], ['[c]']],
          );
          expect(shadowText(el)).to.contain('confidential');
        }
        if (name === 'a year with no rows') expect(shadowText(el)).to.contain('where there is no figure: 2019-20 [x]');
        await expectAccessibleInBothViews(el);
      });
    }
  }
});

describe('<training-trend> states', () => {
  it('loading: visible, announced and accessible', async () => {
    await expectLoadingState('training-trend');
  });

  it('loaded: figures shown, accessible in both views', async () => {
    const { el } = await loaded();
    expect(el.state).to.equal('loaded');
    await drawn(el);
    await expect(el).to.be.accessible();
    el.toggleView();
    await elementUpdated(el);
    await expect(el).to.be.accessible();
  });

  it('empty: training measures with no figures say so', async () => {
    await expectEmptyState(await loaded(undefined, {}, noFigures()), 'There are no figures to show.');
  });

  it('error: announced with role=alert and accessible', async () => {
    await expectNotFoundState(await loaded('/faults/status/404'));
  });

  it('error: data with neither attendees nor events says so, and the next widget still renders', async () => {
    const bad = document.createElement('training-trend');
    bad.data = noTrainingMeasures();
    const message =
      'The data has no "attendees" or "events" measure, so there is no training trend to draw. Its measures are: contacts.';
    const outcome = await expectBadBesideGood(bad, message, { src: LLR, figure: '1,949' });
    if (outcome.type === 'error') {
      expect(outcome.detail.kind).to.equal('validation');
      expect(outcome.detail.message).to.equal(message);
    }
  });

  it('stale: a failed refresh keeps the old figures with a note', async () => {
    const { el } = await loaded(`/faults/once/stale-tt-${Date.now()}/llr-training.json`);
    await expectStaleAfterFailedRefresh(el, '1,949', () => drawn(el));
  });
});

describe('<training-trend> in Welsh', () => {
  it('writes every widget string in Welsh when the nearest lang is cy', async () => {
    const el = document.createElement('training-trend');
    el.src = LLR;
    const outcome = settle(el);
    await fixture(html`<div lang="cy">${el}</div>`);
    expect((await outcome).type).to.equal('ready');
    const svgs = await drawn(el);
    expect(root(el).querySelector('[part="toggle"]')!.textContent!.trim()).to.equal('Dangos tabl');
    const text = shadowText(el);
    for (const welsh of [
      '2017-18 i 2021-22, fesul blwyddyn',
      'Mynychwyr',
      'Digwyddiadau hyfforddi',
      'Sgôr gwerthuso (−100 i +100)',
      'Yn 2021-22, mynychodd 1,949 o bobl 98 o ddigwyddiadau hyfforddi (tua 20 fesul digwyddiad)',
      'Yn seiliedig ar ffurflenni gwerthuso gan 42% o’r mynychwyr yn 2021-22.',
      'Wedi’u nodi ar y siart',
      'Defnyddiwch y bysellau saeth chwith a de',
    ]) {
      expect(text).to.contain(welsh);
    }
    expect(svgs[0]!.getAttribute('aria-label')).to.contain('2021-22: 1,949');
    expect(svgs[2]!.getAttribute('aria-label')).to.contain('2017-18 i 2019-20: ddim ar gael');
    root(el).querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(announcer(el)).to.equal('2021-22, Mynychwyr: 1,949 o fynychwyr, 98 o ddigwyddiadau (blwyddyn 5 o 5)');
    await sendKeys({ press: 'Escape' });
    el.view = 'table';
    await elementUpdated(el);
    // Widget strings only: the data's own strings stay as the publisher wrote them.
    const data = await loadJson<{
      title: string;
      publisher: string;
      source: { name: string };
      notes: string[];
      annotations: { text: string }[];
      measures: { label: string; definition?: string }[];
    }>(LLR);
    const dataStrings = [
      data.title,
      data.publisher,
      data.source.name,
      ...data.notes,
      ...data.annotations.map((a) => a.text),
      ...data.measures.flatMap((m) => [m.label, m.definition ?? '']),
    ];
    const widgetText = () => {
      let t = shadowText(el);
      for (const s of dataStrings.sort((x, y) => y.length - x.length)) if (s) t = t.split(s).join(' ');
      return t;
    };
    const widgetOnly = widgetText();
    expect(widgetOnly).to.contain('Blwyddyn');
    expect(widgetOnly).to.contain('Newid ers 2020-21');
    for (const english of [
      'Show',
      'Download',
      'Year',
      'Change on',
      'per event',
      'up 19',
      'Evaluation',
      'Based on',
      'Marked on',
      'Use the',
      'attendees',
      'people attended',
      'Source',
      'Symbols',
      'not available',
    ]) {
      expect(widgetOnly, `English left: ${english}`).not.to.contain(english);
    }
    await expectAccessibleInBothViews(el);
  });
});

describe('<training-trend> print and present', () => {
  afterEach(async () => {
    await emulate({});
  });

  it('prints the panels and the table, without the toolbar', async function () {
    const { el } = await loaded();
    await drawn(el);
    // Firefox over WebDriver BiDi cannot emulate print media: printing is tested in
    // Chromium here and as a real PDF in test/print.test.mjs.
    if (!(await emulate({ media: 'print' }))) this.skip();
    expectPrintLayout(el);
  });

  it('p enlarges the panels for a projector', async () => {
    const { el } = await loaded();
    const [first] = await drawn(el);
    const before = first!.querySelector('g.pw-series-1 rect')!.getBoundingClientRect().height;
    root(el).querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'p' });
    await waitUntil(
      () =>
        (root(el).querySelector('.chart-nav svg g.pw-series-1 rect')?.getBoundingClientRect().height ?? 0) >
        before * 1.4,
      'the bars did not grow',
    );
    expect(el.presenting).to.equal(true);
    // Chart text as large as the body text: 16px at the presenting scale.
    const size = Number.parseFloat(getComputedStyle(root(el).querySelector('.chart-nav svg')!).fontSize);
    expect(size).to.be.closeTo(28, 0.01);
    await expect(el).to.be.accessible();
  });

  it('has a dark palette, still accessible', async () => {
    const { el } = await loaded(LLR, { theme: 'dark' });
    const [first] = await drawn(el);
    expect(getComputedStyle(first!.querySelector('g.pw-series-1 rect')!).fill).to.equal('rgb(143, 195, 239)');
    await expect(el).to.be.accessible();
  });
});
