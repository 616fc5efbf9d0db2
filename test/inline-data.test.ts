/**
 * Inline data as people paste it: the README's own snippet, indentation from
 * an HTML editor (without corrupting quoted values), CRLF line ends and a
 * byte order mark, in `<script type="text/csv">`, `<script type="application/json">`
 * and `.data` given as text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { settle, shadowText, type Outcome } from './helpers.js';

type Widget = HTMLElement & { data?: unknown; state: string };

/** Puts `markup` (one widget) into the page and waits for it to settle. */
async function place(markup: string): Promise<{ el: Widget; outcome: Outcome }> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 900px"></div>`);
  const template = document.createElement('template');
  template.innerHTML = markup;
  const el = template.content.firstElementChild as Widget;
  const outcome = settle(el);
  host.append(el);
  return { el, outcome: await outcome };
}

const CSV_ROWS = [
  'measure,period,value,sector',
  'attendances,2024-25,71,"Schools, colleges and education"',
  'attendances,2023-24,58,"Schools, colleges and education"',
  'attendances,2024-25,12,Police',
  'attendances,2023-24,"1,204",Police',
];

describe('inline data as pasted', function () {
  this.timeout(20_000);

  it("the README's inline CSV snippet works as pasted", async () => {
    const readme = await (await fetch('/README.md')).text();
    const snippet =
      /```html\n(<attendance-by-sector[^>]*>\n\s*<script type="text\/csv">[\s\S]*?<\/attendance-by-sector>)\n```/.exec(
        readme,
      )?.[1];
    expect(snippet, 'snippet found in README').to.be.a('string');
    const { el, outcome } = await place(snippet!);
    expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
    expect(shadowText(el)).to.contain('Schools and education');
  });

  for (const [what, text] of [
    ['indented by an editor', `\n    ${CSV_ROWS.join('\n    ')}\n  `],
    ['indented with tabs, CRLF line ends', `\r\n\t\t${CSV_ROWS.join('\r\n\t\t')}\r\n\t`],
    ['with a byte order mark and blank lines', `\n\uFEFF${CSV_ROWS.join('\n')}\n\n`],
    [
      'with spaces around commas and quotes',
      [
        '  measure , period , value , sector',
        '  attendances , 2024-25 , 71 ,  "Schools, colleges and education"  ',
        '  attendances , 2023-24 , 58 , "Schools, colleges and education"',
        '  attendances , 2024-25 , 12 , Police',
        '  attendances , 2023-24 ,  "1,204" , Police  ',
      ].join('\n'),
    ],
  ]) {
    it(`<script type="text/csv"> ${what}: read, quoted commas kept`, async () => {
      const { el, outcome } = await place(
        `<attendance-by-sector sort="data"><script type="text/csv">${text}</script></attendance-by-sector>`,
      );
      expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
      const shown = shadowText(el);
      expect(shown).to.contain('Schools, colleges and education');
      expect(shown).to.contain('Police');
      expect(shown).to.contain('1,204');
    });
  }

  it('a quoted value keeps its own line breaks and spaces: only what is outside quotes is tidied', async () => {
    const el = document.createElement('attendance-by-sector') as Widget;
    const outcome = settle(el);
    el.data = `
      measure,period,value,sector
      attendances,2024-25,71,"Early help —
      family   hubs"
      attendances,2023-24,58,"Early help —
      family   hubs"
    `;
    await fixture(html`<div style="width: 900px">${el}</div>`);
    expect((await outcome).type).to.equal('ready');
    const cells = [...el.shadowRoot!.querySelectorAll('tbody th')].map((th) => th.textContent!);
    expect(cells.some((c) => c.includes('Early help —\n      family   hubs'))).to.equal(true);
  });

  it('<script type="application/json"> indented, with CRLF and a byte order mark', async () => {
    const envelope = await (await fetch('/data/leicester-kpis-2021-22.json')).text();
    const indented = envelope.split('\n').join('\r\n        ');
    const { el, outcome } = await place(
      `<kpi-quarter-table><script type="application/json">\r\n        \uFEFF${indented}\r\n      </script></kpi-quarter-table>`,
    );
    expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
    expect(shadowText(el)).to.contain('16,424');
  });

  it('.data as CSV text with a byte order mark, indentation and CRLF', async () => {
    const el = document.createElement('attendance-by-sector') as Widget;
    el.data = `\r\n\uFEFF   ${CSV_ROWS.join('\r\n   ')}\r\n`;
    const outcome = settle(el);
    await fixture(html`<div style="width: 900px">${el}</div>`);
    expect((await outcome).type).to.equal('ready');
    expect(shadowText(el)).to.contain('Schools, colleges and education');
  });

  it('.data as JSON text after a blank line and a byte order mark', async () => {
    const envelope = await (await fetch('/data/leicester-kpis-2021-22.json')).text();
    const el = document.createElement('kpi-quarter-table') as Widget;
    el.data = `\n  \uFEFF${envelope}\n`;
    const outcome = settle(el);
    await fixture(html`<div>${el}</div>`);
    expect((await outcome).type).to.equal('ready');
  });
});
