import { TimelineAuditSchema, type TimelineAudit, type TimelineItem } from '@wheelhouse/shared';
import type { ObjectAuditRow } from '../audit/audit.repository.js';

/**
 * Newest first, at most `limit`. Ties keep their input order, so pass sources newest first and in the order a
 * same-instant tie should read (effects before causes: events, revisions, then the console writes).
 */
export function mergeTimeline(sources: readonly (readonly TimelineItem[])[], limit: number): TimelineItem[] {
  const all = sources.flat().map((item, i) => ({ item, i, t: Date.parse(item.time) }));
  all.sort((a, b) => (b.t === a.t ? a.i - b.i : (Number.isNaN(b.t) ? -Infinity : b.t) - (Number.isNaN(a.t) ? -Infinity : a.t)));
  return all.slice(0, limit).map((e) => e.item);
}

const RESULTS = new Set<string>(TimelineAuditSchema.shape.result.options);

/**
 * A console write leaves an `allowed` row before it reaches the cluster and, when it fails (or, through the
 * proxy, when it ends), a closing row with the same request id: one timeline item per write, with the final
 * outcome at the time of the first row. Rows come newest first; so do the items.
 */
export function foldAuditRows(rows: readonly ObjectAuditRow[], type: string): TimelineAudit[] {
  const byRequest = new Map<string, TimelineAudit>();
  const items: TimelineAudit[] = [];
  for (const r of rows) {
    const item: TimelineAudit = {
      kind: 'audit',
      time: r.time.toISOString(),
      id: r.id.toString(),
      actor: r.actorName,
      action: r.action,
      subresource: r.targetType.length > type.length ? r.targetType.slice(type.length + 1) : null,
      result: RESULTS.has(r.result) ? (r.result as TimelineAudit['result']) : 'error',
      status: r.status,
    };
    const earlier = r.requestId ? byRequest.get(r.requestId) : undefined;
    if (earlier && earlier.action === item.action && earlier.subresource === item.subresource) {
      // This older row opened the write the newer one closed: keep its time and id, the newer outcome.
      earlier.time = item.time;
      earlier.id = item.id;
      continue;
    }
    if (r.requestId) byRequest.set(r.requestId, item);
    items.push(item);
  }
  return items;
}
