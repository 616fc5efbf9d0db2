// Writes each element's reference into docs/<tag>.md, from custom-elements.json
// (written by `npm run manifest`, which the build runs first): attributes with
// their properties, types and defaults, the properties without an attribute,
// methods, events with their detail type, slots, CSS parts and CSS custom
// properties, inherited members included. Only the text between the markers
// below is written; the prose around it is the doc's own.
//
//   node scripts/write-docs.mjs           write the generated sections
//   node scripts/write-docs.mjs --check   exit 1, naming the stale docs, if any differs
//
// test/docs.test.mjs runs the same rendering on a manifest analysed afresh from src/.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- generated:start -->';
export const END = '<!-- generated:end -->';
export const FIX_COMMAND = 'npm run manifest && npm run docs';

/** A table cell: one line, pipes escaped (GitHub needs that even inside code spans). */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text) {
  return text === undefined || text === '' ? '' : `\`${cell(text)}\``;
}

function table(head, rows) {
  if (rows.length === 0) return 'None.';
  const line = (cells) => `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** The base class a member comes from, as a short note after its description. */
function from(item, declaration) {
  const base = item.inheritedFrom?.name;
  return base && base !== declaration.name ? ` (${base})` : '';
}

function detailType(event) {
  const text = event.type?.text ?? '';
  const match = /^CustomEvent<([\s\S]*)>$/.exec(text);
  return match ? match[1] : text;
}

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
  return `${method.name}(${params})`;
}

function attributesTable(declaration) {
  const fields = new Map((declaration.members ?? []).map((m) => [m.name, m]));
  const rows = (declaration.attributes ?? []).map((attribute) => {
    // The field is the truer record: an element that changes an inherited default
    // (`this.view = 'chart'`) updates the field, while the attribute keeps the base's.
    const field = fields.get(attribute.fieldName) ?? {};
    return [
      code(attribute.name),
      code(attribute.fieldName),
      code(field.type?.text ?? attribute.type?.text),
      code(field.default ?? attribute.default),
      cell((field.description ?? attribute.description ?? '') + from(attribute, declaration)),
    ];
  });
  return table(['Attribute', 'Property', 'Type', 'Default', 'Description'], rows);
}

function propertiesTable(declaration) {
  const rows = (declaration.members ?? [])
    .filter((m) => m.kind === 'field' && isPublic(m) && !m.static && !m.attribute)
    .map((m) => [
      code(m.name),
      code(m.type?.text),
      m.readonly ? 'read-only' : code(m.default),
      cell((m.description ?? '') + from(m, declaration)),
    ]);
  return table(['Property', 'Type', 'Default', 'Description'], rows);
}

function methodsTable(declaration) {
  const rows = (declaration.members ?? [])
    .filter((m) => m.kind === 'method' && isPublic(m) && !m.static)
    .map((m) => [
      code(signature(m)),
      code(m.return?.type?.text ?? 'void'),
      cell((m.description ?? '') + from(m, declaration)),
    ]);
  return table(['Method', 'Returns', 'Description'], rows);
}

function eventsTable(declaration) {
  const rows = (declaration.events ?? []).map((e) => [
    code(e.name),
    code(detailType(e)),
    cell((e.description ?? '') + from(e, declaration)),
  ]);
  return table(['Event', '`detail`', 'Description'], rows);
}

function namedTable(head, items, declaration, nameOf = (item) => code(item.name)) {
  const rows = (items ?? []).map((item) => [
    nameOf(item),
    ...(head.length === 3 ? [code(item.default)] : []),
    cell((item.description ?? '') + from(item, declaration)),
  ]);
  return table(head, rows);
}

/** The generated section of one element's doc, markers included. */
export function referenceSection(declaration, modulePath) {
  const base = declaration.superclass?.name;
  const hasDefaults = (declaration.cssProperties ?? []).some((p) => p.default !== undefined);
  return [
    START,
    `<!-- Written by \`${FIX_COMMAND}\` from custom-elements.json: edit the JSDoc in src/, not this section. -->`,
    '',
    '## Reference',
    '',
    `\`<${declaration.tagName}>\`: class \`${declaration.name}\`${base ? `, extends \`${base}\`` : ''}, in ` +
      `\`${modulePath}\`. Members that come from ${base ? `\`${base}\`` : 'a base class'}, the same on every ` +
      'widget, are marked with its name.',
    '',
    '### Attributes',
    '',
    attributesTable(declaration),
    '',
    '### Properties without an attribute',
    '',
    propertiesTable(declaration),
    '',
    '### Methods',
    '',
    methodsTable(declaration),
    '',
    '### Events',
    '',
    eventsTable(declaration),
    '',
    '### Slots',
    '',
    namedTable(['Slot', 'Description'], declaration.slots, declaration, (s) => (s.name ? code(s.name) : '(default)')),
    '',
    '### CSS parts (`::part()`)',
    '',
    namedTable(['Part', 'Description'], declaration.cssParts, declaration),
    '',
    '### CSS custom properties',
    '',
    namedTable(
      hasDefaults ? ['Property', 'Default', 'Description'] : ['Property', 'Description'],
      declaration.cssProperties,
      declaration,
    ),
    END,
  ].join('\n');
}

/** Every custom element in the manifest: its doc's path and its generated section. */
export function sections(manifest) {
  const out = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      out.push({
        tag: declaration.tagName,
        file: `docs/${declaration.tagName}.md`,
        section: referenceSection(declaration, module.path),
      });
    }
  }
  return out;
}

/** The doc with its generated section replaced; throws when the markers are missing. */
export function splice(doc, section, file) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END, start);
  if (start < 0 || end < 0) {
    throw new Error(`${file} has no ${START} … ${END} section to write the reference into.`);
  }
  return doc.slice(0, start) + section + doc.slice(end + END.length);
}

/** The generated section now in a doc (markers included), or undefined. */
export function currentSection(doc) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END, start);
  return start < 0 || end < 0 ? undefined : doc.slice(start, end + END.length);
}

/** A reading of the first line where a doc's section and the manifest's differ. */
function firstDifference(now, want) {
  const a = (now ?? '').split('\n');
  const b = want.split('\n');
  const i = b.findIndex((line, n) => line !== a[n]);
  return i < 0
    ? `it has ${a.length - b.length} extra lines`
    : `line ${i + 1} of the section is\n  ${a[i] ?? '(missing)'}\nbut the manifest gives\n  ${b[i]}`;
}

/**
 * The docs whose generated section differs from what the manifest gives, each with
 * a message naming the file, the first difference and the command that fixes it.
 */
export function staleDocs(manifest, readDoc = (file) => readFileSync(join(root, file), 'utf8')) {
  const stale = [];
  for (const { file, section } of sections(manifest)) {
    const now = currentSection(readDoc(file));
    if (now === section) continue;
    const why = now === undefined ? `it has no ${START} … ${END} section` : firstDifference(now, section);
    stale.push({ file, message: `${file} is stale (${why}). Run \`${FIX_COMMAND}\` and commit the doc.` });
  }
  return stale;
}

function main() {
  const check = process.argv.includes('--check');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  } catch (error) {
    console.error(`Could not read custom-elements.json (${error.message}): run \`npm run manifest\` first.`);
    process.exit(1);
  }
  if (check) {
    const stale = staleDocs(manifest);
    for (const { message } of stale) console.error(message);
    if (stale.length) process.exit(1);
    console.log('Element references up to date.');
    return;
  }
  const written = [];
  for (const { file, section } of sections(manifest)) {
    const path = join(root, file);
    const doc = readFileSync(path, 'utf8');
    const next = splice(doc, section, file);
    if (next === doc) continue;
    writeFileSync(path, next);
    written.push(file);
  }
  console.log(written.length ? `Wrote the reference in ${written.join(', ')}.` : 'Element references up to date.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
