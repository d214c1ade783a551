import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterPrisma } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { AppError } from '../common/errors/app-error.js';
import { LoginFailureRepository } from './login-failure.repository.js';

/** The failures of an (account, source) pair are counted in a window this long from its first failure (or until a success). */
const PAIR_MEMORY_SECONDS = 24 * 60 * 60;
/** An attempt holds its pair's gate while it is decided; a crashed instance frees it after this. */
const DECIDING_SECONDS = 15;
/** rate-limiter-flexible's points column is an int4: "never runs out" for the failure counter. */
const UNLIMITED = 2 ** 31 - 1;

/** What a caller reports once the credentials were checked. */
export interface SignInAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  /** Neither: nothing could be decided (e.g. the directory was unreachable). Counts for nothing. */
  abandoned(): Promise<void>;
}

/**
 * Brute-force brake without a lockout (rate-limiter-flexible on PostgreSQL, shared by every API instance):
 *
 * - Per (account, source) pair: LOGIN_FREE_FAILURES failures are answered at once; after the n-th failure
 *   (n ≥ LOGIN_FREE_FAILURES) the pair waits 2^(n − LOGIN_FREE_FAILURES) s (1 s, 2 s, 4 s …, at most
 *   LOGIN_MAX_DELAY_SECONDS) and is answered 429 with Retry-After meanwhile. A success resets the pair. Every attempt
 *   holds the pair's gate (an atomic consume) while it is decided, so parallel requests cannot slip past a delay.
 * - Per source over all accounts: LOGIN_MAX_FAILURES_PER_IP failed sign-ins within LOGIN_WINDOW_MINUTES are answered
 *   401; the next attempt is 429 until the window ends. Successes do not count.
 *
 * Nothing is kept per account alone, so nobody can slow down or lock out an account — the admin's included — for
 * anyone signing in from another source. A distributed guess on one account from many sources is bounded per
 * source instead: each source gets LOGIN_FREE_FAILURES guesses, then one per doubling delay up to
 * LOGIN_MAX_DELAY_SECONDS, and at most LOGIN_MAX_FAILURES_PER_IP per window over all accounts; k sources get k
 * times that. An account-wide slowdown would cut this down only by also stalling the owner's fresh source, which
 * is the denial of service this design avoids; long random passwords (the bootstrap admin's) and SSO are the answer
 * to a large botnet. Unknown usernames are counted exactly like known ones, so the throttle reveals nothing about
 * which accounts exist.
 */
@Injectable()
export class LoginThrottleService {
  private readonly source: RateLimiterPrisma;
  private readonly pairFailures: RateLimiterPrisma;
  /** Held (1 point) while an attempt of the pair is decided; blocked for the delay after a failure. */
  private readonly gate: RateLimiterPrisma;

  constructor(
    repo: LoginFailureRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.source = repo.limiter({ keyPrefix: 'source', points: config.LOGIN_MAX_FAILURES_PER_IP, duration: config.LOGIN_WINDOW_MINUTES * 60 });
    this.pairFailures = repo.limiter({ keyPrefix: 'pair', points: UNLIMITED, duration: PAIR_MEMORY_SECONDS });
    this.gate = repo.limiter({ keyPrefix: 'gate', points: 1, duration: DECIDING_SECONDS });
  }

  /** Admits one sign-in attempt or throws 429 AUTH_RATE_LIMITED with Retry-After. */
  async begin(ip: string | undefined, account: string): Promise<SignInAttempt> {
    const source = ip ?? 'unknown';
    const pair = JSON.stringify([source, account]);
    await admit(this.gate.consume(pair));
    try {
      await admit(this.source.consume(source));
    } catch (err) {
      await this.gate.delete(pair);
      throw err;
    }
    return {
      failed: async () => {
        const { consumedPoints: failures } = await this.pairFailures.penalty(pair);
        if (failures < this.config.LOGIN_FREE_FAILURES) await this.gate.delete(pair);
        else await this.gate.block(pair, this.delaySeconds(failures));
      },
      succeeded: async () => {
        await Promise.all([this.pairFailures.delete(pair), this.gate.delete(pair), this.source.reward(source)]);
      },
      abandoned: async () => {
        await Promise.all([this.gate.delete(pair), this.source.reward(source)]);
      },
    };
  }

  private delaySeconds(failures: number): number {
    const doublings = Math.min(failures - this.config.LOGIN_FREE_FAILURES, 30);
    return Math.min(2 ** doublings, this.config.LOGIN_MAX_DELAY_SECONDS);
  }
}

/** A limiter's refusal (a RateLimiterRes) becomes the 429; store errors pass through untouched. */
async function admit(consumed: Promise<RateLimiterRes>): Promise<void> {
  try {
    await consumed;
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new AppError('AUTH_RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
      details: { retryAfterSeconds: retryAfter },
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
}
