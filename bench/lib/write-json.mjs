/** Writes JSON formatted as the repository's prettier would (so `npm run lint` stays clean). */
import { writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';

export async function writeJson(file, data) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(JSON.stringify(data), { ...options, filepath: file });
  await writeFile(file, text);
}
