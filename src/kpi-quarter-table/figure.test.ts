import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { loadJson, settle, shadowText, wcagViolations } from '../../test/helpers.js';
import { CHAR_EM } from '../core/chart-size.js';
import { validateEnvelope } from '../core/contract.js';
import type { FigureLayout } from '../core/figure.js';
import { messages, type Lang } from '../core/messages.js';
import { drawPlot } from '../core/draw-plot.js';
import { describeKpiFigure } from './figure.js';
import './kpi-quarter-table.js';
import type { KpiQuarterTable } from './kpi-quarter-table.js';
import { kpiExamples, type KpiExample } from './kpi-quarter-table.examples.js';
import { buildKpiModel } from './model.js';

async function envelope(e: KpiExample): Promise<unknown> {
  return e.data ? e.data() : loadJson(e.src!);
}

async function describe_(e: KpiExample, layout: Partial<FigureLayout> = {}) {
  const lang: Lang = layout.lang ?? 'en';
  const dataset = validateEnvelope(await envelope(e));
  const model = buildKpiModel(dataset, messages(lang), lang, e.attrs ?? {});
  return describeKpiFigure(dataset, model, { lang, width: 900, fontSize: 14, charWidth: CHAR_EM, ...layout });
}

/** The element, `width` px wide, showing an example in its chart view. */
async function shown(e: KpiExample, width: number) {
  const el = document.createElement('kpi-quarter-table') as KpiQuarterTable;
  for (const [k, v] of Object.entries({ ...e.attrs, view: 'chart' })) el.setAttribute(k, v);
  const outcome = settle(el);
  if (e.src) el.src = e.src;
  else el.data = e.data!();
  const host = await fixture<HTMLElement>(html`<div style="width: ${width}px">${el}</div>`);
  await outcome;
  await elementUpdated(el);
  return { el, host };
}

/** Each bar's width and height, in drawing order. */
function bars(svg: Element): { width: number; height: number }[] {
  return [...svg.querySelectorAll('g.pw-series-1 rect')].map((r) => ({
    width: Number(r.getAttribute('width')),
    height: Number(r.getAttribute('height')),
  }));
}

describe('kpi figure: one description for the element and render', () => {
  it('lays small multiples out in a grid that fills the width, a gap of 1.5 em apart', async () => {
    const figure = await describe_(kpiExamples.leicester, { width: 900 });
    expect(figure.panels.map((p) => p.key).slice(0, 3)).to.deep.equal([
      'contacts',
      'contacts_nfa',
      'contacts_nfa_rate',
    ]);
    expect(figure.gap).to.equal(21);
    expect(figure.columns).to.be.greaterThan(1);
    expect(figure.panelWidth * figure.columns + figure.gap * (figure.columns - 1)).to.be.within(
      900 - figure.columns,
      900,
    );
    expect(figure.title).to.equal("Children's social care activity in Leicester");
    expect(figure.label).to.equal("Children's social care activity in Leicester, 2021-22, by quarter");
    // Each panel is named by its figures, with the status mark said in words once.
    expect(figure.panels.find((p) => p.key === 'referrals')!.label).to.equal(
      'Q1 (Apr to Jun): 618 [p] (provisional); Q2 (Jul to Sep): 567 [p]; Q3 (Oct to Dec): 554 [p]; Q4 (Jan to Mar): 556 [p]',
    );
  });

  it('narrower than one chart, draws horizontal bars at the width there is (render did not)', async () => {
    const figure = await describe_(kpiExamples.traffordAnnual, { width: 288 });
    expect([figure.columns, figure.panelWidth]).to.deep.equal([1, 288]);
    const svg = drawPlot(figure.panels[0]!.options, { label: figure.panels[0]!.label });
    const drawn = bars(svg);
    expect(drawn).to.have.length(5);
    // Horizontal bars: one height, widths that follow the figures.
    expect(new Set(drawn.map((b) => b.height)).size).to.equal(1);
    expect(new Set(drawn.map((b) => b.width)).size).to.be.greaterThan(1);
    expect(Number(svg.getAttribute('width'))).to.equal(288);
  });

  it('the element draws the description it is given: the same grid, panels and bars', async () => {
    for (const width of [288, 900]) {
      const { el } = await shown(kpiExamples.traffordAnnual, width);
      const charts = el.shadowRoot!.querySelector<HTMLElement>('.charts')!;
      const svgs = [...charts.querySelectorAll('svg.pw-plot')].filter((s) => s.parentElement!.closest('svg') === null);
      const fontSize = parseFloat(getComputedStyle(svgs[0]!).fontSize) || 14;
      const figure = await describe_(kpiExamples.traffordAnnual, { width, fontSize });
      expect(Number(charts.dataset.columns), `columns at ${width}px`).to.equal(figure.columns);
      expect(getComputedStyle(charts).columnGap).to.equal(`${figure.gap}px`);
      expect(svgs.map((s) => s.getAttribute('aria-label'))).to.deep.equal(figure.panels.map((p) => p.label));
      const drawn = drawPlot(figure.panels[0]!.options, { label: figure.panels[0]!.label });
      const orientation = (b: ReturnType<typeof bars>) => new Set(b.map((x) => x.height)).size === 1;
      expect(orientation(bars(svgs[0]!)), `horizontal bars at ${width}px`).to.equal(orientation(bars(drawn)));
    }
  });

  it('describes every example, in English and Welsh, with a panel per measure shown', async () => {
    for (const [name, e] of Object.entries(kpiExamples) as [string, KpiExample][]) {
      for (const lang of ['en', 'cy'] as const) {
        const dataset = validateEnvelope(await envelope(e));
        const model = buildKpiModel(dataset, messages(lang), lang, e.attrs ?? {});
        const figure = describeKpiFigure(dataset, model, { lang, width: 640, fontSize: 14, charWidth: CHAR_EM });
        expect(figure.panels.length, name).to.equal(model.empty ? 0 : model.rows.length);
        expect(figure.empty, name).to.equal(model.empty);
        for (const panel of figure.panels) expect(panel.label, `${name}: ${panel.key}`).not.to.equal('');
      }
    }
    const cy = await describe_(kpiExamples.yearOnYear, { lang: 'cy' });
    expect(cy.subtitle).to.equal('2021-22, fesul chwarter');
    expect(cy.panels[0]!.label).to.contain('Ch1 (Ebr i Meh): 110');
  });
});

