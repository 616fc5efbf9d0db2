// Charts on demand (issue 18): the script a page includes loads the elements, and they load Plot
// and the chart code (dist/partnership-widgets/charts.js, next to the script) only when a chart is
// first shown, or once the page is idle (so that printing finds it). Runs against the build.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage, fetchedPaths } from './helpers.js';

interface PageWindow extends Window {
  __pageErrors?: string[];
  __cspViolations?: unknown[];
  __layoutShifts?: { value: number; sources: string[] }[];
  __resourcesAtFirstFigures?: string[];
}
type Widget = HTMLElement & { state?: string; view?: string };

const CHARTS = '/dist/partnership-widgets/charts.js';

const open = (path: string) => openPage(path, 1000, 900);

const fetched = fetchedPaths;

describe('charts on demand', () => {
  it('a table-first widget shows its figures before any chart code is fetched, from a plain <script>', async () => {
    const frame = await open('/test/pages/table-first-plain-script.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const kpi = frame.contentDocument!.getElementById('kpi') as Widget;
      await waitUntil(() => kpi.state === 'loaded', 'the table did not show', { timeout: 15000 });
      const first = win.__resourcesAtFirstFigures!;
      expect(first).to.include('/dist/partnership-widgets.js');
      expect(first).to.include('/dist/partnership-widgets/elements.js');
      expect(first, 'chart code fetched before the first figures').not.to.include(CHARTS);
      expect(kpi.shadowRoot!.querySelector('table')).not.to.equal(null);
      // Then, with the page idle, the chart code is fetched (printing must find it loaded) ...
      await waitUntil(() => fetched(frame).includes(CHARTS), 'chart code never fetched', { timeout: 15000 });
      // ... and the chart, when shown, is drawn.
      kpi.view = 'chart';
      await waitUntil(() => kpi.shadowRoot!.querySelector('.chart-view svg[role="img"]'), 'no KPI chart');
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('a chart-first widget shows its figures with its chart, with no layout shift, under a strict CSP', async () => {
    const frame = await open('/test/pages/chart-first.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const widget = frame.contentDocument!.getElementById('attendance') as Widget;
      await waitUntil(() => widget.state === 'loaded', 'the widget did not show', { timeout: 15000 });
      const root = widget.shadowRoot!;
      // The figures appear with the chart: the chart code came from next to the script.
      expect(root.querySelector('.chart-view svg[role="img"]')).not.to.equal(null);
      expect(root.querySelector('[part="summary"]')!.textContent!.length).to.be.greaterThan(20);
      expect(fetched(frame)).to.include(CHARTS);
      // Wait two frames for any late shift to be reported.
      await new Promise((r) => win.requestAnimationFrame(() => win.requestAnimationFrame(r)));
      if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
        const total = win.__layoutShifts!.reduce((sum, s) => sum + s.value, 0);
        expect(total, JSON.stringify(win.__layoutShifts)).to.equal(0);
      }
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
