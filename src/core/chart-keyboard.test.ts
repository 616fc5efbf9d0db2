import { expect } from '@open-wc/testing';
import { validateEnvelope } from './contract.js';
import { ChartKeyboard } from './chart-keyboard.js';
import { highlightMark, moveIndex } from './chart-marks.js';
import { loadCharts } from './charts.js';
import { yearRoleClass, yearRoles } from './palette.js';

describe('chart keyboard', () => {
  it('moves among the marks with the arrow keys, Home and End, and leaves with Escape', () => {
    expect(moveIndex(undefined, 'ArrowDown', 5)).to.equal(0);
    expect(moveIndex(undefined, 'ArrowRight', 5)).to.equal(0);
    expect(moveIndex(undefined, 'ArrowUp', 5)).to.equal(4);
    expect(moveIndex(2, 'ArrowDown', 5)).to.equal(3);
    expect(moveIndex(4, 'ArrowDown', 5)).to.equal(4);
    expect(moveIndex(0, 'ArrowLeft', 5)).to.equal(0);
    expect(moveIndex(3, 'Home', 5)).to.equal(0);
    expect(moveIndex(0, 'End', 5)).to.equal(4);
    expect(moveIndex(2, 'Escape', 5)).to.equal('leave');
  });

  it('moves through a grid: along a row, between rows at the same column, Home and End in the row', () => {
    // Two panels of five years, then a third panel of five: indexes 0-4, 5-9, 10-14.
    expect(moveIndex(undefined, 'ArrowRight', 15, 5)).to.equal(0);
    expect(moveIndex(3, 'ArrowRight', 15, 5)).to.equal(4);
    expect(moveIndex(4, 'ArrowRight', 15, 5)).to.equal(4);
    expect(moveIndex(5, 'ArrowLeft', 15, 5)).to.equal(5);
    expect(moveIndex(2, 'ArrowDown', 15, 5)).to.equal(7);
    expect(moveIndex(12, 'ArrowDown', 15, 5)).to.equal(12);
    expect(moveIndex(7, 'ArrowUp', 15, 5)).to.equal(2);
    expect(moveIndex(8, 'Home', 15, 5)).to.equal(5);
    expect(moveIndex(6, 'End', 15, 5)).to.equal(9);
    expect(moveIndex(6, 'Escape', 15, 5)).to.equal('leave');
    expect(moveIndex(2, 'Tab', 5)).to.equal(undefined);
    expect(moveIndex(2, 't', 5)).to.equal(undefined);
    expect(moveIndex(undefined, 'ArrowDown', 0)).to.equal(undefined);
  });

  it('says the place the chart counts: within a panel of a grid, not among all its marks', () => {
    const host = { addController: () => undefined, requestUpdate: () => undefined } as never;
    // Two panels of three years: the fifth mark is the second year of the second panel.
    const keys = new ChartKeyboard(host, {
      count: () => 6,
      columns: () => 3,
      label: (i) => `year ${(i % 3) + 1}, panel ${Math.floor(i / 3) + 1}`,
      position: (i) => `${(i % 3) + 1} of 3 years`,
      lang: () => 'en',
    });
    keys.select(4);
    expect(keys.announcement.trim()).to.equal('year 2, panel 2 (2 of 3 years)');
  });

  it('announces the mark in hand with its position, and says it again when asked twice', async () => {
    // Keys move among the marks the chart code draws: with no chart code yet, they are not taken.
    const early = new ChartKeyboard({ addController: () => undefined, requestUpdate: () => undefined } as never, {
      count: () => 2,
      label: () => '',
      lang: () => 'en',
    });
    const before = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
    early.onKeydown(before);
    expect(before.defaultPrevented).to.equal(false);
    await loadCharts();
    let updates = 0;
    let left = 0;
    const host = { addController: () => undefined, requestUpdate: () => updates++ } as never;
    const labels = ['A, 2024-25: 3', 'A, 2023-24: 2'];
    const keys = new ChartKeyboard(host, {
      count: () => labels.length,
      label: (i) => labels[i]!,
      lang: () => 'en',
      leave: () => left++,
    });
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, cancelable: true });
      keys.onKeydown(event);
      return event.defaultPrevented;
    };
    expect(press('ArrowDown')).to.equal(true);
    expect(keys.announcement.trim()).to.equal('A, 2024-25: 3 (1 of 2)');
    press('End');
    const once = keys.announcement;
    press('End');
    expect(keys.announcement).to.not.equal(once);
    expect(keys.announcement.trim()).to.equal('A, 2023-24: 2 (2 of 2)');
    expect(press('x')).to.equal(false);
    press('Escape');
    expect(keys.index).to.equal(undefined);
    expect(keys.announcement).to.equal('');
    expect(left).to.equal(1);
    expect(updates).to.be.greaterThan(3);
  });

  it('highlights the mark with a label and its ring, and clears it', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const ns = svg.namespaceURI;
    const rings = document.createElementNS(ns, 'g');
    rings.setAttribute('class', 'pw-focus-rings');
    const bars = document.createElementNS(ns, 'g');
    for (const label of ['a', 'b']) {
      rings.append(document.createElementNS(ns, 'rect'));
      const bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('aria-label', label);
      bars.append(bar);
    }
    svg.append(rings, bars);
    highlightMark(svg, 'b', 1);
    expect([...svg.querySelectorAll('.pw-focused')]).to.deep.equal([rings.children[1], bars.children[1]]);
    highlightMark(svg, undefined);
    expect(svg.querySelectorAll('.pw-focused').length).to.equal(0);
  });
});

describe('palette', () => {
  it('gives the latest year and the one before it their roles, whatever the years', () => {
    expect([...yearRoles([2023, 2024])]).to.deep.equal([
      [2024, 'latest'],
      [2023, 'previous'],
    ]);
    expect([...yearRoles([2019, 2024])]).to.deep.equal([[2024, 'latest']]);
    expect(yearRoles([]).size).to.equal(0);
    expect(yearRoleClass('previous')).to.equal('pw-year-previous');
  });
});

describe('contract: ratio measures', () => {
  it('keeps a derived measure with unit "ratio" as a ratio, and others as percentages', () => {
    const dataset = validateEnvelope({
      measures: [
        { id: 'attendances' },
        { id: 'meetings' },
        { id: 'per_meeting', numerator: 'attendances', denominator: 'meetings', unit: 'ratio' },
        { id: 'share', numerator: 'attendances', denominator: 'meetings' },
      ],
      data: [],
    });
    expect(dataset.measures.map((m) => m.unit)).to.deep.equal(['count', 'count', 'ratio', 'percent']);
  });
});