describe('kpi figure: comparators drawn for rates', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`${lang}: Trafford's rates drawn with England, the region and the neighbours' median and spread, placed in words`, async () => {
      const e = { ...kpiExamples.traffordComparators, attrs: { lang } };
      const { el } = await shown(e, 900);
      const root = el.shadowRoot!;
      const dataset = validateEnvelope(await envelope(e));
      const model = buildKpiModel(dataset, messages(lang), lang);
      const rates = model.rows.filter((r) => r.kind === 'percent');
      expect(rates.map((r) => r.measure.id)).to.deep.equal(['rereferral_rate']);
      const figures = [...root.querySelectorAll('.charts figure')];
      for (const row of rates) {
        const figure = figures.find((f) => f.querySelector('figcaption')!.textContent === row.measure.label)!;
        const svg = figure.querySelector('svg.pw-plot')!;
        // A spread (lowest to highest, middle half, median) for each of the five years shown.
        for (const part of ['range', 'iqr', 'median']) {
          expect(svg.querySelectorAll(`g.pw-neighbours-${part} > *`).length, part).to.equal(5);
        }
        // England (dashed) and the North West (dotted), a line each across the years.
        expect(svg.querySelectorAll('g.pw-ref-national path').length).to.equal(1);
        expect(svg.querySelectorAll('g.pw-ref-region path').length).to.equal(1);
        // Direct labels: Trafford with its latest figure, England, the region, the median.
        const labels = [...svg.querySelectorAll('g.pw-end-labels text')].map((t) => t.textContent);
        expect(labels).to.have.members([
          'Trafford 18.0%',
          'England',
          'North West',
          lang === 'en' ? 'median' : 'canolrif',
        ]);
        // The same in words: under the chart and in its accessible name.
        const placing =
          lang === 'en'
            ? 'In 2024-25, Trafford, at 18.0%, is in the lowest quarter of its 10 statistical neighbours ' +
              '(15.8% to 18.4%; median 22.0%); England 22.6%, North West 21.7%.'
            : 'Yn 2024-25, mae Trafford, sef 18.0%, yn y chwarter isaf o’i 10 cymydog ystadegol ' +
              '(15.8% i 18.4%; canolrif 22.0%); England 22.6%, North West 21.7%.';
        expect(figure.querySelector('.chart-note')!.textContent).to.equal(placing);
        expect(svg.getAttribute('aria-label')).to.contain(placing);
      }
      // Counts are drawn as bars alone: no spread against areas of other sizes.
      const counts = figures.find((f) => f.querySelector('figcaption')!.textContent === 'Referrals')!;
      expect(counts.querySelectorAll('[class*="pw-neighbours"], [class*="pw-ref-"]').length).to.equal(0);
      expect(await wcagViolations(el)).to.deep.equal([]);
    });
  }

  it('narrow (288 px): the comparators stay, with the first and last years labelled', async () => {
    const figure = await describe_(kpiExamples.traffordComparators, { width: 288 });
    const panel = figure.panels.find((p) => p.key === 'rereferral_rate')!;
    const svg = drawPlot(panel.options, { label: panel.label });
    expect(Number(svg.getAttribute('width'))).to.equal(288);
    expect(svg.querySelectorAll('g.pw-neighbours-iqr > *').length).to.equal(5);
    const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).to.deep.equal(['2020-21', '2024-25']);
    expect(panel.note).to.match(/^In 2024-25, Trafford, at 18\.0%, is in the lowest quarter/);
  });
});

