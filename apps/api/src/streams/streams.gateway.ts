import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import { WatchRequestSchema, type ClientToServerEvents, type ServerToClientEvents, type WatchAck, type WatchRequest } from '@wheelhouse/shared';
import { Redis } from 'ioredis';
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Principal } from '../auth/auth.types.js';
import { SessionService } from '../auth/session.service.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { InformerLease } from '../k8s/informer-registry.js';
import { Channel } from './channel.js';
import { LiveSockets } from './live-sockets.js';
import { SocketLimits, SubscriptionSlots } from './socket-limits.js';
import { WatchAuthorizer } from './watch-authorizer.js';

/** A subscription of a socket: what it asked for (re-authorized on every tick) and its subscription slot. */
type Subscription = { req: WatchRequest; release: () => void };
type SocketData = { principal: Principal; token: string; channels: Map<string, Subscription>; slots: SubscriptionSlots; release: () => void };
type WSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// Client messages are small (watch/unwatch requests). socket.io JSON-parses a message before any handler sees it,
// so its size is what bounds the parse cost: a deeply nested 1 MB message took ~130 ms, 64 KB a few ms.
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Live cluster changes over socket.io. Origin and session are checked at connect; every subscription is
 * authorized when made and again every STREAM_REAUTH_SECONDS (default 10), so a revoked user's streams end
 * within that time; unknown events are ignored (nothing is open by default).
 */
