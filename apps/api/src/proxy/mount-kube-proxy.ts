import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { KubeProxy } from './kube-proxy.js';
import { KubeUpgrade } from './kube-upgrade.js';

/**
 * Mounts the kubectl proxy outside Nest's router: before the body parsers (bodies are streamed, not parsed) and
 * in front of the HTTP server's 'upgrade' event (exec/attach/port-forward). The proxy answers every /k8s path
 * itself and refuses it without an API token, so nothing under /k8s is reachable by accident.
 */
export function mountKubeProxy(app: INestApplication): void {
  app.use(app.get(KubeProxy).middleware);
  const upgrades = app.get(KubeUpgrade);
  const server = app.getHttpServer() as Server;
  // /k8s upgrades are taken before any 'upgrade' listener sees them: socket.io (engine.io) ends upgrade sockets
  // of paths it does not own when nothing was written to them within 1 s, which would cut an exec whose
  // authorization, audit row and upstream handshake take longer than that.
  const emit = server.emit.bind(server);
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'upgrade' && upgrades.handle(args[0] as IncomingMessage, args[1] as Duplex, args[2] as Buffer)) return true;
    return emit(event as string, ...args);
  }) as Server['emit'];
  // Node emits 'upgrade' only when someone listens; other paths without another listener are closed, as by default.
  server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    if (server.listenerCount('upgrade') === 1) socket.destroy();
  });
}
