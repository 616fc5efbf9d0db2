// Server side of the render parity test (test/render-parity.test.ts): the
// browser asks for `partnership-widgets render ELEMENT --format svg` on a file
// in data/, at a width and language; the command line runs as a user runs it
// (the repository's bin shim, after `npm run build`) and its SVG goes back.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/partnership-widgets.mjs', import.meta.url));

export function renderPlugin() {
  return {
    name: 'render-svg',
    async executeCommand({ command, payload }) {
      if (command === 'render-html') return renderHtml(payload);
      if (command !== 'render-svg') return undefined;
      const { element, file, width, lang } = payload;
      if (!/^[a-z-]+$/.test(element) || !/^[a-z0-9-]+\.json$/.test(file))
        throw new Error(`bad render ${element} ${file}`);
      const args = ['render', element, '--src', `data/${file}`, '--format', 'svg', '--width', String(width)];
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [bin, ...args, '--lang', lang],
          { cwd: root, maxBuffer: 1 << 26 },
          (error, stdout, stderr) => resolve(error ? { error: stderr || String(error) } : { svg: stdout }),
        );
      });
    },
  };
}

/** `render ELEMENT --format html` on a file in data/ (a prerendered page), for test/welsh-on-demand.test.ts. */
function renderHtml({ element, file, lang }) {
  if (!/^[a-z-]+$/.test(element) || !/^[a-z0-9-]+\.json$/.test(file) || !/^[a-z-]+$/i.test(lang))
    throw new Error(`bad render ${element} ${file}`);
  const args = ['render', element, '--src', `data/${file}`, '--format', 'html', '--lang', lang];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 1 << 26 }, (error, stdout, stderr) =>
      resolve(error ? { error: stderr || String(error) } : { html: stdout }),
    );
  });
}
