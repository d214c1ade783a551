import type { ClientToServerEvents, ServerToClientEvents } from '@wheelhouse/shared';
import type { Socket } from 'socket.io-client';

export type WSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The next `event` on the socket whose payload matches, or a rejection after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(s: WSocket, event: E, match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean, ms = 10_000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${ms} ms`)), ms);
    const handler = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(p)) return;
      clearTimeout(timer);
      s.off(event, handler as never);
      resolve(p);
    };
    s.on(event, handler as never);
  });
}
