/**
 * A small static file server for the demo (no dependencies: node:http only).
 *
 * Serves the repository root at http://localhost:8000 (`PORT`, `HOST` override;
 * 127.0.0.1 by default). Every response carries the strict Content Security
 * Policy the widgets must work under, and `Cache-Control: no-store`.
 *
 * Test routes used by the demo's error states:
 *   /demo/faults/500    answers 500 with a small HTML body
 *   /demo/faults/never  never answers (the socket stays open) - for timeouts
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from './static-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number.parseInt(process.env.PORT ?? '', 10) || 8000;
const host = process.env.HOST || '127.0.0.1';

const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

function headers(extra = {}) {
  return {
    'Content-Security-Policy': CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  };
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(res, method, status, title, message) {
  const body = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body>\n</html>\n`;
  res.writeHead(
    status,
    headers({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }),
  );
  res.end(method === 'HEAD' ? undefined : body);
}

function redirect(res, location) {
  res.writeHead(302, headers({ Location: location, 'Content-Length': 0 }));
  res.end();
}

/** Sockets held open by /demo/faults/never, closed when the server stops. */
const held = new Set();

async function handle(req, res) {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return page(res, method, 405, 'Method not allowed', `${method} is not supported here.`);
  }

  const raw = req.url ?? '/';
  const queryAt = raw.search(/[?#]/);
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt);
  let pathname;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return page(res, method, 400, 'Bad request', 'The path is not valid URL encoding.');
  }
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) {
    return page(res, method, 400, 'Bad request', 'The path is not valid.');
  }
  const segments = pathname.split('/');
  if (segments.includes('..')) {
    return page(res, method, 403, 'Forbidden', 'Paths may not go above the served folder.');
  }

  if (pathname === '/') return redirect(res, `/demo/${query}`);

  // Fault routes for the demo's error states.
  if (pathname === '/demo/faults/500') {
    return page(res, method, 500, 'Internal Server Error', 'This is a deliberate server error for the demo.');
  }
  if (pathname === '/demo/faults/never') {
    held.add(res.socket);
    res.socket?.once('close', () => held.delete(res.socket));
    return; // never answer
  }

  // Dot files and folders (.git, .ci...) are not part of the site.
  if (segments.some((s) => s.startsWith('.') && s !== '.')) {
    return page(res, method, 404, 'Not found', `${pathname} was not found.`);
  }

  let file = resolve(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    return page(res, method, 403, 'Forbidden', 'Paths may not go above the served folder.');
  }
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(res, `${rawPath}/${query}`);
      file = join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    return page(res, method, 404, 'Not found', `${pathname} was not found.`);
  }
  if (!info.isFile()) return page(res, method, 404, 'Not found', `${pathname} was not found.`);

  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, headers({ 'Content-Type': type, 'Content-Length': info.size }));
  if (method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) page(res, req.method ?? 'GET', 500, 'Internal Server Error', 'The server failed.');
    else res.destroy();
  });
});

server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another port (PORT=8001 npm run serve).` : error,
  );
  process.exit(1);
});

server.listen(port, host, () => {
  const shown = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)
    ? 'localhost'
    : host.includes(':')
      ? `[${host}]`
      : host;
  console.log(`Demo: http://${shown}:${port}/demo/`);
});

function stop() {
  for (const socket of held) socket.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
