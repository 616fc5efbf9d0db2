// Test-only endpoints served by the test runner, for the loading tests:
//   /faults/status/<code>     answers with that status (HTML body for 5xx, like a real server)
//   /faults/never             never answers
//   /faults/html              200 with an HTML page, as a misconfigured CMS would send
//   /faults/empty             200 with an empty body
//   /faults/flaky/<id>        503 with Retry-After: 0 the first time, then the Leicester data
//   /faults/once/<id>/<file> the file the first time, then 500 (a refresh that fails)
//   /faults/slow/<ms>/<file>  the file under data/ after <ms> milliseconds
//   /faults/count/<id>/<file> the file under data/ (no-store), counting requests; /faults/count/<id> tells the count
//   /faults/retry/<id>/<code>/<after>  <code> with Retry-After: <after> the first time, then the Leicester data
//   /faults/always/<code>/<after>      <code> with Retry-After: <after>, every time
//   /faults/stall/<file>      headers and half the file, then nothing (until the client gives up)
//   /faults/big/<how>         10 MB of JSON, with a Content-Length (how = length) or streamed without one (chunked)
//   /faults/typed/<type>/<file> the file with Content-Type <type> (plain, html, json, octet)
//   /faults/html-as-json      an HTML page served as application/json
//   /faults/cors/<file>       the file with Access-Control-Allow-Origin: * (for a cross-origin request)
//   /faults/then/<id>/<mode>/<file> the file the first time, then <mode>: stall, 404 or html
//   /faults/validate/<how>/<id>/<file> the file (JSON) with validators, how = etag, modified (Last-Modified)
//                             or none; answers 304 to a matching If-None-Match / If-Modified-Since.
//                             /faults/validated/<id> tells {requests, conditional, notModified};
//                             /faults/revise/<id> changes the body (a note "Revision N") from then on
//   /faults/encoded/<encoding>/<charset>/<kind> a small body with "Café £ – ’" in it, encoded as
//                             utf8, utf8bom, cp1252, utf16le or utf16be, served with `; charset=<charset>`
//                             (none: no charset); kind = csv (attendance) or json (a KPI envelope's title)
//   /faults/dist-without/<chunk>/<file> the built script's file under dist/, but 404 for
//                             partnership-widgets/<chunk>.js (a CMS that did not copy that chunk)
import { readFile } from 'node:fs/promises';

const counts = new Map();
const flaky = new Set();
const once = new Set();
const retried = new Set();
const served = new Set();
const validated = new Map();

/** The text every encoding test shows (test/network.test.ts has the same). */
const ENCODED_TEXT = 'Café £ – Children’s';

/** Windows-1252 for the characters ENCODED_TEXT and the data files use (ASCII, Latin-1, – ’). */
function cp1252(text) {
  const special = { '\u2013': 0x96, '\u2019': 0x92, '\u2018': 0x91, '\u201c': 0x93, '\u201d': 0x94 };
  return Buffer.from([...text].map((ch) => special[ch] ?? (ch.codePointAt(0) < 256 ? ch.codePointAt(0) : 0x3f)));
}

