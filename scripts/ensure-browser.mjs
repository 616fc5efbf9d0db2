/**
 * Runs before the browser tests: makes sure a Chromium or Chrome is there.
 * - Found (CHROME_PATH or on PATH): says which, exits 0.
 * - Not found, Debian, root: installs Debian's `chromium` with apt-get.
 * - Otherwise: explains how to install one, exits 1.
 * Then Firefox, for the second run of the browser tests: Debian's firefox-esr,
 * installed the same way; without it the run is Chromium only, said loudly.
 * Then, for the print test, poppler's pdftotext and pdftoppm: installed with
 * apt-get (`poppler-utils`) on Debian as root; elsewhere the print test says
 * how to install them and is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, findFirefox, wantedBrowsers } from './browser.mjs';

const fromEnv = process.env.CHROME_PATH;

function report(found) {
  const how = fromEnv && found === fromEnv ? ' (from CHROME_PATH)' : '';
  console.log(`Browser for tests: ${found}${how}`);
}

function warnBadEnv() {
  if (fromEnv && findBrowser() !== fromEnv) {
    console.warn(`CHROME_PATH is set to "${fromEnv}", which is not an executable file: ignoring it.`);
  }
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit code ${result.status ?? result.signal}).`);
    return false;
  }
  return true;
}

const howToInstall = `No Chromium or Chrome found, and none can be installed automatically here.
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
                  (on Ubuntu: chromium-browser, or Google Chrome's .deb)
  Fedora/RHEL:    sudo dnf install chromium
  macOS:          brew install --cask chromium   (or: brew install --cask google-chrome)
  Any system:     download Google Chrome from https://www.google.com/chrome/
Or point the tests at an existing browser:
  CHROME_PATH=/path/to/chrome npm test
Looked for CHROME_PATH, then chromium, chromium-browser, google-chrome and google-chrome-stable on PATH.`;

const isDebian = existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** pdftotext and pdftoppm for the print test; never fatal. */
function ensurePoppler() {
  if (onPath('pdftotext') && onPath('pdftoppm')) return;
  if (isDebian && isRoot) {
    console.log("No pdftotext for the print test: installing Debian's poppler-utils with apt-get…");
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    if (
      run('apt-get', ['install', '-y', 'poppler-utils']) ||
      (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'poppler-utils']))
    )
      return;
  }
  console.warn(
    'pdftotext (poppler-utils) is not installed: the print test will be skipped. Install poppler-utils to run it.',
  );
}

/**
 * Firefox for the second run of the browser tests: Debian's firefox-esr,
 * installed with apt-get on Debian as root. Missing Firefox is fatal only when
 * BROWSERS asks for it by name; otherwise the run says loudly that it is
 * Chromium only.
 */
function ensureFirefox() {
  const wanted = wantedBrowsers();
  if (!wanted.has('firefox')) return;
  if (process.env.FIREFOX_PATH && findFirefox() !== process.env.FIREFOX_PATH) {
    console.warn(`FIREFOX_PATH is set to "${process.env.FIREFOX_PATH}", which is not an executable file: ignoring it.`);
  }
  let firefox = findFirefox();
  if (!firefox && isDebian && isRoot) {
    console.log("No Firefox for the second browser run: installing Debian's firefox-esr with apt-get…");
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    if (!run('apt-get', ['install', '-y', 'firefox-esr']) && run('apt-get', ['update'])) {
      run('apt-get', ['install', '-y', 'firefox-esr']);
    }
    firefox = findFirefox();
  }
  if (firefox) {
    console.log(`Second browser for tests: ${firefox}`);
    return;
  }
  const how = `Install Firefox (Debian/Ubuntu: apt-get install firefox-esr; or set FIREFOX_PATH) to run the tests in Firefox too.`;
  if (process.env.BROWSERS) {
    console.error(`BROWSERS asks for Firefox, but none is installed. ${how}`);
    process.exit(1);
  }
  console.warn(`\n*** No Firefox found: the browser tests will run in Chromium ONLY. ${how}\n`);
}

function ensureChromium() {
  warnBadEnv();
  let found = findBrowser();
  if (found) {
    report(found);
    return;
  }
  if (!(isDebian && isRoot)) {
    console.error(howToInstall);
    if (isDebian) console.error('(On Debian this script installs chromium itself when run as root.)');
    process.exit(1);
  }
  console.log(
    "No Chromium found: installing Debian's chromium package with apt-get (needs network access to the Debian mirror)…",
  );
  // apt-get must not stop to ask questions (e.g. about a service restart) in a test run.
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  const installed = run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']);
  found = findBrowser();
  if (found) {
    report(found);
    return;
  }
  console.error(
    installed
      ? 'apt-get installed chromium, but no chromium executable is on PATH. Set CHROME_PATH to the browser and run the tests again.'
      : `Installing chromium with apt-get failed (see above): check access to the Debian mirror.\n\n${howToInstall}`,
  );
  process.exit(1);
}

// Chromium always: the print test and the benchmark drive it too.
ensureChromium();
ensureFirefox();
ensurePoppler();
