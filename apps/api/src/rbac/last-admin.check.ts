import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import type { Tx } from '../database/prisma.service.js';
import { CONSOLE_ADMIN_ROLE_ID } from './built-in-roles.js';
import { RbacRepository } from './rbac.repository.js';

/** Called inside a transaction after a change: refuses (and so rolls back) when no active console admin is left. */
@Injectable()
export class LastAdminCheck {
  constructor(private readonly rbac: RbacRepository) {}

  async assertStillAdministered(tx: Tx): Promise<void> {
    if ((await this.rbac.consoleAdminUserIds(CONSOLE_ADMIN_ROLE_ID, tx)).length === 0) {
      throw new AppError('RBAC_LAST_ADMIN', 'This would leave the console without an active console-admin');
    }
  }
}
