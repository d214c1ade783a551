// A worker thread hosting a share of the socket.io viewers. Viewers parse every delta they receive (25 MB/s at
// 100 × 50 ev/s), so they run beside the bench's main thread, whose patch schedule and direct-watch timestamps must
// not queue behind that parsing. Each arrival is timestamped here, in this thread's own event loop.
import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export type ToWorker =
  | { type: 'grow'; n: number; origin: string; cookie: string; watch: Record<string, string> }
  | { type: 'narrow'; keep: number }
  | { type: 'record'; run: string }
  | { type: 'count' }
  | { type: 'collect' }
  | { type: 'close' };

type Annotated = { metadata?: { annotations?: Record<string, string> } };
interface Viewer {
  socket: Socket;
  channel: string | null;
  seen: Set<number>;
}

const viewers: Viewer[] = [];
let run: string | null = null;
let sent: number[] = [];
let latency: number[] = [];

function onDeltas(v: Viewer, p: { events: { object: Annotated }[] }): void {
  const now = performance.timeOrigin + performance.now();
  if (!run) return;
  for (const e of p.events) {
    const a = e.object.metadata?.annotations;
    if (a?.['bench.wheelhouse.dev/run'] !== run) continue;
    const seq = Number(a['bench.wheelhouse.dev/seq']);
    if (v.seen.has(seq)) continue;
    v.seen.add(seq);
    const at = Number(a['bench.wheelhouse.dev/sent']);
    sent.push(at);
    latency.push(now - at);
  }
}

async function connect(origin: string, cookie: string, watch: Record<string, string>): Promise<void> {
  const socket = io(origin, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie, Origin: origin },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const v: Viewer = { socket, channel: null, seen: new Set() };
  socket.on('deltas', (p: { events: { object: Annotated }[] }) => onDeltas(v, p));
  const ack = (await socket.timeout(60_000).emitWithAck('watch', watch)) as {
    ok: boolean;
    channel?: string;
    message?: string;
  };
  if (!ack.ok || !ack.channel) throw new Error(`watch refused: ${ack.message}`);
  v.channel = ack.channel;
  viewers.push(v);
}

async function handle(msg: ToWorker): Promise<unknown> {
  switch (msg.type) {
    case 'grow': {
      const missing = msg.n - viewers.length;
      for (let i = 0; i < missing; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, missing - i) }, () => connect(msg.origin, msg.cookie, msg.watch)),
        );
      }
      return viewers.length;
    }
    case 'narrow':
      for (const v of viewers.slice(msg.keep)) {
        if (!v.channel) continue;
        await v.socket.timeout(10_000).emitWithAck('unwatch', { channel: v.channel });
        v.channel = null;
      }
      return viewers.filter((v) => v.channel).length;
    case 'record':
      run = msg.run;
      sent = [];
      latency = [];
      for (const v of viewers) v.seen.clear();
      return true;
    case 'count':
      return latency.length;
    case 'collect': {
      const received = viewers.filter((v) => v.channel).map((v) => v.seen.size);
      const out = { sent, latency, received };
      run = null;
      sent = [];
      latency = [];
      return out;
    }
    case 'close':
      for (const v of viewers) v.socket.disconnect();
      setImmediate(() => process.exit(0));
      return true;
  }
}

parentPort?.on('message', (msg: ToWorker & { id: number }) => {
  handle(msg).then(
    (result) => parentPort?.postMessage({ id: msg.id, result }),
    (err: unknown) => parentPort?.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
