import { Injectable } from '@nestjs/common';
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import { PrismaService } from '../database/prisma.service.js';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds; 0 never expires. */
  duration: number;
}

/**
 * The sign-in throttle's store: rate-limiter-flexible limiters on the `login_limits` table (one table, a key prefix
 * per limiter), so every API instance sees the same numbers. Prisma stays in this file.
 */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly prisma: PrismaService) {}

  limiter(opts: LimiterOptions): RateLimiterPrisma {
    // The janitor sweeps expired rows; the limiter's own timer would outlive the app and its Prisma client.
    return new RateLimiterPrisma({ ...opts, storeClient: this.prisma, tableName: 'loginLimit', clearExpiredByTimeout: false });
  }

  deleteExpired(before: Date) {
    return this.prisma.loginLimit.deleteMany({ where: { expire: { lt: before } } });
  }
}
