/**
 * Loading: one in-flight request per URL, shared by every widget that asks
 * for it; a timeout; a 5 MB limit on the body; retry with backoff on 429 and 503 (honouring
 * Retry-After); and cancellation. A widget that stops waiting (its `src`
 * changed, or it was removed) only cancels the request when nobody else is
 * waiting for it.
 */
import { WidgetError } from './contract.js';

export interface Loaded {
  readonly text: string;
  readonly contentType: string;
  readonly url: string;
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up (default 15,000). */
  timeout?: number;
  /** Retries on 429/503 (default 2). */
  retries?: number;
  /** Skip joining a request already in flight that started before this call (for reload()). */
  fresh?: boolean;
}

interface Entry {
  readonly promise: Promise<Loaded>;
  readonly controller: AbortController;
  users: number;
}

const inFlight = new Map<string, Entry>();

/** For tests: how many requests are in flight. */
export function inFlightCount(): number {
  return inFlight.size;
}

const TIMEOUT = Symbol('timeout');

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

/** The body as UTF-8 text (as `Response.text()`), refused once it passes MAX_BYTES, whatever Content-Length said. */
async function readBody(response: Response, url: string): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(url);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
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

async function request(
  url: string,
  controller: AbortController,
  timeout: number,
  retries: number,
  fresh: boolean,
): Promise<Loaded> {
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeout);
  const seconds = Math.round(timeout / 1000);
  try {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          signal: controller.signal,
          headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1' },
          credentials: 'same-origin',
          // reload() and refresh revalidate with the server rather than trust the HTTP cache.
          cache: fresh ? 'no-cache' : 'default',
        });
      } catch (error) {
        if (controller.signal.aborted && controller.signal.reason === TIMEOUT) {
          throw new WidgetError('timeout', [(m) => m.errors.timeout(seconds, url)]);
        }
        if (controller.signal.aborted) throw error;
        throw new WidgetError('network', [(m) => m.errors.network(url)]);
      }
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        await sleep(retryDelay(response.headers.get('Retry-After'), attempt), controller.signal).catch((e) => {
          if (controller.signal.reason === TIMEOUT)
            throw new WidgetError('timeout', [(m) => m.errors.timeout(seconds, url)]);
          throw e;
        });
        continue;
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
      let text: string;
      try {
        text = await readBody(response, url);
      } catch (error) {
        if (error instanceof WidgetError) throw error;
        if (controller.signal.reason === TIMEOUT)
          throw new WidgetError('timeout', [(m) => m.errors.timeout(seconds, url)]);
        if (controller.signal.aborted) throw error;
        throw new WidgetError('network', [(m) => m.errors.network(url)]);
      }
      return { text, contentType: response.headers.get('Content-Type') ?? '', url: response.url || url };
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads a URL's text. Callers asking for the same absolute URL while a
 * request is in flight share it.
 */
export function loadText(src: string, options: LoadOptions = {}): Promise<Loaded> {
  const url = new URL(src, document.baseURI).href;
  const { signal, timeout = 15_000, retries = 2 } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let entry = options.fresh ? undefined : inFlight.get(url);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = {
      controller,
      users: 0,
      promise: request(url, controller, timeout, retries, !!options.fresh).finally(() => {
        if (inFlight.get(url) === created) inFlight.delete(url);
      }),
    };
    // Unhandled rejections are reported by each waiting caller, not here.
    created.promise.catch(() => undefined);
    inFlight.set(url, created);
    entry = created;
  }
  const shared = entry;
  shared.users++;
  if (!signal) return shared.promise;
  return new Promise<Loaded>((resolve, reject) => {
    const onAbort = () => {
      shared.users--;
      if (shared.users <= 0) {
        shared.controller.abort(signal.reason);
        if (inFlight.get(url) === shared) inFlight.delete(url);
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
