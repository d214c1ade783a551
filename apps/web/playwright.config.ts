import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN, E2E_BASE_URL as baseURL, E2E_PORT, OTHER_HOST } from './e2e/constants';

// Debian's Chromium, never a downloaded browser (the machine is offline).
const chromiumPath =
  process.env.CHROMIUM_PATH ?? execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();

// One fresh data directory (embedded PostgreSQL, keys) per run. The config is also loaded by the worker
// processes, which inherit this variable, so only the runner that created the directory creates or removes it.
if (!process.env.WHEELHOUSE_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-e2e-'));
  process.env.WHEELHOUSE_E2E_DATA_DIR = dataDir;
  // 'exit' fires after Playwright has stopped the web server (and with it PostgreSQL): ~50 MB per run otherwise.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'e2e',
  // The screenshot walk is a review tool, not a test: it only runs when asked for (E2E_SCREENSHOTS=1).
  testIgnore: process.env.E2E_SCREENSHOTS ? [] : ['**/screens.spec.ts'],
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Overridable from the CLI (`-- --reporter=json`); the repo's test runner collects the JSON totals.
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // --no-sandbox: required as root. The rest stop Chromium's own background calls to the internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // The console reached under a name that is not PUBLIC_URL (first-visit.spec.ts), still on this machine.
        `--host-resolver-rules=MAP ${OTHER_HOST} 127.0.0.1`,
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node ../../scripts/start.mjs',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 20_000 },
    env: {
      PORT: String(E2E_PORT),
      WHEELHOUSE_DATA_DIR: process.env.WHEELHOUSE_E2E_DATA_DIR,
      WHEELHOUSE_ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // Request logs would bury Playwright's output; warnings and startup failures still show.
      LOG_LEVEL: 'warn',
    },
  },
});
