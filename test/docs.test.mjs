// The element references in docs/ are written from the custom elements manifest
// (scripts/write-docs.mjs, run by the build). This test analyses src/ afresh, as
// `npm run manifest` does, and fails when a doc's generated section differs from
// what that manifest gives: it names the doc and the command that brings it up to date.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { FIX_COMMAND, currentSection, root, sections, staleDocs } from '../scripts/write-docs.mjs';

let manifest;

before(async () => {
  // The project's own analyzer config, without writing custom-elements.json.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  } finally {
    process.chdir(cwd);
  }
});

const docOf = (file) => readFileSync(join(root, file), 'utf8');
const declarationOf = (name) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === name || d.tagName === name);

test('the manifest describes the three elements', () => {
  assert.deepEqual(
    sections(manifest)
      .map((s) => s.tag)
      .sort(),
    ['attendance-by-sector', 'kpi-quarter-table', 'training-trend'],
  );
});

test("each element's reference in docs/ is what the manifest gives now", () => {
  const stale = staleDocs(manifest);
  assert.equal(stale.length, 0, stale.map((s) => s.message).join('\n\n'));
});

test('a doc whose reference no longer matches the source fails, naming the doc and the fix', () => {
  const changed = structuredClone(manifest);
  const kpi = changed.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'kpi-quarter-table');
  kpi.attributes.find((a) => a.name === 'years').description = 'How many years, newly described.';
  kpi.members.find((m) => m.name === 'years').description = 'How many years, newly described.';
  const stale = staleDocs(changed);
  assert.deepEqual(
    stale.map((s) => s.file),
    ['docs/kpi-quarter-table.md'],
  );
  assert.match(stale[0].message, /docs\/kpi-quarter-table\.md is stale/);
  assert.match(stale[0].message, /How many years, newly described\./);
  assert.ok(stale[0].message.includes(FIX_COMMAND), stale[0].message);

  const unmarked = staleDocs(manifest, (file) => docOf(file).replace('<!-- generated:start -->', ''));
  assert.equal(unmarked.length, 3);
  assert.match(unmarked[0].message, /has no <!-- generated:start --> … <!-- generated:end --> section/);
});

test('every element documents what it inherits from PartnershipWidget', () => {
  const base = declarationOf('PartnershipWidget');
  assert.ok(base, 'PartnershipWidget is in the manifest');
  const inherited = {
    attributes: base.attributes.map((a) => a.name),
    methods: base.members.filter((m) => m.kind === 'method' && !m.privacy).map((m) => `${m.name}(`),
    properties: base.members.filter((m) => m.kind === 'field' && !m.privacy && !m.attribute).map((m) => m.name),
  };
  assert.ok(inherited.attributes.includes('src') && inherited.methods.includes('reload('));
  for (const { file } of sections(manifest)) {
    const section = currentSection(docOf(file)) ?? '';
    for (const name of [...inherited.attributes, ...inherited.properties, ...inherited.methods]) {
      assert.ok(section.includes(`| \`${name}`), `${file} does not list ${name}, inherited from PartnershipWidget`);
    }
    for (const event of ['widget-ready', 'widget-error']) {
      assert.ok(section.includes(`| \`${event}\` | \`{`), `${file} does not give the detail type of ${event}`);
    }
  }
});

test('every attribute, event, part and custom property has a description', () => {
  const missing = [];
  for (const { tag } of sections(manifest)) {
    const d = declarationOf(tag);
    const fields = new Map(d.members.map((m) => [m.name, m]));
    for (const a of d.attributes ?? []) {
      if (!(fields.get(a.fieldName)?.description ?? a.description)) missing.push(`${tag} attribute ${a.name}`);
    }
    for (const [kind, items] of [
      ['event', d.events],
      ['part', d.cssParts],
      ['custom property', d.cssProperties],
    ]) {
      for (const item of items ?? []) if (!item.description) missing.push(`${tag} ${kind} ${item.name}`);
    }
  }
  assert.deepEqual(missing, [], `Add a one-line JSDoc comment in src/ for: ${missing.join(', ')}`);
});
