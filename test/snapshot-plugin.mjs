// Server side of the SVG snapshot tests (after Observable Plot's own tests):
// the browser sends a chart's normalised SVG; it is compared with the
// committed test/output/<name>.svg. A missing file is written (review and
// commit it); a mismatch writes <name>-changed.svg beside it for review.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const dir = new URL('./output/', import.meta.url);

export function snapshotPlugin() {
  return {
    name: 'svg-snapshot',
    async executeCommand({ command, payload }) {
      if (command !== 'svg-snapshot') return undefined;
      const { name, svg } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad snapshot name ${name}`);
      await mkdir(dir, { recursive: true });
      const file = new URL(`${name}.svg`, dir);
      const changed = new URL(`${name}-changed.svg`, dir);
      let expected;
      try {
        expected = await readFile(file, 'utf8');
      } catch {
        if (process.env.CI) return { status: 'missing', file: file.pathname };
        await writeFile(file, svg);
        return { status: 'created', file: file.pathname };
      }
      if (expected === svg) {
        await rm(changed, { force: true });
        return { status: 'match' };
      }
      await writeFile(changed, svg);
      return { status: 'changed', file: changed.pathname };
    },
  };
}
