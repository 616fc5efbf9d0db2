// Test-only endpoints served by the test runner, for the loading tests:
//   /faults/status/<code>     answers with that status (HTML body for 5xx, like a real server)
//   /faults/never             never answers
//   /faults/html              200 with an HTML page, as a misconfigured CMS would send
//   /faults/empty             200 with an empty body
//   /faults/flaky/<id>        503 with Retry-After: 0 the first time, then the Leicester data
//   /faults/once/<id>/<file> the file the first time, then 500 (a refresh that fails)
//   /faults/slow/<ms>/<file>  the file under data/ after <ms> milliseconds
//   /faults/count/<id>/<file> the file under data/, counting requests; /faults/count/<id> tells the count
import { readFile } from 'node:fs/promises';

const counts = new Map();
const flaky = new Set();
const once = new Set();

async function sendData(ctx, file) {
  ctx.type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  ctx.body = await readFile(new URL(`../data/${file.replace(/[^a-z0-9_.-]/gi, '')}`, import.meta.url), 'utf8');
}

export async function faultsMiddleware(ctx, next) {
  const parts = ctx.path.split('/').filter(Boolean);
  if (parts[0] !== 'faults') return next();
  const [, kind, a, b] = parts;
  if (kind === 'status') {
    ctx.status = Number(a);
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>${a}</title><h1>Error ${a}</h1>`;
  } else if (kind === 'never') {
    await new Promise((resolve) => ctx.req.on('close', resolve));
  } else if (kind === 'html') {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><html><head><title>Page not found</title></head><body>Sorry</body></html>';
  } else if (kind === 'empty') {
    ctx.type = 'application/json';
    ctx.body = '';
  } else if (kind === 'flaky') {
    if (!flaky.has(a)) {
      flaky.add(a);
      ctx.status = 503;
      ctx.set('Retry-After', '0');
      ctx.body = 'busy';
    } else await sendData(ctx, 'leicester-kpis-2021-22.json');
  } else if (kind === 'once') {
    if (!once.has(a)) {
      once.add(a);
      await sendData(ctx, b);
    } else {
      ctx.status = 500;
      ctx.type = 'text/html';
      ctx.body = '<h1>Internal Server Error</h1>';
    }
  } else if (kind === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, Number(a)));
    await sendData(ctx, b);
  } else if (kind === 'count') {
    if (b) {
      counts.set(a, (counts.get(a) ?? 0) + 1);
      await sendData(ctx, b);
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: counts.get(a) ?? 0 });
    }
  } else return next();
}
