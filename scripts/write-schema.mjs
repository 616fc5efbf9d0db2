/**
 * Writes schema/envelope.schema.json from the valibot schema in
 * src/core/contract.ts (`npm run schema`).
 *
 * The TypeScript sources are bundled in memory with esbuild and loaded from a
 * data: URL; src/core/json-schema.ts does the conversion, so the test that
 * checks the file is current uses exactly the same code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(root, 'schema/envelope.schema.json');

const result = await build({
  stdin: {
    contents: "export { envelopeJsonSchema } from './src/core/json-schema.ts';",
    resolveDir: root,
    sourcefile: 'write-schema-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const { envelopeJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(envelopeJsonSchema(), null, 2)}\n`);
console.log(`wrote ${relative(root, out)}`);
