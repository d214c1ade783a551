import { z } from 'zod';

/** Usernames are canonical lower-case so "Admin" and "admin" can never be two accounts. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'letters, digits, . _ @ - only');

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const LoginRequestSchema = z
  .strictObject({
    // Control characters (NUL above all) are never part of a name, and PostgreSQL text cannot hold NUL.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    username: z.string().trim().toLowerCase().min(1).max(256).regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters'),
    // Length is not validated here: a short wrong password must look exactly like any other wrong password.
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const ChangePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: PasswordSchema,
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/** After logout: where to send the browser next — the identity provider's end-session page, or null (login page). */
export const LogoutResponseSchema = z.object({ redirectTo: z.url().nullable() }).meta({ id: 'LogoutResponse' });
export type LogoutResponse = z.infer<typeof LogoutResponseSchema>;
