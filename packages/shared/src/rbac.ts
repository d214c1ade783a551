import { z } from 'zod';

/** API group of the console's own resources, so one rule language covers Kubernetes and the console. */
export const CONSOLE_GROUP = 'console.wheelhouse.io';

export const CONSOLE_RESOURCES = [
  'users',
  'teams',
  'roles',
  'rolebindings',
  'clusters',
  'identityproviders',
  'auditevents',
  'tokens',
] as const;
export type ConsoleResource = (typeof CONSOLE_RESOURCES)[number];

/** Kubernetes verbs plus `bind` (grant a role you do not fully hold) and `escalate` (edit a role beyond your rights). */
export const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'bind', 'escalate'] as const;
export type Verb = (typeof VERBS)[number];

export const ROLE_SCOPES = ['global', 'cluster', 'namespace'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

const token = z.string().trim().min(1).max(253);
const resourceToken = z
  .string()
  .trim()
  .regex(/^(\*|[a-z0-9.-]+)(\/(\*|[a-z0-9.-]+))?$/, 'resource or resource/subresource, e.g. pods/log');

/** A Kubernetes-shaped rule: verbs × apiGroups × resources (× resourceNames). `*` only where written. */
export const RoleRuleSchema = z
  .strictObject({
    verbs: z.array(z.union([z.enum(VERBS), z.literal('*')])).min(1).max(20),
    apiGroups: z.array(z.union([z.literal(''), z.literal('*'), z.string().trim().regex(/^[a-z0-9.-]+$/)])).min(1).max(50),
    resources: z.array(resourceToken).min(1).max(100),
    resourceNames: z.array(token).max(100).optional(),
  })
  .meta({ id: 'RoleRule' });
export type RoleRule = z.infer<typeof RoleRuleSchema>;

export const RoleNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and -');

export const RoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scope: z.enum(ROLE_SCOPES),
    builtIn: z.boolean(),
    rules: z.array(RoleRuleSchema),
    bindingCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const CreateRoleRequestSchema = z
  .strictObject({
    name: RoleNameSchema,
    description: z.string().trim().max(500).default(''),
    scope: z.enum(ROLE_SCOPES),
    rules: z.array(RoleRuleSchema).min(1).max(100),
  })
  .meta({ id: 'CreateRoleRequest' });
export type CreateRoleRequest = z.output<typeof CreateRoleRequestSchema>;

export const UpdateRoleRequestSchema = z
  .strictObject({
    description: z.string().trim().max(500).optional(),
    rules: z.array(RoleRuleSchema).min(1).max(100).optional(),
  })
  .meta({ id: 'UpdateRoleRequest' });
export type UpdateRoleRequest = z.infer<typeof UpdateRoleRequestSchema>;

export const CloneRoleRequestSchema = z.strictObject({ name: RoleNameSchema }).meta({ id: 'CloneRoleRequest' });

/** Where a binding applies: everywhere, one cluster, or one namespace of one cluster. */
export const ScopeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('global') }),
    z.strictObject({ kind: z.literal('cluster'), cluster: token }),
    z.strictObject({ kind: z.literal('namespace'), cluster: token, namespace: token }),
  ])
  .meta({ id: 'Scope' });
export type Scope = z.infer<typeof ScopeSchema>;

export const SUBJECT_KINDS = ['user', 'team', 'group'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SubjectSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('user'), id: z.uuid() }),
    z.strictObject({ kind: z.literal('team'), id: z.uuid() }),
    /** An identity-provider group, e.g. an LDAP DN or an OIDC groups-claim value. */
    z.strictObject({ kind: z.literal('group'), provider: token, name: z.string().trim().min(1).max(1024) }),
  ])
  .meta({ id: 'Subject' });
export type Subject = z.infer<typeof SubjectSchema>;

export const RoleBindingSchema = z
  .object({
    id: z.string(),
    role: z.object({ id: z.string(), name: z.string(), scope: z.enum(ROLE_SCOPES) }),
    subject: SubjectSchema,
    subjectName: z.string(),
    scope: ScopeSchema,
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'RoleBinding' });
export type RoleBinding = z.infer<typeof RoleBindingSchema>;

export const CreateRoleBindingRequestSchema = z
  .strictObject({ roleId: z.uuid(), subject: SubjectSchema, scope: ScopeSchema })
  .meta({ id: 'CreateRoleBindingRequest' });
export type CreateRoleBindingRequest = z.infer<typeof CreateRoleBindingRequestSchema>;

/** One authorization question, Kubernetes-style. `group` '' is the core API group. */
export const AccessRequestSchema = z
  .strictObject({
    verb: z.enum(VERBS),
    group: z.string().trim().max(253).default(CONSOLE_GROUP),
    resource: z.string().trim().min(1).max(253),
    subresource: z.string().trim().max(253).optional(),
    name: z.string().trim().max(253).optional(),
    cluster: z.string().trim().max(253).optional(),
    namespace: z.string().trim().max(253).optional(),
  })
  .meta({ id: 'AccessRequest' });
export type AccessRequest = z.output<typeof AccessRequestSchema>;

export const ExplainQuerySchema = AccessRequestSchema.extend({
  /** Username or user id; omitted: the caller. */
  user: z.string().trim().max(256).optional(),
}).meta({ id: 'ExplainQuery' });

export const AccessDecisionSchema = z
  .object({
    allowed: z.boolean(),
    /** Stable reason codes: ALLOWED, NO_BINDINGS, NO_MATCHING_RULE, SCOPE_MISMATCH, USER_DISABLED. */
    reason: z.enum(['ALLOWED', 'NO_BINDINGS', 'NO_MATCHING_RULE', 'SCOPE_MISMATCH', 'USER_DISABLED']),
    via: z
      .object({
        bindingId: z.string(),
        role: z.string(),
        ruleIndex: z.number(),
        rule: RoleRuleSchema,
        subject: SubjectSchema,
        subjectName: z.string(),
        scope: ScopeSchema,
      })
      .optional(),
    /** Bindings whose role would allow it elsewhere (wrong scope), to help an admin see what is missing. */
    nearMisses: z.array(z.object({ bindingId: z.string(), role: z.string(), scope: ScopeSchema })).default([]),
  })
  .meta({ id: 'AccessDecision' });
export type AccessDecision = z.infer<typeof AccessDecisionSchema>;

/** What the web app needs to hide what a user cannot do (the API still enforces everything). */
export const PermissionSummarySchema = z
  .object({
    console: z.record(z.string(), z.array(z.string())),
    scopes: z.array(ScopeSchema),
  })
  .meta({ id: 'PermissionSummary' });
export type PermissionSummary = z.infer<typeof PermissionSummarySchema>;
