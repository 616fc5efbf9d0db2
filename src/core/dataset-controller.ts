/**
 * Where a widget's figures come from, as a Lit reactive controller: the data
 * given as a property, inline in a `<script>` child, or loaded from `src`
 * (through a Task whose signal is aborted when the inputs change or the
 * element leaves the page), the last good dataset shown while a refresh is
 * on its way or after it failed, the shared refresh of `src`, and the
 * observer of the inline `<script>`.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { validateEnvelope, WidgetError, type Dataset } from './contract.js';
import { loadText, requestKey, watchRefresh, type RefreshResult } from './loader.js';
import { detectFormat, readData } from './read-data.js';

/** A dataset on hand: what it is, where it came from (`data`, `inline`, `src:<url>`, `static`) and when it was read. */
export interface Loaded {
  readonly dataset: Dataset;
  readonly key: string;
  readonly at: Date;
}

/** Text from the shared refresh of `src` (see `watchRefresh`), waiting to be read. */
interface Refreshed {
  readonly key: string;
  readonly text: string;
  readonly contentType: string;
  readonly url: string;
}

/** What the controller reads from its element. */
export interface DatasetHost extends ReactiveControllerHost, HTMLElement {
  readonly src?: string | undefined;
  readonly data?: unknown;
  readonly refresh: number;
  readonly timeout: number;
  readonly yearStartMonth?: number | undefined;
}

type Inline = { readonly text: string; readonly format: 'json' | 'csv' };
type Args = readonly [string | undefined, unknown, Inline | undefined, number, Refreshed | undefined];

/** An abort (the widget was removed mid-load, or its inputs changed) is not an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const converted = new WeakMap<object, WidgetError>();
/** Any thrown thing → a WidgetError with a message people can read. */
export function toWidgetError(error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  const known = typeof error === 'object' && error !== null ? converted.get(error) : undefined;
  if (known) return known;
  console.error(error);
  const result = new WidgetError('config', [(m) => m.errors.unexpected]);
  if (typeof error === 'object' && error !== null) converted.set(error, result);
  return result;
}

export class DatasetController implements ReactiveController {
  /** Data inside the element: `<script type="application/json">` or `<script type="text/csv">`. */
  private inline?: Inline;
  private reloads = 0;
  private lastReloads = 0;
  /** New text from a refresh: the task reads it. */
  private refreshed?: Refreshed;
  /** Why the last refresh failed, while the figures shown are the last good ones (stale). */
  private refreshError?: WidgetError;
  private lastGood?: Loaded;
  /** The text last given to the reader, by source: a refresh with the same text changes nothing. */
  private lastText?: { key: string; text: string };
  /** When a refresh last found the figures unchanged (for the stale message's time). */
  private confirmed?: { key: string; at: Date };
  /** What the refresh subscription is for (URL, interval, timeout), to subscribe again only when it changes. */
  private watching = '';
  private unwatchRefresh?: () => void;
  private childObserver?: MutationObserver;
  private abortedOnDisconnect = false;
  private lastSrc?: string;
  private lastArgs?: Args;
  /** Static rendering only: the figures, shown without loading. */
  private staticData?: Loaded;

  private readonly task: Task<Args, Loaded>;

  constructor(private readonly host: DatasetHost) {
    host.addController(this);
    // Run from `sync()` (the host's willUpdate), so the state derived there already sees a new load as pending.
    this.task = new Task<Args, Loaded>(host, {
      task: (args, { signal }) => this.load(args, signal),
      args: () => this.args(),
      autoRun: false,
    });
  }

  hostConnected(): void {
    this.readInline();
    this.childObserver = new MutationObserver(() => this.readInline());
    this.childObserver.observe(this.host, { childList: true, subtree: true, characterData: true });
    this.startRefresh();
    // A widget moved in the DOM was aborted on the way out: load again.
    if (this.abortedOnDisconnect) {
      this.abortedOnDisconnect = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    // The Task does not abort on disconnect by itself.
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedOnDisconnect = true;
      this.task.abort();
    }
    this.childObserver?.disconnect();
    this.stopRefresh();
  }

  /**
   * Call from the host's `willUpdate`: starts a load when its inputs changed
   * (aborting the one in flight) and joins or leaves the shared refresh.
   */
  sync(): void {
    const src = this.host.src;
    // Text refreshed for another address must not stand in for this one's.
    if (src !== this.lastSrc && this.refreshed) this.refreshed = undefined;
    this.lastSrc = src;
    this.startRefresh();
    if (this.staticData) return;
    const args = this.args();
    const last = this.lastArgs;
    if (!last || args.some((a, i) => a !== last[i])) {
      this.lastArgs = args;
      void this.task.run(args);
    }
  }

  /** Fetches the data again (bypassing a request already in flight). */
  reload(): void {
    this.refreshError = undefined;
    this.refreshed = undefined;
    this.reloads++;
    this.host.requestUpdate();
  }

  /** Static rendering only: shows this dataset at once, loading nothing. */
  showStatically(dataset: Dataset): void {
    this.staticData = { dataset, key: 'static', at: new Date() };
  }

