// CMS host pages built with widely used stylesheets (GOV.UK Frontend and
// Bootstrap, from npm), under the SPEC's strict CSP: every widget renders,
// with zero CSP violations; and the same page content passes axe.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';
import '../src/index.js';

interface PageWindow extends Window {
  __cspViolations?: unknown[];
}

type Widget = HTMLElement & { state?: string };

const PAGES = ['/demo/cms.html', '/demo/cms-bootstrap.html'];

async function settled(root: ParentNode) {
  const widgets = () => [...root.querySelectorAll<Widget>('kpi-quarter-table, attendance-by-sector, training-trend')];
  await waitUntil(
    () => widgets().length === 4 && widgets().every((w) => w.state && w.state !== 'loading'),
    'widgets did not settle',
    {
      timeout: 15000,
    },
  );
  return widgets();
}

describe('CMS host pages', () => {
  for (const path of PAGES) {
    it(`${path}: every widget renders under the strict CSP with zero violations`, async () => {
      const frame = await openPage(path, 1280, 900);
      try {
        const widgets = await settled(frame.contentDocument!);
        expect(widgets.map((w) => w.state)).to.deep.equal(['loaded', 'loaded', 'loaded', 'loaded']);
        expect((frame.contentWindow as PageWindow).__cspViolations).to.deep.equal([]);
        // The host's stylesheet does not reach inside: the table keeps its own layout.
        const td = widgets[0]!.shadowRoot!.querySelector('td')!;
        expect(getComputedStyle(td).textAlign).to.equal('right');
        // No typeface the page may not use and has no files for (GOV.UK's GDS Transport): no font file
        // was asked for, so none failed (404) or is still loading.
        const doc = frame.contentDocument!;
        await doc.fonts.ready;
        const asked = [...doc.fonts].filter((f) => f.status !== 'unloaded').map((f) => `${f.family} ${f.status}`);
        expect(asked, 'font files requested').to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });

    it(`${path}: the widgets' buttons take the page's button look where the page sets one`, async () => {
      const frame = await openPage(path, 1280, 900);
      try {
        const doc = frame.contentDocument!;
        const widgets = await settled(doc);
        const bootstrap = path.includes('bootstrap');
        // The page's own button, as its stylesheet draws it.
        const own = doc.createElement('button');
        own.className = bootstrap ? 'btn btn-outline-primary' : 'govuk-button govuk-button--secondary';
        own.textContent = 'Page button';
        doc.body.append(own);
        const look = (b: Element) => {
          const s = getComputedStyle(b);
          return { borderColor: s.borderTopColor, radius: s.borderTopLeftRadius, color: s.color };
        };
        for (const widget of widgets) {
          for (const part of ['toggle', 'download']) {
            const button = widget.shadowRoot!.querySelector(`[part="${part}"]`)!;
            if (bootstrap) {
              expect(look(button), `${widget.localName} ${part}`).to.deep.equal(look(own));
            } else {
              // GOV.UK Frontend styles its classes only: the widgets keep their own buttons.
              expect(getComputedStyle(button).borderTopLeftRadius).to.equal('0px');
            }
          }
        }
        own.remove();
      } finally {
        frame.remove();
      }
    });

    it(`${path}: the page's content with its stylesheets passes axe`, async () => {
      const html = await (await fetch(path)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = new URL(l.getAttribute('href')!, new URL(path, location.href)).href;
        document.head.append(link);
        return link;
      });
      const host = document.createElement('div');
      host.className = doc.documentElement.className;
      document.body.append(host);
      try {
        await Promise.all(links.map((l) => new Promise((r) => (l.sheet ? r(null) : l.addEventListener('load', r)))));
        for (const node of [...doc.body.childNodes]) host.append(document.importNode(node, true));
        // Widgets load their data relative to the demo page.
        host.querySelectorAll('[src]').forEach((el) => {
          el.setAttribute('src', new URL(el.getAttribute('src')!, new URL(path, location.href)).href);
        });
        await settled(host);
        await expect(host).to.be.accessible();
      } finally {
        host.remove();
        links.forEach((l) => l.remove());
      }
    });
  }
});

describe('demo/index.html laid out as a council page', () => {
  it('has a readable measure and section headings that outrank the widgets’ headings', async () => {
    const frame = await openPage('/demo/index.html', 1920, 900);
    try {
      const doc = frame.contentDocument!;
      const widgets = () => [
        ...doc.querySelectorAll<Widget>('kpi-quarter-table, attendance-by-sector, training-trend'),
      ];
      await waitUntil(() => widgets().every((w) => w.state && w.state !== 'loading'), 'widgets did not settle', {
        timeout: 20000,
      });
      // A line length a reader can follow on a wide screen.
      expect(doc.querySelector('main')!.getBoundingClientRect().width).to.be.at.most(1100);
      for (const widget of widgets()) {
        const section = widget.closest('section')!;
        const sectionHeading = section.querySelector(':scope > h2')!;
        const own = widget.shadowRoot!.querySelector('[part="heading"]');
        if (!own) continue; // a widget in its error state has no heading of its own
        const level = (h: Element) => Number(h.localName.slice(1));
        expect(level(own), `${widget.id}: its heading is below its section's`).to.be.greaterThan(level(sectionHeading));
        const size = (h: Element) => Number.parseFloat(getComputedStyle(h).fontSize);
        expect(size(sectionHeading), `${widget.id}: the section heading is the larger`).to.be.greaterThan(size(own));
      }
    } finally {
      frame.remove();
    }
  });
});
