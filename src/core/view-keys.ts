/**
 * The keys `t` and `p` on a focused widget: switch between table and chart, or presenting on and
 * off, keep focus in the widget (never on `<body>`), and say what changed in the live region.
 */
import type { ReactiveControllerHost } from 'lit';
import { keepFocus, viewAnnouncement, viewKey } from './chart-keyboard.js';
import type { Lang } from './messages.js';

/** What the keys switch. */
export interface ViewKeysHost extends ReactiveControllerHost {
  view: 'table' | 'chart';
  presenting: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  toggleView(): void;
}

export class ViewKeys {
  /** What the live region says after `t` or `p` (empty otherwise). */
  announcement = '';

  constructor(
    private readonly host: ViewKeysHost,
    private readonly lang: () => Lang,
  ) {}

  /** The widget's `keydown` listener. */
  readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    const key = viewKey(event);
    if (!key) return;
    event.preventDefault();
    const host = this.host;
    const root = host.renderRoot as ShadowRoot;
    const had = root.activeElement;
    if (key === 'view') host.toggleView();
    else host.presenting = !host.presenting;
    this.announcement = viewAnnouncement(this.lang(), key, host, this.announcement);
    host.requestUpdate();
    await host.updateComplete;
    keepFocus(root, had, host.view === 'chart' ? '.chart-view' : '.table-view', '[part="toggle"]');
  };
}