  /** True while the figures are being loaded (not for static rendering). */
  get busy(): boolean {
    const status = this.task.status;
    return (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) && !this.staticData;
  }

  /** Why the figures cannot be shown (the load failed) or may be out of date (the last refresh failed). */
  get error(): WidgetError | undefined {
    const status = this.task.status;
    if (status === TaskStatus.ERROR && !isAbort(this.task.error)) return toWidgetError(this.task.error);
    if (status === TaskStatus.COMPLETE && this.refreshError) return this.refreshError;
    return undefined;
  }

  /** The data on screen: the task's value, or the last good value during a refresh or after it failed. */
  get shown(): Loaded | undefined {
    if (this.staticData) return this.staticData;
    if (this.task.status === TaskStatus.COMPLETE) this.lastGood = this.task.value;
    const host = this.host;
    const key = host.data !== undefined ? 'data' : this.inline !== undefined ? 'inline' : `src:${host.src}`;
    if (this.lastGood && this.lastGood.key !== key) this.lastGood = undefined;
    return this.lastGood;
  }

  /** When the figures shown were last known to be current: loaded, or confirmed unchanged by a refresh since. */
  checkedAt(loaded: Loaded): Date {
    const confirmed = this.confirmed;
    return confirmed && confirmed.key === loaded.key && confirmed.at > loaded.at ? confirmed.at : loaded.at;
  }

  private args(): Args {
    return [this.host.src, this.host.data, this.inline, this.reloads, this.refreshed];
  }

  private async load([src, data, inline, reloads, refreshed]: Args, signal: AbortSignal): Promise<Loaded> {
    const host = this.host;
    const options = host.yearStartMonth ? { yearStartMonth: host.yearStartMonth } : {};
    const fresh = reloads !== this.lastReloads;
    this.lastReloads = reloads;
    if (typeof data === 'string') {
      // JSON or CSV text: what a page under Trusted Types cannot put into a <script> child.
      return { dataset: await readData(data, detectFormat(data), options), key: 'data', at: new Date() };
    }
    if (data !== undefined) return { dataset: validateEnvelope(data, options), key: 'data', at: new Date() };
    if (inline !== undefined) {
      return { dataset: await readData(inline.text, inline.format, options), key: 'inline', at: new Date() };
    }
    if (!src) throw new WidgetError('config', [(m) => m.errors.noSource]);
    const key = `src:${src}`;
    const loaded =
      !fresh && refreshed?.key === key
        ? refreshed
        : await loadText(src, { signal, timeout: host.timeout * 1000, fresh });
    this.lastText = { key, text: loaded.text };
    const format = detectFormat(loaded.text, loaded.contentType, loaded.url);
    return { dataset: await readData(loaded.text, format, options), key, at: new Date() };
  }

  private readInline() {
    const script = this.host.querySelector(
      ':scope > script[type="application/json"], :scope > script[type="text/csv"]',
    );
    const text = script?.textContent ?? undefined;
    const format = script?.getAttribute('type') === 'text/csv' ? 'csv' : 'json';
    if (text === undefined) {
      if (this.inline === undefined) return;
      this.inline = undefined;
    } else if (text !== this.inline?.text || format !== this.inline.format) {
      this.inline = { text, format };
    } else {
      return;
    }
    this.host.requestUpdate();
  }

  /** Joins the shared refresh of `src` (one revalidation per URL and interval, whoever asks). */
  private startRefresh() {
    const host = this.host;
    const src = host.isConnected && host.refresh > 0 && host.data === undefined && !this.inline ? host.src : '';
    const watching = src ? `${requestKey(src)} ${host.refresh} ${host.timeout}` : '';
    if (watching === this.watching) return;
    this.stopRefresh();
    if (!src) return;
    this.watching = watching;
    const key = `src:${src}`;
    const options = { interval: host.refresh * 1000, timeout: host.timeout * 1000 };
    this.unwatchRefresh = watchRefresh(src, options, (result) => this.refreshedWith(key, result));
  }

  private stopRefresh() {
    this.unwatchRefresh?.();
    this.unwatchRefresh = undefined;
    this.watching = '';
  }

  /** A refresh's answer: new text is read and drawn; the same text changes nothing; a failure shows stale. */
  private refreshedWith(key: string, result: RefreshResult) {
    // The widget's own load (first, after a change of `src`, or reload()) is still on its way.
    if (this.task.status === TaskStatus.PENDING || `src:${this.host.src}` !== key) return;
    if ('error' in result) {
      if (!isAbort(result.error)) this.setRefreshError(toWidgetError(result.error));
      return;
    }
    this.setRefreshError(undefined);
    const { text, contentType, url } = result.loaded;
    if (this.lastText?.key === key && this.lastText.text === text) {
      this.confirmed = { key, at: new Date() };
      return;
    }
    this.refreshed = { key, text, contentType, url };
    this.host.requestUpdate();
  }

  private setRefreshError(error: WidgetError | undefined) {
    if (error === this.refreshError) return;
    this.refreshError = error;
    this.host.requestUpdate();
  }
}
