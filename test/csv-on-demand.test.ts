// The CSV reader on demand (issue 18): reading CSV is a chunk of its own
// (dist/partnership-widgets/csv.js, next to the script), fetched only when a widget's data is CSV,
// inline or from a .csv address. A page whose data is JSON never downloads it; a CSV widget shows
// the same figures as reading its CSV in one step, under a strict CSP; a CMS that did not copy the
// chunk gets a message on the CSV widget, never a blank box. Runs against the build.
import { expect, waitUntil } from '@open-wc/testing';
import { buildAttendanceModel } from '../src/attendance-by-sector/model.js';
import { formatCsv } from '../src/core/csv.js';
import { messages } from '../src/core/messages.js';
import { readCsv } from '../src/core/readers.js';
import { fetchedPaths, openPage } from './helpers.js';

interface PageWindow extends Window {
  __pageErrors?: string[];
  __cspViolations?: unknown[];
}
type Widget = HTMLElement & { state?: string; toCSV(): string };

const CSV_READER = '/dist/partnership-widgets/csv.js';
const CHARTS = '/dist/partnership-widgets/charts.js';
const NORFOLK_CSV = '/data/norfolk-lscg-attendance-2024-25.csv';
const en = messages('en');

const open = (path: string) => openPage(path, 1000, 900);

const fetched = fetchedPaths;

const settled = (w: Widget) => Boolean(w.state) && w.state !== 'loading';

describe('CSV reader on demand', () => {
  it('a page whose data is JSON never downloads the CSV reader', async () => {
    const frame = await open('/test/pages/table-first-plain-script.html');
    try {
      const kpi = frame.contentDocument!.getElementById('kpi') as Widget;
      await waitUntil(() => kpi.state === 'loaded', 'the table did not show', { timeout: 15000 });
      // Once the page is idle it fetches the chart code; the CSV reader is still not fetched.
      await waitUntil(() => fetched(frame).includes(CHARTS), 'chart code never fetched', { timeout: 15000 });
      expect(fetched(frame)).not.to.include(CSV_READER);
    } finally {
      frame.remove();
    }
  });

  it('CSV from a file and inline loads the reader once and shows the figures the CSV holds, under a strict CSP', async () => {
    const frame = await open('/test/pages/csv.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const doc = frame.contentDocument!;
      const widget = (id: string) => doc.getElementById(id) as Widget;
      await waitUntil(
        () => ['file', 'inline', 'json'].every((id) => settled(widget(id))),
        'the widgets did not settle',
        { timeout: 15000 },
      );
      expect(['file', 'inline', 'json'].map((id) => widget(id).state)).to.deep.equal(['loaded', 'loaded', 'loaded']);
      expect(fetched(frame).filter((path) => path === CSV_READER)).to.have.length(1);
      // The same figures as reading each CSV in one step (the command line's way).
      const text = await (await fetch(NORFOLK_CSV)).text();
      const inline = widget('inline').querySelector('script')!.textContent!;
      expect(widget('file').toCSV()).to.equal(formatCsv(buildAttendanceModel(readCsv(text), en, 'en').csv));
      expect(widget('inline').toCSV()).to.equal(formatCsv(buildAttendanceModel(readCsv(inline), en, 'en').csv));
      expect(widget('inline').shadowRoot!.textContent).to.include('Police');
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('where the CSV reader was not copied, the CSV widgets say so and the JSON widget still shows its figures', async () => {
    const frame = await open('/test/pages/csv-reader-missing.html');
    try {
      const doc = frame.contentDocument!;
      const widget = (id: string) => doc.getElementById(id) as Widget;
      await waitUntil(
        () => ['file', 'inline', 'json'].every((id) => settled(widget(id))),
        'the widgets did not settle',
        { timeout: 15000 },
      );
      expect(widget('json').state).to.equal('loaded');
      for (const id of ['file', 'inline']) {
        expect(widget(id).state, id).to.equal('error');
        const alert = widget(id).shadowRoot!.querySelector('[role="alert"]');
        expect(alert?.textContent, id).to.include(en.errors.unexpected);
      }
    } finally {
      frame.remove();
    }
  });
});
