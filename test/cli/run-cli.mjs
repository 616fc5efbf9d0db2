/**
 * Runs the command line as a user would (`partnership-widgets ARGS...`, through the repository's bin
 * shim) and resolves with its exit code and output: shared by the command line's tests. Not a test file.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

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
