import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/env.schema.js';
import { APP_CONFIG } from '../config/tokens.js';

/**
 * What the pool has seen of the database (every statement's outcome), so liveness answers from memory and never
 * waits on the database itself.
 */
@Injectable()
export class DatabaseHealth {
  private downSince: number | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  record(available: boolean): void {
    if (available) this.downSince = undefined;
    else this.downSince ??= Date.now();
  }

  /** 0 while the database answers. */
  unavailableForMs(now = Date.now()): number {
    return this.downSince === undefined ? 0 : now - this.downSince;
  }

  /** False once the database has been unreachable for longer than DATABASE_LIVENESS_SECONDS (0: always true). */
  get live(): boolean {
    const bound = this.config.DATABASE_LIVENESS_SECONDS;
    return bound === 0 || this.unavailableForMs() <= bound * 1000;
  }
}
