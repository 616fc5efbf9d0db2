/**
 * The `partnership-widgets` command line (Node only):
 *   partnership-widgets prepare FILE.csv --area NAME_OR_CODE|all [--measures COL,COL] [--labels LABELS.json]
 *       [--neighbours SN_MODEL.csv] [--years N] [--out OUT.json|DIR/] [--updated YYYY-MM-DD]
 *       [--filter COLUMN=VALUE]... [--breakdown COLUMN] [--meta FILE.meta.csv] [--period-type TYPE]
 *       [--per-10000 --population ONS.csv] [--status STATUS]
 *   partnership-widgets check FILE.json
 *   partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png] [--lang en|cy] [--width PX]
 *       [--out FILE] and every attribute of the element (--as-at, --year, --years, --theme, …)
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { STATUSES, validateEnvelope, WidgetError, type Status } from 'partnership-widgets/core.js';
import { CliError, PERIOD_TYPES, readMeta, resolveArea, type PeriodType } from './ees.js';
import { envelopeFor, load, type LabelsFile } from './prepare.js';
import { describeProblems, RENDER_HELP, RENDER_USAGE, renderCommand } from './render.js';

const USAGE = `Usage:
  partnership-widgets prepare FILE.csv --area NAME_OR_CODE|all [--measures COL,COL,...]
      [--labels LABELS.json] [--neighbours SN_MODEL.csv] [--years N] [--out OUT.json|DIR/]
      [--updated YYYY-MM-DD] [--filter COLUMN=VALUE]... [--breakdown COLUMN] [--meta FILE.meta.csv]
      [--period-type TYPE] [--per-10000 --population ONS_MID_YEAR.csv] [--status STATUS]
  partnership-widgets check FILE.json
${RENDER_USAGE}

prepare  turns a DfE explore-education-statistics CSV into a widget endpoint for one local
         authority (by name, new code E08000009 or old code 358), with England, its region and,
         with --neighbours, the median of its ten statistical neighbours as comparators.
         --area all writes one envelope per authority into the --out directory.
         --filter keeps one value of a breakdown column; --breakdown makes a column's values a
         row dimension. --meta reads EES metadata (labels, units, decimals; default: the
         FILE.meta.csv beside FILE.csv). --period-type overrides what time_identifier says:
         ${PERIOD_TYPES.join(', ')}.
         --per-10000 adds a rate per 10,000 children for every count, from --population.
         --status marks every figure provisional, revised, final or estimated (as the release
         says); a data_status, status or version column marks each row by itself.
check    validates an envelope with the same validator the widgets use.
${RENDER_HELP}`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
}

async function readJson<T>(path: string): Promise<T> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliError(`${path} is not valid JSON.`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** "Herefordshire, County of" → "herefordshire-county-of". */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const PREPARE_OPTIONS = {
  area: { type: 'string' },
  measures: { type: 'string' },
  labels: { type: 'string' },
  neighbours: { type: 'string' },
  years: { type: 'string' },
  out: { type: 'string' },
  updated: { type: 'string' },
  filter: { type: 'string', multiple: true },
  breakdown: { type: 'string' },
  meta: { type: 'string' },
  'period-type': { type: 'string' },
  'per-10000': { type: 'boolean' },
  population: { type: 'string' },
  status: { type: 'string' },
} as const;

type PrepareValues = ReturnType<typeof parseArgs<{ options: typeof PREPARE_OPTIONS }>>['values'];

/** The options of `prepare` that need checking, checked: years, filters, period type, status. */
function checkPrepareValues(values: PrepareValues) {
  const years = values.years === undefined ? undefined : Number(values.years);
  if (years !== undefined && !(Number.isInteger(years) && years > 0))
    throw new CliError('--years must be a whole number above 0.');
  if (values.updated !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(values.updated)) {
    throw new CliError('--updated must be a date such as 2025-10-30.');
  }
  const filters = (values.filter ?? []).map((f) => {
    const at = f.indexOf('=');
    if (at < 1) throw new CliError(`--filter must be COLUMN=VALUE, not "${f}".`);
    return [f.slice(0, at).trim(), f.slice(at + 1).trim()] as const;
  });
  const periodType = values['period-type'];
  if (periodType !== undefined && !PERIOD_TYPES.includes(periodType as PeriodType))
    throw new CliError(`--period-type must be one of ${PERIOD_TYPES.join(', ')}.`);
  if (values['per-10000'] && !values.population)
    throw new CliError('--per-10000 needs --population FILE (ONS mid-year estimates of children aged 0 to 17).');
  if (values.population && !values['per-10000']) throw new CliError('--population is used with --per-10000.');
  const status = values.status?.trim().toLowerCase();
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    throw new CliError(`--status must be one of ${STATUSES.join(', ')} (the status of every figure in the file).`);
  return { years, filters, periodType: periodType as PeriodType | undefined, status: status as Status | undefined };
}

