// The scrutiny briefing page: one widget per screen, stepped with Page Down /
// Page Up, presenting-size type, a speaker line from each widget's summary,
// no CSP violation.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

interface PageWindow extends Window {
  __cspViolations?: unknown[];
}

describe('demo/briefing.html', () => {
  it('steps through one widget per screen with the keyboard, in presenting size', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '800px';
    frame.src = '/demo/briefing.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const doc = frame.contentDocument!;
      const slides = [...doc.querySelectorAll<HTMLElement>('.slide')];
      expect(slides.length).to.equal(4);
      await waitUntil(
        () => slides.every((s) => s.querySelector('.speaker')!.textContent!.length > 20),
        'speaker lines',
        {
          timeout: 15000,
        },
      );
      const visible = () => slides.findIndex((s) => !s.hidden);
      expect(visible()).to.equal(0);
      frame.focus();
      doc.querySelector<HTMLElement>('#s1')!.focus();
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => visible() === 1, 'PageDown did not step');
      await sendKeys({ press: 'PageDown' });
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => visible() === 3, 'did not reach the last screen');
      await sendKeys({ press: 'PageDown' });
      expect(visible()).to.equal(3);
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => visible() === 2, 'PageUp did not step back');
      const widget = slides[2]!.querySelector('attendance-by-sector')!;
      expect(widget.hasAttribute('presenting')).to.equal(true);
      const summary = widget.shadowRoot!.querySelector('[part="summary"]')!;
      expect(Number.parseFloat(getComputedStyle(summary).fontSize)).to.be.at.least(24);
      expect(slides[2]!.querySelector('.speaker')!.textContent).to.match(/^Attendances in 2024-25/);
      expect((frame.contentWindow as PageWindow).__cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
