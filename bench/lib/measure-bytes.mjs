/**
 * Bytes: our bundle and each element's own bundle beside the peers', all made
 * the same way (bench/lib/bundle.mjs), minified, gzip -9 and brotli q11; and
 * what our bundle is made of (its source map).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleOurEntry, bundlePeer, PEERS } from './bundle.mjs';
import { contributors, fileSizes } from './bundle-size.mjs';
import { benchPackageVersion } from './install.mjs';
import { bundleFile, root, scratchDir } from './paths.mjs';

export async function measureBytes({ cases, log }) {
  const out = join(scratchDir, 'bundles');
  const peers = [];
  for (const peer of PEERS) {
    const t = performance.now();
    const { file, warnings } = await bundlePeer(peer, out);
    const versions = Object.fromEntries(peer.packages.map((p) => [p, benchPackageVersion(p)]));
    peers.push({ id: peer.id, label: peer.label, versions, ...fileSizes(file), warnings });
    log(`  bundled ${peer.label} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const entries = [];
  const skipped = [];
  const seen = new Set();
  for (const c of cases) {
    if (!c.entry || seen.has(c.entry)) continue;
    seen.add(c.entry);
    if (!existsSync(join(root, c.entry))) {
      skipped.push({ case: c.id, entry: c.entry, reason: 'entry file not found' });
      continue;
    }
    const t = performance.now();
    const { file, warnings } = await bundleOurEntry(c.id, c.entry, out);
    entries.push({ id: c.id, tag: c.tag, entry: c.entry, ...fileSizes(file), warnings });
    log(`  bundled <${c.tag}> alone in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return {
    compression: 'gzip level 9, brotli quality 11 (node:zlib); 1 KB = 1,000 bytes',
    ours: { file: 'dist/partnership-widgets.js', ...fileSizes(bundleFile) },
    entries,
    skipped,
    peers,
    contributors: contributors(bundleFile),
  };
}