@Injectable()
export class StreamsGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StreamsGateway.name);
  private io!: Server;
  private readonly channels = new Map<string, Channel>();
  private readonly byId = new Map<string, Channel>();
  private reauthTimer: NodeJS.Timeout | null = null;
  private reauthRunning = false;
  private redis: Redis[] = [];
  private readonly limits: SocketLimits;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly sessions: SessionService,
    private readonly watches: WatchAuthorizer,
    private readonly k8s: K8sGateway,
    private readonly live: LiveSockets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limits = new SocketLimits(config);
  }

  onApplicationBootstrap(): void {
    const origin = this.config.publicOrigin;
    this.io = new Server(this.host.httpAdapter.getHttpServer() as HttpServer, {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      allowRequest: (req, cb) => cb(null, req.headers.origin === origin),
    });
    if (this.config.REDIS_URL) {
      const pub = new Redis(this.config.REDIS_URL);
      const sub = pub.duplicate();
      this.redis = [pub, sub];
      this.io.adapter(createAdapter(pub, sub));
    }
    this.live.attach(this.io);
    this.io.use((socket, next) => void this.authenticate(socket as WSocket).then(() => next(), (err: Error) => next(err)));
    this.io.on('connection', (s) => this.onConnection(s as WSocket));
    const seconds = this.config.STREAM_REAUTH_SECONDS;
    this.reauthTimer = setInterval(() => void this.reauthorizeTick(), seconds * 1000);
    this.reauthTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.reauthTimer) clearInterval(this.reauthTimer);
    for (const channel of [...this.channels.values()]) channel.close();
    await new Promise<void>((resolve) => void this.io?.close(() => resolve()));
    await Promise.all(this.redis.map((r) => r.quit().catch(() => undefined)));
  }

  /** Number of live channels and subscribers, for tests and benchmarks. */
  stats() {
    return [...this.channels.values()].map((c) => ({ id: c.id, subscribers: c.size }));
  }

  private async authenticate(socket: WSocket): Promise<void> {
    const token = cookieValue(socket.request.headers.cookie, this.sessions.cookieName);
    const principal = token ? await this.sessions.resolve(token) : null;
    if (!principal) throw new Error('AUTH_REQUIRED');
    // Counted after the await, check and take in one step: concurrent handshakes cannot all pass one check.
    const release = this.limits.admit(principal.sessionId ?? token!, principal.user.id);
    if (!release) throw Object.assign(new Error('SOCKET_LIMIT'), { data: { code: 'SOCKET_LIMIT', message: 'Too many live connections for this session or user' } });
    // A handshake whose client left before it completed never emits 'disconnect'; its transport still closes.
    socket.conn.once('close', release);
    socket.data = { principal, token: token!, channels: new Map(), slots: new SubscriptionSlots(this.config.STREAM_MAX_SUBSCRIPTIONS_PER_SOCKET), release };
  }

  private onConnection(socket: WSocket): void {
    void socket.join(`user:${socket.data.principal.user.id}`);
    socket.use((packet, next) => void this.rateLimit(socket, packet, next).catch(() => socket.disconnect(true)));
    socket.on('watch', (req, ack) => {
      if (typeof ack !== 'function') return;
      void this.subscribe(socket, req).then(ack, (err: unknown) => ack(failure(err)));
    });
    socket.on('unwatch', (p, ack) => {
      const known = typeof p?.channel === 'string' && socket.data.channels.has(p.channel);
      if (known) this.drop(socket, p.channel);
      if (typeof ack === 'function') ack({ ok: known });
    });
    socket.on('disconnect', () => {
      for (const id of [...socket.data.channels.keys()]) this.drop(socket, id);
      socket.data.release();
      this.limits.forget(socket.id);
    });
  }

  /** Every incoming message counts; over the rate it is answered RATE_LIMITED, far over it the socket is closed. */
  private async rateLimit(socket: WSocket, packet: unknown[], next: (err?: Error) => void): Promise<void> {
    const verdict = await this.limits.message(socket.id);
    if (verdict === 'ok') return next();
    if (verdict === 'hard') {
      if (!socket.connected) return;
      socket.emit('closing', { code: 'RATE_LIMITED', message: 'Far too many messages on this connection' });
      socket.disconnect(true);
      return;
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (r: WatchAck) => void)({ ok: false, code: 'RATE_LIMITED', message: 'Too many messages on this connection; slow down' });
  }

  private drop(socket: WSocket, id: string, ended?: { code: 'FORBIDDEN' | 'AUTH_REQUIRED' }): void {
    this.byId.get(id)?.remove(socket.id, ended);
    socket.data.channels.get(id)?.release();
    socket.data.channels.delete(id);
  }

  /**
   * The slot is taken before the first await and given back on every failure, so N concurrent watches cannot all
   * pass one count. After the awaits the socket may have gone (its 'disconnect' cleanup already ran): then the
   * lease goes back instead of becoming a subscriber nobody will remove.
   */
  private async subscribe(socket: WSocket, raw: unknown): Promise<WatchAck> {
    const parsed = WatchRequestSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid watch request');
    const slot = socket.data.slots.take();
    if (!slot) throw new AppError('SUBSCRIPTION_LIMIT', `At most ${this.config.STREAM_MAX_SUBSCRIPTIONS_PER_SOCKET} live views per connection`);
    let lease: InformerLease | undefined;
    try {
      const grant = await this.watches.grant(socket.data.principal, parsed.data);
      const { access, ref } = grant.target;
      // A namespace view rides on a running all-namespaces informer when there is one.
      const shared = grant.namespace ? this.k8s.peek(access.id, ref, null) : undefined;
      lease = await this.k8s.acquire(access, ref, shared ? null : grant.namespace);
      if (!socket.connected) throw new AppError('AUTH_REQUIRED', 'The connection closed');
      const channel = this.channelFor(lease, lease.informer.namespace === null ? grant.namespace : null);
      const duplicate = socket.data.channels.get(channel.id);
      channel.add(socket, grant.allowed, lease.release);
      lease = undefined;
      if (duplicate) {
        slot();
        duplicate.req = parsed.data;
      } else {
        socket.data.channels.set(channel.id, { req: parsed.data, release: slot });
      }
      return { ok: true, channel: channel.id, namespaces: grant.allowed ? [...grant.allowed].sort() : null };
    } catch (err) {
      lease?.release();
      slot();
      throw err;
    }
  }

  private channelFor(lease: InformerLease, filterNs: string | null): Channel {
    const key = `${lease.informer.key}#${filterNs ?? ''}`;
    let channel = this.channels.get(key);
    if (!channel) {
      const created = new Channel(this.io, lease.informer, filterNs, () => {
        this.channels.delete(key);
        this.byId.delete(created.id);
      });
      channel = created;
      this.channels.set(key, created);
      this.byId.set(created.id, created);
    }
    return channel;
  }

  /** A tick that takes longer than the interval (many sockets, slow database) is not overlapped by the next. */
  private async reauthorizeTick(): Promise<void> {
    if (this.reauthRunning) return;
    this.reauthRunning = true;
    try {
      await this.reauthorizeAll();
    } finally {
      this.reauthRunning = false;
    }
  }

  /** Sessions and permissions can change under a live socket: check both for every subscription. */
  private async reauthorizeAll(): Promise<void> {
    for (const raw of await this.io.local.fetchSockets()) {
      const socket = this.io.sockets.sockets.get(raw.id) as WSocket | undefined;
      if (!socket) continue;
      const principal = await this.sessions.resolve(socket.data.token).catch(() => null);
      if (!principal) {
        for (const id of [...socket.data.channels.keys()]) this.drop(socket, id, { code: 'AUTH_REQUIRED' });
        socket.disconnect(true);
        continue;
      }
      socket.data.principal = principal;
      for (const [id, sub] of [...socket.data.channels]) {
        const channel = this.byId.get(id);
        if (!channel) continue;
        try {
          const grant = await this.watches.grant(principal, sub.req);
          channel.reauthorize(socket.id, grant.allowed);
        } catch {
          // Only if it is still the same subscription: it may have been unwatched meanwhile.
          if (socket.data.channels.get(id) === sub) this.drop(socket, id, { code: 'FORBIDDEN' });
        }
      }
    }
  }
}

function failure(err: unknown): WatchAck {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message };
  return { ok: false, code: 'INTERNAL', message: 'Internal error' };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
