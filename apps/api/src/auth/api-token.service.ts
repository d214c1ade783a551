import { Injectable } from '@nestjs/common';
import type { CreateApiTokenRequest } from '@wheelhouse/shared';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner } from '../database/prisma.service.js';
import { ApiTokenRepository } from './api-token.repository.js';
import type { Principal } from './auth.types.js';
import { hashToken } from './session.service.js';

/** Recognisable in logs and secret scanners; the random part is 32 bytes. */
const TOKEN_PREFIX = 'wht_';
const MAX_TOKENS_PER_USER = 50;
/** last_used_at is written at most this often per token, to keep token-authenticated reads write-free. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Personal API tokens: opaque, hashed at rest, shown once. A token is its user: the same permissions (read from
 * RBAC on every request), disabled with the user, never more.
 */
@Injectable()
export class ApiTokenService {
  constructor(
    private readonly repo: ApiTokenRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** `lifetimeMs` overrides `expiresInDays` for tokens the console mints itself (e.g. a kubeconfig's, for hours). */
  async create(principal: Principal, input: CreateApiTokenRequest, meta: RequestMeta, lifetimeMs?: number) {
    // A token cannot mint tokens: otherwise a leaked token could renew itself forever.
    if (principal.viaToken) throw new AppError('FORBIDDEN', 'API tokens can only be created from a signed-in session');
    if ((await this.repo.countForUser(principal.user.id)) >= MAX_TOKENS_PER_USER) {
      throw new AppError('TOKEN_LIMIT', `At most ${MAX_TOKENS_PER_USER} tokens per user`);
    }
    const secret = randomBytes(32).toString('base64url');
    const token = `${TOKEN_PREFIX}${secret}`;
    const lifetime = lifetimeMs ?? (input.expiresInDays === null ? null : input.expiresInDays * 86_400_000);
    const expiresAt = lifetime === null ? null : new Date(Date.now() + lifetime);
    const row = await this.tx.run(async (tx) => {
      const created = await this.repo.create(
        { userId: principal.user.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt },
        tx,
      );
      await this.audit.record(
        {
          actor: { id: principal.user.id, username: principal.user.username },
          action: 'token.create',
          target: { type: 'token', id: created.id, name: input.name },
          result: 'success',
          status: 201,
          request: meta,
          details: { expiresAt: expiresAt?.toISOString() ?? null },
        },
        tx,
      );
      return created;
    });
    return { row, token };
  }

  list(userId: string) {
    return this.repo.listForUser(userId);
  }

  async revoke(principal: Principal, id: string, meta: RequestMeta): Promise<void> {
    const token = await this.repo.findForUser(id, principal.user.id);
    if (!token) throw new AppError('TOKEN_NOT_FOUND', 'No such token');
    await this.tx.run(async (tx) => {
      await this.repo.delete(id, tx);
      await this.audit.record(
        {
          actor: { id: principal.user.id, username: principal.user.username, viaToken: principal.viaToken },
          action: 'token.revoke',
          target: { type: 'token', id, name: token.name },
          result: 'success',
          status: 204,
          request: meta,
        },
        tx,
      );
    });
  }

  async resolve(token: string): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.repo.findByHash(hashToken(token));
    if (!row || row.user.disabled) return null;
    const now = Date.now();
    if (row.expiresAt && row.expiresAt.getTime() <= now) {
      await this.repo.deleteExpired(row.id);
      return null;
    }
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) await this.repo.touch(row.id, new Date(now));
    return { user: row.user, viaToken: true, tokenId: row.id };
  }
}
