import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { AuditService } from '../../audit/audit.service.js';
import type { RequestMeta } from '../../audit/audit.types.js';
import { setSessionCookie } from '../../auth/session-cookie.js';
import { SessionService } from '../../auth/session.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { SecretCipher } from '../../config/secret-cipher.js';
import { ExternalUsersService } from '../external-users.service.js';
import { IdentityProvidersService } from '../identity-providers.service.js';
import type { SessionOrigin } from '../../auth/session.service.js';
import { endSessionUrl, finishLogin, oidcConfiguration, settingsOf, startLogin, type Pending } from './oidc-client.js';

const STATE_COOKIE = 'wh_oidc';
const STATE_TTL_MS = 10 * 60_000;
const ID_TOKEN_AAD = 'oidc:id_token';

/** openid-client wraps the precise reason (e.g. which claim failed) in `cause`: keep both for the audit log. */
function refusalReason(err: unknown): string {
  const { message, cause } = err as Error;
  return (cause instanceof Error && cause.message !== message ? `${message}: ${cause.message}` : message).slice(0, 300);
}

/** OIDC sign-in: authorization code + PKCE, state and nonce bound to this browser, JIT user, session. */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger(OidcLoginService.name);

  constructor(
    private readonly idps: IdentityProvidersService,
    private readonly external: ExternalUsersService,
    private readonly sessions: SessionService,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(providerId: string, next: string, res: Response): Promise<string> {
    const { client, settings } = await this.client(providerId);
    const { url, pending } = await startLogin(client, settings, this.redirectUri(providerId), next);
    const sealed = this.cipher.encrypt(JSON.stringify({ ...pending, provider: providerId, exp: Date.now() + STATE_TTL_MS }), 'oidc:state');
    res.cookie(STATE_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/api/auth/oidc', maxAge: STATE_TTL_MS });
    return url.toString();
  }

  /** Returns where to send the browser: the original page, or the login page with a stable error code. */
  async finish(providerId: string, callbackUrl: URL, req: Request, res: Response, meta: RequestMeta): Promise<string> {
    res.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
    try {
      const pending = this.pendingFrom(req, providerId);
      const { client, settings } = await this.client(providerId);
      const { identity, idToken } = await finishLogin(client, settings, callbackUrl, pending);
      const user = await this.external.signIn(providerId, 'oidc', identity, meta);
      if (!user) throw new AppError('AUTH_INVALID_CREDENTIALS', 'This account is disabled');
      const { token } = await this.sessions.create(user.id, meta, undefined, { idpId: providerId, idToken: this.cipher.encrypt(idToken, ID_TOKEN_AAD) });
      setSessionCookie(res, this.sessions, token, this.config.secureCookies);
      await this.audit.record({ actor: { id: user.id, username: user.username }, action: 'auth.login', target: { type: 'user', id: user.id, name: user.username }, result: 'success', status: 302, request: meta, details: { provider: providerId } });
      return pending.next;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'AUTH_INVALID_CREDENTIALS';
      const reason = refusalReason(err);
      this.logger.warn(`OIDC sign-in through ${providerId} refused: ${reason}`);
      await this.audit.record({ action: 'auth.login', target: { type: 'user' }, result: 'failure', status: 401, request: meta, details: { provider: providerId, reason } });
      return `/login?error=${encodeURIComponent(code)}`;
    }
  }

  /**
   * Where to send the browser after a local logout so the provider's session ends too; null when the provider
   * is gone, disabled, unreachable or has no end-session endpoint (the console session is over either way).
   */
  async endSessionUrl(origin: SessionOrigin): Promise<string | null> {
    try {
      const { client } = await this.client(origin.idpId);
      const idToken = origin.idToken ? this.cipher.decrypt(origin.idToken, ID_TOKEN_AAD) : null;
      return endSessionUrl(client, idToken, `${this.config.publicOrigin}/login`);
    } catch (err) {
      this.logger.warn(`No sign-out at provider ${origin.idpId}: ${(err as Error).message.slice(0, 300)}`);
      return null;
    }
  }

  private pendingFrom(req: Request, providerId: string): Pending {
    const sealed = (req.cookies as Record<string, string | undefined>)[STATE_COOKIE];
    if (!sealed) throw new AppError('AUTH_INVALID_CREDENTIALS', 'The sign-in was not started from this browser');
    let data: Pending & { provider: string; exp: number };
    try {
      data = JSON.parse(this.cipher.decrypt(sealed, 'oidc:state')) as typeof data;
    } catch {
      throw new AppError('AUTH_INVALID_CREDENTIALS', 'The sign-in state is invalid');
    }
    if (data.provider !== providerId || data.exp < Date.now()) throw new AppError('AUTH_INVALID_CREDENTIALS', 'The sign-in state expired or belongs to another provider');
    return data;
  }

  private async client(providerId: string) {
    const p = await this.idps.get(providerId);
    if (p.type !== 'oidc' || !p.enabled) throw new AppError('IDP_NOT_FOUND', 'No such OIDC provider');
    const settings = settingsOf(p.config);
    const secret = this.idps.secretOf(p);
    const revision = createHash('sha256').update(JSON.stringify(p.config) + (p.secret ?? '')).digest('hex');
    try {
      return { client: await oidcConfiguration(providerId, revision, settings, secret), settings };
    } catch (err) {
      throw new AppError('IDP_UNAVAILABLE', `The identity provider cannot be reached: ${(err as Error).message}`);
    }
  }

  private redirectUri(providerId: string): string {
    return `${this.config.publicOrigin}/api/auth/oidc/${providerId}/callback`;
  }
}
