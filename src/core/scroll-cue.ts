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

/**
 * Widgets whose cues are due, measured together in one animation frame: every
 * widget's tables are read first (one layout for the whole page), then every
 * cue is written. Reading one widget's table after writing another's cue would
 * lay the page out again for each widget.
 */
const due = new Set<ScrollCueController>();
let frame = 0;

function flush(): void {
  frame = 0;
  const batch = [...due];
  due.clear();
  const writes = batch.map((cue) => cue.measure());
  for (const write of writes) write();
}

export class ScrollCueController implements ReactiveController {
  private readonly boxes = new WeakSet<Element>();
  private resize?: ResizeObserver;

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
    due.delete(this);
  }

  hostUpdated(): void {
    this.schedule();
  }

  private schedule(): void {
    if (typeof requestAnimationFrame === 'undefined') return;
    due.add(this);
    if (!frame) frame = requestAnimationFrame(flush);
  }

  /**
   * Reads the off-screen columns of each table (layout) and returns what writes
   * the cues. A cue is made only once there is something to say: a table that
   * fits changes nothing on the page.
   * @internal
   */
  measure(): () => void {
    const root = this.host.shadowRoot;
    if (!root || !this.host.isConnected) return () => {};
    const updates: { box: HTMLElement; cue: Element | null; text: string }[] = [];
    for (const box of root.querySelectorAll<HTMLElement>('.scroll')) {
      if (!this.boxes.has(box)) {
        this.boxes.add(box);
        box.addEventListener('scroll', () => this.schedule(), { passive: true });
      }
      const before = box.previousElementSibling;
      const cue = before?.classList.contains('scroll-cue') ? before : null;
      const { left, right } = offScreen(box);
      updates.push({ box, cue, text: this.messages().scrollCue(left, right) });
    }
    return () => {
      for (const { box, text, cue: found } of updates) {
        let cue = found;
        if (!cue) {
          if (text === '') continue;
          cue = document.createElement('p');
          cue.className = 'scroll-cue';
          cue.setAttribute('aria-hidden', 'true');
          cue.setAttribute('part', 'scroll-cue');
          box.before(cue);
        }
        if (cue.textContent !== text) cue.textContent = text;
        if ((cue as HTMLElement).hidden !== (text === '')) (cue as HTMLElement).hidden = text === '';
      }
    };
  }
}
