// `next build` with output: 'standalone' leaves static assets out of the standalone tree on purpose
// (a CDN is expected to serve them). Wheelhouse serves everything itself, so copy them beside server.js.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const target = `${web}.next/standalone/apps/web`;

if (!existsSync(`${target}/server.js`)) {
  console.error(`copy-static: ${target}/server.js is missing; did next build run with output: 'standalone'?`);
  process.exit(1);
}
cpSync(`${web}.next/static`, `${target}/.next/static`, { recursive: true });
if (existsSync(`${web}public`)) {
  cpSync(`${web}public`, `${target}/public`, { recursive: true });
}
console.log(`copy-static: static assets copied to ${target}`);
