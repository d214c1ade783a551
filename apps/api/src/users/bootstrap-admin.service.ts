import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { TransactionRunner } from '../database/prisma.service.js';
import { BindingsRepository } from '../rbac/bindings.repository.js';
import { CONSOLE_ADMIN_ROLE_ID } from '../rbac/built-in-roles.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { UsersRepository } from './users.repository.js';
import { grantBaseline } from './users.service.js';

export const BOOTSTRAP_ADMIN = 'admin';

/**
 * First run only: creates the `admin` account. No default password exists anywhere: it comes from
 * WHEELHOUSE_ADMIN_PASSWORD or is generated and printed once (and must then be changed at first sign-in).
 * Race-safe across instances through the unique username.
 */
@Injectable()
export class BootstrapAdminService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly repo: UsersRepository,
    private readonly bindings: BindingsRepository,
    private readonly rbac: RbacRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns the generated password when one was generated, so the caller can print it. */
  async ensureAdmin(): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.rbac.consoleAdminUserIds(CONSOLE_ADMIN_ROLE_ID)).length > 0 || (await this.repo.findByUsername(BOOTSTRAP_ADMIN))) {
      return { created: false };
    }
    const given = this.config.WHEELHOUSE_ADMIN_PASSWORD;
    const password = given ?? randomBytes(15).toString('base64url');
    const passwordHash = await this.hasher.hash(password);
    try {
      await this.tx.run(async (tx) => {
        const user = await this.repo.create(
          { username: BOOTSTRAP_ADMIN, displayName: 'Administrator', passwordHash, mustChangePassword: !given },
          tx,
        );
        await grantBaseline(this.bindings, user.id, true, null, tx);
        await this.rbac.bumpVersion(tx);
        await this.audit.record(
          { action: 'user.bootstrap_admin', target: { type: 'user', id: user.id, name: user.username }, result: 'success' },
          tx,
        );
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return { created: false }; // another instance won the race
      throw err;
    }
    this.logger.log('Created the bootstrap admin account "admin"');
    return { created: true, generatedPassword: given ? undefined : password };
  }
}
