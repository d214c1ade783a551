import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export interface FailureCount {
  key: string;
  count: number;
  windowStart: Date;
}

/** Fixed-window failure counters in Postgres, so every API instance sees the same numbers. */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly prisma: PrismaService) {}

  async current(keys: string[], windowSeconds: number): Promise<FailureCount[]> {
    return this.prisma.$queryRaw<FailureCount[]>`
      SELECT key, count, window_start AS "windowStart" FROM login_failures
      WHERE key = ANY(${keys}) AND window_start > now() - make_interval(secs => ${windowSeconds})`;
  }

  /** Atomically counts one failure per key, starting a new window when the old one has passed. */
  async increment(keys: string[], windowSeconds: number): Promise<FailureCount[]> {
    return this.prisma.$queryRaw<FailureCount[]>`
      INSERT INTO login_failures (key, window_start, count)
      SELECT k, now(), 1 FROM unnest(${keys}::text[]) AS k
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN login_failures.window_start <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE login_failures.count + 1 END,
        window_start = CASE WHEN login_failures.window_start <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE login_failures.window_start END
      RETURNING key, count, window_start AS "windowStart"`;
  }

  deleteOlderThan(before: Date) {
    return this.prisma.loginFailure.deleteMany({ where: { windowStart: { lt: before } } });
  }

  async clear(key: string): Promise<void> {
    await this.prisma.loginFailure.deleteMany({ where: { key } });
  }
}