function encode(text, encoding) {
  if (encoding === 'cp1252') return cp1252(text);
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  if (encoding === 'utf8bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.from(text, 'utf8');
}

async function encodedBody(kind) {
  if (kind === 'csv') {
    return `measure,period,value,sector\r\nattendances,2024-25,71,${ENCODED_TEXT}\r\nattendances,2023-24,58,${ENCODED_TEXT}\r\n`;
  }
  const envelope = JSON.parse(await readFile(dataPath('leicester-kpis-2021-22.json'), 'utf8'));
  envelope.title = ENCODED_TEXT;
  return JSON.stringify(envelope);
}

const TYPES = { plain: 'text/plain', html: 'text/html', json: 'application/json', octet: 'application/octet-stream' };

function dataPath(file) {
  return new URL(`../data/${file.replace(/[^a-z0-9_.-]/gi, '')}`, import.meta.url);
}

/** Headers and the first half of the file, then nothing until the client goes away. */
async function stall(ctx, file) {
  const body = await readFile(dataPath(file));
  ctx.respond = false;
  ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  ctx.res.write(body.subarray(0, body.length >> 1));
  await new Promise((resolve) => ctx.req.on('close', resolve));
}

/** 10 MB of valid JSON: an envelope with one long note. */
function bigBody() {
  const head = '{"measures":[],"data":[],"notes":["';
  const tail = '"]}';
  return head + 'x'.repeat(10 * 1024 * 1024 - head.length - tail.length) + tail;
}

async function sendData(ctx, file) {
  ctx.type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  ctx.body = await readFile(dataPath(file), 'utf8');
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
      // Not storable: the browser's HTTP cache must not merge requests the loader is meant to share.
      ctx.set('Cache-Control', 'no-store');
      await sendData(ctx, b);
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: counts.get(a) ?? 0 });
    }
  } else if (kind === 'retry' || kind === 'always') {
    const [code, after] = kind === 'retry' ? [b, parts[4]] : [a, b];
    if (kind === 'always' || !retried.has(a)) {
      if (kind === 'retry') retried.add(a);
      ctx.status = Number(code);
      ctx.set('Retry-After', decodeURIComponent(after ?? '0'));
      ctx.body = 'busy';
    } else await sendData(ctx, 'leicester-kpis-2021-22.json');
  } else if (kind === 'stall') {
    await stall(ctx, a);
  } else if (kind === 'big') {
    const body = bigBody();
    if (a === 'chunked') {
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 256 * 1024;
      for (let i = 0; i < body.length && !ctx.res.destroyed; i += chunk) {
        if (!ctx.res.write(body.slice(i, i + chunk))) {
          await new Promise((resolve) => {
            const done = () => {
              ctx.res.off('drain', done);
              ctx.res.off('close', done);
              resolve();
            };
            ctx.res.on('drain', done);
            ctx.res.on('close', done);
          });
        }
      }
      ctx.res.end();
    } else {
      ctx.type = 'application/json';
      ctx.body = body;
    }
  } else if (kind === 'typed') {
    ctx.type = TYPES[a] ?? 'text/plain';
    ctx.body = await readFile(dataPath(b), 'utf8');
  } else if (kind === 'html-as-json') {
    ctx.type = 'application/json';
    ctx.body = '<!DOCTYPE html>\n<html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>';
  } else if (kind === 'cors') {
    ctx.set('Access-Control-Allow-Origin', '*');
    await sendData(ctx, a);
  } else if (kind === 'then') {
    if (!served.has(a)) {
      served.add(a);
      await sendData(ctx, parts[4]);
    } else if (b === 'stall') await stall(ctx, parts[4]);
    else if (b === 'html') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Maintenance</title><h1>Back soon</h1>';
    } else ctx.status = 404;
  } else if (kind === 'validate') {
    const [how, id, file] = [a, b, parts[4]];
    const state = validated.get(id) ?? { requests: 0, conditional: 0, notModified: 0, revision: 0 };
    validated.set(id, state);
    state.requests++;
    const etag = `"${id}-${state.revision}"`;
    const modified = new Date(Date.UTC(2025, 0, 1 + state.revision)).toUTCString();
    const ifNoneMatch = ctx.get('If-None-Match');
    const ifModifiedSince = ctx.get('If-Modified-Since');
    if (ifNoneMatch || ifModifiedSince) state.conditional++;
    ctx.set('Cache-Control', 'no-cache');
    if (how === 'etag') ctx.set('ETag', etag);
    if (how === 'modified') ctx.set('Last-Modified', modified);
    if ((how === 'etag' && ifNoneMatch === etag) || (how === 'modified' && ifModifiedSince === modified)) {
      state.notModified++;
      ctx.status = 304;
      return;
    }
    const envelope = JSON.parse(await readFile(dataPath(file), 'utf8'));
    if (state.revision) envelope.notes = [...(envelope.notes ?? []), `Revision ${state.revision}`];
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(envelope);
  } else if (kind === 'validated') {
    const { requests = 0, conditional = 0, notModified = 0 } = validated.get(a) ?? {};
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ requests, conditional, notModified });
  } else if (kind === 'revise') {
    const state = validated.get(a) ?? { requests: 0, conditional: 0, notModified: 0, revision: 0 };
    validated.set(a, state);
    state.revision++;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ revision: state.revision });
  } else if (kind === 'dist-without') {
    const file = parts.slice(3).join('/');
    if (file === `partnership-widgets/${a}.js` || !/^[\w./-]+\.js$/.test(file) || file.includes('..')) {
      ctx.status = 404;
      ctx.body = 'Not found';
      return;
    }
    ctx.type = 'text/javascript';
    ctx.body = await readFile(new URL(`../dist/${file}`, import.meta.url));
  } else if (kind === 'encoded') {
    const [encoding, charset, what] = [a, b, parts[4]];
    const type = what === 'csv' ? 'text/csv' : 'application/json';
    ctx.respond = false;
    ctx.res.writeHead(200, {
      'Content-Type': charset === 'none' ? type : `${type}; charset=${charset}`,
      'Cache-Control': 'no-store',
    });
    ctx.res.end(encode(await encodedBody(what), encoding));
  } else return next();
}
