// For work on S4 (a)–(c), not a result (`npm run -w @wheelhouse/bench bench:explorer:loop`): one cluster with the
// pods, seeded once; each time /tmp/s4-go appears, a fresh console from the current build is started, measured by
// s4-loop-run.ts (re-imported each time, so it and s4-browser.ts may change between runs) and stopped.
// `echo 3 > /tmp/s4-go`: three rounds of (a)–(c); `echo a > /tmp/s4-go`: only (a)'s timings and a load profile.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsole } from './s4-console.ts';
import { seedPods, startS4Cluster } from './s4-seed.ts';
import { sleep } from './stats.ts';

export const LOOP_PODS = 10_000;
const log = (m: string) => process.stdout.write(`[loop ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const logDir = mkdtempSync(join(tmpdir(), 'wheelhouse-s4-loop-'));
const c = await startS4Cluster(LOOP_PODS, () => undefined);
process.once('SIGTERM', () => void c.stop().finally(() => process.exit(0)));
log('seeding');
await seedPods(c, LOOP_PODS);
log('seeded; waiting for /tmp/s4-go');
for (let n = 1; ; n++) {
  while (!existsSync('/tmp/s4-go')) await sleep(500);
  const mode = readFileSync('/tmp/s4-go', 'utf8').trim() || '3';
  rmSync('/tmp/s4-go');
  const { runOnce } = (await import(`./s4-loop-run.ts?run=${n}`)) as typeof import('./s4-loop-run.ts');
  const cons = await startConsole(logDir);
  try {
    await cons.registerCluster('s4-a', c);
    await runOnce(cons, n, mode, log);
  } catch (err) {
    log(`run ${n} failed: ${String(err)}`);
  } finally {
    await cons.stop();
  }
}
