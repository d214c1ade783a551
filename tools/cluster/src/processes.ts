// Control-plane processes: started detached (they outlive the CLI), tracked by PID, stopped by PID only.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface ProcessSpec {
  /** Absolute binary path followed by its arguments. */
  argv: string[];
  log: string;
}

/** Starts a component in its own session so Ctrl-C on the CLI or a crashed test runner does not take it down. */
export function startProcess(spec: ProcessSpec): number {
  const [bin, ...args] = spec.argv;
  if (!bin) throw new Error('empty argv');
  const fd = openSync(spec.log, 'a');
  try {
    writeSync(fd, `\n=== ${new Date().toISOString()} ${spec.argv.join(' ')}\n`);
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', fd, fd], env: componentEnv() });
    if (child.pid === undefined) throw new Error(`could not start ${bin}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** No proxy variables: every component talks to 127.0.0.1 directly, never through a proxy off the machine. */
function componentEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(https?|no|all)_proxy$/i.test(key)) delete env[key];
  return env;
}

/**
 * True when `pid` is a live (non-zombie) process whose command line mentions `marker` (the cluster directory).
 * The marker check keeps a recycled PID from a crashed run from being mistaken for, or killed as, our process.
 */
export function isOurProcess(pid: number, marker: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) [ZX] /.test(stat)) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, wait up to `graceMs`, then SIGKILL. Resolves once the process is gone. */
export async function stopProcess(pid: number, marker: string, graceMs = 10_000): Promise<void> {
  if (!isOurProcess(pid, marker)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, marker)) return;
    await sleep(100);
  }
  if (isOurProcess(pid, marker)) process.kill(pid, 'SIGKILL');
  while (isOurProcess(pid, marker)) await sleep(50);
}

/** Last lines of a log, for error messages when a component dies during startup. */
export function tailLog(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
