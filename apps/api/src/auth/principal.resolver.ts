import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTokenService } from './api-token.service.js';
import type { Principal } from './auth.types.js';
import { SessionService } from './session.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Who is calling: an API token in `Authorization: Bearer`, else the session cookie. */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
  ) {}

  async resolve(req: Request): Promise<Principal | null> {
    const header = req.get('authorization');
    if (header) {
      const token = BEARER.exec(header)?.[1];
      // A malformed or unknown Authorization header never falls back to the cookie: the caller meant the token.
      return token ? this.tokens.resolve(token) : null;
    }
    const cookie = (req.cookies as Record<string, string | undefined>)[this.sessions.cookieName];
    return cookie ? this.sessions.resolve(cookie) : null;
  }
}
