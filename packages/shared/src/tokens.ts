import { z } from 'zod';

/** Longest lifetime an API token may ask for; tokens without expiry are allowed but shown as such. */
export const TOKEN_MAX_DAYS = 365;

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** First characters of the token, to recognise it in lists; the token itself is shown only once. */
    prefix: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).nullable().default(90),
  })
  .meta({ id: 'CreateApiTokenRequest' });
export type CreateApiTokenRequest = z.output<typeof CreateApiTokenRequestSchema>;

export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
