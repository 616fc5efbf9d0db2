// Server side of the tests that compare what the browser produced with a
// committed file (SVG snapshots, screen-reader transcripts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

/**
 * Compares `text` with the committed file `<name><ext>` in `dir` (a folder URL). A missing file is
 * written (review it, then commit it; on CI it is reported missing instead); a mismatch writes
 * `<name>-changed<ext>` beside it for review, and a match removes that file.
 */
export async function compareWithCommitted(dir, name, ext, text) {
  await mkdir(dir, { recursive: true });
  const file = new URL(`${name}${ext}`, dir);
  const changed = new URL(`${name}-changed${ext}`, dir);
  let expected;
  try {
    expected = await readFile(file, 'utf8');
  } catch {
    if (process.env.CI) return { status: 'missing', file: file.pathname };
    await writeFile(file, text);
    return { status: 'created', file: file.pathname };
  }
  if (expected === text) {
    await rm(changed, { force: true });
    return { status: 'match' };
  }
  await writeFile(changed, text);
  return { status: 'changed', file: changed.pathname, expected };
}
