#!/usr/bin/env node
// Runs the whole console from built output: the API on the public port (it starts embedded PostgreSQL when
// DATABASE_URL is unset, migrates, creates the bootstrap admin) and the Next.js server on an internal loopback
// port that the API proxies to. Ctrl-C stops both; the API stops PostgreSQL on its way out.
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

function run(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
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

run('web', webServer, { PORT: webPort, HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
run('api', apiMain, { WEB_UPSTREAM: `http://127.0.0.1:${webPort}`, NODE_ENV: 'production' });
