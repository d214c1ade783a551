import type { Cluster as ClusterDto } from '@wheelhouse/shared';
import type { Cluster } from '../generated/prisma/client.js';

/** The only way a cluster leaves the API: credentials and CA never do. */
export function toClusterDto(c: Cluster): ClusterDto {
  return {
    id: c.id,
    displayName: c.displayName,
    server: c.server,
    authType: c.authType,
    insecureSkipTlsVerify: c.insecureSkipTlsVerify,
    createdAt: c.createdAt.toISOString(),
    health: {
      state: c.healthState as ClusterDto['health']['state'],
      version: c.healthVersion,
      nodes: c.healthNodes,
      readyNodes: c.healthReadyNodes,
      latencyMs: c.healthLatencyMs,
      lastError: c.healthError,
      checkedAt: c.healthCheckedAt?.toISOString() ?? null,
    },
  };
}
