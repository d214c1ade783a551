import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BootstrapAdminService } from './bootstrap-admin.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UsersService, BootstrapAdminService],
  exports: [BootstrapAdminService],
})
export class UsersModule {}
