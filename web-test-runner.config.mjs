// Browser tests: headless Chromium (Debian's package or CHROME_PATH; see
// scripts/ensure-browser.mjs), TypeScript through esbuild with our tsconfig
// (decorators), Plot's one CommonJS dependency through rollup's commonjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeArgs, findBrowser } from './scripts/browser.mjs';
import { faultsMiddleware } from './test/faults.mjs';
import { snapshotPlugin } from './test/snapshot-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);
const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chromium or Chrome found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
}

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
  testsFinishTimeout: 120000,
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromeArgs } })],
  middleware: [faultsMiddleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
    commonjs({
      include: ['**/node_modules/interval-tree-1d/**', '**/node_modules/binary-search-bounds/**'],
      strictRequires: false,
    }),
    snapshotPlugin(),
  ],
};
