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
import { Channel } from './channel.js';
import { LiveSockets } from './live-sockets.js';
import { WatchAuthorizer } from './watch-authorizer.js';

type WSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal; token: string; channels: Map<string, WatchRequest> }>;

const MAX_MESSAGE_BYTES = 1_000_000;
const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;

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
  private redis: Redis[] = [];

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly sessions: SessionService,
    private readonly watches: WatchAuthorizer,
    private readonly k8s: K8sGateway,
    private readonly live: LiveSockets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    this.reauthTimer = setInterval(() => void this.reauthorizeAll(), seconds * 1000);
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
    socket.data = { principal, token: token!, channels: new Map() };
  }

  private onConnection(socket: WSocket): void {
    void socket.join(`user:${socket.data.principal.user.id}`);
    socket.on('watch', (req, ack) => {
      if (typeof ack !== 'function') return;
      void this.subscribe(socket, req).then(ack, (err: unknown) => ack(failure(err)));
    });
    socket.on('unwatch', (p, ack) => {
      const channel = typeof p?.channel === 'string' ? this.byId.get(p.channel) : undefined;
      channel?.remove(socket.id);
      socket.data.channels.delete(p?.channel);
      if (typeof ack === 'function') ack({ ok: Boolean(channel) });
    });
    socket.on('disconnect', () => {
      for (const id of socket.data.channels.keys()) this.byId.get(id)?.remove(socket.id);
    });
  }

  private async subscribe(socket: WSocket, raw: unknown): Promise<WatchAck> {
    const parsed = WatchRequestSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid watch request');
    if (socket.data.channels.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) throw new AppError('VALIDATION_FAILED', 'Too many subscriptions on one connection');
    const grant = await this.watches.grant(socket.data.principal, parsed.data);
    const { access, ref } = grant.target;
    // A namespace view rides on a running all-namespaces informer when there is one.
    const shared = grant.namespace ? this.k8s.peek(access.id, ref, null) : undefined;
    const lease = await this.k8s.acquire(access, ref, shared ? null : grant.namespace);
    const filterNs = lease.informer.namespace === null ? grant.namespace : null;
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
    channel.add(socket, grant.allowed, lease.release);
    socket.data.channels.set(channel.id, parsed.data);
    return { ok: true, channel: channel.id };
  }

  /** Sessions and permissions can change under a live socket: check both for every subscription. */
  private async reauthorizeAll(): Promise<void> {
    for (const raw of await this.io.local.fetchSockets()) {
      const socket = this.io.sockets.sockets.get(raw.id) as WSocket | undefined;
      if (!socket) continue;
      const principal = await this.sessions.resolve(socket.data.token).catch(() => null);
      if (!principal) {
        for (const id of socket.data.channels.keys()) this.byId.get(id)?.remove(socket.id, { code: 'AUTH_REQUIRED' });
        socket.disconnect(true);
        continue;
      }
      socket.data.principal = principal;
      for (const [id, req] of [...socket.data.channels]) {
        const channel = this.byId.get(id);
        if (!channel) continue;
        try {
          const grant = await this.watches.grant(principal, req);
          channel.reauthorize(socket.id, grant.allowed);
        } catch {
          channel.remove(socket.id, { code: 'FORBIDDEN' });
          socket.data.channels.delete(id);
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
