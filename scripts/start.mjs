#!/usr/bin/env node
// Runs the whole console from built output: the API on the public port (it starts embedded PostgreSQL when
// DATABASE_URL is unset, migrates, creates the bootstrap admin) and the Next.js server on an internal loopback
// port that the API proxies to. Ctrl-C stops both; the API stops PostgreSQL on its way out.
//
// The terminal gets a short summary (URL, first-start admin password, data folder), not the children's chatter:
// Next.js's banner names its internal port, which is not where users go, so its stdout is kept back (and shown if
// it dies); request logs stay off unless LOG_LEVEL asks for them (the API's own default, info, is for servers).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiMain = join(root, 'apps/api/dist/main.js');
const webServer = join(root, 'apps/web/.next/standalone/apps/web/server.js');

for (const file of [apiMain, webServer]) {
  if (!existsSync(file)) {
    console.error(`[wheelhouse] ${file} is missing: run \`npm run build\` (or \`npm start\`, which builds first)`);
    process.exit(1);
  }
}
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`[wheelhouse] Node 24+ is required (this is ${process.version}); run through \`npm start\``);
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const webPort = process.env.WEB_PORT ?? String(await freePort());
const children = new Map();
let stopping = false;

/** The last lines a child printed while its stdout was kept back, for the message when it dies. */
function keepBack(stream, limit = 40) {
  const lines = [];
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    lines.splice(0, Math.max(0, lines.length - limit));
  });
  return () => [...lines, partial].filter(Boolean).join('\n');
}

function run(name, script, env, { quiet = false, onMessage } = {}) {
  const stdio = [quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit', 'inherit', ...(onMessage ? ['ipc'] : [])];
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio });
  const keptBack = quiet ? keepBack(child.stdout) : () => '';
  if (onMessage) child.on('message', onMessage);
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      const output = keptBack();
      if (output) console.error(output);
      console.error(`[wheelhouse] ${name} exited (${signal ?? code}); stopping the rest`);
      process.exitCode = 1;
      stop();
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stop() {
  stopping = true;
  if (children.size === 0) process.exit(process.exitCode ?? 0);
  for (const child of children.values()) child.kill('SIGTERM');
  // A process that ignores SIGTERM must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 15_000).unref();
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** What the API reports once it listens (apps/api/src/main.ts); the generated password only on the first start. */
function printSummary({ url, dataDir, adminCreated, adminPassword }) {
  const rows = [['Open', url]];
  if (adminPassword) {
    rows.push(['Sign in as', `admin  (one-time password: ${adminPassword})`], ['', 'You choose your own password at first sign-in.']);
  } else if (adminCreated) {
    rows.push(['Sign in as', 'admin  (password from WHEELHOUSE_ADMIN_PASSWORD)']);
  }
  rows.push(['Data folder', dataDir]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const logs = process.env.LOG_LEVEL ? `Logging at LOG_LEVEL=${process.env.LOG_LEVEL}.` : 'Request logs are off (LOG_LEVEL=info shows them).';
  process.stdout.write(
    ['', '  Wheelhouse is running.', '', ...rows.map(([label, value]) => `    ${label.padEnd(width)}  ${value}`), '', `  ${logs} Ctrl-C stops it.`, '', ''].join('\n'),
  );
}

run('web', webServer, { PORT: webPort, HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }, { quiet: true });
run(
  'api',
  apiMain,
  { WEB_UPSTREAM: `http://127.0.0.1:${webPort}`, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  { onMessage: (message) => message?.type === 'ready' && printSummary(message) },
);