describe('kpi figure: on a slide (given a height, presenting text)', () => {
  it('952 px (a 1024×768 slide): two a row where one a row would not fit the height, the rate’s labels on two lines', async () => {
    const e = { ...kpiExamples.traffordComparators, attrs: { years: '3' } };
    const short = await describe_(e, { width: 952, fontSize: 31.5, height: 400 });
    expect(short.columns, 'two a row on a short slide').to.equal(2);
    const rate = short.panels.find((p) => p.key === 'rereferral_rate')!.options;
    const plot = rate.width! - rate.marginLeft! - rate.marginRight!;
    // On one line the labels would leave it 42 px of 452.
    expect(plot, 'the plot at least a third of the chart').to.be.at.least(rate.width! / 3);
    const svg = drawPlot(rate, { label: 'rate' });
    // A label of two lines is two tspans; of one, the text itself.
    const labels = [...svg.querySelectorAll('g.pw-end-labels text')].map((t) => {
      const spans = [...t.querySelectorAll('tspan')].map((span) => span.textContent);
      return spans.length ? spans : [t.textContent];
    });
    expect(labels).to.deep.include(['Trafford', '18.0%']);
    expect(labels).to.deep.include(['England']);
    // Tall enough for the charts one a row: one a row, the labels on one line as on a page.
    const tall = await describe_(e, { width: 952, fontSize: 31.5, height: 1400 });
    expect(tall.columns).to.equal(1);
    const one = drawPlot(tall.panels.find((p) => p.key === 'rereferral_rate')!.options, { label: 'rate' });
    expect([...one.querySelectorAll('g.pw-end-labels text')].map((t) => t.textContent)).to.include('Trafford 18.0%');
  });

  for (const width of [1208, 1800]) {
    it(`${width} px: no empty columns, and the rate's year labels apart, never one over another`, async () => {
      const e = { ...kpiExamples.traffordComparators, attrs: { years: '3' } };
      const figure = await describe_(e, { width, fontSize: 31.5, height: 480 });
      expect(figure.panels).to.have.length(2);
      expect(figure.columns).to.equal(2);
      const panel = figure.panels.find((p) => p.key === 'rereferral_rate')!;
      const svg = drawPlot(panel.options, { label: panel.label });
      document.body.append(svg);
      try {
        const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) =>
          t.getBoundingClientRect(),
        );
        expect(ticks.length).to.be.greaterThan(0);
        // At least half an em apart (the text drawn here may be narrower than on a projector's page).
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left).to.be.at.least(ticks[i - 1]!.right + 31.5 / 2);
      } finally {
        svg.remove();
      }
    });
  }
});

describe('<kpi-quarter-table> examples', () => {
  for (const [name, e] of Object.entries(kpiExamples) as [string, KpiExample][]) {
    it(`${name}: ${e.description} No WCAG violation in the chart view`, async () => {
      const { el } = await shown(e, 640);
      expect(el.state).to.equal(name === 'emptyYear' ? 'empty' : 'loaded');
      expect(await wcagViolations(el)).to.deep.equal([]);
    });
  }

  it('shows hostile text as text', async () => {
    const { el } = await shown(kpiExamples.hostile, 640);
    const root = el.shadowRoot!;
    expect(root.querySelector('script, img, b')).to.equal(null);
    const text = shadowText(el);
    expect(text).to.contain('<script>alert(1)</script> Contacts');
    expect(text).to.contain('<img src=x onerror=alert(1)> KPIs');
    expect([...root.querySelectorAll('figcaption')].map((f) => f.textContent)).to.include(
      '=HYPERLINK("https://example.org","Referrals")',
    );
  });
});
