import type { Response } from 'express';
import type { SessionService } from './session.service.js';

/** httpOnly + SameSite=Lax always; Secure (and the __Host- prefix) when the console is served over TLS. */
export function setSessionCookie(res: Response, sessions: SessionService, token: string, secure: boolean): void {
  res.cookie(sessions.cookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: sessions.maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, sessions: SessionService, secure: boolean): void {
  res.clearCookie(sessions.cookieName, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
