import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { every } from '../../common/scheduling/every.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { ExternalIdentitiesRepository } from '../external-identities.repository.js';
import { ExternalUsersService } from '../external-users.service.js';
import { IdentityProvidersService } from '../identity-providers.service.js';

/**
 * Re-reads LDAP group memberships every LDAP_SYNC_MINUTES (default 60; 0 off), so someone removed from a group
 * loses what the group granted without having to sign in again. A user gone from the directory keeps no groups.
 */
@Injectable()
export class LdapSyncScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LdapSyncScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly idps: IdentityProvidersService,
    private readonly identities: ExternalIdentitiesRepository,
    private readonly external: ExternalUsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.LDAP_SYNC_MINUTES) return;
    this.timer = every(this.config.LDAP_SYNC_MINUTES * 60_000, () => this.syncAll(), this.logger);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async syncAll(): Promise<void> {
    for (const providerId of await this.idps.ldapProviders()) {
      const { directory } = await this.idps.ldap(providerId);
      for (const identity of await this.identities.listForProvider(providerId)) {
        if (identity.user.disabled) continue;
        await this.external.refreshGroups(providerId, identity.subject, await directory.groupsOfDn(identity.subject));
      }
    }
  }
}
