import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/env.schema.js';

type Limits = Pick<
  AppConfig,
  'STREAM_SOCKETS_PER_SESSION' | 'STREAM_SOCKETS_PER_USER' | 'STREAM_MESSAGES_PER_SECOND' | 'STREAM_MESSAGE_BURST' | 'STREAM_MESSAGE_HARD_LIMIT'
>;

export type MessageVerdict = 'ok' | 'limited' | 'hard';

/**
 * Open sockets per session and per user, and the message rate per socket, on this API instance.
 *
 * Both are per instance on purpose. A socket lives on one instance, so its message rate needs no shared store.
 * What the socket caps protect is per instance too (memory, file descriptors, informer fan-out: informers stay
 * per instance), and a shared counter would be incremented on connect and decremented on disconnect — an
 * instance that dies (SIGKILL, OOM, lost network) never decrements, so its users' slots would leak until some
 * expiry and lock them out meanwhile. With N instances a user may hold up to N × the cap; each instance stays
 * bounded.
 */
export class SocketLimits {
  private readonly open = new Map<string, number>();
  private readonly messages: BurstyRateLimiter;
  /** Every message within one second is counted here (accepted or not): past the hard limit the socket goes. */
  private readonly perSecond: RateLimiterMemory;
  private readonly burst: RateLimiterMemory;

  constructor(private readonly limits: Limits) {
    this.perSecond = new RateLimiterMemory({ keyPrefix: 'ws-rate', points: limits.STREAM_MESSAGES_PER_SECOND, duration: 1 });
    this.burst = new RateLimiterMemory({ keyPrefix: 'ws-burst', points: limits.STREAM_MESSAGE_BURST, duration: 10 });
    this.messages = new BurstyRateLimiter(this.perSecond, this.burst);
  }

  /**
   * Takes a socket slot of the session and of the user, both or neither. Check and take happen in one synchronous
   * step, so concurrent handshakes cannot all pass one check. Returns the (idempotent) release, or null when full.
   */
  admit(sessionKey: string, userId: string): (() => void) | null {
    const keys = [`s:${sessionKey}`, `u:${userId}`] as const;
    if ((this.open.get(keys[0]) ?? 0) >= this.limits.STREAM_SOCKETS_PER_SESSION) return null;
    if ((this.open.get(keys[1]) ?? 0) >= this.limits.STREAM_SOCKETS_PER_USER) return null;
    for (const k of keys) this.open.set(k, (this.open.get(k) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const k of keys) {
        const n = (this.open.get(k) ?? 1) - 1;
        if (n > 0) this.open.set(k, n);
        else this.open.delete(k);
      }
    };
  }

  /** One message of a socket: within rate (+ burst), over it, or so far over it that the socket is closed. */
  async message(socketId: string): Promise<MessageVerdict> {
    try {
      await this.messages.consume(socketId);
      return 'ok';
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return err.consumedPoints > this.limits.STREAM_MESSAGE_HARD_LIMIT ? 'hard' : 'limited';
    }
  }

  /** A closed socket's counters go at once rather than when their windows expire. */
  forget(socketId: string): void {
    void this.perSecond.delete(socketId);
    void this.burst.delete(socketId);
  }
}

/** Subscriptions of one socket, counted with those still being set up: a slot is taken before any await. */
export class SubscriptionSlots {
  private used = 0;

  constructor(private readonly max: number) {}

  /** Returns the (idempotent) release, or null when every slot is taken. */
  take(): (() => void) | null {
    if (this.used >= this.max) return null;
    this.used += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= 1;
    };
  }
}
