/**
 * `partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png]
 *     [--lang en|cy] [--width PX] [--out FILE]` and every attribute of the
 *     element as an option of the same name (render-options.ts)
 *
 * Static rendering in Node, without a browser, with the elements' own code:
 * html is the element rendered by Lit SSR (declarative shadow DOM, no
 * script); svg is the chart drawn by Plot in a server-side document; png is
 * that SVG rasterised at 2x by resvg. The data goes through the widgets'
 * reader and validator, so a bad file gives the messages the widget would.
 * The renderers are loaded only when this command runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  detectFormat,
  messages,
  readText,
  resolveTheme,
  WidgetError,
  type Dataset,
  type FigureLayout,
  type Lang,
  type ThemeMode,
} from 'partnership-widgets/core.js';
import { CliError } from './ees.js';
import { attributeOptions, parseOptions, readAttributes, type AttributeOption } from './render-options.js';

export const RENDER_USAGE = `  partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png] [--lang en|cy]
      [--width PX] [--out FILE] and the element's attributes: [--as-at YYYY-MM-DD]
      [--year-start-month 1-12] [--year 2024-25] [--years N] [--measure ID] [--sort value|data]
      [--heading TEXT] [--heading-level 2-6] [--theme light|dark] [--view table|chart] [--presenting]`;

export const RENDER_HELP = `render   draws a widget without a browser, for a board paper or a Word document. ELEMENT is
         kpi-quarter-table, attendance-by-sector or training-trend. html (the default): a page
         with the element server-rendered (declarative shadow DOM), chart and table, that shows
         with JavaScript off. svg: the chart, with its heading, key and source. png: the SVG at 2x.
         --width is the chart's width (default 720); --out is needed for png. The other options
         are the element's attributes of the same names, with the same ranges (--as-at is
         data-as-at): --year for kpi-quarter-table and attendance-by-sector, --years for
         kpi-quarter-table and training-trend, --measure and --sort for attendance-by-sector;
         --theme colours the page, SVG and PNG; --view and --presenting are for html.`;

const FORMATS = ['html', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

export const DEFAULT_WIDTH = 720;
const MIN_WIDTH = 260;
const MAX_WIDTH = 2400;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** "FILE: 2 problems:" and every problem, in English, as `check` prints them. */
export function describeProblems(subject: string, error: WidgetError): string {
  const lines = error.describe(messages('en'), Infinity);
  return `${subject}: ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** Reads and validates the data as a widget would read it from `src`: JSON or CSV, the same validator. */
async function readDataset(path: string, yearStartMonth?: number): Promise<Read> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  const format = detectFormat(text, '', path);
  const dataset = readText(text, format, yearStartMonth ? { yearStartMonth } : {});
  return { dataset, source: { text, format: format === 'csv' ? 'csv' : 'json' } };
}

/** The data read, and the file's text (for the html's inline data). */
interface Read {
  dataset: Dataset;
  source: { text: string; format: 'json' | 'csv' };
}

type Figures = typeof import('./render-figures.js');
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** The command line read: the element, format, language, width and the element's attributes (generated options). */
function parseRender(args: string[], figures: Figures, options: readonly AttributeOption[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      src: { type: 'string' },
      format: { type: 'string', default: 'html' },
      lang: { type: 'string', default: 'en' },
      width: { type: 'string' },
      out: { type: 'string' },
      ...parseOptions(options),
    },
  }) as Parsed;
  const name = positionals[0];
  if (!name) throw new CliError(`render needs an element and --src.\n\nUsage:\n${RENDER_USAGE}`);
  if (!figures.isElementName(name)) {
    throw new CliError(`Unknown element "${name}". Choose one of: ${figures.ELEMENT_NAMES.join(', ')}.`);
  }
  if (positionals.length > 1) throw new CliError(`render takes one element; unexpected "${positionals[1]}".`);
  const src = values.src as string | undefined;
  if (!src) throw new CliError(`render needs --src FILE.json (the data).\n\nUsage:\n${RENDER_USAGE}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be html, svg or png, not "${values.format}".`);
  if (values.lang !== 'en' && values.lang !== 'cy') {
    throw new CliError(`--lang must be en (English) or cy (Welsh), not "${values.lang}".`);
  }
  const lang: Lang = values.lang;
  const width = values.width === undefined ? DEFAULT_WIDTH : Number(values.width);
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new CliError(`--width must be a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  const attributes = readAttributes(name, values, options);
  const out = values.out as string | undefined;
  if (format === 'png' && !out) throw new CliError('A PNG must be written to a file: add --out FILE.png.');
  if (format !== 'html') {
    for (const only of ['view', 'presenting']) {
      if (values[only]) throw new CliError(`--${only} is for --format html: an SVG or PNG is the chart.`);
    }
  }
  return { name, src, format, lang, width, out, attributes };
}

