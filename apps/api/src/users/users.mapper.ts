import type { User as UserDto } from '@wheelhouse/shared';
import type { User } from '../generated/prisma/client.js';

/** The only way a user leaves the API: no password hash, dates as ISO strings. */
export function toUserDto(user: User, isAdmin: boolean): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    origin: user.origin,
    isAdmin,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
