// Welsh on demand (issue 18): the Welsh strings are a chunk of their own
// (dist/partnership-widgets/welsh.js, next to the script), fetched only when a widget's language is
// Welsh. A page in English never downloads them; a Welsh widget shows its loading state, in Welsh,
// until they arrive, and never an English word. Runs against the build.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { messages } from '../src/core/messages.js';
import { fetchedPaths, openPage } from './helpers.js';

interface PageWindow extends Window {
  __pageErrors?: string[];
  __cspViolations?: unknown[];
  __frames?: string[];
}
type Widget = HTMLElement & { state?: string };

const WELSH = '/dist/partnership-widgets/welsh.js';
const CHARTS = '/dist/partnership-widgets/charts.js';
/** The English catalogue's words for the widget's own chrome, which a Welsh widget must never show. */
const en = messages('en');
const ENGLISH = [en.loading, en.showChart, en.showTable, en.download, en.source, en.notes, en.definitions];

const open = (path: string) => openPage(path, 1000, 900);

const fetched = fetchedPaths;

describe('Welsh on demand', () => {
  it('a page in English never downloads the Welsh strings', async () => {
    const frame = await open('/test/pages/table-first-plain-script.html');
    try {
      const kpi = frame.contentDocument!.getElementById('kpi') as Widget;
      await waitUntil(() => kpi.state === 'loaded', 'the table did not show', { timeout: 15000 });
      // Once the page is idle it fetches the chart code; the Welsh is still not fetched.
      await waitUntil(() => fetched(frame).includes(CHARTS), 'chart code never fetched', { timeout: 15000 });
      expect(fetched(frame)).not.to.include(WELSH);
      expect(kpi.shadowRoot!.textContent).to.include('Source');
    } finally {
      frame.remove();
    }
  });

  it('a Welsh widget waits for its strings in Welsh, then shows its figures in Welsh, under a strict CSP', async () => {
    const frame = await open('/test/pages/welsh.html');
    try {
      const win = frame.contentWindow as PageWindow;
      const doc = frame.contentDocument!;
      // Every frame painted until the figures show, as a reader would see it.
      const seen: string[] = [];
      const kpi = () => doc.getElementById('kpi') as Widget;
      const watch = () => {
        const text = kpi().shadowRoot?.textContent?.replace(/\s+/g, ' ').trim();
        if (text && seen[seen.length - 1] !== text) seen.push(text);
        if (kpi().state !== 'loaded') win.requestAnimationFrame(watch);
      };
      watch();
      await waitUntil(() => kpi().state === 'loaded', 'the Welsh widget did not show', { timeout: 15000 });
      watch();
      expect(fetched(frame)).to.include(WELSH);
      expect(seen.length).to.be.greaterThan(0);
      for (const text of seen) for (const words of ENGLISH) expect(text).not.to.include(words);
      const shown = kpi().shadowRoot!.textContent!;
      expect(shown).to.include('Ffynhonnell');
      expect(kpi().shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('cy');
      // The widget in an English section of the same page stays in English.
      const english = doc.getElementById('english') as Widget;
      await waitUntil(() => english.state === 'loaded', 'the English widget did not show', { timeout: 15000 });
      expect(english.shadowRoot!.textContent).to.include('Source');
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('a prerendered Welsh widget keeps its markup until its strings arrive: no loading state in between', async () => {
    const rendered = await executeServerCommand<{ html?: string; error?: string }, object>('render-html', {
      element: 'kpi-quarter-table',
      file: 'leicester-kpis-2021-22.json',
      lang: 'cy',
    });
    expect(rendered.error).to.equal(undefined);
    // The page `render --format html` writes, with the script (and a recorder of what each frame shows) added.
    const page = rendered
      .html!.replace('<head>', '<head><script src="/test/pages/frame-recorder.js"></script>')
      .replace('</body>', '<script src="/dist/partnership-widgets.js" defer></script></body>');
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    frame.srcdoc = page;
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as PageWindow;
      const kpi = frame.contentDocument!.querySelector('kpi-quarter-table') as Widget;
      await waitUntil(() => kpi.state === 'loaded', 'the prerendered widget did not upgrade', { timeout: 15000 });
      await new Promise((r) => win.requestAnimationFrame(r));
      expect(fetched(frame)).to.include(WELSH);
      const frames = win.__frames!;
      const cy = '\u2019';
      // Every frame shows the figures (prerendered, then live): never a blank box, nor the loading state.
      for (const text of frames) {
        expect(text).to.include('Ffynhonnell');
        expect(text).not.to.include(`Wrthi${cy}n llwytho`);
        for (const words of ENGLISH) expect(text).not.to.include(words);
      }
    } finally {
      frame.remove();
    }
  });
});
