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

/**
 * `namespaces`: the namespaces an all-namespaces view is limited to for this user (as a list's `namespaces`);
 * null when it is not limited.
 */
export type WatchAck = { ok: true; channel: string; namespaces: string[] | null } | { ok: false; code: ErrorCode; message: string };

export interface ServerToClientEvents {
  /** Full state of a channel for this subscriber (at subscribe time, and after its permissions change). */
  sync: (p: { channel: string; items: unknown[]; resourceVersion: string }) => void;
  /** Changes since the last sync/deltas, batched (at most every 100 ms). */
  deltas: (p: { channel: string; events: { type: DeltaType; object: unknown }[]; resourceVersion: string }) => void;
  /** `reconnecting` while the upstream watch is broken (data may be stale since `since`); `ended` when revoked. */
  status: (p: { channel: string; state: StreamState; since: string | null; code?: ErrorCode }) => void;
  /** Sent just before the server closes this socket (e.g. RATE_LIMITED: far more messages than allowed). */
  closing: (p: { code: ErrorCode; message: string }) => void;
}

export interface ClientToServerEvents {
  watch: (req: WatchRequest, ack: (r: WatchAck) => void) => void;
  unwatch: (p: { channel: string }, ack: (r: { ok: boolean; code?: ErrorCode }) => void) => void;
}
