// Periods as readers know them: a prepared envelope's `periodLabels` (a 30 September
// workforce snapshot, an academic year) and calendar years (yearStartMonth 1) label the
// KPI table's columns, its caption and its comparator headers, instead of `2023-24`.
import { expect, fixture, html } from '@open-wc/testing';
import { settle } from './helpers.js';
import '../src/kpi-quarter-table/kpi-quarter-table.js';
import type { KpiQuarterTable } from '../src/kpi-quarter-table/kpi-quarter-table.js';

async function table(data: unknown) {
  const el = document.createElement('kpi-quarter-table') as KpiQuarterTable;
  el.data = data;
  const outcome = settle(el);
  await fixture(html`<div>${el}</div>`);
  expect((await outcome).type).to.equal('ready');
  const root = el.shadowRoot!;
  return {
    el,
    caption: root.querySelector('caption')!.textContent!.replace(/\s+/g, ' ').trim(),
    headers: [...root.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim()),
  };
}

const rows = (measure: string, values: Record<string, number>, area?: string) =>
  Object.entries(values).map(([period, value]) => ({ measure, period, value, ...(area ? { area } : {}) }));

describe('period labels', () => {
  it('a 30 September snapshot is labelled with its date, in columns, caption and comparators', async () => {
    const { el, caption, headers } = await table({
      title: 'Social work workforce: Leicester',
      yearStartMonth: 10,
      periodType: 'as-at-30-september',
      periodLabels: { '2023-24': '30 September 2024', '2024-25': '30 September 2025' },
      area: { name: 'Leicester' },
      comparators: [{ area: 'England', kind: 'national' }],
      measures: [{ id: 'turnover_rate_fte', label: 'Turnover rate (FTE)', unit: 'percent', decimals: 1 }],
      data: [
        ...rows('turnover_rate_fte', { '2023-24': 20.8, '2024-25': 13.3 }),
        ...rows('turnover_rate_fte', { '2023-24': 13.9, '2024-25': 11.8 }, 'England'),
      ],
    });
    expect(headers.some((h) => h.includes('30 September 2024'))).to.equal(true);
    expect(headers.some((h) => h.includes('30 September 2025'))).to.equal(true);
    expect(headers.some((h) => h.includes('England (30 September 2025)') || h === 'England')).to.equal(true);
    expect(headers.join(' ')).not.to.include('2023-24');
    expect(caption).to.include('30 September 2024');
    expect(caption).to.include('30 September 2025');
    await expect(el).to.be.accessible();
  });

  it('calendar years (a year starting in January) are labelled 2023 and 2024, not 2023-24', async () => {
    const { el, caption, headers } = await table({
      title: 'Things',
      yearStartMonth: 1,
      measures: [{ id: 'things' }],
      data: rows('things', { '2023-24': 5, '2024-25': 7 }),
    });
    expect(headers).to.include.members(['2023', '2024']);
    expect(headers.join(' ')).not.to.include('2024-25');
    expect(caption).to.include('2023');
    expect(caption).not.to.include('2023-24');
    await expect(el).to.be.accessible();
  });

  it('reporting years without labels stay 2023-24', async () => {
    const { headers } = await table({
      measures: [{ id: 'things' }],
      data: rows('things', { '2023-24': 5, '2024-25': 7 }),
    });
    expect(headers).to.include.members(['2023-24', '2024-25']);
  });
});
