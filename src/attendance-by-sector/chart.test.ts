import { expect } from '@open-wc/testing';
import type { PlotOptions } from '@observablehq/plot';
import { edgeCases, LONG_SECTOR, NORFOLK } from './attendance-by-sector.examples.js';
import { loadJson } from '../../test/helpers.js';
import { validateEnvelope } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { drawPlot } from '../core/draw-plot.js';
import { wrapLabel } from '../core/text.js';
import { attendanceChartOptions, attendanceRowsLayout } from './chart.js';
import { buildAttendanceModel } from './model.js';

const en = messages('en');

async function norfolk() {
  return buildAttendanceModel(validateEnvelope(await loadJson(NORFOLK)), en, 'en');
}

/** Draws the options off-screen and returns the SVG, attached so that it has layout. */
function draw(options: PlotOptions): SVGSVGElement {
  const svg = drawPlot(options, { label: 'test' }) as SVGSVGElement;
  document.body.append(svg);
  return svg;
}

describe('attendance chart', () => {
  afterEach(() => document.querySelectorAll('body > svg').forEach((s) => s.remove()));

  it('wraps names at spaces, and breaks a word longer than a line', () => {
    expect(wrapLabel('Early Childhood and Family Service', 20)).to.deep.equal([
      'Early Childhood and',
      'Family Service',
    ]);
    expect(wrapLabel('Health', 20)).to.deep.equal(['Health']);
    expect(wrapLabel('Multi-agency-safeguarding-hub', 12)).to.deep.equal(['Multi-agenc-', 'y-safeguard-', 'ing-hub']);
    const lines = wrapLabel(LONG_SECTOR, 30);
    expect(lines.every((l) => l.length <= 30)).to.equal(true);
    expect(lines.join(' ')).to.equal(LONG_SECTOR);
  });

  it('draws one bar per sector and year, coloured by role, labelled, in the model order', async () => {
    const model = await norfolk();
    const svg = draw(attendanceChartOptions(model, { width: 720 }));
    const latest = [...svg.querySelectorAll('g.pw-year-latest rect[aria-label]')];
    const previous = [...svg.querySelectorAll('g.pw-year-previous rect[aria-label]')];
    expect(latest.map((r) => r.getAttribute('aria-label'))).to.deep.equal(
      model.bars.filter((b) => b.role === 'latest').map((b) => b.label),
    );
    expect(previous).to.have.length(9);
    expect(previous[0]!.getAttribute('fill') ?? previous[0]!.parentElement!.getAttribute('fill')).to.equal(
      'url(#pw-hatch)',
    );
    expect(svg.querySelector('pattern#pw-hatch')).to.not.equal(null);
    // Bars are proportional to their values, from one baseline.
    const width = (r: Element) => Number(r.getAttribute('width'));
    expect(width(latest[0]!) / width(latest[1]!)).to.be.closeTo(71 / 62, 0.01);
    const x = new Set([...latest, ...previous].map((r) => r.getAttribute('x')));
    expect(x.size).to.equal(1);
    // Value labels at the bar ends, one per bar.
    expect([...svg.querySelectorAll('g.pw-labels text')].map((t) => t.textContent)).to.deep.equal(
      model.bars.map((b) => b.text),
    );
    // One focus ring per bar, in reading order.
    expect(svg.querySelectorAll('g.pw-focus-rings > rect').length).to.equal(18);
  });

  it('puts names on the left when wide and above the bars when narrow', async () => {
    const model = await norfolk();
    const wide = attendanceChartOptions(model, { width: 720 });
    const narrow = attendanceChartOptions(model, { width: 300 });
    expect(wide.marginLeft).to.be.greaterThan(100);
    expect(narrow.marginLeft).to.equal(1);
    expect(narrow.height).to.be.greaterThan(wide.height!);
    expect(attendanceChartOptions(model, { width: 300, layout: 'side' }).marginLeft).to.be.greaterThan(50);
  });

  it('grows with the font size for presenting', async () => {
    const model = await norfolk();
    const normal = attendanceChartOptions(model, { width: 720, fontSize: 14 });
    const big = attendanceChartOptions(model, { width: 720, fontSize: 22 });
    expect(big.height! / normal.height!).to.be.closeTo(22 / 14, 0.15);
  });

  it('writes symbols at the baseline instead of bars', () => {
    const model = buildAttendanceModel(validateEnvelope(edgeCases()), en, 'en');
    const svg = draw(attendanceChartOptions(model, { width: 720 }));
    const symbols = [...svg.querySelectorAll('g.pw-symbols text')];
    expect(symbols.map((t) => t.getAttribute('aria-label'))).to.deep.equal([
      'Youth justice, 2023-24: [x], not available',
      'Police, 2024-25: [c], confidential: withheld to protect people’s privacy',
      'Housing, 2024-25: [x], not available',
    ]);
    expect(svg.querySelectorAll('rect[aria-label^="Police, 2024-25"]').length).to.equal(0);
    // The baseline is where the bars start.
    const baseline = svg.querySelector('g.pw-baseline line')!;
    expect(baseline.getAttribute('x1')).to.equal(svg.querySelector('g.pw-year-latest rect')!.getAttribute('x'));
  });

  it('draws one bar per sector, without hatching, for a single year', async () => {
    const model = buildAttendanceModel(validateEnvelope(await loadJson(NORFOLK)), en, 'en', { year: '2023-24' });
    const svg = draw(attendanceChartOptions(model, { width: 720 }));
    expect(svg.querySelectorAll('g.pw-year-latest rect[aria-label]').length).to.equal(9);
    expect(svg.querySelectorAll('g.pw-year-previous rect').length).to.equal(0);
    expect(svg.querySelector('pattern')).to.equal(null);
  });

  it('given a height two bars a sector cannot fit, draws a row a sector: the latest bar, the previous year a named line', async () => {
    const model = await norfolk();
    const fontSize = 31.5;
    // A bar per year, at its thinnest, needs about 760px here: a slide's 470px is too short, 1,000px is not.
    expect(attendanceRowsLayout(model, { width: 1200, fontSize, height: 1000 })).to.equal(false);
    expect(attendanceRowsLayout(model, { width: 1200, fontSize, height: 470 })).to.equal(true);
    const options = attendanceChartOptions(model, { width: 1200, fontSize, height: 470 });
    expect(options.height).to.be.at.most(470);
    const svg = draw(options);
    const bars = [...svg.querySelectorAll('g.pw-year-latest rect[aria-label]')];
    const lines = [...svg.querySelectorAll('g.pw-year-previous line[aria-label]')];
    expect(bars.map((r) => r.getAttribute('aria-label'))).to.deep.equal(
      model.bars.filter((b) => b.role === 'latest' && typeof b.value === 'number').map((b) => b.label),
    );
    expect(lines.map((l) => l.getAttribute('aria-label'))).to.deep.equal(
      model.bars.filter((b) => b.role === 'previous').map((b) => b.label),
    );
    expect(lines[0]!.getAttribute('aria-label')).to.match(/2023-24/);
    expect(svg.querySelectorAll('g.pw-year-previous rect').length, 'no hatched bars').to.equal(0);
    // Each line stands out of its row's bar, above and below, and sits at its value on the bars' scale.
    const y = (el: Element, a: string) => Number(el.getAttribute(a));
    const first = bars[0]!;
    expect(y(lines[0]!, 'y1')).to.be.lessThan(y(first, 'y'));
    expect(y(lines[0]!, 'y2')).to.be.greaterThan(y(first, 'y') + y(first, 'height'));
    const x0 = y(first, 'x');
    const scale = y(first, 'width') / 71;
    expect(y(lines[0]!, 'x1') - x0).to.be.closeTo(58 * scale, 1);
    // The sector names, one a row, do not overlap one another.
    const names = [...svg.querySelectorAll('g.pw-sector-labels text')].map((t) => t.getBoundingClientRect());
    expect(names).to.have.length(9);
    for (let i = 1; i < names.length; i++) expect(names[i]!.top).to.be.at.least(names[i - 1]!.bottom - 1);
    // One focus ring per bar of the model (the keyboard steps through both years), one value a sector.
    expect(svg.querySelectorAll('g.pw-focus-rings > rect').length).to.equal(18);
    expect(svg.querySelectorAll('g.pw-labels text').length).to.equal(9);
  });
});
