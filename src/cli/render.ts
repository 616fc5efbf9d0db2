/**
 * `partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png]
 *     [--lang en|cy] [--width PX] [--as-at YYYY-MM-DD] [--out FILE]`
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
import { detectFormat, messages, readText, WidgetError, type Dataset, type Lang } from 'partnership-widgets/core.js';
import { CliError } from './ees.js';

export const RENDER_USAGE = `  partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png] [--lang en|cy]
      [--width PX] [--as-at YYYY-MM-DD] [--year-start-month 1-12] [--year 2024-25] [--years N]
      [--measure ID] [--sort value|data] [--heading TEXT] [--heading-level 2-6] [--out FILE]`;

export const RENDER_HELP = `render   draws a widget without a browser, for a board paper or a Word document. ELEMENT is
         kpi-quarter-table, attendance-by-sector or training-trend. html (the default): a page
         with the element server-rendered (declarative shadow DOM), chart and table, that shows
         with JavaScript off. svg: the chart, with its heading, key and source. png: the SVG at 2x.
         --width is the chart's width (default 720); --out is needed for png. The other options
         are the element's attributes of the same names (--as-at is data-as-at): --year for
         kpi-quarter-table and attendance-by-sector, --years for kpi-quarter-table and
         training-trend, --measure and --sort for attendance-by-sector.`;

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
async function readDataset(path: string, yearStartMonth?: number): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  return readText(text, detectFormat(text, '', path), yearStartMonth ? { yearStartMonth } : {});
}

export async function renderCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      src: { type: 'string' },
      format: { type: 'string', default: 'html' },
      lang: { type: 'string', default: 'en' },
      width: { type: 'string' },
      'as-at': { type: 'string' },
      out: { type: 'string' },
      'year-start-month': { type: 'string' },
      year: { type: 'string' },
      years: { type: 'string' },
      measure: { type: 'string' },
      sort: { type: 'string' },
      heading: { type: 'string' },
      'heading-level': { type: 'string' },
    },
  });
  // Loaded here, not at start-up: Lit, Plot and the elements are not needed by prepare or check.
  const figures = await import('./render-figures.js');
  const name = positionals[0];
  if (!name) throw new CliError(`render needs an element and --src.\n\nUsage:\n${RENDER_USAGE}`);
  if (!figures.isElementName(name)) {
    throw new CliError(`Unknown element "${name}". Choose one of: ${figures.ELEMENT_NAMES.join(', ')}.`);
  }
  if (positionals.length > 1) throw new CliError(`render takes one element; unexpected "${positionals[1]}".`);
  if (!values.src) throw new CliError(`render needs --src FILE.json (the data).\n\nUsage:\n${RENDER_USAGE}`);
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
  const asAt = values['as-at'];
  if (asAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asAt)) {
    throw new CliError('--as-at must be a date such as 2021-09-29.');
  }
  const yearStartMonth = values['year-start-month'] === undefined ? undefined : Number(values['year-start-month']);
  if (
    yearStartMonth !== undefined &&
    !(Number.isInteger(yearStartMonth) && yearStartMonth >= 1 && yearStartMonth <= 12)
  )
    throw new CliError('--year-start-month must be a month number from 1 (January) to 12 (December).');
  const years = values.years === undefined ? undefined : Number(values.years);
  if (years !== undefined && !(Number.isInteger(years) && years > 0))
    throw new CliError('--years must be a whole number above 0.');
  const headingLevel = values['heading-level'] === undefined ? undefined : Number(values['heading-level']);
  if (headingLevel !== undefined && !(Number.isInteger(headingLevel) && headingLevel >= 2 && headingLevel <= 6))
    throw new CliError('--heading-level must be a whole number from 2 to 6.');
  if (values.year !== undefined && !/^\d{4}-\d{2}$/.test(values.year))
    throw new CliError('--year must be a reporting year such as 2024-25.');
  const takes: Record<string, readonly string[]> = {
    year: ['kpi-quarter-table', 'attendance-by-sector'],
    years: ['kpi-quarter-table', 'training-trend'],
    measure: ['attendance-by-sector'],
    sort: ['attendance-by-sector'],
  };
  for (const [option, elements] of Object.entries(takes)) {
    if (values[option as keyof typeof values] !== undefined && !elements.includes(name))
      throw new CliError(`--${option} is an attribute of ${elements.join(' and ')}, not of ${name}.`);
  }
  const attributes = {
    ...(values.heading !== undefined ? { heading: values.heading } : {}),
    ...(headingLevel !== undefined ? { headingLevel } : {}),
    ...(values.year !== undefined ? { year: values.year } : {}),
    ...(years !== undefined ? { years } : {}),
    ...(values.measure !== undefined ? { measure: values.measure } : {}),
    ...(values.sort !== undefined ? { sort: values.sort } : {}),
  };
  if (format === 'png' && !values.out) throw new CliError('A PNG must be written to a file: add --out FILE.png.');

  const { chartFontSize, renderSvg, themeDefaults, PAD } = await import('./render-svg.js');
  const theme = themeDefaults();
  const background = theme.get('--_background') ?? '#ffffff';
  const fontSize = chartFontSize(theme);
  let dataset: Dataset;
  let figure: ReturnType<typeof figures.staticFigure>;
  try {
    dataset = await readDataset(values.src, yearStartMonth);
    // The heading replaces the data's title, as the element's heading attribute does.
    if (attributes.heading !== undefined) dataset = { ...dataset, title: attributes.heading };
    // The model is built first for every format, so that data the element would show as an error stops here.
    figure = figures.staticFigure(name, dataset, {
      lang,
      width: width - 2 * PAD, // the chart fills the SVG's width inside its padding
      fontSize,
      ...(asAt ? { asAt } : {}),
      ...attributes,
    });
  } catch (error) {
    if (error instanceof WidgetError) throw new CliError(describeProblems(values.src, error));
    throw error;
  }

  if (format === 'html') {
    const { renderHtml } = await import('./render-html.js');
    const page = await renderHtml(name, dataset, { lang, width, theme, attributes, ...(asAt ? { asAt } : {}) });
    if (values.out) {
      await writeFile(values.out, page);
      io.err(`Wrote ${values.out}: ${name} as HTML (declarative shadow DOM, no script).\n`);
    } else io.out(page);
    return 0;
  }

  const drawn = renderSvg(figure, { width, fontSize, theme });
  if (format === 'svg') {
    if (values.out) {
      await writeFile(values.out, drawn.svg);
      io.err(`Wrote ${values.out}: ${name} as SVG, ${drawn.width} × ${drawn.height} px.\n`);
    } else io.out(drawn.svg);
    return 0;
  }
  const { renderPng } = await import('./render-png.js');
  const image = await renderPng(drawn.svg, background, 2);
  await writeFile(values.out!, image.png);
  io.err(
    `Wrote ${values.out}: ${name} as PNG, ${image.width} × ${image.height} px (2x), text in ${image.font.family}.\n`,
  );
  return 0;
}
