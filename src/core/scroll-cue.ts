/**
 * A visible cue over a table that scrolls sideways, naming the columns that
 * are off-screen ("More columns to the right: 2021-22 year total, Change on
 * 2020-21 →"), updated as the reader scrolls or the page is resized. Screen
 * reader users hear the region's own name ("… scrolls sideways"), so the cue is
 * hidden from them. Nothing is shown when the table fits.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from './messages.js';

const collapse = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The header cells of a table that lie beyond the scroll box's left and right edges. */
function offScreen(box: HTMLElement): { left: string[]; right: string[] } {
  const edges = box.getBoundingClientRect();
  const left: string[] = [];
  const right: string[] = [];
  for (const th of box.querySelectorAll<HTMLTableCellElement>('thead th')) {
    if (th.colSpan > 1) continue;
    const r = th.getBoundingClientRect();
    if (r.width === 0) continue;
    const name = th.getAttribute('aria-label') ?? collapse(th.textContent);
    if (r.right > edges.right + 1) right.push(name);
    else if (r.left < edges.left - 1) left.push(name);
  }
  return { left, right };
}

export class ScrollCueController implements ReactiveController {
  private readonly boxes = new WeakSet<Element>();
  private resize?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly messages: () => Messages,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.host);
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  hostUpdated(): void {
    this.schedule();
  }

  private schedule(): void {
    if (typeof requestAnimationFrame === 'undefined') return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.update());
  }

  private update(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    for (const box of root.querySelectorAll<HTMLElement>('.scroll')) {
      if (!this.boxes.has(box)) {
        this.boxes.add(box);
        box.addEventListener('scroll', () => this.schedule(), { passive: true });
      }
      let cue = box.previousElementSibling;
      if (!cue?.classList.contains('scroll-cue')) {
        cue = document.createElement('p');
        cue.className = 'scroll-cue';
        cue.setAttribute('aria-hidden', 'true');
        cue.setAttribute('part', 'scroll-cue');
        box.before(cue);
      }
      const { left, right } = offScreen(box);
      const text = this.messages().scrollCue(left, right);
      if (cue.textContent !== text) cue.textContent = text;
      (cue as HTMLElement).hidden = text === '';
    }
  }
}
