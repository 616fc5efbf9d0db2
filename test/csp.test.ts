// The demo page under the SPEC's strict CSP (set by a <meta> in the page):
// every widget reaches its final state with no CSP violation. Runs against
// the built bundle, so `npm test` builds first.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';

interface DemoWindow extends Window {
  __cspViolations?: { directive: string; blocked: string; sample: string }[];
}

describe('demo page under a strict CSP', () => {
  it('ships no eval or Function constructor in the bundle or its chunks', async () => {
    for (const file of [
      'partnership-widgets.js',
      'partnership-widgets/elements.js',
      'partnership-widgets/charts.js',
      'partnership-widgets/csv.js',
    ]) {
      const code = await (await fetch(`/dist/${file}`)).text();
      expect(code.length, file).to.be.greaterThan(100);
      expect(code.match(/new Function\s*\(|\beval\s*\(/g), file).to.equal(null);
    }
  });

  it('renders every widget with zero CSP violations', async () => {
    const bundle = await fetch('/dist/partnership-widgets.js', { method: 'HEAD' });
    expect(bundle.ok, 'dist/partnership-widgets.js is missing: run npm run build').to.equal(true);
    const frame = await openPage('/demo/index.html', 1000, 800);
    try {
      const doc = frame.contentDocument!;
      const widgets = () =>
        [...doc.querySelectorAll('kpi-quarter-table, attendance-by-sector, training-trend')] as (HTMLElement & {
          state: string;
        })[];
      await waitUntil(
        () => widgets().length === 17 && widgets().every((w) => w.state && w.state !== 'loading'),
        'demo widgets did not settle',
        { timeout: 15000 },
      );
      const states = Object.fromEntries(widgets().map((w) => [w.id, w.state]));
      expect(states).to.deep.equal({
        leicester: 'loaded',
        trafford: 'loaded',
        'trafford-referrals': 'loaded',
        'trafford-cpp': 'loaded',
        scilly: 'loaded',
        welsh: 'loaded',
        norfolk: 'loaded',
        'norfolk-csv': 'loaded',
        'norfolk-welsh': 'loaded',
        'attendance-inline': 'loaded',
        training: 'loaded',
        'training-welsh': 'loaded',
        'training-one-year': 'loaded',
        'training-twelve-years': 'loaded',
        'training-suppressed': 'loaded',
        'training-missing-year': 'loaded',
        broken: 'error',
      });
      // The chart view was drawn (scilly starts as a chart; the chart code is loaded on demand,
      // from next to the script, under the policy) without Plot's <style>.
      const scilly = doc.getElementById('scilly')!.shadowRoot!;
      await waitUntil(() => scilly.querySelector('svg[role="img"]'), 'KPI chart not drawn');
      expect(scilly.querySelectorAll('style').length).to.equal(0);
      // The attendance chart, its hatching and keyboard highlight work under the policy too.
      const norfolk = doc.getElementById('norfolk')!.shadowRoot!;
      await waitUntil(() => norfolk.querySelector('svg[role="img"] pattern'), 'attendance chart not drawn');
      expect(norfolk.querySelectorAll('style').length).to.equal(0);
      const nav = norfolk.querySelector<HTMLElement>('[part="chart"]')!;
      nav.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
      await waitUntil(() => norfolk.querySelector('svg .pw-focused'), 'no bar highlighted');
      expect(norfolk.querySelector('[part="announcer"]')!.textContent).to.contain('Schools and education, 2024-25');
      // The training panels, their focus bands and the grid keys work under the policy too.
      const training = doc.getElementById('training')!.shadowRoot!;
      await waitUntil(() => training.querySelectorAll('svg[role="img"]').length === 3, 'training panels not drawn');
      expect(training.querySelectorAll('style').length).to.equal(0);
      const panels = training.querySelector<HTMLElement>('[part="chart"]')!;
      for (const key of ['ArrowRight', 'ArrowDown']) {
        panels.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
      await waitUntil(() => training.querySelector('svg g.pw-focus-rings > .pw-focused'), 'no year highlighted');
      expect(training.querySelector('[part="announcer"]')!.textContent).to.contain(
        '2017-18, Training events: 74 events, 1,180 attendees (1 of 5 years)',
      );
      const suppressed = doc.getElementById('training-suppressed')!.shadowRoot!;
      await waitUntil(() => suppressed.querySelectorAll('svg g.pw-symbols text').length === 3, 'no [c] drawn');
      const violations = (frame.contentWindow as DemoWindow).__cspViolations;
      expect(violations, 'the CSP monitor did not run').to.be.an('array');
      expect(violations).to.deep.equal([]);
      // The policy really is enforced: an inline style element is refused.
      const probe = doc.createElement('style');
      probe.textContent = 'body { color: red }';
      doc.head.append(probe);
      await waitUntil(() => ((frame.contentWindow as DemoWindow).__cspViolations ?? []).length > 0, 'CSP not enforced');
    } finally {
      frame.remove();
    }
  });
});
