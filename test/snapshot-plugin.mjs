// Server side of the SVG snapshot tests (after Observable Plot's own tests):
// the browser sends a chart's normalised SVG; it is compared with the
// committed test/output/<name>.svg. A missing file is written (review and
// commit it); a mismatch writes <name>-changed.svg beside it for review.
import { compareWithCommitted } from './committed-files.mjs';

const dir = new URL('./output/', import.meta.url);

export function snapshotPlugin() {
  return {
    name: 'svg-snapshot',
    async executeCommand({ command, payload }) {
      if (command !== 'svg-snapshot') return undefined;
      const { name, svg } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad snapshot name ${name}`);
      return compareWithCommitted(dir, name, '.svg', svg);
    },
  };
}
