import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { AppConfig } from '../config/env.schema.js';
import { APP_CONFIG } from '../config/tokens.js';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import { DatabaseHealth } from './database-health.js';
import { createPool } from './database-pool.js';

/** A transaction handle that services pass through to repositories without touching Prisma themselves. */
export type Tx = Prisma.TransactionClient;

export const DATABASE_URL = Symbol('DATABASE_URL');

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_URL) url: string, @Inject(APP_CONFIG) config: AppConfig, health: DatabaseHealth) {
    const pool = createPool(url, {
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
      onOutcome: (available) => health.record(available),
    });
    super({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      transactionOptions: { maxWait: config.DATABASE_CONNECT_TIMEOUT_MS, timeout: config.DATABASE_QUERY_TIMEOUT_MS },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** Runs a unit of work atomically; the only way services get a Tx. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
