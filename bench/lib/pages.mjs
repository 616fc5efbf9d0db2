/**
 * The benchmark's pages, made on request from their query:
 *
 *   /page?lib=ours&cases=kpi,attendance          one widget per case
 *   /page?lib=vega&cases=kpi,attendance&n=50     fifty, cycling through the cases
 *   /page?lib=ours&cases=kpi&src=/gen/kpi-1000.json   generated data
 *   /page?lib=ours&n=0                           the library loaded, no widget (heap baseline)
 *   /page?lib=ours&cases=kpi&fallback=1          our elements with "Loading figures…" inside
 *                                                (light DOM: shown until the element upgrades)
 *   /page?lib=ours&cases=kpi&prerendered=1       our elements as `render --format html` wrote them
 *                                                (figures and data in the HTML; `prerenderedMarkup`)
 *
 * Every page has the same shell: bench/pages/page.css (a 720px column),
 * bench/pages/measure.js first (timing), then the library as a module script.
 * Our page is the embed snippet from the README: the bundle and the elements.
 * A peer's page loads bench/pages/peer-<lib>.js (the peer's bundle preloaded),
 * which imports the bundle and draws the same figures into placeholders.
 */

export const LIBS = ['ours', 'chartjs', 'vega', 'echarts'];

/** Case id → the element `partnership-widgets render --format html` wrote for it (set by bench/run.mjs). */
export const prerenderedMarkup = new Map();

const escape = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

export function pageHtml(params, cases) {
  const lib = params.get('lib') ?? 'ours';
  if (!LIBS.includes(lib)) throw new Error(`Unknown lib ${lib}`);
  const ids = (params.get('cases') ?? '').split(',').filter(Boolean);
  const chosen = ids.map((id) => {
    const c = cases.find((x) => x.id === id);
    if (!c) throw new Error(`Unknown case ${id}`);
    return c;
  });
  const n = params.has('n') ? Number(params.get('n')) : chosen.length;
  const src = params.get('src');
  const widgets = [];
  for (let i = 0; i < n && chosen.length; i++) {
    const c = chosen[i % chosen.length];
    const data = src ?? c.sample;
    if (lib === 'ours') {
      const attrs = Object.entries(c.attrs ?? {})
        .map(([k, v]) => ` ${k}="${escape(v)}"`)
        .join('');
      const inside = params.get('fallback') === '1' ? 'Loading figures…' : '';
      const prerendered = params.get('prerendered') === '1' && prerenderedMarkup.get(c.id);
      if (prerendered) {
        widgets.push(prerendered.replace(`<${c.tag}`, `<${c.tag} id="w${i}" data-case="${c.id}"`));
        continue;
      }
      widgets.push(`<${c.tag} id="w${i}" data-case="${c.id}" src="${escape(data)}"${attrs}>${inside}</${c.tag}>`);
    } else {
      widgets.push(`<div id="w${i}" class="slot" data-case="${c.id}" data-src="${escape(data)}"></div>`);
    }
  }
  const script = lib === 'ours' ? '/dist/partnership-widgets.js' : `/bench/pages/peer-${lib}.js`;
  // A peer's page script imports the peer's bundle: preload it, so a peer
  // pays no extra round trip that our one-script page does not.
  const preload =
    lib === 'ours'
      ? ''
      : `<link rel="modulepreload" href="/peers/${lib}.js">\n<link rel="modulepreload" href="/bench/pages/shared.js">\n`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: ${escape(lib)} ${escape(ids.join(','))}</title>
<link rel="stylesheet" href="/bench/pages/page.css">
<script src="/bench/pages/measure.js"></script>
${preload}<script type="module" src="${script}"></script>
</head>
<body>
<main data-lib="${escape(lib)}">
${widgets.join('\n')}
</main>
</body>
</html>
`;
}
