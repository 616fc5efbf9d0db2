/**
 * Loading: one in-flight request per URL (without its #fragment), shared by
 * every widget that asks for it; a timeout, the shared request's being the
 * longest of its widgets' (one that joins later with a longer one extends
 * it); a 5 MB limit on the body; the body decoded by its declared or
 * detected encoding; retry with backoff on 429 and 503 (honouring
 * Retry-After); and cancellation. A widget that stops waiting (its `src`
 * changed, or it was removed) only cancels the request when nobody else is
 * waiting for it.
 *
 * Refresh: widgets that refresh the same URL share one revalidation per
 * interval (`watchRefresh`), a conditional request (If-None-Match /
 * If-Modified-Since) where the server gave an ETag or a Last-Modified, and
 * are told only when the text changed.
 */
import { maxOf, minOf } from './extent.js';
import { WidgetError } from './contract.js';

export interface Loaded {
  readonly text: string;
  readonly contentType: string;
  readonly url: string;
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up (default 15,000); a shared request waits for its callers' longest. */
  timeout?: number;
  /** Retries on 429/503 (default 2). */
  retries?: number;
  /** Skip joining a request already in flight that started before this call (for reload()). */
  fresh?: boolean;
}

/** The request's deadline passed (the reason its controller is aborted with). */
const TIMEOUT = Symbol('timeout');

interface Entry {
  readonly promise: Promise<Loaded>;
  readonly controller: AbortController;
  /** Each waiting caller's deadline (performance.now() milliseconds) and timeout. */
  readonly callers: Set<Caller>;
  /** When the shared request is given up: the latest deadline among the callers waiting. */
  deadline: number;
  /** The longest timeout among the callers waiting (milliseconds), for the message. */
  timeout: number;
  timer?: ReturnType<typeof setTimeout>;
}

interface Caller {
  readonly deadline: number;
  readonly timeout: number;
}

const inFlight = new Map<string, Entry>();

/** For tests: how many requests are in flight. */
export function inFlightCount(): number {
  return inFlight.size;
}

/** The key requests are shared by: the absolute URL without its fragment (the server never sees it). */
export function requestKey(src: string): string {
  const url = new URL(src, document.baseURI);
  url.hash = '';
  return url.href;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const id = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(id);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** The largest body read (5 MB): a widget's figures are a few kilobytes; more is a wrong address or a dump. */
export const MAX_BYTES = 5 * 1024 * 1024;

function tooLarge(url: string): WidgetError {
  return new WidgetError('http', [(m) => m.errors.tooLarge(MAX_BYTES / 1024 / 1024, url)]);
}

/** The `charset` of a Content-Type, if any (`text/csv; charset="ISO-8859-1"` → `iso-8859-1`). */
function declaredCharset(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase();
}

/**
 * Bytes → text. A byte order mark decides (UTF-8, UTF-16 LE or BE) and is
 * dropped; then the declared charset (Latin-1 labels read as Windows-1252, as
 * `TextDecoder` maps them); without one, or when bytes declared UTF-8 are not
 * UTF-8 (an Excel "CSV (Comma delimited)" export, which is Windows-1252,
 * served by a CMS that labels everything UTF-8), Windows-1252.
 */
export function decodeBody(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const charset = declaredCharset(contentType);
  let decoder: TextDecoder | undefined;
  try {
    decoder = charset ? new TextDecoder(charset) : undefined;
  } catch {
    decoder = undefined; // An unknown label: read it as if none were given.
  }
  if (decoder && decoder.encoding !== 'utf-8') return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The body's bytes, refused once they pass MAX_BYTES, whatever Content-Length said. */
async function readBytes(response: Response, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(url);
    }
    parts.push(value);
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}

/** Retry-After in seconds or as an HTTP date → milliseconds, capped at 10 s. */
export function retryDelay(header: string | null, attempt: number): number {
  const cap = 10_000;
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(cap, Math.max(0, seconds * 1000));
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.min(cap, Math.max(0, date - Date.now()));
  }
  return Math.min(cap, 400 * 2 ** attempt);
}

/** What the last full answer for a URL said, for a conditional request. */
interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
  /** The text those validators stand for: kept only while widgets refresh the URL (a 304 answers with it). */
  loaded?: Loaded;
}
const validators = new Map<string, Validators>();

/** A request to a cross-origin server with If-None-Match needs a CORS preflight it may not allow. */
function sameOrigin(url: string): boolean {
  return new URL(url).origin === location.origin;
}

type Mode = 'default' | 'fresh' | 'revalidate';

/**
 * A request the page's script (`src/bundle.ts`) started for a widget's `src` while the elements were
 * still on their way (the same request this module would make: same headers, credentials and cache
 * mode): its response, and the controller that stops it.
 */
