/**
 * Runs the command line as a user would (`partnership-widgets ARGS...`, through the repository's bin
 * shim) and resolves with its exit code and output: shared by the command line's tests. Not a test file.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';

export const root = new URL('../../', import.meta.url).pathname;

/** The published DfE files the tests read: the repository's extracts, or the folder `DFE_DIR` names. */
export const DFE = process.env.DFE_DIR ?? join(root, 'test/fixtures/dfe');

export function cli(...args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/partnership-widgets.mjs'), ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

/** Runs `prepare ARGS...`, which must succeed, and resolves with the envelope it wrote. */
export async function prepare(...args) {
  const result = await cli('prepare', ...args);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** A published CSV file's rows (its byte-order mark dropped), to check the envelope against. */
export async function readCsvRows(path) {
  return csvParse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
}
