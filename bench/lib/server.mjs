/**
 * The benchmark's loopback server: serves every page from 127.0.0.1 the same
 * way, gzip-compressed as a production host would (compressed once, kept in
 * memory, so compression is not timed), with `Cache-Control: no-store`.
 *
 *   /dist/...          the built bundle (dist/)
 *   /data/...          the sample data (data/)
 *   /bench/pages/...   the pages' scripts and CSS (bench/pages/)
 *   /peers/...         the peers' bundles (scratch folder)
 *   /gen/...           generated data (a temporary folder)
 *   /page?...          a page, made by `pageHtml` (bench/lib/pages.mjs)
 *
 * BENCH_BUNDLE=path/to/other.js serves another build as /dist/partnership-widgets.js
 * (its .map beside it): to measure an experiment against the same pages.
 *
 * No Content-Security-Policy is sent: vega compiles expressions with
 * `Function`, so a strict policy would stop one peer, and every page must be
 * served alike. (Our widgets' behaviour under CSP is tested in `npm test`.)
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageHtml } from './pages.mjs';
import { root, scratchDir } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Starts the server on a free loopback port; resolves to `{origin, forget, close}`. */
export async function startServer({ cases, genDir = join(scratchDir, 'gen') }) {
  const MOUNTS = [
    ['/dist/', join(root, 'dist')],
    ['/data/', join(root, 'data')],
    ['/bench/pages/', join(root, 'bench/pages')],
    ['/peers/', join(scratchDir, 'bundles')],
    ['/gen/', genDir],
  ];
  const cache = new Map(); // file → {body, gz}

  async function cached(path) {
    let entry = cache.get(path);
    if (!entry) {
      const body = await readFile(path);
      entry = { body, gz: gzipSync(body, { level: 9 }) };
      cache.set(path, entry);
    }
    return entry;
  }

  function send(req, res, status, type, entry) {
    const gz = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gz ? entry.gz : entry.body;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(gz ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/page') {
        const html = Buffer.from(pageHtml(url.searchParams, cases));
        return send(req, res, 200, TYPES['.html'], { body: html, gz: gzipSync(html) });
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (process.env.BENCH_BUNDLE && url.pathname.startsWith('/dist/partnership-widgets.js')) {
        const file = process.env.BENCH_BUNDLE + url.pathname.slice('/dist/partnership-widgets.js'.length);
        return send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await cached(file));
      }
      const mount = MOUNTS.find(([prefix]) => url.pathname.startsWith(prefix));
      if (!mount) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const path = normalize(join(mount[1], decodeURIComponent(url.pathname.slice(mount[0].length))));
      if (!path.startsWith(mount[1] + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      send(req, res, 200, type, await cached(path));
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500, {
        'Content-Type': 'text/plain',
      });
      res.end(String(error.message));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Forgets cached files (after generated data is rewritten). */
    forget: () => cache.clear(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
