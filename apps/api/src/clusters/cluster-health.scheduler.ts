import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { every } from '../common/scheduling/every.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { ClustersService } from './clusters.service.js';

/**
 * Re-probes every cluster periodically (CLUSTER_HEALTH_INTERVAL_SECONDS, default 30; 0 turns it off), so a
 * cluster that went away shows as unreachable and comes back by itself.
 */
@Injectable()
export class ClusterHealthScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ClusterHealthScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly clusters: ClustersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.CLUSTER_HEALTH_INTERVAL_SECONDS;
    if (!seconds) return;
    this.timer = every(seconds * 1000, () => this.tick(), this.logger);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const id of await this.clusters.allIds()) {
        await this.clusters.refreshHealth(id).catch((err: unknown) => this.logger.warn(`health of ${id}: ${String(err)}`));
      }
    } finally {
      this.running = false;
    }
  }
}
