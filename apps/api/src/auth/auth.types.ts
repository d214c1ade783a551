import type { User } from '../generated/prisma/client.js';

/** The authenticated caller of a request, resolved by the global auth guard. */
export interface Principal {
  user: User;
  /** Set when the caller authenticated with a session cookie. */
  sessionId?: string;
  viaToken: boolean;
  /** Set when the caller authenticated with an API token. */
  tokenId?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
