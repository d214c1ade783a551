import { z } from 'zod';
import { PasswordSchema, UsernameSchema } from './auth.js';

export const USER_ORIGINS = ['local', 'ldap', 'oidc'] as const;
export type UserOrigin = (typeof USER_ORIGINS)[number];

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    origin: z.enum(USER_ORIGINS),
    isAdmin: z.boolean(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** A row of the users list: the user plus the identity-provider groups seen at their last sign-in or sync. */
export const UserListItemSchema = UserSchema.extend({
  groups: z.array(z.object({ provider: z.string(), name: z.string() })),
}).meta({ id: 'UserListItem' });
export type UserListItem = z.infer<typeof UserListItemSchema>;

export const UserListSchema = z.object({ items: z.array(UserListItemSchema), total: z.number() }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserListSchema>;

export const CreateUserRequestSchema = z
  .strictObject({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(128).optional(),
    email: z.email().max(254).optional(),
    password: PasswordSchema,
    isAdmin: z.boolean().default(false),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(128).optional(),
    email: z.email().max(254).nullable().optional(),
    disabled: z.boolean().optional(),
    isAdmin: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z
  .strictObject({ password: PasswordSchema, mustChangePassword: z.boolean().default(true) })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequestSchema>;

/** What the API works with after validation (defaults applied). */
export type CreateUserCommand = z.output<typeof CreateUserRequestSchema>;
export type ResetPasswordCommand = z.output<typeof ResetPasswordRequestSchema>;