export interface EarlyRequest {
  readonly response: Promise<Response>;
  readonly controller: AbortController;
}

/** Where the page's script leaves its early requests, by request key (see `requestKey`); `bundle.ts` spells it out. */
const EARLY = Symbol.for('partnership-widgets/early-requests');

/**
 * The early request for `url`, if the page's script started one: taken once (a reload or a refresh
 * asks the server again), and stopped when `signal` aborts (a timeout, or nobody waits any more).
 */
function takeEarly(url: string, signal: AbortSignal): Promise<Response> | undefined {
  const early = (globalThis as { [EARLY]?: Map<string, EarlyRequest> })[EARLY];
  const taken = early?.get(url);
  if (!taken) return undefined;
  early!.delete(url);
  if (signal.aborted) taken.controller.abort(signal.reason);
  else signal.addEventListener('abort', () => taken.controller.abort(signal.reason), { once: true });
  return taken.response;
}

async function request(url: string, controller: AbortController, retries: number, mode: Mode): Promise<Loaded> {
  const known = mode === 'revalidate' && sameOrigin(url) ? validators.get(url) : undefined;
  const conditional: Record<string, string> = {};
  if (known?.loaded && known.etag) conditional['If-None-Match'] = known.etag;
  else if (known?.loaded && known.lastModified) conditional['If-Modified-Since'] = known.lastModified;
  const asked = Object.keys(conditional).length > 0;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      // The first request for a URL may have been started by the page's script already.
      const early = attempt === 0 && mode === 'default' ? takeEarly(url, controller.signal) : undefined;
      response = await (early ??
        fetch(url, {
          signal: controller.signal,
          headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1', ...conditional },
          credentials: 'same-origin',
          // reload() and refresh revalidate with the server rather than trust the HTTP cache. With our
          // own validators the HTTP cache stays out of it, so that a 304 reaches us as a 304.
          cache: asked ? 'no-store' : mode === 'default' ? 'default' : 'no-cache',
        }));
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason ?? error;
      throw new WidgetError('network', [(m) => m.errors.network(url)]);
    }
    if ((response.status === 429 || response.status === 503) && attempt < retries) {
      await sleep(retryDelay(response.headers.get('Retry-After'), attempt), controller.signal);
      continue;
    }
    if (response.status === 304 && asked && known?.loaded) {
      void response.body?.cancel().catch(() => undefined);
      return known.loaded;
    }
    if (!response.ok) {
      const status = response.status;
      throw new WidgetError('http', [(m) => (status === 404 ? m.errors.notFound(url) : m.errors.http(status, url))]);
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (declared > MAX_BYTES) {
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(url);
    }
    const contentType = response.headers.get('Content-Type') ?? '';
    let text: string;
    try {
      text = decodeBody(await readBytes(response, url), contentType);
    } catch (error) {
      if (error instanceof WidgetError) throw error;
      if (controller.signal.aborted) throw controller.signal.reason ?? error;
      throw new WidgetError('network', [(m) => m.errors.network(url)]);
    }
    const loaded: Loaded = { text, contentType, url: response.url || url };
    const etag = response.headers.get('ETag') ?? undefined;
    const lastModified = response.headers.get('Last-Modified') ?? undefined;
    if (etag || lastModified) {
      validators.set(url, { etag, lastModified, ...(watches.has(url) ? { loaded } : {}) });
    } else validators.delete(url);
    return loaded;
  }
}

/** Seconds for a message: 15, 2.5 (not 2.4999). */
function secondsOf(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function timeoutError(ms: number, url: string): WidgetError {
  const seconds = secondsOf(ms);
  return new WidgetError('timeout', [(m) => m.errors.timeout(seconds, url)]);
}

/**
 * Sets the shared request's deadline to the latest of its waiting callers'
 * (a caller joining with a longer timeout extends it; one leaving may bring it in).
 */
function reschedule(entry: Entry): void {
  const callers = [...entry.callers];
  if (callers.length === 0) return;
  const deadline = maxOf(callers.map((c) => c.deadline));
  entry.timeout = maxOf(callers.map((c) => c.timeout));
  if (deadline === entry.deadline && entry.timer !== undefined) return;
  entry.deadline = deadline;
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => entry.controller.abort(TIMEOUT), Math.max(0, deadline - performance.now()));
}

function share(key: string, mode: Mode, retries: number): Entry {
  const existing = mode === 'fresh' ? undefined : inFlight.get(key);
  if (existing) return existing;
  const controller = new AbortController();
  const created: Entry = {
    controller,
    callers: new Set(),
    deadline: 0,
    timeout: 0,
    promise: request(key, controller, retries, mode).finally(() => {
      clearTimeout(created.timer);
      if (inFlight.get(key) === created) inFlight.delete(key);
    }),
  };
  // Unhandled rejections are reported by each waiting caller, not here.
  created.promise.catch(() => undefined);
  inFlight.set(key, created);
  return created;
}

