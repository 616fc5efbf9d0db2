/**
 * The demo server (scripts/serve.mjs, with its strict CSP) started on a free
 * port for a script or test that drives a browser against it: the print test
 * and the Lighthouse audit. No dependencies.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A TCP port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs on a free port; resolves once it answers, with its base URL and a stop(). */
export async function startDemoServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/demo/index.html`)).ok) break;
    } catch {
      // not up yet
    }
    if (i === 50 || child.exitCode !== null) {
      child.kill();
      throw new Error(`the demo server did not answer on ${base}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => child.kill() };
}
