// Time to first figures (issue 18), as behaviour rather than timings: the script a page includes
// starts what the first figures wait for while the elements are still on their way (each widget's
// data; the chart code when a chart shows first), and a page of tables fetches and draws no chart
// before its figures. Runs against the build (npm run build).
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';

interface Fetched {
  path: string;
  accept: string | null;
  elementsDefined: boolean;
}
interface PageWindow extends Window {
  __pageErrors?: string[];
  __cspViolations?: unknown[];
  __fetches?: Fetched[];
  __definedAt?: number;
}
type Widget = HTMLElement & {
  state?: string;
  view?: string;
  updateComplete: Promise<unknown>;
  reload(): void;
};

const CHARTS = '/dist/partnership-widgets/charts.js';

const open = (path: string) => openPage(path, 1000, 900);
const frames = (win: Window) => new Promise((r) => win.requestAnimationFrame(() => win.requestAnimationFrame(r)));
const resources = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[];

describe('first figures', () => {
  it('a page of tables: the data is asked for before the elements arrive, once per address, and no chart is drawn while hidden', async () => {
    const frame = await open('/test/pages/table-first-three.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const doc = frame.contentDocument!;
      const widgets = ['kpi', 'attendance', 'training', 'kpi-again'].map((id) => doc.getElementById(id) as Widget);
      await waitUntil(() => widgets.every((w) => w.state === 'loaded'), 'the tables did not show', {
        timeout: 15000,
      });
      for (const w of widgets) expect(w.shadowRoot!.querySelector('.table-view table'), w.id).not.to.equal(null);
      // One request per address (the #fragment is not the server's), made by the page's script
      // before the elements were defined, with the widgets' own Accept header.
      const data = win.__fetches!.filter((f) => f.path.startsWith('/data/'));
      expect(data.map((f) => f.path).sort()).to.deep.equal([
        '/data/leicester-kpis-2021-22.json',
        '/data/llr-training.json',
        '/data/norfolk-lscg-attendance-2024-25.json',
      ]);
      for (const f of data) {
        expect(f.elementsDefined, `${f.path} was asked for only once the elements had arrived`).to.equal(false);
        expect(f.accept).to.equal('application/json, text/csv;q=0.9, */*;q=0.1');
      }
      // The chart code comes once the page is idle (printing needs it), but the hidden charts are
      // not drawn: their work never competes with the tables.
      await waitUntil(() => resources(frame).some((e) => e.name.endsWith(CHARTS)), 'chart code never fetched', {
        timeout: 15000,
      });
      await frames(win);
      await Promise.all(widgets.map((w) => w.updateComplete));
      for (const w of widgets) {
        const drawnWhileHidden = w.shadowRoot!.querySelector('.chart-view svg') !== null;
        expect(drawnWhileHidden, `${w.id}: a hidden chart was drawn`).to.equal(false);
      }
      // Shown, a chart is drawn.
      const attendance = widgets[1]!;
      attendance.view = 'chart';
      await waitUntil(() => attendance.shadowRoot!.querySelector('.chart-view svg[role="img"]'), 'no chart drawn');
      // reload() asks the server again: the early request served the first load only.
      const before = win.__fetches!.length;
      widgets[2]!.reload();
      await waitUntil(() => win.__fetches!.length > before, 'reload() made no request');
      expect(win.__fetches![before]!.path).to.equal('/data/llr-training.json');
      await waitUntil(() => widgets[2]!.state === 'loaded', 'the reloaded widget did not show');
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('a chart-first page asks for its chart code beside the elements; a request taken over still times out', async () => {
    const frame = await open('/test/pages/chart-first-early.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const doc = frame.contentDocument!;
      const training = doc.getElementById('training') as Widget;
      const never = doc.getElementById('never') as Widget;
      await waitUntil(() => training.state === 'loaded', 'the chart did not show', { timeout: 15000 });
      expect(training.shadowRoot!.querySelector('.chart-view svg[role="img"]')).not.to.equal(null);
      // The chart code was asked for before any element was defined (not once one had rendered).
      const charts = resources(frame).filter((e) => e.name.endsWith(CHARTS));
      expect(charts.length, 'the chart code was fetched more than once').to.equal(1);
      expect(win.__definedAt).to.be.a('number');
      expect(charts[0]!.startTime, 'the chart code was asked for after the elements were defined').to.be.below(
        win.__definedAt!,
      );
      // The address that never answers: its early request is the widget's, and its timeout (1 s) ends it.
      expect(win.__fetches!.find((f) => f.path === '/faults/never')?.elementsDefined).to.equal(false);
      await waitUntil(() => never.state === 'error', 'the timeout never ended the request', { timeout: 10000 });
      expect(never.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/1 second/);
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
