import { Injectable } from '@nestjs/common';
import type { CreateUserCommand, ResetPasswordCommand, RoleRule, UpdateUserRequest } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, userTarget } from '../audit/audit-actor.js';
import type { RequestMeta } from '../audit/audit.types.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionService } from '../auth/session.service.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner, type Tx } from '../database/prisma.service.js';
import type { User } from '../generated/prisma/client.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { BindingsRepository } from '../rbac/bindings.repository.js';
import { BUILT_IN_ROLES, CONSOLE_ADMIN_ROLE_ID, USER_ROLE_ID } from '../rbac/built-in-roles.js';
import { LastAdminCheck } from '../rbac/last-admin.check.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { LiveSockets } from '../streams/live-sockets.js';
import { UsersRepository } from './users.repository.js';

const GLOBAL = { kind: 'global' } as const;
const CONSOLE_ADMIN_RULES: RoleRule[] = BUILT_IN_ROLES.find((r) => r.id === CONSOLE_ADMIN_ROLE_ID)!.rules;

/**
 * Local user administration. "Admin" is not a flag: it is a global console-admin binding, so it follows the same
 * escalation rules as any other binding and the last active admin can never be removed.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly bindings: BindingsRepository,
    private readonly rbac: RbacRepository,
    private readonly authorizer: AuthorizerService,
    private readonly lastAdmin: LastAdminCheck,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly live: LiveSockets,
  ) {}

  async list(page: { offset: number; limit: number }) {
    const [items, total] = await this.repo.list(page.offset, page.limit);
    return { items, total, admins: new Set(await this.adminIds()) };
  }

  async get(id: string): Promise<User> {
    const user = await this.repo.findById(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user');
    return user;
  }

  async adminIds(): Promise<string[]> {
    return this.rbac.consoleAdminUserIds(CONSOLE_ADMIN_ROLE_ID);
  }

  async create(input: CreateUserCommand, by: Principal, meta: RequestMeta): Promise<User> {
    if (await this.repo.findByUsername(input.username)) throw new AppError('USER_EXISTS', 'The username is taken');
    if (input.isAdmin) await this.assertMayGrantAdmin(by);
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run(async (tx) => {
      const user = await this.repo.create(
        { username: input.username, displayName: input.displayName ?? input.username, email: input.email ?? null, passwordHash, mustChangePassword: true },
        tx,
      );
      await grantBaseline(this.bindings, user.id, input.isAdmin, by.user.id, tx);
      await this.rbac.bumpVersion(tx);
      await this.record(tx, by, 'user.create', user, 201, meta, { isAdmin: input.isAdmin });
      return user;
    });
  }

  async update(id: string, input: UpdateUserRequest, by: Principal, meta: RequestMeta): Promise<User> {
    const current = await this.get(id);
    const selfLockout = current.id === by.user.id && (input.disabled === true || input.isAdmin === false);
    if (selfLockout) throw new AppError('USER_SELF_LOCKOUT', 'You cannot disable yourself or remove your own admin rights');
    if (input.isAdmin === true) await this.assertMayGrantAdmin(by);
    const { isAdmin, ...fields } = input;
    return this.tx.run(async (tx) => {
      const user = await this.repo.update(id, fields, tx);
      const subject = { kind: 'user' as const, id };
      if (isAdmin === true && !(await this.bindings.exists(CONSOLE_ADMIN_ROLE_ID, subject, GLOBAL))) {
        await this.bindings.create(CONSOLE_ADMIN_ROLE_ID, subject, GLOBAL, by.user.id, tx);
      }
      if (isAdmin === false) await this.bindings.deleteForSubject(subject, tx, CONSOLE_ADMIN_ROLE_ID, GLOBAL);
      if (input.disabled === true) await this.sessions.revokeAllForUser(id, tx);
      await this.rbac.bumpVersion(tx);
      await this.lastAdmin.assertStillAdministered(tx);
      await this.record(tx, by, 'user.update', user, 200, meta, { fields: Object.keys(input) });
      return user;
    }).then((user) => {
      if (input.disabled === true) this.live.disconnectUser(id);
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
      await this.record(tx, by, 'user.reset_password', user, 204, meta);
    });
    if (by.user.id !== id) this.live.disconnectUser(id);
  }

  async endSessions(id: string, by: Principal, meta: RequestMeta): Promise<void> {
    const user = await this.get(id);
    await this.tx.run(async (tx) => {
      await this.sessions.revokeAllForUser(id, tx, by.user.id === id ? by.sessionId : undefined);
      await this.record(tx, by, 'user.end_sessions', user, 204, meta);
    });
    if (by.user.id !== id) this.live.disconnectUser(id);
  }

  private async assertMayGrantAdmin(by: Principal): Promise<void> {
    if (!(await this.authorizer.covers(by.user, CONSOLE_ADMIN_RULES, GLOBAL))) {
      throw new AppError('RBAC_ESCALATION', 'Only a console-admin can make someone a console-admin');
    }
  }

  private record(tx: Tx, by: Principal, action: string, user: User, status: number, meta: RequestMeta, details?: Record<string, unknown>) {
    return this.audit.record({ actor: actorOf(by), action, target: userTarget(user), result: 'success', status, request: meta, details }, tx);
  }
}

/** Every account gets the global `user` role; admins also console-admin. */
export async function grantBaseline(bindings: BindingsRepository, userId: string, isAdmin: boolean, by: string | null, tx: Tx) {
  const subject = { kind: 'user' as const, id: userId };
  await bindings.create(USER_ROLE_ID, subject, GLOBAL, by, tx);
  if (isAdmin) await bindings.create(CONSOLE_ADMIN_ROLE_ID, subject, GLOBAL, by, tx);
}

