/**
 * The `partnership-widgets` command line (Node only):
 *   partnership-widgets prepare FILE.csv --area NAME_OR_CODE [--measures COL,COL] [--labels LABELS.json]
 *       [--neighbours SN_MODEL.csv] [--years N] [--out OUT.json] [--updated YYYY-MM-DD]
 *   partnership-widgets check FILE.json
 *   partnership-widgets render ELEMENT --src FILE.json [--format html|svg|png] [--lang en|cy] [--width PX]
 *       [--as-at YYYY-MM-DD] [--out FILE]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { validateEnvelope, WidgetError } from 'partnership-widgets/core.js';
import { CliError } from './ees.js';
import { prepare, type LabelsFile } from './prepare.js';
import { describeProblems, RENDER_HELP, RENDER_USAGE, renderCommand } from './render.js';

const USAGE = `Usage:
  partnership-widgets prepare FILE.csv --area NAME_OR_CODE [--measures COL,COL,...]
      [--labels LABELS.json] [--neighbours SN_MODEL.csv] [--years N] [--out OUT.json] [--updated YYYY-MM-DD]
  partnership-widgets check FILE.json
${RENDER_USAGE}

prepare  turns a DfE explore-education-statistics CSV into a widget endpoint for one local
         authority (by name, new code E08000009 or old code 358), with England, its region and,
         with --neighbours, the median of its ten statistical neighbours as comparators.
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

/** Runs the command line; returns the exit code. */
export async function run(
  argv: string[],
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'prepare') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          area: { type: 'string' },
          measures: { type: 'string' },
          labels: { type: 'string' },
          neighbours: { type: 'string' },
          years: { type: 'string' },
          out: { type: 'string' },
          updated: { type: 'string' },
        },
      });
      const file = positionals[0];
      if (!file || !values.area) throw new CliError(`prepare needs a CSV file and --area.\n\n${USAGE}`);
      const years = values.years === undefined ? undefined : Number(values.years);
      if (years !== undefined && !(Number.isInteger(years) && years > 0))
        throw new CliError('--years must be a whole number above 0.');
      if (values.updated !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(values.updated)) {
        throw new CliError('--updated must be a date such as 2025-10-30.');
      }
      const envelope = prepare({
        text: await readText(file),
        file: basename(file),
        area: values.area,
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
      });
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
    if (command === 'check') {
      const file = rest[0];
      if (!file) throw new CliError(`check needs a JSON file.\n\n${USAGE}`);
      const data = await readJson<unknown>(file);
      const dataset = validateEnvelope(data);
      const periods = [...new Set(dataset.rows.map((r) => r.period.key))].sort();
      io.out(
        `${file}: valid. ${dataset.measures.length} measures, ${dataset.rows.length} rows, ${periods[0] ?? ''} to ${periods.at(-1) ?? ''}.\n`,
      );
      return 0;
    }
    if (command === 'render') return await renderCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    io.err(`${USAGE}\n`);
    return 2;
  } catch (error) {
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
}
