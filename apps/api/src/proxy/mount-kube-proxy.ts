import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { KubeProxy } from './kube-proxy.js';
import { KubeUpgrade } from './kube-upgrade.js';

/**
 * Mounts the kubectl proxy outside Nest's router: before the body parsers (bodies are streamed, not parsed) and
 * on the HTTP server's 'upgrade' event (exec/attach/port-forward). The proxy answers every /k8s path itself and
 * refuses it without an API token, so nothing under /k8s is reachable by accident.
 */
export function mountKubeProxy(app: INestApplication): void {
  app.use(app.get(KubeProxy).middleware);
  const upgrades = app.get(KubeUpgrade);
  const server = app.getHttpServer() as Server;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Other paths belong to other listeners (socket.io); with none, Node's default of closing the socket applies.
    if (!upgrades.handle(req, socket, head) && server.listenerCount('upgrade') === 1) socket.destroy();
  });
}
