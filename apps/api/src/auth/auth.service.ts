import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, LoginRequest } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner } from '../database/prisma.service.js';
import type { User } from '../generated/prisma/client.js';
import { UsersRepository } from '../users/users.repository.js';
import { actorOf, userTarget } from '../audit/audit-actor.js';
import type { Principal } from './auth.types.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService, type SessionOrigin } from './session.service.js';

/** One message for unknown user, wrong password and disabled account: the caller cannot tell them apart. */
const invalidCredentials = () => new AppError('AUTH_INVALID_CREDENTIALS', 'Invalid username or password');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async login(input: LoginRequest, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const attempt = await this.throttle.begin(meta.ip, input.username);
    const user = await this.users.findByUsername(input.username);
    // Always run one argon2 verification, whatever the outcome, so timing does not reveal which check failed.
    const passwordOk = await this.hasher.verify(user?.origin === 'local' ? user.passwordHash : null, input.password);
    if (!user || !passwordOk || user.disabled) {
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled';
      await this.audit.record({
        actor: user ? { id: user.id, username: user.username } : null,
        action: 'auth.login',
        target: { type: 'user', id: user?.id, name: input.username },
        result: 'failure',
        status: 401,
        request: meta,
        details: { reason },
      });
      await attempt.failed();
      throw invalidCredentials();
    }
    const { token } = await this.tx.run(async (tx) => {
      const session = await this.sessions.create(user.id, meta, tx);
      await this.users.update(user.id, { lastLoginAt: new Date() }, tx);
      await this.audit.record(
        { actor: actorOf({ user, viaToken: false }), action: 'auth.login', target: userTarget(user), result: 'success', status: 200, request: meta },
        tx,
      );
      return session;
    });
    await attempt.succeeded();
    return { user, token };
  }

  /** Ends the caller's session; returns the identity provider it came from, if any (for RP-initiated logout). */
  async logout(principal: Principal, meta: RequestMeta): Promise<SessionOrigin | null> {
    return this.tx.run(async (tx) => {
      const origin = principal.sessionId ? await this.sessions.end(principal.sessionId, tx) : null;
      await this.audit.record(
        {
          actor: actorOf(principal),
          action: 'auth.logout',
          target: userTarget(principal.user),
          result: 'success',
          status: 200,
          request: meta,
          ...(origin ? { details: { provider: origin.idpId } } : {}),
        },
        tx,
      );
      return origin;
    });
  }

  /** Changes the caller's own password; every session ends and a fresh one is issued for this browser. */
  async changePassword(principal: Principal, input: ChangePasswordRequest, meta: RequestMeta): Promise<{ token: string }> {
    const { user } = principal;
    if (user.origin !== 'local') throw new AppError('AUTH_EXTERNAL_ACCOUNT', 'This account signs in through its identity provider');
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      await this.audit.record({ actor: actorOf(principal), action: 'auth.change_password', target: userTarget(user), result: 'failure', status: 400, request: meta });
      throw new AppError('AUTH_PASSWORD_MISMATCH', 'The current password is wrong');
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppError('AUTH_PASSWORD_POLICY', 'The new password must differ from the current one');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    return this.tx.run(async (tx) => {
      await this.users.update(user.id, { passwordHash, mustChangePassword: false }, tx);
      await this.sessions.revokeAllForUser(user.id, tx);
      const session = await this.sessions.create(user.id, meta, tx);
      await this.audit.record(
        { actor: actorOf(principal), action: 'auth.change_password', target: userTarget(user), result: 'success', status: 204, request: meta },
        tx,
      );
      return { token: session.token };
    });
  }
}
