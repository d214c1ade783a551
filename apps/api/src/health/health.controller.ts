import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/access.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DatabaseHealth } from '../database/database-health.js';
import { HealthRepository } from './health.repository.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly repo: HealthRepository,
    private readonly database: DatabaseHealth,
  ) {}

  /**
   * Liveness: the process answers and has not been cut off from its database for longer than
   * DATABASE_LIVENESS_SECONDS. It never waits for the database (a probe must not queue behind a hung pool); while the
   * database is down it starts one ping, so that recovery is noticed by the next probe even without traffic.
   */
  @Get('healthz')
  @Public()
  @HttpCode(200)
  healthz() {
    if (this.database.unavailableForMs() > 0) void this.repo.ping().catch(() => undefined);
    if (!this.database.live) {
      throw new AppError('DATABASE_UNAVAILABLE', 'The database has been unreachable for too long', {
        details: { unavailableSeconds: Math.round(this.database.unavailableForMs() / 1000) },
      });
    }
    return { status: 'ok' };
  }

  /** Readiness: the database answers and the schema is migrated. */
  @Get('readyz')
  @Public()
  async readyz() {
    let migrations: number;
    try {
      migrations = await this.repo.appliedMigrations();
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable');
      throw new AppError('NOT_READY', 'Database not ready');
    }
    if (migrations < 1) throw new AppError('NOT_READY', 'Database not ready');
    return { status: 'ok', migrations };
  }
}
