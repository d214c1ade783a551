import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/access.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { HealthRepository } from './health.repository.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly repo: HealthRepository) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @Public()
  @HttpCode(200)
  healthz() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and the schema is migrated. */
  @Get('readyz')
  @Public()
  async readyz() {
    const migrations = await this.repo.appliedMigrations().catch(() => -1);
    if (migrations < 1) throw new AppError('NOT_READY', 'Database not ready');
    return { status: 'ok', migrations };
  }
}
