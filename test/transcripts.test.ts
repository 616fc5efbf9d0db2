/**
 * What a screen reader says, held to a written expectation. A virtual screen
 * reader (@guidepup/virtual-screen-reader: the accessibility tree as the
 * ARIA, HTML-AAM and SVG-AAM specifications build it) reads each widget
 * from its first item to its last, in the table view and the chart view,
 * and the chart's arrow keys are pressed; the phrases it speaks are compared
 * with test/transcripts/<name>.txt (reviewed by reading them as a
 * screen-reader user would, then committed). A change shows as
 * <name>-changed.txt beside the file.
 *
 * Then what a transcript should never do, asserted directly: the summary
 * spoken more than once, a long accessible name, a footnote marker in a
 * header's name (read with every cell), a measure read twice, a key position
 * counted across panels.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/attendance-by-sector/attendance-by-sector.js';
import type { PartnershipWidget as Widget } from '../src/core/widget.js';
import '../src/kpi-quarter-table/kpi-quarter-table.js';
import '../src/training-trend/training-trend.js';
import { settle } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PartnershipWidget = Widget<any>;
type Tag = 'kpi-quarter-table' | 'attendance-by-sector' | 'training-trend';
type View = 'table' | 'chart';

/** Longest accessible name (of an image, group, region, header, link…) in these samples. */
const MAX_NAME = 160;

const samples: { name: string; tag: Tag; src: string; keys?: string[] }[] = [
  { name: 'kpi-leicester', tag: 'kpi-quarter-table', src: '/data/leicester-kpis-2021-22.json' },
  // Published figures with suppressed ([c]) cells.
  { name: 'kpi-scilly', tag: 'kpi-quarter-table', src: '/data/isles-of-scilly-referrals-annual.json' },
  {
    name: 'attendance-norfolk',
    tag: 'attendance-by-sector',
    src: '/data/norfolk-lscg-attendance-2024-25.json',
    keys: ['ArrowRight', 'ArrowRight', 'ArrowRight', 'End'],
  },
  {
    name: 'training-llr',
    tag: 'training-trend',
    src: '/data/llr-training.json',
    keys: ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'End'],
  },
];

async function shown(tag: Tag, src: string, view: View): Promise<PartnershipWidget> {
  const el = document.createElement(tag) as PartnershipWidget;
  el.setAttribute('view', view);
  el.setAttribute('src', src);
  const outcome = settle(el);
  await fixture(html`<main>${el}</main>`);
  const result = await outcome;
  if (result.type !== 'ready') throw new Error(`${tag} ${src}: ${result.detail.message}`);
  // Charts are drawn again once the host's width and font size are measured.
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
  }
  return el;
}

interface Reading {
  /** Every phrase spoken, in order. */
  spoken: string[];
  /** The accessible name (and value) of each item that has a role, in order. */
  names: string[];
}

/** The widget read from its first item to its last (the virtual cursor's "next", as a reader's down arrow). */
async function read(el: PartnershipWidget): Promise<Reading> {
  const container = el.shadowRoot!.querySelector('section.widget')!;
  await virtual.start({ container });
  try {
    const first = await virtual.lastSpokenPhrase();
    // "next" wraps round to the first item after the last.
    for (let i = 0; i < 5000; i++) {
      await virtual.next();
      if ((await virtual.lastSpokenPhrase()) === first) break;
    }
    const spoken = (await virtual.spokenPhraseLog()).slice(0, -1);
    const items = (await virtual.itemTextLog()).slice(0, -1);
    const names = items.filter((item, i) => item && spoken[i] !== item && !spoken[i]!.startsWith('end of'));
    return { spoken, names };
  } finally {
    await virtual.stop();
  }
}

/** What the chart's live region says as the keys are pressed, with the chart focused as Tab would. */
async function pressed(el: PartnershipWidget, keys: readonly string[]): Promise<string[]> {
  const container = el.shadowRoot!.querySelector('section.widget')!;
  await virtual.start({ container });
  try {
    el.shadowRoot!.querySelector<HTMLElement>('.chart-nav')!.focus();
    await virtual.clearSpokenPhraseLog();
    for (const key of keys) {
      await sendKeys({ press: key });
      await el.updateComplete;
      // The virtual screen reader hears the live region on the next tick of its DOM observer.
      await new Promise((r) => setTimeout(r, 50));
    }
    // The virtual screen reader hears the region's first text twice (the text node added, then its text set);
    // a real repeat differs by a trailing no-break space (see ChartKeyboard.select), so dropping repeats is safe.
    const polite = (await virtual.spokenPhraseLog()).filter((p) => p.startsWith('polite: '));
    return polite.filter((p, i) => p !== polite[i - 1]).map((p) => p.trim());
  } finally {
    await virtual.stop();
  }
}

async function compare(name: string, lines: readonly string[]): Promise<void> {
  const text = `${lines.join('\n')}\n`;
  const result = await executeServerCommand<
    { status: string; file?: string; expected?: string },
    { name: string; text: string }
  >('transcript', { name, text });
  if (!result) throw new Error('transcript plugin did not answer');
  if (result.status === 'changed') {
    // The first differing line, to read in the failure; the whole transcript is in the -changed file.
    const expected = (result.expected ?? '').split('\n');
    const actual = text.split('\n');
    const at = actual.findIndex((line, i) => line !== expected[i]);
    expect(actual[at], `${name}, line ${at + 1} (see ${result.file})`).to.equal(expected[at]);
  }
  expect(result.status, `${name}: ${result.status} ${result.file ?? ''}`).to.be.oneOf(['match', 'created']);
}

