import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import type { PlotOptions } from '@observablehq/plot';
import { loadJson } from '../../test/helpers.js';
import { allSuppressed, LLR_SAMPLE, missingYear, noFigures, oneYear, twelveYears } from './training-trend.examples.js';
import type { FigureLayout } from '../core/figure.js';
import { validateEnvelope } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { drawPlot } from '../core/draw-plot.js';
import { describeTrainingFigure, trainingPanels, yearAxis, type Panel, type TrainingChartOptions } from './figure.js';
import { buildTrainingModel } from './model.js';

function model(data: unknown, lang: 'en' | 'cy' = 'en') {
  return buildTrainingModel(validateEnvelope(data), messages(lang), lang);
}

async function llr() {
  return model(await loadJson(LLR_SAMPLE));
}

/** Draws the options off-screen and returns the SVG, attached so that it has layout. */
function draw(options: PlotOptions): SVGSVGElement {
  const svg = drawPlot(options, { label: 'test' }) as SVGSVGElement;
  document.body.append(svg);
  return svg;
}

function drawAll(data: unknown, options: TrainingChartOptions = { width: 640 }) {
  const panels = trainingPanels(model(data), options);
  return { panels, svgs: panels.map((p) => draw(p.options)) };
}

const panel = (panels: Panel[], id: string) => panels.findIndex((p) => p.id === id);
const texts = (svg: Element, selector: string) => [...svg.querySelectorAll(selector)].map((t) => t.textContent);
/** The centre of an element on screen, across. */
const centre = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.left + box.width / 2;
};
/** Data of a panel's mark, by the mark's Plot type. */
const markData = (p: Panel, type: string) =>
  (p.options.marks as { ariaLabel?: string; data?: unknown }[])
    .filter((m) => m.ariaLabel === type)
    .map((m) => m.data as Record<string, unknown>[]);

