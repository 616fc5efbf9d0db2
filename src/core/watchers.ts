/**
 * Page-wide listeners shared by every widget on the page: one observer of
 * `lang` attributes and one of printing, however many widgets there are.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const langListeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

/** Calls `listener` whenever any `lang` attribute on the page changes; returns the unsubscribe. */
export function watchLang(listener: () => void): () => void {
  if (!langObserver) {
    langObserver = new MutationObserver(() => langListeners.forEach((l) => l()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}

const printListeners = new Set<(printing: boolean) => void>();
let printWatched = false;

/**
 * Tells `listener` whether the page is being printed, so a widget can draw a
 * view it keeps hidden on screen (print shows both); returns the unsubscribe.
 */
export function watchPrint(listener: (printing: boolean) => void): () => void {
  if (!printWatched) {
    printWatched = true;
    const tell = (printing: boolean) => printListeners.forEach((l) => l(printing));
    window.addEventListener('beforeprint', () => tell(true));
    window.addEventListener('afterprint', () => tell(false));
    window.matchMedia('print').addEventListener('change', (e) => tell(e.matches));
  }
  printListeners.add(listener);
  return () => printListeners.delete(listener);
}

/** What a widget does when the language around it changes, or printing starts or ends. */
export interface PageListeners {
  /** Read the language again. */
  lang: () => void;
  /** Printing started or ended (`initial`: whether the page is printing when the element connects). */
  print: (printing: boolean, initial: boolean) => void;
}

/** Watches the page's languages and printing while its element is connected. */
export class PageWatch implements ReactiveController {
  private unwatch: (() => void)[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly listeners: PageListeners,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const { lang, print } = this.listeners;
    lang();
    print(window.matchMedia('print').matches, true);
    this.unwatch = [watchLang(lang), watchPrint((printing) => print(printing, false))];
  }

  hostDisconnected(): void {
    this.unwatch.forEach((u) => u());
    this.unwatch = [];
  }
}
