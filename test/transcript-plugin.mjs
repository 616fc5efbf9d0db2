// Server side of the screen-reader transcript tests: the browser sends what a
// virtual screen reader spoke, one phrase a line; it is compared with the
// committed test/transcripts/<name>.txt. A missing file is written (read it as
// a screen-reader user would, then commit it); a mismatch writes
// <name>-changed.txt beside it for review (replace the file with it once the
// change is understood and wanted).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const dir = new URL('./transcripts/', import.meta.url);

export function transcriptPlugin() {
  return {
    name: 'transcript',
    async executeCommand({ command, payload }) {
      if (command !== 'transcript') return undefined;
      const { name, text } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad transcript name ${name}`);
      await mkdir(dir, { recursive: true });
      const file = new URL(`${name}.txt`, dir);
      const changed = new URL(`${name}-changed.txt`, dir);
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
    },
  };
}
