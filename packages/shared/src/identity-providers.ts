import { z } from 'zod';

export const ProviderIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and -');

const filterTemplate = (placeholder: string) =>
  z
    .string()
    .trim()
    .min(3)
    .max(1024)
    .refine((s) => s.startsWith('(') && s.endsWith(')') && s.includes(placeholder), `an LDAP filter containing ${placeholder}`);

/** LDAP / Active Directory settings. `{username}` and `{dn}` are replaced with RFC 4515-escaped values. */
export const LdapConfigSchema = z
  .strictObject({
    urls: z.array(z.string().regex(/^ldaps?:\/\/[^\s/]+(:\d+)?\/?$/, 'ldap://host:port or ldaps://host:port')).min(1).max(10),
    startTls: z.boolean().default(false),
    /** PEM of the CA that signed the directory's certificate (ldaps:// and StartTLS); empty: system CAs. */
    caPem: z.string().max(64 * 1024).optional(),
    bindDn: z.string().trim().min(1).max(1024),
    userSearchBase: z.string().trim().min(1).max(1024),
    userFilter: filterTemplate('{username}').default('(uid={username})'),
    usernameAttribute: z.string().trim().min(1).max(100).default('uid'),
    displayNameAttribute: z.string().trim().min(1).max(100).default('cn'),
    emailAttribute: z.string().trim().min(1).max(100).default('mail'),
    groupSearchBase: z.string().trim().max(1024).optional(),
    groupFilter: filterTemplate('{dn}').default('(member={dn})'),
    groupNameAttribute: z.string().trim().min(1).max(100).default('cn'),
    /** Follow groups that are members of groups, up to this depth (0: direct groups only). */
    nestedGroupDepth: z.number().int().min(0).max(10).default(5),
    /** Active Directory: resolve nesting server-side with LDAP_MATCHING_RULE_IN_CHAIN. */
    activeDirectoryMatchingRuleInChain: z.boolean().default(false),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    searchTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    pageSize: z.number().int().min(1).max(5_000).default(500),
  })
  .meta({ id: 'LdapConfig' });
export type LdapConfig = z.output<typeof LdapConfigSchema>;

export const OidcConfigSchema = z
  .strictObject({
    issuer: z.url(),
    clientId: z.string().trim().min(1).max(500),
    scopes: z.array(z.string().regex(/^[\x21-\x7e]+$/)).min(1).max(20).default(['openid', 'profile', 'email']),
    groupsClaim: z.string().trim().min(1).max(100).default('groups'),
    usernameClaim: z.string().trim().min(1).max(100).default('preferred_username'),
    emailClaim: z.string().trim().min(1).max(100).default('email'),
    /** Only for issuers an admin explicitly allows over plain http (tests, labs). */
    allowInsecureHttp: z.boolean().default(false),
  })
  .meta({ id: 'OidcConfig' });
export type OidcConfig = z.output<typeof OidcConfigSchema>;

const common = { id: ProviderIdSchema, displayName: z.string().trim().min(1).max(100), enabled: z.boolean().default(true) };

export const CreateIdentityProviderRequestSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ldap'), ...common, config: LdapConfigSchema, bindPassword: z.string().min(1).max(1024) }),
    z.strictObject({ type: z.literal('oidc'), ...common, config: OidcConfigSchema, clientSecret: z.string().min(1).max(4096) }),
  ])
  .meta({ id: 'CreateIdentityProviderRequest' });
export type CreateIdentityProviderRequest = z.output<typeof CreateIdentityProviderRequestSchema>;

export const UpdateIdentityProviderRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100).optional(),
    enabled: z.boolean().optional(),
    /** Replaces the whole config of the provider's type; validated against it. */
    config: z.record(z.string(), z.unknown()).optional(),
    /** A new bind password / client secret; omitted: unchanged. */
    secret: z.string().min(1).max(4096).optional(),
  })
  .meta({ id: 'UpdateIdentityProviderRequest' });
export type UpdateIdentityProviderRequest = z.infer<typeof UpdateIdentityProviderRequestSchema>;

export const IdentityProviderSchema = z
  .object({
    id: z.string(),
    type: z.enum(['ldap', 'oidc']),
    displayName: z.string(),
    enabled: z.boolean(),
    config: z.record(z.string(), z.unknown()),
    hasSecret: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

/** What the login page shows: no settings, just how to sign in. */
export const LoginProviderSchema = z.object({ id: z.string(), type: z.enum(['ldap', 'oidc']), displayName: z.string() }).meta({ id: 'LoginProvider' });
export type LoginProvider = z.infer<typeof LoginProviderSchema>;

/** Result of "test connection" / "test user lookup": which step failed, precisely. */
export const ProviderTestResultSchema = z
  .object({
    ok: z.boolean(),
    step: z.enum(['connect', 'tls', 'bind', 'search', 'user', 'groups', 'done']),
    message: z.string(),
    user: z.object({ dn: z.string(), username: z.string(), displayName: z.string(), email: z.string().nullable(), groups: z.array(z.string()) }).optional(),
  })
  .meta({ id: 'ProviderTestResult' });
export type ProviderTestResult = z.infer<typeof ProviderTestResultSchema>;
