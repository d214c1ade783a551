import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import type { Tx } from '../database/prisma.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from './auth.types.js';
import { SessionRepository } from './session.repository.js';

export interface SessionOrigin {
  idpId: string;
  /** Ciphertext; only the identity-providers domain reads it. */
  idToken: string | null;
}

/** Writes to last_seen_at are skipped when the previous one is this recent: one write per minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions: the browser holds 32 random bytes, Postgres holds their sha256, so any API instance can
 * validate a session and revocation takes effect on the very next request.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly repo: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cookieName(): string {
    // __Host- binds the cookie to this exact origin, but browsers accept it only with Secure.
    return this.config.secureCookies ? '__Host-wh_session' : 'wh_session';
  }

  get maxAgeMs(): number {
    return this.config.SESSION_MAX_HOURS * 3_600_000;
  }

  /** `origin`: the OIDC provider and its (encrypted) ID token, kept for RP-initiated logout. */
  async create(userId: string, meta: RequestMeta, tx?: Tx, origin?: SessionOrigin): Promise<{ token: string; id: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = await this.repo.create(
      {
        tokenHash: hashToken(token),
        userId,
        idleExpiresAt: new Date(now + this.idleMs()),
        expiresAt: new Date(now + this.maxAgeMs),
        ip: meta.ip,
        userAgent: meta.userAgent,
        idpId: origin?.idpId,
        idToken: origin?.idToken ?? undefined,
      },
      tx,
    );
    return { token, id: session.id };
  }

  /** The principal for a cookie token, or null when unknown, expired (idle or absolute) or the user is disabled. */
  async resolve(token: string): Promise<Principal | null> {
    const session = await this.repo.findByTokenHash(hashToken(token));
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.idleExpiresAt.getTime() <= now || session.user.disabled) {
      await this.repo.delete(session.id);
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const idle = Math.min(now + this.idleMs(), session.expiresAt.getTime());
      await this.repo.touch(session.id, new Date(now), new Date(idle));
    }
    return { user: session.user, sessionId: session.id, viaToken: false };
  }

  revoke(id: string, tx?: Tx) {
    return this.repo.delete(id, tx);
  }

  /** Ends a session and says where it came from (null for a local or LDAP sign-in). */
  async end(id: string, tx?: Tx): Promise<SessionOrigin | null> {
    const origin = await this.repo.findOrigin(id, tx);
    await this.repo.delete(id, tx);
    return origin?.idpId ? { idpId: origin.idpId, idToken: origin.idToken } : null;
  }

  revokeAllForUser(userId: string, tx?: Tx, exceptSessionId?: string) {
    return this.repo.deleteForUser(userId, tx, exceptSessionId);
  }

  private idleMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }
}
