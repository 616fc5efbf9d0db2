// The embed code generator: options in, a live widget and the snippet out.
// Everything is built with DOM calls and textContent (no markup strings), so
// it runs under the page's strict CSP and pasted data stays text.
const form = document.getElementById('form');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const samples = {
  'kpi-quarter-table': ['../data/leicester-kpis-2021-22.json', '../data/trafford-referrals-prepared.json'],
  'attendance-by-sector': [
    '../data/norfolk-lscg-attendance-2024-25.json',
    '../data/norfolk-lscg-attendance-2024-25.csv',
  ],
  'training-trend': ['../data/llr-training.json'],
};

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The options as attributes, in a stable order. */
function attributes(data) {
  const attrs = [];
  if (data.get('source') === 'url' && data.get('src')) attrs.push(['src', data.get('src')]);
  if (data.get('heading')) attrs.push(['heading', data.get('heading')]);
  if (data.get('heading-level') !== '2') attrs.push(['heading-level', data.get('heading-level')]);
  if (data.get('view')) attrs.push(['view', data.get('view')]);
  if (data.get('data-as-at')) attrs.push(['data-as-at', data.get('data-as-at')]);
  if (data.get('lang')) attrs.push(['lang', data.get('lang')]);
  if (data.get('presenting')) attrs.push(['presenting', '']);
  if (data.get('theme-dark')) attrs.push(['theme', 'dark']);
  return attrs;
}

/** JSON or CSV, from the pasted text. */
function inlineType(text) {
  return /^\s*[[{]/.test(text) ? 'application/json' : 'text/csv';
}

function update() {
  const data = new FormData(form);
  const tag = data.get('widget');
  const inline = data.get('source') === 'inline';
  document.getElementById('url-field').hidden = inline;
  document.getElementById('inline-field').hidden = !inline;
  const list = document.getElementById('samples');
  list.replaceChildren(
    ...samples[tag].flatMap((url, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sample';
      button.textContent = url.replace('../data/', '');
      button.addEventListener('click', () => {
        document.getElementById('src').value = url;
        update();
      });
      return i ? [document.createTextNode(' '), button] : [button];
    }),
  );

  // The live widget.
  const el = document.createElement(tag);
  for (const [name, value] of attributes(data)) el.setAttribute(name, value);
  const text = String(data.get('inline') ?? '');
  // Under this page's Trusted Types policy a script's text cannot be set from
  // JavaScript, so the preview takes the pasted text as its `data` property;
  // the snippet below holds it in a <script> child, which the CMS page parses.
  if (inline && text.trim()) el.data = text;
  preview.replaceChildren(el);

  // The snippet, as text.
  const attrText = attributes(data)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const body =
    inline && text.trim()
      ? `\n  <script type="${inlineType(text)}">\n${text.trim().replace(/<\/script/gi, '<\\/script')}\n  </script>\n`
      : '';
  snippet.textContent =
    `<script type="module" src="${escapeAttribute(String(data.get('script-url')))}"></script>\n` +
    `<${tag}${attrText}>${body}</${tag}>\n`;
}

document.getElementById('widget').addEventListener('change', (event) => {
  // A new widget starts on its own sample data.
  document.getElementById('src').value = samples[event.target.value][0];
});
form.addEventListener('input', update);
form.addEventListener('change', update);
document.getElementById('copy').addEventListener('click', async () => {
  const status = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Your browser did not allow copying: select the snippet and copy it.';
  }
});
update();
