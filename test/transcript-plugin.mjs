// Server side of the screen-reader transcript tests: the browser sends what a
// virtual screen reader spoke, one phrase a line; it is compared with the
// committed test/transcripts/<name>.txt. A missing file is written (read it as
// a screen-reader user would, then commit it); a mismatch writes
// <name>-changed.txt beside it for review (replace the file with it once the
// change is understood and wanted).
import { compareWithCommitted } from './committed-files.mjs';

const dir = new URL('./transcripts/', import.meta.url);

export function transcriptPlugin() {
  return {
    name: 'transcript',
    async executeCommand({ command, payload }) {
      if (command !== 'transcript') return undefined;
      const { name, text } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad transcript name ${name}`);
      return compareWithCommitted(dir, name, '.txt', text);
    },
  };
}
