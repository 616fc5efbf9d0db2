/**
 * Preloaded (`node --import`) into a command the benchmark runs: when the
 * process exits, writes its peak resident memory and CPU time to the file
 * named by BENCH_USAGE_FILE.
 *
 * Peak memory is VmHWM from /proc/self/status (Linux): the high-water mark of
 * this process's own memory. `resourceUsage().maxRSS` is only the fallback:
 * on Linux it carries over the parent's size from before `exec`, so a child
 * of a large process would report the parent's size.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function peakKB() {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const file = process.env.BENCH_USAGE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ maxRssKB: peakKB(), userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }),
  );
});
