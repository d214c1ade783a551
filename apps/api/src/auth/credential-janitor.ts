import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { every } from '../common/scheduling/every.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { LoginFailureRepository } from './login-failure.repository.js';
import { SessionRepository } from './session.repository.js';

const SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Expired sessions and API tokens are refused (and deleted) when presented, but the ones never presented again
 * stayed forever, as did expired sign-in throttle rows: an hourly sweep keeps those tables from growing without bound.
 */
@Injectable()
export class CredentialJanitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CredentialJanitor.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly failures: LoginFailureRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = every(SWEEP_INTERVAL_MS, () => this.sweep(), this.logger);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<{ sessions: number; tokens: number; failures: number }> {
    const [sessions, tokens, failures] = await Promise.all([
      this.sessions.deleteExpired(now),
      this.tokens.deleteAllExpired(now),
      // An expired throttle row counts for nothing (the limiter ignores and replaces it).
      this.failures.deleteExpired(now),
    ]);
    return { sessions: sessions.count, tokens: tokens.count, failures: failures.count };
  }
}
