import { z } from 'zod';

/** Cluster ids are slugs chosen at registration: they appear in URLs, RBAC scopes and kubeconfigs, so never change. */
export const ClusterIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and -');

export const CLUSTER_AUTH_TYPES = ['token', 'clientCertificate', 'serviceAccount'] as const;
export type ClusterAuthType = (typeof CLUSTER_AUTH_TYPES)[number];

export const CLUSTER_STATES = ['unknown', 'ok', 'unreachable', 'unauthorized'] as const;

const pem = z.string().trim().max(64 * 1024);
const base = {
  id: ClusterIdSchema,
  displayName: z.string().trim().min(1).max(100).optional(),
  /** Skip TLS verification: only with an explicit tick, shown as a warning everywhere. */
  insecureSkipTlsVerify: z.boolean().default(false),
};

/** The four ways to register a cluster. Credentials go in; they never come out of the API again. */
export const RegisterClusterRequestSchema = z
  .discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('token'),
      ...base,
      server: z.url({ protocol: /^https?$/ }),
      caData: pem.optional(),
      token: z.string().trim().min(1).max(16 * 1024),
    }),
    z.strictObject({
      method: z.literal('clientCertificate'),
      ...base,
      server: z.url({ protocol: /^https?$/ }),
      caData: pem.optional(),
      certData: pem,
      keyData: pem,
    }),
    z.strictObject({
      method: z.literal('kubeconfig'),
      ...base,
      /** The uploaded kubeconfig (YAML or JSON); only server, CA, client cert/key and token are kept. */
      kubeconfig: z.string().min(1).max(1024 * 1024),
      context: z.string().trim().min(1).max(253),
    }),
    z.strictObject({ method: z.literal('inCluster'), ...base }),
    /** A context of the kubeconfig on the console's own machine (~/.kube/config or $KUBECONFIG), sanitized the same way. */
    z.strictObject({ method: z.literal('localKubeconfig'), ...base, context: z.string().trim().min(1).max(253) }),
  ])
  .meta({ id: 'RegisterClusterRequest' });
export type RegisterClusterRequest = z.output<typeof RegisterClusterRequestSchema>;

export const KubeconfigPreviewRequestSchema = z
  .strictObject({ kubeconfig: z.string().min(1).max(1024 * 1024) })
  .meta({ id: 'KubeconfigPreviewRequest' });

/** What an uploaded kubeconfig offers, after sanitising, so the admin can pick contexts. */
export const KubeconfigPreviewSchema = z
  .object({
    contexts: z.array(
      z.object({
        name: z.string(),
        server: z.string().nullable(),
        authType: z.enum(CLUSTER_AUTH_TYPES).nullable(),
        insecure: z.boolean(),
        /** Why the context cannot be imported as is (e.g. it authenticates with an exec plugin). */
        problems: z.array(z.string()),
        /** What was dropped from it (exec plugins, file references, …). */
        dropped: z.array(z.string()),
      }),
    ),
    currentContext: z.string().nullable(),
  })
  .meta({ id: 'KubeconfigPreview' });
export type KubeconfigPreview = z.infer<typeof KubeconfigPreviewSchema>;

export const ClusterHealthSchema = z.object({
  state: z.enum(CLUSTER_STATES),
  version: z.string().nullable(),
  nodes: z.number().nullable(),
  readyNodes: z.number().nullable(),
  latencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>;

export const ClusterSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    server: z.string(),
    authType: z.enum(CLUSTER_AUTH_TYPES),
    insecureSkipTlsVerify: z.boolean(),
    createdAt: z.string(),
    health: ClusterHealthSchema,
  })
  .meta({ id: 'Cluster' });
export type Cluster = z.infer<typeof ClusterSchema>;

export const UpdateClusterRequestSchema = z
  .strictObject({ displayName: z.string().trim().min(1).max(100) })
  .meta({ id: 'UpdateClusterRequest' });
