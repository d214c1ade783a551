import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import { TransactionRunner, type Tx } from '../database/prisma.service.js';
import type { User } from '../generated/prisma/client.js';
import { BindingsRepository } from '../rbac/bindings.repository.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { grantBaseline } from '../users/users.service.js';
import { ExternalIdentitiesRepository } from './external-identities.repository.js';

export interface ExternalUser {
  /** Stable id at the provider (LDAP DN, OIDC sub). */
  subject: string;
  username: string;
  displayName: string;
  email: string | null;
  groups: string[];
}

/**
 * Users who sign in through an identity provider: created on first sign-in (just-in-time) with their origin
 * recorded and no local password, linked by the provider's stable subject (never by a matching local username),
 * and their groups and group-linked teams refreshed at every sign-in and sync.
 */
@Injectable()
export class ExternalUsersService {
  constructor(
    private readonly identities: ExternalIdentitiesRepository,
    private readonly users: UsersRepository,
    private readonly bindings: BindingsRepository,
    private readonly rbac: RbacRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The console user for a verified external identity; null when that user is disabled. */
  async signIn(provider: string, origin: 'ldap' | 'oidc', ext: ExternalUser, meta: RequestMeta): Promise<User | null> {
    return this.tx.run(async (tx) => {
      const linked = await this.identities.find(provider, ext.subject, tx);
      let user = linked?.user ?? null;
      if (!user) {
        user = await this.users.create(
          { username: await this.freeUsername(ext.username, provider, tx), displayName: ext.displayName, email: ext.email, origin, passwordHash: null },
          tx,
        );
        await this.identities.link(provider, ext.subject, user.id, tx);
        await grantBaseline(this.bindings, user.id, false, null, tx);
        await this.audit.record({ action: 'user.provision', target: { type: 'user', id: user.id, name: user.username }, result: 'success', request: meta, details: { provider } }, tx);
      }
      if (user.disabled) return null;
      user = await this.users.update(user.id, { displayName: ext.displayName, email: ext.email, lastLoginAt: new Date() }, tx);
      await this.applyGroups(user.id, provider, ext.groups, tx);
      await this.identities.touch(provider, ext.subject, tx);
      return user;
    });
  }

  /** Scheduled refresh: new group list for a linked identity (empty when the directory no longer has the user). */
  async refreshGroups(provider: string, subject: string, groups: string[]): Promise<void> {
    await this.tx.run(async (tx) => {
      const linked = await this.identities.find(provider, subject, tx);
      if (!linked) return;
      await this.applyGroups(linked.userId, provider, groups, tx);
      await this.identities.touch(provider, subject, tx);
    });
  }

  private async applyGroups(userId: string, provider: string, groups: string[], tx: Tx): Promise<void> {
    await this.identities.replaceGroups(userId, provider, groups, tx);
    await this.identities.syncLinkedTeams(userId, provider, groups, tx);
    // Group and team changes move permissions: every instance's authorizer cache must drop this user.
    await this.rbac.bumpVersion(tx);
  }

  /** The directory's name when free and valid, else name@provider, else a random suffix; never an existing account. */
  private async freeUsername(raw: string, provider: string, tx: Tx): Promise<string> {
    const base = raw.trim().toLowerCase().replace(/[^a-z0-9._@-]/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 40) || 'user';
    for (const candidate of [base, `${base}@${provider}`, `${base}@${provider}-${randomBytes(3).toString('hex')}`]) {
      if (!(await this.identities.usernameTaken(candidate, tx))) return candidate;
    }
    return `${base}-${randomBytes(6).toString('hex')}`;
  }
}
