// custom-elements.json for the published package, and the editor data made from it:
// vscode.html-custom-data.json (VS Code's HTML custom data) and web-types.json (JetBrains).
// The analyzer reads src/; the manifest names the modules the package ships (dist/lib),
// so tools that follow it find real files: each element's own entry point, and
// dist/lib/core.js for the PartnershipWidget base class they inherit from.
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const ELEMENT_MODULES = {
  'src/kpi-quarter-table/kpi-quarter-table.ts': 'dist/lib/kpi-quarter-table.js',
  'src/attendance-by-sector/attendance-by-sector.ts': 'dist/lib/attendance-by-sector.js',
  'src/training-trend/training-trend.ts': 'dist/lib/training-trend.js',
  'src/core/widget.ts': 'dist/lib/core.js',
};

/** A source module's shipped path: elements their entry, core its entry, the rest the index. */
function shipped(path) {
  if (path.startsWith('dist/')) return path;
  const clean = path.replace(/^\//, '').replace(/\.js$/, '.ts');
  if (ELEMENT_MODULES[clean]) return ELEMENT_MODULES[clean];
  if (clean.startsWith('src/core/')) return 'dist/lib/core.js';
  return 'dist/lib/index.js';
}

function remapModules(value) {
  if (Array.isArray(value)) return value.map(remapModules);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === 'module' && typeof v === 'string' ? shipped(v) : remapModules(v),
    ]),
  );
}

/**
 * Event types from the element's own JSDoc (`@event {CustomEvent<{...}>} name - ...`): the
 * analyzer keeps the base class's bare `CustomEvent` for events the base class dispatches.
 */
function eventTypes(sourcePath) {
  const types = new Map();
  for (const match of readFileSync(sourcePath, 'utf8').matchAll(/@event \{(.*)\} ([a-z-]+) - /g)) {
    types.set(match[2], match[1]);
  }
  return types;
}

function shippedPaths() {
  return {
    name: 'shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const modules = [];
      for (const module of customElementsManifest.modules) {
        const path = ELEMENT_MODULES[module.path];
        if (!path) continue; // models, charts, styles: no elements (the index exports the public ones)
        const declarations = (module.declarations ?? []).filter((d) => d.kind === 'class');
        const types = eventTypes(module.path);
        for (const event of declarations.flatMap((d) => d.events ?? [])) {
          if (types.has(event.name)) event.type = { text: types.get(event.name) };
        }
        const exports = declarations.map((d) => ({
          kind: 'js',
          name: d.name,
          declaration: { name: d.name, module: path },
        }));
        for (const d of declarations) {
          if (d.tagName) {
            exports.push({
              kind: 'custom-element-definition',
              name: d.tagName,
              declaration: { name: d.name, module: path },
            });
          }
        }
        modules.push(remapModules({ ...module, path, declarations, exports }));
      }
      customElementsManifest.modules = modules;
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/cli/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    shippedPaths(),
    customElementVsCodePlugin({ outdir: '.', htmlFileName: 'vscode.html-custom-data.json', cssFileName: null }),
    customElementJetBrainsPlugin({ outdir: '.', webTypesFileName: 'web-types.json', excludeCss: true }),
  ],
};
