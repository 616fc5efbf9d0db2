/**
 * A small in-process static file server (node:http only) for scripts and tests
 * that serve a built app or a generated page on 127.0.0.1: the consumer test
 * (each fixture app's production build) and the snippet test (a page and a
 * second origin for the script and data, with CORS).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types by file ending (the demo server uses them too). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files on 127.0.0.1 at a free port. `mounts` maps a URL prefix
 * (`/data/`) to a folder; `pages` maps exact paths to text served as HTML;
 * `headers` are added to every response (e.g. a CSP, or CORS). A path that is
 * a folder serves its index.html. Resolves to `{ origin, close() }`.
 */
export async function startStaticServer({ mounts = {}, pages = new Map(), headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (pages.has(path)) return send(200, TYPES['.html'], pages.get(path));
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return send(404, 'text/plain; charset=utf-8', `${path} was not found.`);
    const root = resolve(mounts[prefix]);
    let file = resolve(join(root, normalize(path.slice(prefix.length))));
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'text/plain; charset=utf-8', 'Forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(404, 'text/plain; charset=utf-8', `${path} was not found.`);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
