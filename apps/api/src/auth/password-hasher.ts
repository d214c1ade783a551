import { Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';

/**
 * argon2id with OWASP's lower-memory profile (19 MiB, t=2, p=1): strong, and cheap enough for 2-core hosts.
 * Unknown users are checked against a dummy hash so both failure paths cost the same time.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('wheelhouse-timing-equaliser');
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** Verifies against `hash`, or burns the same time against a dummy when there is no hash. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return ok && Boolean(hash);
    } catch {
      return false;
    }
  }
}
