import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { AppError } from '../common/errors/app-error.js';
import { LoginFailureRepository, type FailureCount } from './login-failure.repository.js';

/**
 * Brute-force brake: per account (LOGIN_MAX_FAILURES_PER_USER) and per client IP (LOGIN_MAX_FAILURES_PER_IP)
 * within LOGIN_WINDOW_MINUTES. Unknown usernames are counted exactly like known ones, so the limiter itself
 * reveals nothing about which accounts exist.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly repo: LoginFailureRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(ip: string | undefined, username: string): Promise<void> {
    this.throwIfOver(await this.repo.current(this.keys(ip, username), this.windowSeconds));
  }

  /** Counts a failure; throws the 429 right away when this failure used up the allowance. */
  async recordFailure(ip: string | undefined, username: string): Promise<void> {
    this.throwIfOver(await this.repo.increment(this.keys(ip, username), this.windowSeconds));
  }

  async reset(username: string): Promise<void> {
    await this.repo.clear(`user:${username}`);
  }

  private throwIfOver(counts: FailureCount[]): void {
    const over = counts.filter((c) => c.count >= this.limitFor(c.key));
    if (over.length === 0) return;
    const until = Math.max(...over.map((c) => c.windowStart.getTime() + this.windowSeconds * 1000));
    const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new AppError('AUTH_RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
      details: { retryAfterSeconds: retryAfter },
      headers: { 'Retry-After': String(retryAfter) },
    });
  }

  private keys(ip: string | undefined, username: string): string[] {
    return [`user:${username}`, `ip:${ip ?? 'unknown'}`];
  }

  private limitFor(key: string): number {
    return key.startsWith('user:') ? this.config.LOGIN_MAX_FAILURES_PER_USER : this.config.LOGIN_MAX_FAILURES_PER_IP;
  }

  private get windowSeconds(): number {
    return this.config.LOGIN_WINDOW_MINUTES * 60;
  }
}