type Request = ReturnType<typeof parseRender>;

/** The data read and validated, and the figure the element would draw with these attributes. */
async function describe(figures: Figures, request: Request, layout: FigureLayout) {
  const { name, src, attributes: a } = request;
  const pick = (key: string) => (a[key] === undefined ? {} : { [key]: a[key] });
  try {
    const { dataset: read, source } = await readDataset(src, a.yearStartMonth as number | undefined);
    let dataset = read;
    // The heading replaces the data's title, as the element's heading attribute does.
    if (a.heading !== undefined) dataset = { ...dataset, title: a.heading as string };
    // The model is built first for every format, so that data the element would show as an error stops here.
    const figure = figures.staticFigure(name, dataset, {
      ...layout,
      ...pick('asAt'),
      ...pick('year'),
      ...pick('years'),
      ...pick('measure'),
      ...pick('sort'),
    });
    return { dataset, figure, source };
  } catch (error) {
    if (error instanceof WidgetError) throw new CliError(describeProblems(src, error));
    throw error;
  }
}

async function write(io: Io, out: string | undefined, content: string | Uint8Array, what: string): Promise<void> {
  if (!out) {
    io.out(content as string);
    return;
  }
  await writeFile(out, content);
  io.err(`Wrote ${out}: ${what}.\n`);
}

export async function renderCommand(args: string[], io: Io): Promise<number> {
  // Loaded here, not at start-up: Lit, Plot and the elements are not needed by prepare or check.
  const figures = await import('./render-figures.js');
  const options = attributeOptions(figures.ELEMENT_CLASSES);
  const request = parseRender(args, figures, options);
  const { name, format, lang, width, out, attributes } = request;
  const { chartFontSize, renderSvg, CHAR_WIDTH, PAD } = await import('./render-svg.js');
  const theme = resolveTheme((attributes.theme as ThemeMode | undefined) ?? 'light');
  const fontSize = chartFontSize(theme);
  // The chart fills the SVG's width inside its padding.
  const layout: FigureLayout = { lang, width: width - 2 * PAD, fontSize, charWidth: CHAR_WIDTH };
  const { dataset, figure, source } = await describe(figures, request, layout);

  if (format === 'html') {
    const { renderHtml } = await import('./render-html.js');
    const byAttribute = Object.fromEntries(
      options.filter((o) => attributes[o.property] !== undefined).map((o) => [o.attribute, attributes[o.property]!]),
    );
    const page = await renderHtml(name, dataset, {
      lang,
      width,
      theme,
      attributes: byAttribute,
      source,
      fallback: figure,
    });
    await write(io, out, page, `${name} as HTML (declarative shadow DOM, its data inline)`);
    return 0;
  }
  const drawn = renderSvg(figure, { width, fontSize, charWidth: CHAR_WIDTH, theme });
  if (format === 'svg') {
    await write(io, out, drawn.svg, `${name} as SVG, ${drawn.width} × ${drawn.height} px`);
    return 0;
  }
  const { renderPng } = await import('./render-png.js');
  const image = await renderPng(drawn.svg, theme.get('--_background')!, 2);
  await write(
    io,
    out,
    image.png,
    `${name} as PNG, ${image.width} × ${image.height} px (2x), text in ${image.font.family}`,
  );
  return 0;
}