const summaryOf = (el: PartnershipWidget) => el.shadowRoot!.querySelector('[part="summary"]')!.textContent!.trim();

describe('What a screen reader says', () => {
  for (const sample of samples) {
    for (const view of ['table', 'chart'] as const) {
      describe(`${sample.name}, ${view} view`, () => {
        let el: PartnershipWidget;
        let reading: Reading;
        before(async () => {
          el = await shown(sample.tag, sample.src, view);
          reading = await read(el);
        });

        it('reads as its committed transcript', async () => {
          await compare(`${sample.name}-${view}`, reading.spoken);
        });

        it('speaks the summary once', () => {
          const summary = summaryOf(el);
          expect(summary.length).to.be.above(40);
          const times = reading.spoken.filter((p) => p.includes(summary)).length;
          expect(times, `summary spoken ${times} times`).to.equal(1);
        });

        if (view === 'chart') {
          it('speaks how to use the keys once, as the description of the chart', () => {
            const help = el.shadowRoot!.querySelector('.keys-help')?.textContent?.trim();
            if (!help) return; // The KPI small charts have no keys.
            const times = reading.spoken.filter((p) => p.includes(help) && !p.startsWith('end of ')).length;
            expect(times, `keys help spoken ${times} times`).to.equal(1);
          });

          it('links the chart to the summary, its text alternative, without reading it again', () => {
            // aria-details: a screen reader says the chart has details, and reads the summary where it is.
            const linked = [...el.shadowRoot!.querySelectorAll('[aria-details]')];
            expect(linked.map((e) => e.getAttribute('role'))).to.deep.equal(['group']);
            const details = el.shadowRoot!.getElementById(linked[0]!.getAttribute('aria-details')!);
            expect(details?.getAttribute('part')).to.equal('summary');
            expect(
              reading.spoken.filter((p) => p.startsWith('group, ') && p.endsWith(', linked details')),
            ).to.have.length(1);
          });
        }

        it(`has no accessible name over ${MAX_NAME} characters`, () => {
          const long = reading.names.filter((n) => n.length > MAX_NAME);
          expect(long, long.map((n) => `${n.length}: ${n}`).join('\n')).to.deep.equal([]);
        });

        it('names a header by its text alone, without a footnote or annotation marker', () => {
          // The marker's text in a header's name is read with every cell of its row or column.
          const headers = reading.spoken.filter((p) => /^(rowheader|columnheader), /.test(p));
          const marked = headers.filter((p) => /definition \d|\(\d+\)/.test(p.split(', ').slice(0, 2).join(', ')));
          expect(marked).to.deep.equal([]);
        });

        it('says what a symbol in an image means', () => {
          // "[c]" alone is read as "left bracket c right bracket".
          const unexplained = reading.spoken.filter(
            (p) => p.startsWith('image, ') && /\[[a-z]+\]/.test(p) && !/\[[a-z]+\] \(/.test(p),
          );
          expect(unexplained).to.deep.equal([]);
        });

        it('reads a chart caption once, not again in the image under it', () => {
          const captions = [...el.shadowRoot!.querySelectorAll('figcaption')].map((c) => c.textContent!.trim());
          const twice = reading.spoken.flatMap((p, i) => {
            if (!captions.includes(p)) return [];
            const image = reading.spoken.slice(i + 1, i + 4).find((q) => q.startsWith('image, '));
            return image?.includes(p) ? [`${p} / ${image}`] : [];
          });
          expect(twice).to.deep.equal([]);
        });
      });
    }
  }
});

describe('What the chart keys say', () => {
  for (const sample of samples) {
    if (!sample.keys) continue;
    describe(sample.name, () => {
      let heard: string[];
      before(async () => {
        const el = await shown(sample.tag, sample.src, 'chart');
        heard = await pressed(el, sample.keys!);
      });

      it('reads as its committed transcript', async () => {
        expect(heard.length).to.equal(sample.keys!.length);
        await compare(`${sample.name}-keys`, heard);
      });

      it('says where the mark is within what the keys move along', () => {
        if (sample.tag === 'training-trend') {
          // Right twice: the second year of the first panel; Down: the same year in the next panel; End: its last.
          expect(heard[1]).to.match(/^polite: 2018-19, Attendees: .* \(2 of 5 years\)$/);
          expect(heard[2]).to.match(/^polite: 2018-19, Training events: .* \(2 of 5 years\)$/);
          expect(heard[3]).to.match(/^polite: 2018-19, Evaluation score .* \(2 of 5 years\)$/);
          expect(heard[4]).to.match(/^polite: 2021-22, Evaluation score .* \(5 of 5 years\)$/);
        } else {
          // A bar per year for each of 9 sectors: the third bar is the second sector's latest year.
          expect(heard[0]).to.match(/ \(sector 1 of 9\)$/);
          expect(heard[2]).to.match(/^polite: Children's Services, 2024-25: .* \(sector 2 of 9\)$/);
          expect(heard[3]).to.match(/^polite: Probation, .* \(sector 9 of 9\)$/);
        }
      });
    });
  }
});
