import { expect } from '@open-wc/testing';
import type { PlotOptions } from '@observablehq/plot';
import { edgeCases, LONG_SECTOR, NORFOLK } from './attendance-by-sector.examples.js';
import { loadJson } from '../../test/helpers.js';
import { validateEnvelope } from '../core/contract.js';
import { messages } from '../core/messages.js';
import { drawPlot } from '../core/draw-plot.js';
import { wrapLabel } from '../core/text.js';
import { attendanceChartOptions } from './chart.js';
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
});
