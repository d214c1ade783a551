// Free loopback ports, chosen by letting the kernel bind port 0 (or re-checking the ports of a previous run).
import { createServer, type Server } from 'node:net';

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(undefined));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolvePromise(server));
  });
}

/**
 * Returns `names.length` distinct free ports on 127.0.0.1. A port from `preferred` is reused when it is still free,
 * so a restarted cluster keeps its kubeconfig server URL. All probe sockets stay open until every port is picked,
 * so the kernel never hands out the same port twice.
 */
export async function pickFreePorts<K extends string>(
  names: readonly K[],
  preferred: Partial<Record<K, number>> = {},
): Promise<Record<K, number>> {
  const held: Server[] = [];
  const picked = {} as Record<K, number>;
  try {
    for (const name of names) {
      const wanted = preferred[name];
      let server = wanted ? await listen(wanted) : undefined;
      server ??= await listen(0);
      if (!server) throw new Error(`no free port for ${name}`);
      held.push(server);
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('unexpected socket address');
      picked[name] = address.port;
    }
  } finally {
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
  }
  return picked;
}

/** True when nothing listens on 127.0.0.1:port. */
export async function isPortFree(port: number): Promise<boolean> {
  const server = await listen(port);
  if (!server) return false;
  await new Promise((r) => server.close(r));
  return true;
}
