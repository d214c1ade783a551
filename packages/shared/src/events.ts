import { z } from 'zod';
import type { ErrorCode } from './errors.js';

/** socket.io contract between the web app and the API (one socket per tab, many subscriptions). */
export const WatchRequestSchema = z
  .strictObject({
    cluster: z.string().min(1).max(40),
    /** `core` for the core API group, as in the REST routes. */
    group: z.string().min(1).max(253),
    version: z.string().min(1).max(64),
    resource: z.string().min(1).max(253),
    namespace: z.string().max(253).optional(),
  })
  .meta({ id: 'WatchRequest' });
export type WatchRequest = z.infer<typeof WatchRequestSchema>;

export type DeltaType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type StreamState = 'live' | 'reconnecting' | 'ended';

export type WatchAck = { ok: true; channel: string } | { ok: false; code: ErrorCode; message: string };

export interface ServerToClientEvents {
  /** Full state of a channel for this subscriber (at subscribe time, and after its permissions change). */
  sync: (p: { channel: string; items: unknown[]; resourceVersion: string }) => void;
  /** Changes since the last sync/deltas, batched (at most every 100 ms). */
  deltas: (p: { channel: string; events: { type: DeltaType; object: unknown }[]; resourceVersion: string }) => void;
  /** `reconnecting` while the upstream watch is broken (data may be stale since `since`); `ended` when revoked. */
  status: (p: { channel: string; state: StreamState; since: string | null; code?: ErrorCode }) => void;
}

export interface ClientToServerEvents {
  watch: (req: WatchRequest, ack: (r: WatchAck) => void) => void;
  unwatch: (p: { channel: string }, ack: (r: { ok: boolean }) => void) => void;
}
