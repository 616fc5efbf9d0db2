// demo/embed.html: pick a widget and data, see it live, copy the snippet.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';

interface PageWindow extends Window {
  __cspViolations?: unknown[];
}

describe('demo/embed.html', () => {
  it('shows the chosen widget live and writes its snippet, from an address or pasted CSV', async () => {
    const frame = await openPage('/demo/embed.html', 1200, 800);
    try {
      const doc = frame.contentDocument!;
      const win = frame.contentWindow!;
      const change = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) => {
        el.value = value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const widget = () => doc.querySelector('#preview > *') as (HTMLElement & { state?: string }) | null;
      await waitUntil(() => widget()?.state === 'loaded', 'first preview', { timeout: 15000 });

      change(doc.getElementById('widget') as HTMLSelectElement, 'training-trend');
      change(doc.getElementById('heading-level') as HTMLSelectElement, '3');
      change(doc.getElementById('lang') as HTMLSelectElement, 'cy');
      await waitUntil(
        () => widget()?.localName === 'training-trend' && widget()?.state === 'loaded',
        'training preview',
        {
          timeout: 15000,
        },
      );
      const snippet = () => doc.getElementById('snippet')!.textContent!;
      expect(snippet()).to.contain(
        '<training-trend src="../data/llr-training.json" heading-level="3" lang="cy"></training-trend>',
      );
      expect(widget()!.shadowRoot!.querySelector('h3')).to.not.equal(null);
      expect(widget()!.shadowRoot!.textContent).to.contain('Dangos tabl');

      change(doc.getElementById('widget') as HTMLSelectElement, 'kpi-quarter-table');
      const inline = doc.querySelector<HTMLInputElement>('input[name="source"][value="inline"]')!;
      inline.checked = true;
      inline.dispatchEvent(new Event('change', { bubbles: true }));
      change(
        doc.getElementById('inline') as HTMLTextAreaElement,
        'measure,period,value\nreferrals,2021-22 Q1,618\nreferrals,2021-22 Q2,567\nreferrals,2021-22 Q3,554\nreferrals,2021-22 Q4,556\n',
      );
      await waitUntil(
        () => widget()?.localName === 'kpi-quarter-table' && widget()?.state === 'loaded',
        'inline CSV preview',
      );
      expect(widget()!.shadowRoot!.textContent).to.contain('2,295');
      expect(snippet()).to.contain('<script type="text/csv">');
      expect(snippet()).to.contain('<kpi-quarter-table heading-level="3" lang="cy">');
      expect((win as PageWindow).__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
