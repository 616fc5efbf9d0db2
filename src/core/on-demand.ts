/**
 * A module fetched on demand (the chart code, the CSV reader, the Welsh strings): asked for once per
 * page, with a dynamic `import()` relative to the script's own URL (any path, under a strict CSP). A
 * failed fetch (offline, a file not copied) is not remembered: the next caller tries again.
 */
export interface OnDemand<T> {
  /** Starts the fetch, or joins the one under way; resolves with the module. */
  load(): Promise<T>;
  /** Whether a fetch is under way or done. */
  started(): boolean;
}

export function onDemand<T>(fetchModule: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= fetchModule().catch((error: unknown) => {
        pending = undefined;
        throw error;
      })),
    started: () => pending !== undefined,
  };
}
