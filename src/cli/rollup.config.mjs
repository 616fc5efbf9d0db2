// The partnership-widgets-cli build (Node only): src/cli/*.ts -> src/cli/dist/*.js.
// Everything it imports stays an import: the elements, their models and chart code
// come from the partnership-widgets package (its `.`, `./core.js` and `./internal.js`
// entry points), so the command line draws exactly what the elements draw; arquero,
// Lit SSR, linkedom and resvg are this package's own dependencies.
// It also copies data/dfe-labels.json and the licence into the package.
import typescript from '@rollup/plugin-typescript';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies);
const isExternal = (id) => id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

function copyFiles(files) {
  return {
    name: 'copy-package-files',
    buildStart() {
      for (const [from, to] of files) {
        mkdirSync(here(to).replace(/[\\/][^\\/]*$/, ''), { recursive: true });
        copyFileSync(here(from), here(to));
        this.addWatchFile(here(from));
      }
    },
  };
}

export default {
  input: { main: here('./main.ts') },
  external: isExternal,
  output: { dir: here('./dist'), format: 'es', sourcemap: true },
  plugins: [
    copyFiles([
      ['../../data/dfe-labels.json', './data/dfe-labels.json'],
      ['../../LICENSE', './LICENSE'],
    ]),
    typescript({
      tsconfig: here('../../tsconfig.json'),
      include: [here('./*.ts')],
      exclude: [here('./*.test.ts')],
      declaration: false,
      sourceMap: true,
      outDir: undefined,
      noEmitOnError: true,
      types: ['node'],
    }),
  ],
};
