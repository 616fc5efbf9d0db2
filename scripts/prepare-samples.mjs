// Regenerates the prepared sample endpoints in data/ from the published DfE
// files with the project's own command (`npm run build` first). `updated` says
// when the source was published, so it is written only when UPDATED=YYYY-MM-DD
// gives that date: the day the samples were prepared is not it.
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
      ...(process.env.UPDATED ? ['--updated', process.env.UPDATED] : []),
      '--out',
      out,
    ],
    { stdio: 'inherit' },
  );
}
