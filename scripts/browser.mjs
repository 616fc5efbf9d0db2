/**
 * Finds a Chromium or Chrome executable (and Firefox, for the second run of the
 * browser tests) for the browser tests, the benchmark and anything else that
 * drives a headless browser. No npm dependencies: this
 * runs before `web-test-runner` and must work on a fresh machine.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names of Chromium/Chrome executables looked for on PATH, in order. */
export const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Flags for a headless Chromium on this kind of machine: as root Chromium
 * refuses to start without `--no-sandbox`; the rest stop it reaching for a
 * network it does not have and for a GPU or /dev/shm it may not have.
 */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when `file` is a regular file this process may execute. */
function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` in the directories of PATH, or undefined. */
function onPath(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/**
 * The path of a Chromium/Chrome executable, or undefined: `CHROME_PATH` when
 * it names an existing file, else the first of `browserNames` found on PATH.
 */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  for (const name of browserNames) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/** Names of Firefox executables looked for on PATH, in order (Debian's ESR first). */
export const firefoxNames = ['firefox-esr', 'firefox'];

/**
 * The path of a Firefox executable, or undefined: `FIREFOX_PATH` when it names
 * an existing file, else the first of `firefoxNames` found on PATH.
 */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  for (const name of firefoxNames) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Which browsers the tests run in: `BROWSERS=chromium` or `BROWSERS=firefox`
 * narrows it; unset means every one that is installed.
 */
export function wantedBrowsers() {
  const list = (process.env.BROWSERS ?? 'chromium,firefox')
    .split(',')
    .map((b) => b.trim().toLowerCase())
    .filter(Boolean);
  for (const b of list) {
    if (b !== 'chromium' && b !== 'firefox') throw new Error(`BROWSERS: unknown browser "${b}" (chromium, firefox)`);
  }
  return new Set(list);
}
