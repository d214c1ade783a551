import { Injectable } from '@nestjs/common';
import {
  LdapConfigSchema,
  OidcConfigSchema,
  type CreateIdentityProviderRequest,
  type IdentityProvider as IdpDto,
  type LdapConfig,
  type LoginProvider,
  type ProviderTestResult,
  type UpdateIdentityProviderRequest,
} from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { SecretCipher } from '../config/secret-cipher.js';
import { TransactionRunner } from '../database/prisma.service.js';
import type { IdentityProvider } from '../generated/prisma/client.js';
import { actorOf } from '../audit/audit-actor.js';
import { IdentityProvidersRepository } from './identity-providers.repository.js';
import { DirectoryError, LdapDirectory } from './ldap/ldap-directory.js';

const aad = (id: string) => `identity_providers:secret:${id}`;

export function toIdpDto(p: IdentityProvider): IdpDto {
  return { id: p.id, type: p.type, displayName: p.displayName, enabled: p.enabled, config: p.config as Record<string, unknown>, hasSecret: Boolean(p.secret), createdAt: p.createdAt.toISOString() };
}

/** Admin-managed LDAP and OIDC providers; secrets are encrypted at rest and never returned. */
@Injectable()
export class IdentityProvidersService {
  constructor(
    private readonly repo: IdentityProvidersRepository,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<IdpDto[]> {
    return (await this.repo.list()).map(toIdpDto);
  }

  async loginProviders(): Promise<LoginProvider[]> {
    return (await this.repo.list()).filter((p) => p.enabled).map((p) => ({ id: p.id, type: p.type, displayName: p.displayName }));
  }

  async get(id: string): Promise<IdentityProvider> {
    const p = await this.repo.findById(id);
    if (!p) throw new AppError('IDP_NOT_FOUND', 'No such identity provider');
    return p;
  }

  async create(by: Principal, req: CreateIdentityProviderRequest, meta: RequestMeta): Promise<IdpDto> {
    if (await this.repo.findById(req.id)) throw new AppError('IDP_EXISTS', 'An identity provider with this id exists');
    const secret = req.type === 'ldap' ? req.bindPassword : req.clientSecret;
    return this.tx.run(async (tx) => {
      const row = await this.repo.create({ id: req.id, type: req.type, displayName: req.displayName, enabled: req.enabled, config: req.config, secret: this.cipher.encrypt(secret, aad(req.id)) }, tx);
      await this.audit.record({ actor: actorOf(by), action: 'idp.create', target: { type: 'identityprovider', id: row.id, name: row.displayName }, result: 'success', status: 201, request: meta, details: { type: req.type } }, tx);
      return toIdpDto(row);
    });
  }

  async update(by: Principal, id: string, req: UpdateIdentityProviderRequest, meta: RequestMeta): Promise<IdpDto> {
    const current = await this.get(id);
    const config = req.config === undefined ? undefined : (current.type === 'ldap' ? LdapConfigSchema : OidcConfigSchema).safeParse(req.config);
    if (config && !config.success) throw new AppError('VALIDATION_FAILED', 'Invalid provider settings', { details: { issues: config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } });
    return this.tx.run(async (tx) => {
      const row = await this.repo.update(
        id,
        { displayName: req.displayName, enabled: req.enabled, config: config?.data, secret: req.secret ? this.cipher.encrypt(req.secret, aad(id)) : undefined },
        tx,
      );
      await this.audit.record({ actor: actorOf(by), action: 'idp.update', target: { type: 'identityprovider', id, name: row.displayName }, result: 'success', status: 200, request: meta, details: { fields: Object.keys(req) } }, tx);
      return toIdpDto(row);
    });
  }

  async delete(by: Principal, id: string, meta: RequestMeta): Promise<void> {
    const p = await this.get(id);
    await this.tx.run(async (tx) => {
      await this.repo.delete(id, tx);
      await this.audit.record({ actor: actorOf(by), action: 'idp.delete', target: { type: 'identityprovider', id, name: p.displayName }, result: 'success', status: 204, request: meta }, tx);
    });
  }

  /** The directory of an enabled LDAP provider (404 for unknown, disabled or non-LDAP ids: nothing to probe). */
  async ldap(id: string, requireEnabled = true): Promise<{ provider: IdentityProvider; directory: LdapDirectory }> {
    const p = await this.repo.findById(id);
    if (!p || p.type !== 'ldap' || (requireEnabled && !p.enabled)) throw new AppError('IDP_NOT_FOUND', 'No such LDAP provider');
    const config: LdapConfig = LdapConfigSchema.parse(p.config);
    return { provider: p, directory: new LdapDirectory(config, p.secret ? this.cipher.decrypt(p.secret, aad(id)) : '') };
  }

  secretOf(p: IdentityProvider): string {
    return p.secret ? this.cipher.decrypt(p.secret, aad(p.id)) : '';
  }

  async ldapProviders(): Promise<string[]> {
    return (await this.repo.list()).filter((p) => p.type === 'ldap' && p.enabled).map((p) => p.id);
  }

  /** "Test connection" / "test user lookup": says exactly which step failed. */
  async test(id: string, username?: string): Promise<ProviderTestResult> {
    const { directory } = await this.ldap(id, false);
    try {
      if (!username) {
        await directory.groupsOfDn('cn=wheelhouse-connection-test');
        return { ok: true, step: 'done', message: 'Connected and bound as the service account' };
      }
      const user = await directory.lookup(username);
      if (!user) return { ok: false, step: 'user', message: 'No single user matches the user filter (none, or more than one)' };
      return { ok: true, step: 'done', message: `Found ${user.dn} with ${user.groups.length} group(s)`, user };
    } catch (err) {
      if (err instanceof DirectoryError) return { ok: false, step: err.step, message: err.message };
      const e = err as { code?: string; message?: string };
      const step = e.code === 'ENOTFOUND' || e.code === 'ECONNREFUSED' || e.code === 'ETIMEDOUT' ? 'connect' : /certificate|TLS|SSL/i.test(e.message ?? '') ? 'tls' : 'connect';
      return { ok: false, step, message: e.message ?? String(err) };
    }
  }
}
