import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersRepository } from '../users/users.repository.js';
import { ExternalIdentitiesRepository } from './external-identities.repository.js';
import { ExternalUsersService } from './external-users.service.js';
import { IdentityProvidersController } from './identity-providers.controller.js';
import { IdentityProvidersRepository } from './identity-providers.repository.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import { LdapLoginController } from './ldap/ldap-login.controller.js';
import { LdapLoginService } from './ldap/ldap-login.service.js';
import { LdapSyncScheduler } from './ldap/ldap-sync.scheduler.js';
import { OidcLoginController } from './oidc/oidc-login.controller.js';
import { OidcLoginService } from './oidc/oidc-login.service.js';
import { SignOutController } from './sign-out.controller.js';

@Module({
  imports: [AuthModule],
  controllers: [IdentityProvidersController, LdapLoginController, OidcLoginController, SignOutController],
  providers: [IdentityProvidersService, IdentityProvidersRepository, ExternalIdentitiesRepository, ExternalUsersService, LdapLoginService, LdapSyncScheduler, OidcLoginService, UsersRepository],
  exports: [LdapSyncScheduler, ExternalUsersService],
})
export class IdentityProvidersModule {}
