import { Injectable, Logger } from '@nestjs/common';
import type { LoginRequest } from '@wheelhouse/shared';
import { AuditService } from '../../audit/audit.service.js';
import type { RequestMeta } from '../../audit/audit.types.js';
import { LoginThrottleService } from '../../auth/login-throttle.service.js';
import { SessionService } from '../../auth/session.service.js';
import { AppError } from '../../common/errors/app-error.js';
import type { User } from '../../generated/prisma/client.js';
import { ExternalUsersService } from '../external-users.service.js';
import { IdentityProvidersService } from '../identity-providers.service.js';
import { DirectoryError } from './ldap-directory.js';

const invalidCredentials = () => new AppError('AUTH_INVALID_CREDENTIALS', 'Invalid username or password');

/**
 * Sign-in through LDAP/AD. Same rules as local sign-in: one answer for every kind of failure, per-account and
 * per-IP throttling (accounts are counted per provider), an audit row for every attempt, a fresh session.
 */
@Injectable()
export class LdapLoginService {
  private readonly logger = new Logger(LdapLoginService.name);

  constructor(
    private readonly idps: IdentityProvidersService,
    private readonly external: ExternalUsersService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async login(providerId: string, input: LoginRequest, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const account = `${providerId}:${input.username}`;
    const { directory } = await this.idps.ldap(providerId);
    const attempt = await this.throttle.begin(meta.ip, account);
    let found;
    try {
      found = await directory.authenticate(input.username, input.password);
    } catch (err) {
      const message = err instanceof DirectoryError ? `${err.step}: ${err.message}` : (err as Error).message;
      this.logger.warn(`LDAP provider ${providerId} failed: ${message}`);
      await attempt.abandoned();
      await this.audit.record({ action: 'auth.login', target: { type: 'user', name: input.username }, result: 'error', status: 503, request: meta, details: { provider: providerId, error: message.slice(0, 300) } });
      throw new AppError('IDP_UNAVAILABLE', 'The directory cannot be reached right now; try again or sign in another way');
    }
    const user = found ? await this.external.signIn(providerId, 'ldap', { subject: found.dn, username: found.username, displayName: found.displayName, email: found.email, groups: found.groups }, meta) : null;
    if (!user) {
      await this.audit.record({ action: 'auth.login', target: { type: 'user', name: input.username }, result: 'failure', status: 401, request: meta, details: { provider: providerId } });
      await attempt.failed();
      throw invalidCredentials();
    }
    const { token } = await this.sessions.create(user.id, meta);
    await this.audit.record({ actor: { id: user.id, username: user.username }, action: 'auth.login', target: { type: 'user', id: user.id, name: user.username }, result: 'success', status: 200, request: meta, details: { provider: providerId } });
    await attempt.succeeded();
    return { user, token };
  }
}
