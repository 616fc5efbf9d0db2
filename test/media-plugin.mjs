// Server side of the `emulate` test helper (test/helpers.ts): media type and
// media features, including `forced-colors`, which neither puppeteer's
// emulateMediaFeatures nor @web/test-runner-commands' emulateMedia accepts.
// Chromium: through the DevTools protocol (Emulation.setEmulatedMedia), on one
// CDP session per page. Firefox over WebDriver BiDi has no media emulation:
// the command answers { emulated: false } and the test decides (the Firefox
// group that needs forced colours and reduced motion launches Firefox with
// them set as preferences instead: see web-test-runner.config.mjs).
const sessions = new WeakMap();

const FEATURES = new Set(['forced-colors', 'prefers-reduced-motion', 'prefers-color-scheme', 'prefers-contrast']);

export function mediaPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pw-emulate-media') return undefined;
      const { media = '', features = {} } = payload ?? {};
      for (const name of Object.keys(features)) {
        if (!FEATURES.has(name)) throw new Error(`pw-emulate-media: unknown media feature ${name}`);
      }
      if (session.browser.type !== 'puppeteer') return { emulated: false, reason: `not a puppeteer browser` };
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        try {
          cdp = await page.createCDPSession();
        } catch (error) {
          return { emulated: false, reason: `no DevTools protocol in this browser (${error.message})` };
        }
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        media,
        features: Object.entries(features).map(([name, value]) => ({ name, value })),
      });
      return { emulated: true };
    },
  };
}
