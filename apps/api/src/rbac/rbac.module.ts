import { Global, Module } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository.js';
import { AccessController } from './access.controller.js';
import { AuthorizerService } from './authorizer.service.js';
import { BindingsController } from './bindings.controller.js';
import { BindingsRepository } from './bindings.repository.js';
import { BindingsService } from './bindings.service.js';
import { LastAdminCheck } from './last-admin.check.js';
import { RbacRepository } from './rbac.repository.js';
import { RolesController } from './roles.controller.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';
import { SubjectsRepository } from './subjects.repository.js';

/** Global: the authorizer is needed by the global guard and by every domain that checks scoped access. */
@Global()
@Module({
  controllers: [RolesController, BindingsController, AccessController],
  providers: [
    AuthorizerService,
    RbacRepository,
    RolesRepository,
    RolesService,
    BindingsRepository,
    BindingsService,
    SubjectsRepository,
    LastAdminCheck,
    UsersRepository,
  ],
  exports: [AuthorizerService, RbacRepository, LastAdminCheck, BindingsRepository, BindingsService],
})
export class RbacModule {}
