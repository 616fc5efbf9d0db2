// Regenerates the prepared sample endpoints in data/ from the published DfE
// files with the project's own command (`npm run build` first). `updated` is
// the day the endpoint was prepared (UPDATED=YYYY-MM-DD to reproduce a file).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dfe = process.env.DFE_DIR ?? 'test/fixtures/dfe';
if (!existsSync(dfe)) {
  console.error(`DfE files not found in ${dfe}: set DFE_DIR.`);
  process.exit(1);
}
const common = [
  '--area',
  'Trafford',
  '--neighbours',
  `${dfe}/dfe_sn_model_2025_wide.csv`,
  '--labels',
  'data/dfe-labels.json',
];
const runs = [
  [
    'dfe_cin_c1_referrals_rereferrals_2013_to_2025_extract.csv',
    'referral_count,rereferral_percent',
    'data/trafford-referrals-prepared.json',
  ],
  [
    'dfe_cin_d3_cpps_subsequent_plan_2013_to_2025_extract.csv',
    'CPP_start,CPP_subsequent_percent',
    'data/trafford-cpp-prepared.json',
  ],
];
for (const [file, measures, out] of runs) {
  execFileSync(
    process.execPath,
    [
      'bin/partnership-widgets.mjs',
      'prepare',
      `${dfe}/${file}`,
      ...common,
      '--measures',
      measures,
      '--updated',
      process.env.UPDATED ?? new Date().toISOString().slice(0, 10),
      '--out',
      out,
    ],
    { stdio: 'inherit' },
  );
}
