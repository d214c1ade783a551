'use client';
import type { User } from '@wheelhouse/shared';
import { createContext, useContext } from 'react';

/** Provided by the auth gate once /api/auth/me has answered; every console page sits below it. */
export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user; only valid below the auth gate. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) {
    throw new Error('useCurrentUser() used outside <AuthGate>');
  }
  return user;
}
