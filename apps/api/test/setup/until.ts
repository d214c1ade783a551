import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `fn` gives a truthy value (the cluster's controllers act asynchronously); fails after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
