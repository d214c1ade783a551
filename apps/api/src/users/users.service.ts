import { Injectable } from '@nestjs/common';
import type { CreateUserCommand, ResetPasswordCommand, UpdateUserRequest } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionService } from '../auth/session.service.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner } from '../database/prisma.service.js';
import type { User } from '../generated/prisma/client.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(page: { offset: number; limit: number }) {
    const [items, total] = await this.repo.list(page.offset, page.limit);
    return { items, total };
  }

  async get(id: string): Promise<User> {
    const user = await this.repo.findById(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user');
    return user;
  }

  async create(input: CreateUserCommand, by: Principal, meta: RequestMeta): Promise<User> {
    if (await this.repo.findByUsername(input.username)) throw new AppError('USER_EXISTS', 'The username is taken');
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run(async (tx) => {
      const user = await this.repo.create(
        {
          username: input.username,
          displayName: input.displayName ?? input.username,
          email: input.email ?? null,
          passwordHash,
          isAdmin: input.isAdmin,
          mustChangePassword: true,
        },
        tx,
      );
      await this.audit.record(
        { actor: actorOf(by), action: 'user.create', target: userTarget(user), result: 'success', status: 201, request: meta, details: { isAdmin: input.isAdmin } },
        tx,
      );
      return user;
    });
  }

  async update(id: string, input: UpdateUserRequest, by: Principal, meta: RequestMeta): Promise<User> {
    const current = await this.get(id);
    const losesAdmin = (input.disabled === true || input.isAdmin === false) && current.isAdmin && !current.disabled;
    if (losesAdmin && current.id === by.user.id) {
      throw new AppError('USER_SELF_LOCKOUT', 'You cannot disable yourself or remove your own admin rights');
    }
    return this.tx.run(async (tx) => {
      const user = await this.repo.update(id, input, tx);
      if (losesAdmin && (await this.repo.countActiveAdmins(tx)) === 0) {
        throw new AppError('USER_SELF_LOCKOUT', 'The console needs at least one active admin');
      }
      if (input.disabled === true) await this.sessions.revokeAllForUser(id, tx);
      await this.audit.record(
        { actor: actorOf(by), action: 'user.update', target: userTarget(user), result: 'success', status: 200, request: meta, details: { fields: Object.keys(input) } },
        tx,
      );
      return user;
    });
  }

  async resetPassword(id: string, input: ResetPasswordCommand, by: Principal, meta: RequestMeta) {
    const user = await this.get(id);
    if (user.origin !== 'local') throw new AppError('AUTH_EXTERNAL_ACCOUNT', 'This account signs in through its identity provider');
    const passwordHash = await this.hasher.hash(input.password);
    await this.tx.run(async (tx) => {
      await this.repo.update(id, { passwordHash, mustChangePassword: input.mustChangePassword }, tx);
      // Everyone holding the old password (or a session from it) is signed out, except the admin's own session.
      await this.sessions.revokeAllForUser(id, tx, by.user.id === id ? by.sessionId : undefined);
      await this.audit.record(
        { actor: actorOf(by), action: 'user.reset_password', target: userTarget(user), result: 'success', status: 204, request: meta },
        tx,
      );
    });
  }

  async endSessions(id: string, by: Principal, meta: RequestMeta): Promise<void> {
    const user = await this.get(id);
    await this.tx.run(async (tx) => {
      await this.sessions.revokeAllForUser(id, tx, by.user.id === id ? by.sessionId : undefined);
      await this.audit.record(
        { actor: actorOf(by), action: 'user.end_sessions', target: userTarget(user), result: 'success', status: 204, request: meta },
        tx,
      );
    });
  }
}

export function actorOf(p: Principal) {
  return { id: p.user.id, username: p.user.username, viaToken: p.viaToken };
}

export function userTarget(u: Pick<User, 'id' | 'username'>) {
  return { type: 'user', id: u.id, name: u.username };
}