describe('training chart', () => {
  afterEach(() => document.querySelectorAll('body > svg').forEach((s) => s.remove()));

  it('has an attendees and an events panel, and an evaluation panel only when the data has it', async () => {
    expect(trainingPanels(await llr()).map((p) => [p.id, p.title])).to.deep.equal([
      ['attendees', 'Attendees'],
      ['events', 'Training events'],
      ['evaluation', 'Evaluation score (−100 to +100)'],
    ]);
    expect(trainingPanels(model(oneYear())).map((p) => p.id)).to.deep.equal(['attendees', 'events', 'evaluation']);
    const noEvaluation = missingYear() as { measures: { id: string }[]; data: { measure: string }[] };
    noEvaluation.measures = noEvaluation.measures.filter((m) => !m.id.startsWith('evaluation'));
    noEvaluation.data = noEvaluation.data.filter((r) => !r.measure.startsWith('evaluation'));
    expect(trainingPanels(model(noEvaluation)).map((p) => p.id)).to.deep.equal(['attendees', 'events']);
    expect(trainingPanels(model(await loadJson(LLR_SAMPLE), 'cy')).map((p) => p.title)).to.deep.equal([
      'Mynychwyr',
      'Digwyddiadau hyfforddi',
      'Sgôr gwerthuso (−100 i +100)',
    ]);
  });

  it('gives every panel exactly one y axis, on the left: never a dual axis', async () => {
    for (const data of [await loadJson(LLR_SAMPLE), twelveYears(), allSuppressed(), oneYear()]) {
      const { panels, svgs } = drawAll(data);
      panels.forEach((p, i) => {
        const svg = svgs[i]!;
        expect(
          Object.keys(p.options).filter((k) => /^(y|fy|y1|y2)$/.test(k)),
          p.id,
        ).to.deep.equal(['y']);
        expect(svg.querySelectorAll('g[aria-label="y-axis tick label"]').length, `${p.id}: y axes`).to.equal(1);
        // The chart style draws no tick dashes: the labels and the light gridlines are enough.
        expect(svg.querySelectorAll('g[aria-label="y-axis tick"]').length, `${p.id}: tick dashes`).to.equal(0);
        // Every y tick label sits left of the plot area.
        const left = svg.getBoundingClientRect().left + p.options.marginLeft!;
        for (const t of svg.querySelectorAll('g[aria-label="y-axis tick label"] text')) {
          expect(t.getBoundingClientRect().right, `${p.id}: ${t.textContent}`).to.be.at.most(left + 0.5);
        }
      });
      svgs.forEach((s) => s.remove());
    }
  });

  it('puts the evaluation on its fixed -100..+100 scale with a zero line, as a range per year', async () => {
    const panels = trainingPanels(await llr(), { width: 640 });
    const evaluation = panels[panel(panels, 'evaluation')]!;
    expect((evaluation.options.y as { domain: number[] }).domain).to.deep.equal([-100, 100]);
    const svg = draw(evaluation.options);
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).to.deep.equal(['−100', '0', '+100']);
    expect(svg.querySelectorAll('g.pw-baseline line').length).to.equal(1);
    const ranges = [...svg.querySelectorAll('g.pw-series-1 rect[aria-label]')];
    expect(ranges.map((r) => r.getAttribute('aria-label'))).to.deep.equal([
      '2020-21: evaluation score +80 to +90 on a scale from −100 to +100',
      '2021-22: evaluation score +80 to +90 on a scale from −100 to +100',
    ]);
    // A 10-point range is drawn tall enough to see (at least 6px on the 160px scale).
    for (const r of ranges) expect(r.getBoundingClientRect().height).to.be.at.least(6);
    expect(texts(svg, 'g.pw-labels text')).to.deep.equal(['+80 to +90']);
    expect(texts(svg, 'g.pw-symbols text')).to.deep.equal(['[x]', '[x]', '[x]']);
  });

  it('lines the years up across the panels: one band x scale, the same margins', async () => {
    const { panels, svgs } = drawAll(await loadJson(LLR_SAMPLE));
    const [attendees, events, evaluation] = svgs as [SVGSVGElement, SVGSVGElement, SVGSVGElement];
    for (const p of panels) {
      expect(p.options.x).to.include({ type: 'band' });
      expect([p.options.width, p.options.marginLeft, p.options.marginRight]).to.deep.equal([
        panels[0]!.options.width,
        panels[0]!.options.marginLeft,
        panels[0]!.options.marginRight,
      ]);
    }
    const bars = [...attendees.querySelectorAll('g.pw-series-1 rect[aria-label]')].map(centre);
    const dots = [...events.querySelectorAll('g.pw-series-1 circle[aria-label]')].map(centre);
    expect(bars).to.have.length(5);
    dots.forEach((x, i) => expect(x).to.be.closeTo(bars[i]!, 1));
    const ranges = [...evaluation.querySelectorAll('g.pw-series-1 rect[aria-label]')].map(centre);
    ranges.forEach((x, i) => expect(x).to.be.closeTo(bars[i + 3]!, 1));
  });

  it('labels the latest year directly, with the figures the table shows', async () => {
    const { svgs } = drawAll(await loadJson(LLR_SAMPLE));
    expect(svgs.map((s) => texts(s, 'g.pw-labels text'))).to.deep.equal([['1,949'], ['98'], ['+80 to +90']]);
    expect(texts(svgs[0]!, 'g[aria-label="x-axis tick label"] text')).to.deep.equal([
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2021-22',
    ]);
  });

  it('breaks the events line at a missing year: null in the data, two segments in the path', () => {
    const panels = trainingPanels(model(missingYear()), { width: 640 });
    const events = panels[panel(panels, 'events')]!;
    const [lineData] = markData(events, 'line');
    expect(lineData!.map((d) => [d.x, d.y])).to.deep.equal([
      ['2017-18', 74],
      ['2018-19', 81],
      ['2019-20', null],
      ['2020-21', 79],
      ['2021-22', 98],
    ]);
    const svg = draw(events.options);
    const d = svg.querySelector('g[aria-label="line"] path')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length, d).to.equal(2);
    // Four points, no dot for the missing year, and the symbol written at the baseline in its place.
    expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).to.equal(4);
    const symbol = svg.querySelector('g.pw-symbols text')!;
    expect(symbol.textContent).to.equal('[x]');
    expect(symbol.getAttribute('aria-label')).to.equal('2019-20: events [x], attendees [x] (not available)');
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')];
    expect(centre(symbol)).to.be.closeTo(centre(ticks[2]!), 1);
  });

  it('writes the symbol at the gap in every panel for a suppressed year, never a bar, dot or range of 0', () => {
    const { panels, svgs } = drawAll(allSuppressed());
    expect(svgs.map((s) => texts(s, 'g.pw-symbols text'))).to.deep.equal([['[c]'], ['[c]'], ['[c]']]);
    expect(svgs.map((s) => s.querySelector('g.pw-symbols text')!.getAttribute('aria-label'))).to.deep.equal([
      '2019-20: attendees [c], events [c] (confidential: withheld to protect people’s privacy)',
      '2019-20: events [c], attendees [c] (confidential: withheld to protect people’s privacy)',
      '2019-20: evaluation score [c] (confidential: withheld to protect people’s privacy)',
    ]);
    for (const svg of svgs) {
      expect(svg.querySelectorAll('[aria-label^="2019-20"]:not(text)').length).to.equal(0);
    }
    expect(svgs[0]!.querySelectorAll('g.pw-series-1 rect[aria-label]').length).to.equal(4);
    const d = svgs[1]!.querySelector('g[aria-label="line"] path')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).to.equal(2);
    // The marks' labels are the panel's labels, in year order, each year once.
    panels.forEach((p, i) => {
      const labelled = [...svgs[i]!.querySelectorAll('g:not(.pw-focus-rings) > [aria-label]')].map((e) =>
        e.getAttribute('aria-label'),
      );
      expect([...new Set(labelled)].sort()).to.deep.equal([...p.labels].sort());
    });
  });

  it('numbers the annotations under their years, below the year labels', async () => {
    const svg = draw(trainingPanels(await llr(), { width: 640 })[0]!.options);
    const markers = [...svg.querySelectorAll('g.pw-annotation text')];
    expect(markers.map((t) => t.textContent)).to.deep.equal(['1', '2']);
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')];
    expect(centre(markers[0]!)).to.be.closeTo(centre(ticks[3]!), 1);
    expect(centre(markers[1]!)).to.be.closeTo(centre(ticks[4]!), 1);
    expect(markers[0]!.getBoundingClientRect().top).to.be.greaterThan(ticks[3]!.getBoundingClientRect().bottom);
    // Inside the SVG: nothing cut off at the bottom.
    const circle = svg.querySelector('g.pw-annotation circle')!;
    expect(circle.getBoundingClientRect().bottom).to.be.at.most(svg.getBoundingClientRect().bottom);
  });

  it('moves neighbouring markers apart where the years are narrower than a marker, each still under its years', async () => {
    // A presenting panel beside two others on a 1280px slide: about 400px at 31.5px text.
    const svg = draw(trainingPanels(await llr(), { width: 400, fontSize: 31.5 })[0]!.options);
    const circles = [...svg.querySelectorAll('g.pw-annotation circle')].map((c) => c.getBoundingClientRect());
    expect(circles).to.have.length(2);
    expect(circles[1]!.left, 'the second marker starts after the first ends').to.be.at.least(circles[0]!.right);
    const numbers = [...svg.querySelectorAll('g.pw-annotation text')];
    expect(numbers.map((t) => t.textContent)).to.deep.equal(['1', '2']);
    // The pair stays centred on its two years (the last two of five: each year's focus band is its place).
    const bands = [...svg.querySelectorAll('g.pw-focus-rings > rect')];
    expect(bands).to.have.length(5);
    const years = (centre(bands[3]!) + centre(bands[4]!)) / 2;
    const pair = (circles[0]!.left + circles[0]!.width / 2 + circles[1]!.left + circles[1]!.width / 2) / 2;
    expect(pair).to.be.closeTo(years, 2);
  });

  it('draws one focus band per year in each panel, in year order, hidden until a year is in hand', async () => {
    const { panels, svgs } = drawAll(twelveYears());
    svgs.forEach((svg) => {
      const rings = svg.querySelectorAll('g.pw-focus-rings > rect');
      expect(rings.length).to.equal(12);
      expect(svg.querySelector('g.pw-focus-rings')!.getAttribute('aria-hidden')).to.equal('true');
    });
    expect(panels.every((p) => p.labels.length === 12)).to.equal(true);
  });

  it('keeps the year labels apart at any width: two lines, then every other year, always the latest', () => {
    expect(yearAxis(['2017-18', '2018-19', '2019-20'], 600, 14)).to.deep.equal({
      lines: 1,
      every: 1,
      ticks: ['2017-18', '2018-19', '2019-20'],
    });
    const twelve = model(twelveYears()).years.map((y) => y.period.key);
    expect(yearAxis(twelve, 680, 14)).to.include({ lines: 2, every: 1 });
    const narrow = yearAxis(twelve, 200, 14);
    expect(narrow.every).to.be.greaterThan(1);
    expect(narrow.ticks.at(-1)).to.equal('2021-22');
    for (const width of [260, 320, 480, 760]) {
      for (const data of [twelveYears(), allSuppressed(), oneYear()]) {
        const { svgs } = drawAll(data, { width });
        for (const svg of svgs) {
          const boxes = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) =>
            t.getBoundingClientRect(),
          );
          const frame = svg.getBoundingClientRect();
          boxes.forEach((b, i) => {
            expect(b.left, `${width}px: inside the chart`).to.be.at.least(frame.left - 0.5);
            expect(b.right, `${width}px: inside the chart`).to.be.at.most(frame.right + 0.5);
            if (i > 0) expect(b.left, `${width}px: labels apart`).to.be.greaterThan(boxes[i - 1]!.right);
          });
          // The direct labels stay inside the chart too.
          for (const t of svg.querySelectorAll('g.pw-labels text')) {
            expect(t.getBoundingClientRect().right, `${width}px: ${t.textContent}`).to.be.at.most(frame.right + 0.5);
          }
        }
        svgs.forEach((s) => s.remove());
      }
    }
  });

  it('writes one symbol for a run of years where the years are too narrow for one each', () => {
    const wide = drawAll(twelveYears(), { width: 760 }).svgs[2]!;
    expect(texts(wide, 'g.pw-symbols text')).to.deep.equal(['[x]', '[x]', '[x]', '[x]', '[x]']);
    const narrow = drawAll(twelveYears(), { width: 272 }).svgs[2]!;
    const symbols = [...narrow.querySelectorAll('g.pw-symbols text')];
    expect(symbols.map((t) => [t.textContent, t.getAttribute('aria-label')])).to.deep.equal([
      ['[x]', '2010-11 to 2014-15: [x]'],
    ]);
    // Centred on the run: over 2012-13, the middle of the five years.
    const bands = [...narrow.querySelectorAll('g.pw-focus-rings > rect')];
    expect(centre(symbols[0]!)).to.be.closeTo(centre(bands[2]!), 1);
  });

  it('draws one year alone: one bar, one point, one range', () => {
    const { svgs } = drawAll(oneYear());
    expect(svgs[0]!.querySelectorAll('g.pw-series-1 rect[aria-label]').length).to.equal(1);
    expect(svgs[1]!.querySelectorAll('g.pw-series-1 circle[aria-label]').length).to.equal(1);
    const range = svgs[2]!.querySelector('g.pw-series-1 rect[aria-label]')!;
    // A single score (low = high) is still drawn, not a rectangle of no height.
    expect(range.getBoundingClientRect().height).to.be.at.least(3);
    expect(range.getAttribute('aria-label')).to.equal('2021-22: evaluation score +85 on a scale from −100 to +100');
    expect(svgs.map((s) => texts(s, 'g.pw-labels text'))).to.deep.equal([['312'], ['14'], ['+85']]);
  });

  it('grows with the font size for presenting', async () => {
    const m = await llr();
    const normal = trainingPanels(m, { width: 720, fontSize: 14 })[1]!.options;
    const big = trainingPanels(m, { width: 720, fontSize: 22 })[1]!.options;
    expect(big.height! / normal.height!).to.be.closeTo(22 / 14, 0.1);
  });
});

