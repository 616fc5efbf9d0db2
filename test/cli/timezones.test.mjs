// Quarter and year labels, dates and the KPI model's output are the same
// whatever the reader's time zone: run the built core in Node under three
// zones (one with a date line between it and the UK) and compare.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = new URL('../../', import.meta.url).pathname;
const script = `
const core = await import('./dist/lib/core.js');
const { buildKpiModel } = await import('./dist/lib/index.js');
const { readFileSync } = await import('node:fs');
const out = [];
for (const lang of ['en', 'cy']) {
  const m = core.messages(lang);
  out.push(core.formatDate('2022-06-30', m), core.formatDate('2021-09', m), core.formatDate('2025-03-31', m));
  for (const month of [4, 7, 1]) {
    const env = JSON.parse(readFileSync('data/leicester-kpis-2021-22.json', 'utf8'));
    const model = buildKpiModel(core.validateEnvelope({ ...env, yearStartMonth: month }), m, lang);
    out.push(model.period, ...model.columns.map((c) => c.label), ...model.summary);
  }
}
console.log(JSON.stringify(out));
`;

function run(tz) {
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    }),
  );
}

test('labels and dates do not move with the time zone', () => {
  const london = run('Europe/London');
  assert.ok(
    london.includes('30 June 2022') && london.includes('Q1 (Apr to Jun)') && london.includes('Ch1 (Gorff i Medi)'),
  );
  assert.deepEqual(run('UTC'), london);
  assert.deepEqual(run('Pacific/Auckland'), london);
  assert.deepEqual(run('America/Los_Angeles'), london);
});
