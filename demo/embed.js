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

/**
 * The text the snippet puts inside `<script type="...">`, exactly as a page
 * will read it (a script's text is raw: what is between the tags). CSV starts
 * on the `<script>` line, so its first line is the header and no blank line
 * or indentation comes before it, and ends with a line break before
 * `</script>`. JSON may sit on lines of its own. Line breaks are `\n`; a byte
 * order mark and blank lines around the data are dropped.
 */
function inlineBody(text, type) {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const data = lines.join('\n').replace(/<\/script/gi, '<\\/script');
  return type === 'text/csv' ? `${data}\n` : `\n${data}\n  `;
}

/** The snippet, as a structure: the preview and the snippet's text are both made from it. */
function snippetOf(data) {
  const text = String(data.get('inline') ?? '');
  const type = inlineType(text);
  return {
    scriptUrl: String(data.get('script-url')),
    tag: data.get('widget'),
    attributes: attributes(data),
    inline: data.get('source') === 'inline' && text.trim() ? { type, text: inlineBody(text, type) } : undefined,
  };
}

/** The snippet's markup. */
function markup({ scriptUrl, tag, attributes: attrs, inline }) {
  const attrText = attrs
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const body = inline ? `\n  <script type="${inline.type}">${inline.text}</script>\n` : '';
  return (
    `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n` + `<${tag}${attrText}>${body}</${tag}>\n`
  );
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

  const snip = snippetOf(data);
  snippet.textContent = markup(snip);

  // The live widget, made from the same snippet: its attributes, and the
  // inline data exactly as the snippet's <script> will hold it. Under this
  // page's Trusted Types policy a script's text cannot be set from
  // JavaScript, so the preview is given that text as its `data` property
  // (the widget reads it as it reads a <script> child: JSON when it starts
  // with { or [, as the snippet's type says, else CSV).
  // This page may fetch only from its own site (its CSP's connect-src), so
  // the preview cannot load an address on another one; the snippet can.
  const note = document.getElementById('preview-note');
  const address = !snip.inline && data.get('source') === 'url' ? String(data.get('src') ?? '') : '';
  const origin = address ? new URL(address, location.href).origin : location.origin;
  note.hidden = origin === location.origin;
  note.textContent = note.hidden
    ? ''
    : `This page can only load data from its own site, so the preview cannot show ${origin}. On your page the ` +
      `widget loads it if that server sends CORS headers (Access-Control-Allow-Origin) and your page's ` +
      `Content Security Policy allows it (connect-src ${origin}).`;
  const el = document.createElement(snip.tag);
  for (const [name, value] of snip.attributes) el.setAttribute(name, value);
  if (snip.inline) el.data = snip.inline.text;
  preview.replaceChildren(el);
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