function join(key: string, mode: Mode, options: LoadOptions): Promise<Loaded> {
  const { signal, timeout = 15_000, retries = 2 } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const shared = share(key, mode, retries);
  const caller: Caller = { deadline: performance.now() + timeout, timeout };
  shared.callers.add(caller);
  reschedule(shared);
  return new Promise<Loaded>((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      signal?.removeEventListener('abort', onAbort);
    };
    /** This caller stops waiting; the request stops when nobody waits for it. */
    const onAbort = () => {
      if (done) return;
      finish();
      shared.callers.delete(caller);
      if (shared.callers.size === 0) {
        shared.controller.abort(signal?.reason);
        if (inFlight.get(key) === shared) inFlight.delete(key);
      } else reschedule(shared);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        if (done) return;
        finish();
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        finish();
        // Every caller waited as long as the request did: the longest timeout among them.
        reject(error === TIMEOUT ? timeoutError(shared.timeout, key) : error);
      },
    );
  });
}

/**
 * Loads a URL's text. Callers asking for the same URL (fragments aside) while
 * a request is in flight share it.
 */
export function loadText(src: string, options: LoadOptions = {}): Promise<Loaded> {
  return join(requestKey(src), options.fresh ? 'fresh' : 'default', options);
}

/* ---------------------------------------------------------------- refresh */

/** The timers refresh runs by. Tests replace it (`useClock`) to run 30 seconds of refreshes at once. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const realClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};
let clock: Clock = realClock;

/**
 * For tests: refresh timers run on `replacement` until the returned function
 * is called. Only the refresh schedule moves to it; requests and their
 * timeouts keep real time.
 * @internal
 */
export function useClock(replacement: Clock): () => void {
  clock = replacement;
  return () => {
    clock = realClock;
  };
}

export type RefreshResult = { readonly loaded: Loaded } | { readonly error: unknown };

export interface RefreshOptions {
  /** Milliseconds between revalidations. */
  readonly interval: number;
  /** Milliseconds before a revalidation is given up. */
  readonly timeout: number;
}

interface Subscriber extends RefreshOptions {
  readonly listener: (result: RefreshResult) => void;
}

interface Watch {
  readonly subscribers: Set<Subscriber>;
  interval: number;
  timer?: unknown;
}

const watches = new Map<string, Watch>();

/** For tests: how many URLs are being refreshed. */
export function refreshCount(): number {
  return watches.size;
}

function schedule(key: string, watch: Watch): void {
  if (watch.timer !== undefined) clock.clearTimeout(watch.timer);
  watch.timer = clock.setTimeout(() => void tick(key, watch), watch.interval);
}

async function tick(key: string, watch: Watch): Promise<void> {
  // The next revalidation is due an interval after this one began, however long this one takes.
  schedule(key, watch);
  const timeout = maxOf([...watch.subscribers].map((s) => s.timeout));
  let result: RefreshResult;
  try {
    result = { loaded: await join(key, 'revalidate', { timeout, retries: 2 }) };
  } catch (error) {
    result = { error };
  }
  if (watches.get(key) !== watch) return;
  for (const subscriber of [...watch.subscribers]) {
    if (!watch.subscribers.has(subscriber)) continue;
    try {
      subscriber.listener(result);
    } catch (error) {
      console.error(error); // One widget's failure must not keep the news from the others.
    }
  }
}

/**
 * Refreshes `src` every `interval` milliseconds while subscribed: one
 * revalidation per URL for all its subscribers, at the shortest interval
 * among them. Each result goes to every subscriber: the Loaded (the same
 * object again after a 304) or the error. Returns the unsubscribe function.
 */
export function watchRefresh(src: string, options: RefreshOptions, listener: (result: RefreshResult) => void) {
  const key = requestKey(src);
  let watch = watches.get(key);
  if (!watch) {
    watch = { subscribers: new Set(), interval: options.interval };
    watches.set(key, watch);
    schedule(key, watch);
  }
  const subscriber: Subscriber = { ...options, listener };
  watch.subscribers.add(subscriber);
  if (options.interval < watch.interval) {
    watch.interval = options.interval;
    schedule(key, watch);
  }
  const current = watch;
  return (): void => {
    if (!current.subscribers.delete(subscriber)) return;
    if (current.subscribers.size === 0) {
      if (current.timer !== undefined) clock.clearTimeout(current.timer);
      if (watches.get(key) === current) watches.delete(key);
      const known = validators.get(key);
      if (known) delete known.loaded;
      return;
    }
    const shortest = minOf([...current.subscribers].map((s) => s.interval));
    if (shortest !== current.interval) {
      current.interval = shortest;
      schedule(key, current);
    }
  };
}
