#!/usr/bin/env node
// `npm test`: lint, typecheck, build, the local Kubernetes binaries, then every test tier. Each runner writes a
// JSON report; the totals over all tiers are printed last as "N passed, N failed". Exit code 1 on any failure.
// `node scripts/test.mjs unit|integration|e2e` runs one tier (after the checks it needs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const only = process.argv[2];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function sh(label, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: root, env: { ...env, ...opts.env }, stdio: 'inherit' });
  const ok = res.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (${res.status ?? res.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s ===`);
  if (!ok) failures.push(label);
  return ok;
}

/** A check that is not a test (lint, build): a failure stops the run, since later tiers would test stale code. */
function check(label, cmd, args) {
  if (!sh(label, cmd, args)) finish();
}

function vitest(label, workspace, script) {
  const out = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const ok = sh(label, 'npm', ['run', '--silent', '-w', workspace, script, '--', ...reporters]);
  count(label, out, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }), ok);
}

function count(label, file, read, ok) {
  if (!existsSync(file)) {
    // The runner died before reporting: that is a failure, counted once so the total cannot look green.
    totals.failed += 1;
    if (ok) failures.push(`${label} (no report)`);
    return;
  }
  const r = read(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  if (!ok && r.failed === 0) totals.failed += 1; // runner failed outside any test (e.g. a crashed hook)
  console.log(`--- ${label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}

function finish() {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
  if (totals.skipped) console.log(`Skipped tests are not counted as passed: ${totals.skipped}`);
  console.log(`Total time: ${minutes} min`);
  const failed = totals.failed + (failures.length && totals.failed === 0 ? 1 : 0);
  console.log(`${totals.passed} passed, ${failed} failed`);
  process.exit(failures.length || failed ? 1 : 0);
}

const tiers = only ? [only] : ['unit', 'integration', 'e2e'];
if (!only) {
  check('lint', 'npm', ['run', '--silent', 'lint']);
  check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
}
check('build', 'npm', ['run', '--silent', 'build']);

if (tiers.includes('unit')) {
  vitest('unit: shared', '@wheelhouse/shared', 'test:unit');
  vitest('unit: api', '@wheelhouse/api', 'test:unit');
  vitest('unit: web', '@wheelhouse/web', 'test:unit');
}
if (tiers.includes('integration')) {
  check('system packages (docker-compose, redis-server, slapd)', 'bash', ['tools/ensure-system-packages.sh', 'compose', 'redis', 'slapd']);
  check('local Kubernetes binaries (cached after the first build)', 'bash', ['tools/cluster/build.sh']);
  vitest('integration: api (PostgreSQL)', '@wheelhouse/api', 'test:integration');
  vitest('integration: local Kubernetes', '@wheelhouse/cluster', 'test:integration');
}
if (tiers.includes('e2e')) {
  check('browser (Debian chromium)', 'bash', ['tools/ensure-system-packages.sh', 'chromium']);
  // The e2e cluster serves metrics.k8s.io (the overview's usage charts); both builds are cached by version.
  check('local Kubernetes binaries and metrics-server (cached)', 'bash', ['-c', 'bash tools/cluster/build.sh && bash tools/cluster/build-metrics-server.sh']);
  const out = join(reports, 'e2e.json');
  const ok = sh('e2e (Playwright + Chromium)', 'npm', ['run', '--silent', '-w', '@wheelhouse/web', 'test:e2e', '--', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  count('e2e', out, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }), ok);
}
finish();
