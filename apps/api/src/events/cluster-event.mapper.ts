import type { ClusterEvent } from '@wheelhouse/shared';
import type { ClusterEvent as Row } from '../generated/prisma/client.js';

export function toClusterEvent(r: Row): ClusterEvent {
  return {
    uid: r.uid,
    namespace: r.namespace,
    involved: { kind: r.involvedKind, name: r.involvedName, uid: r.involvedUid },
    type: r.type,
    reason: r.reason,
    message: r.message,
    reportingController: r.reportingController,
    count: r.count,
    firstTime: r.firstTime?.toISOString() ?? null,
    lastTime: r.lastTime.toISOString(),
  };
}
