// Parity of the two ways a figure is drawn (issue 14): the element in Chromium, and
// `partnership-widgets render --format svg` in Node, for the same data, chart width, font,
// font size and character width. Each chart's marks are compared: the same marks, the same
// text labels, in the same order, each within 1 px. The CLI's SVG comes from the command
// line itself, run by the test server (test/render-plugin.mjs; needs `npm run build`), and is
// laid out here, in the same browser and font as the element, so that both are measured alike.
// Chromium only: it compares geometry measured with the browser's text metrics.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import { settle } from './helpers.js';

/** The font `render` sets its SVG in (render-svg.ts FONT_FAMILY), given to the element too. */
const FONT = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";
/** `render` pads its SVG by 16 px on each side: the chart area is the width less 32. */
const PAD = 16;

interface Mark {
  readonly tag: string;
  readonly text: string;
  readonly box: readonly [number, number, number, number];
}

/** The marks of a chart, in document order, with their boxes in the chart's own coordinates. */
function marksOf(chart: SVGGraphicsElement): Mark[] {
  const origin = chart.getCTM()!.inverse();
  const nodes = chart.querySelectorAll<SVGGraphicsElement>('rect, line, path, circle, text');
  return [...nodes]
    .filter((n) => !n.closest('defs, pattern'))
    .map((n) => {
      const m = origin.multiply(n.getCTM()!);
      const b = n.getBBox();
      const corner = new DOMPoint(b.x, b.y).matrixTransform(m);
      const far = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
      const box = [corner.x, corner.y, far.x - corner.x, far.y - corner.y] as const;
      return { tag: n.localName, text: n.localName === 'text' ? (n.textContent ?? '').trim() : '', box };
    });
}

const show = (m: Mark | undefined) =>
  m ? `${m.tag}${m.text ? ` "${m.text}"` : ''} [${m.box.map((v) => v.toFixed(1)).join(', ')}]` : 'nothing';

/** Every difference between two charts' marks, described. */
function differences(element: Mark[], cli: Mark[]): string[] {
  const found: string[] = [];
  if (element.length !== cli.length) found.push(`${element.length} marks in the element, ${cli.length} in render`);
  for (let i = 0; i < Math.max(element.length, cli.length); i++) {
    const a = element[i];
    const b = cli[i];
    const same = a && b && a.tag === b.tag && a.text === b.text && a.box.every((v, k) => Math.abs(v - b.box[k]!) <= 1);
    if (!same) found.push(`mark ${i}: element ${show(a)}, render ${show(b)}`);
  }
  return found;
}

/** The element drawn at a chart width in a language, its chart view shown. */
async function elementCharts(element: string, file: string, width: number, lang: string) {
  const box = document.createElement('div');
  box.lang = lang;
  box.style.width = `${width}px`;
  box.style.setProperty('--pw-font-family', FONT);
  const el = document.createElement(element);
  el.setAttribute('view', 'chart');
  el.setAttribute('src', `/data/${file}`);
  box.append(el);
  document.body.append(box);
  const outcome = await settle(el);
  expect(outcome.type, JSON.stringify(outcome.detail)).to.equal('ready');
  await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  const charts = [...el.shadowRoot!.querySelectorAll<SVGSVGElement>('svg.pw-plot')];
  return { box, charts };
}

/** `render --format svg` for the same chart width, laid out in this page. */
async function renderCharts(element: string, file: string, width: number, lang: string) {
  const result = await executeServerCommand<{ svg?: string; error?: string }, object>('render-svg', {
    element,
    file,
    width: width + 2 * PAD,
    lang,
  });
  if (!result?.svg) throw new Error(`render failed: ${result?.error}`);
  const holder = document.createElement('div');
  const svg = new DOMParser().parseFromString(result.svg, 'image/svg+xml').documentElement;
  holder.append(document.importNode(svg, true));
  document.body.append(holder);
  return { holder, charts: [...holder.querySelectorAll<SVGGElement>('g.pw-plot')] };
}

const CASES = [
  { element: 'kpi-quarter-table', file: 'leicester-kpis-2021-22.json', langs: ['en', 'cy'] },
  { element: 'kpi-quarter-table', file: 'trafford-referrals-annual.json', langs: ['en'] },
  { element: 'attendance-by-sector', file: 'norfolk-lscg-attendance-2024-25.json', langs: ['en', 'cy'] },
  { element: 'training-trend', file: 'llr-training.json', langs: ['en', 'cy'] },
];

describe('render --format svg draws the marks the element draws', () => {
  for (const { element, file, langs } of CASES) {
    for (const lang of langs) {
      for (const width of [360, 1024]) {
        const name = `${element} ${file} ${lang} at ${width} px`;
        it(name, async () => {
          const page = await elementCharts(element, file, width, lang);
          const cli = await renderCharts(element, file, width, lang);
          try {
            expect(page.charts.length, 'charts drawn').to.be.above(0);
            const problems = [`${page.charts.length} charts in the element, ${cli.charts.length} in render`];
            if (page.charts.length === cli.charts.length) problems.pop();
            page.charts.forEach((chart, i) => {
              const other = cli.charts[i];
              const found = other ? differences(marksOf(chart), marksOf(other)) : ['no chart in render'];
              problems.push(...found.slice(0, 8).map((d) => `chart ${i + 1}: ${d}`));
            });
            expect(problems, problems.join('\n')).to.deep.equal([]);
          } finally {
            page.box.remove();
            cli.holder.remove();
          }
        });
      }
    }
  }
});