describe('training figure description (what the element and render both draw)', () => {
  const layout = { lang: 'en', width: 500, fontSize: 16, charWidth: 0.6 } as const;
  const describe12 = (l: FigureLayout = layout, options = {}) => {
    const data = validateEnvelope(twelveYears());
    const m = buildTrainingModel(data, messages(l.lang), l.lang);
    return { m, f: describeTrainingFigure(data, m, l, options) };
  };

  it('gives the frame, one column of full-width panels, the return rate under the evaluation, annotations as a list', () => {
    const { m, f } = describe12();
    expect(f.title).to.equal('Training: twelve years of figures');
    expect(f.subtitle).to.equal(`${m.period} · An example partnership`);
    expect(f.label).to.equal(`Charts: Training: twelve years of figures, ${m.period}`);
    expect(f.summary).to.equal(m.summary.join(' '));
    expect([f.panelWidth, f.columns, f.gap]).to.deep.equal([500, 1, 0]);
    expect(f.panels.map((p) => [p.key, p.title, p.options.width])).to.deep.equal([
      ['attendees', 'Attendees', 500],
      ['events', 'Training events', 500],
      ['evaluation', 'Evaluation score (−100 to +100)', 500],
    ]);
    // A static SVG has no caption: its name starts with the panel's title.
    for (const p of f.panels) expect(p.label).to.equal(`${p.title}: ${p.name}`);
    expect(f.panels.map((p) => p.note)).to.deep.equal([undefined, undefined, m.returnsText]);
    expect(f.lists).to.deep.equal([
      {
        heading: 'Marked on the chart',
        items: ['1. 2013-14: New multi-agency training programme.', '2. 2020-21: Training moved online (Covid-19).'],
      },
    ]);
    expect(f.symbols.map((s) => s.slice(0, 3))).to.deep.equal(['[x]']);
  });

  it('lays the panels out for the character width and font size it is given', () => {
    const narrow = describe12({ ...layout, charWidth: 0.6 }).f.panels[0]!.options;
    const wide = describe12({ ...layout, charWidth: 0.9 }).f.panels[0]!.options;
    expect(wide.marginLeft).to.be.greaterThan(narrow.marginLeft!);
    const big = describe12({ ...layout, fontSize: 24 }).f.panels[0]!.options;
    expect(big.height).to.be.greaterThan(narrow.height!);
    // Laid out as the panels drawn on their own at that layout.
    const alone = trainingPanels(describe12().m, { width: 500, fontSize: 16, charEm: 0.6 })[0]!.options;
    const box = (o: PlotOptions) => [o.width, o.height, o.marginLeft, o.marginRight, o.marginTop, o.marginBottom];
    expect(box(narrow)).to.deep.equal(box(alone));
  });

  it("takes the page's heading and as-at date, and writes the frame in Welsh", () => {
    const { f } = describe12({ ...layout, lang: 'cy' }, { heading: 'Ein hyfforddiant', asAt: '2022-03-31' });
    expect(f.title).to.equal('Ein hyfforddiant');
    expect(f.asAt).to.contain('2022');
    expect(f.label).to.match(/^Siartiau: Ein hyfforddiant, /);
    expect(f.panels.map((p) => p.title)).to.deep.equal([
      'Mynychwyr',
      'Digwyddiadau hyfforddi',
      'Sgôr gwerthuso (−100 i +100)',
    ]);
    expect(f.lists[0]!.heading).to.equal('Wedi’u nodi ar y siart');
  });

  it('draws no panels when there is nothing to show, and says so', () => {
    const data = validateEnvelope(noFigures());
    const m = buildTrainingModel(data, messages('en'), 'en');
    const f = describeTrainingFigure(data, m, layout);
    expect(f.panels).to.deep.equal([]);
    expect(f.empty).to.equal('There are no figures to show.');
    expect(f.title).to.equal('No training figures yet');
  });
});