/** Reads the files `prepare` names and loads the CSV with them. */
async function loadForPrepare(file: string, area: string, values: PrepareValues) {
  const { years, filters, periodType, status } = checkPrepareValues(values);
  const metaPath = values.meta ?? file.replace(/\.csv$/i, '.meta.csv');
  let meta;
  if (values.meta || (metaPath !== file && (await exists(metaPath)))) {
    meta = readMeta(await readText(metaPath), basename(metaPath));
  }
  return load({
    text: await readText(file),
    file: basename(file),
    area,
    ...(values.measures
      ? {
          measures: values.measures
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    ...(values.labels ? { labels: await readJson<LabelsFile>(values.labels) } : {}),
    ...(values.neighbours ? { neighbours: await readText(values.neighbours) } : {}),
    ...(years ? { years } : {}),
    ...(values.updated ? { updated: values.updated } : {}),
    ...(filters.length ? { filters } : {}),
    ...(values.breakdown ? { breakdown: values.breakdown } : {}),
    ...(meta ? { meta } : {}),
    ...(periodType ? { periodType } : {}),
    ...(status ? { status } : {}),
    ...(values.population
      ? { population: { text: await readText(values.population), file: basename(values.population) } }
      : {}),
  });
}

/** `--area all`: one envelope per authority, each in its own file in the `out` directory. */
async function writeAllAreas(loaded: ReturnType<typeof load>, out: string | undefined, io: Io): Promise<number> {
  if (!out) throw new CliError('--area all needs --out DIRECTORY (one JSON file per authority).');
  await mkdir(out, { recursive: true });
  const used = new Set<string>();
  for (const area of loaded.all) {
    const envelope = envelopeFor(loaded, area);
    validateEnvelope(envelope);
    let name = slug(area.name);
    if (used.has(name)) name = `${name}-${area.code.toLowerCase()}`;
    used.add(name);
    await writeFile(join(out, `${name}.json`), `${JSON.stringify(envelope, null, 2)}\n`);
  }
  io.err(`Wrote ${loaded.all.length} envelopes to ${out}.\n`);
  return 0;
}

/** `prepare FILE.csv --area …`: a DfE CSV to one envelope (or one per authority). */
async function prepareCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: PREPARE_OPTIONS });
  const file = positionals[0];
  if (!file || !values.area) throw new CliError(`prepare needs a CSV file and --area.\n\n${USAGE}`);
  const loaded = await loadForPrepare(file, values.area, values);
  if (values.area.trim().toLowerCase() === 'all') return writeAllAreas(loaded, values.out, io);
  const envelope = envelopeFor(loaded, resolveArea(loaded.all, values.area));
  // The output must be what the widgets accept.
  validateEnvelope(envelope);
  const json = `${JSON.stringify(envelope, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, json);
    io.err(
      `Wrote ${values.out}: ${envelope.measures.length} measures, ${envelope.data.length} rows, ${envelope.area.name}.\n`,
    );
  } else io.out(json);
  return 0;
}

/** `check FILE.json`: validates an envelope and says what it holds. */
async function checkCommand(args: string[], io: Io): Promise<number> {
  const file = args[0];
  if (!file) throw new CliError(`check needs a JSON file.\n\n${USAGE}`);
  const data = await readJson<unknown>(file);
  const dataset = validateEnvelope(data);
  const periods = [...new Set(dataset.rows.map((r) => r.period.key))].sort();
  io.out(
    `${file}: valid. ${dataset.measures.length} measures, ${dataset.rows.length} rows, ${periods[0] ?? ''} to ${periods.at(-1) ?? ''}.\n`,
  );
  return 0;
}

/** The exit code and message for an error a user can mend; anything else is rethrown. */
function reportError(error: unknown, argv: string[], io: Io): number {
  if (error instanceof WidgetError) {
    io.err(`${describeProblems(argv[1] ?? '', error)}\n`);
    return 1;
  }
  if (
    error instanceof CliError ||
    (error instanceof Error &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
  ) {
    io.err(`${error.message}\n`);
    return 1;
  }
  throw error;
}

/** Runs the command line; returns the exit code. */
export async function run(
  argv: string[],
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'prepare') return await prepareCommand(rest, io);
    if (command === 'check') return await checkCommand(rest, io);
    if (command === 'render') return await renderCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    io.err(`${USAGE}\n`);
    return 2;
  } catch (error) {
    return reportError(error, argv, io);
  }
}
