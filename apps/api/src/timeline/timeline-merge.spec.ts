import type { TimelineItem } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import type { ObjectAuditRow } from '../audit/audit.repository.js';
import { foldAuditRows, mergeTimeline } from './timeline-merge.js';

const ev = (id: string, time: string): TimelineItem => ({ kind: 'event', time, id, type: 'Normal', reason: 'R', message: null, count: 1, firstTime: null, lastTime: time, source: null });
const rev = (revision: number, time: string): TimelineItem => ({ kind: 'revision', time, revision, resource: 'replicasets', name: `rs-${revision}`, images: [], changeCause: null, current: false });
const row = (id: number, time: string, over: Partial<ObjectAuditRow> = {}): ObjectAuditRow => ({
  id: BigInt(id), time: new Date(time), actorName: 'admin', action: 'k8s.patch', targetType: 'apps/deployments', result: 'allowed', status: null, requestId: `req-${id}`, ...over,
});
const key = (i: TimelineItem) => (i.kind === 'revision' ? `rev-${i.revision}` : `${i.kind}-${i.id}`);

describe('mergeTimeline', () => {
  it('sorts all sources newest first and cuts at the limit', () => {
    const items = mergeTimeline([[ev('b', '2026-01-01T00:00:03Z'), ev('a', '2026-01-01T00:00:01Z')], [rev(2, '2026-01-01T00:00:02Z'), rev(1, '2026-01-01T00:00:00Z')]], 3);
    expect(items.map(key)).toEqual(['event-b', 'rev-2', 'event-a']);
  });

  it('keeps the input order on equal times: within a source and across sources', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const audit: TimelineItem = { kind: 'audit', time: t, id: '9', actor: 'admin', action: 'k8s.create', subresource: null, result: 'allowed', status: null };
    const items = mergeTimeline([[ev('x', t), ev('y', t)], [rev(3, t), rev(2, t)], [audit]], 10);
    expect(items.map(key)).toEqual(['event-x', 'event-y', 'rev-3', 'rev-2', 'audit-9']);
  });

  it('puts unparsable times last and handles empty sources', () => {
    expect(mergeTimeline([[ev('bad', 'not a time'), ev('ok', '2020-01-01T00:00:00Z')], []], 5).map(key)).toEqual(['event-ok', 'event-bad']);
    expect(mergeTimeline([[], []], 5)).toEqual([]);
  });
});

describe('foldAuditRows', () => {
  it('folds a write and its closing row into one item with the final outcome at the opening time', () => {
    const rows = [
      row(3, '2026-01-01T00:00:02Z', { requestId: 'r2', result: 'error', status: 409 }),
      row(2, '2026-01-01T00:00:01Z', { requestId: 'r2' }),
      row(1, '2026-01-01T00:00:00Z', { requestId: 'r1', action: 'k8s.create' }),
    ];
    expect(foldAuditRows(rows, 'apps/deployments')).toEqual([
      { kind: 'audit', time: '2026-01-01T00:00:01.000Z', id: '2', actor: 'admin', action: 'k8s.patch', subresource: null, result: 'error', status: 409 },
      { kind: 'audit', time: '2026-01-01T00:00:00.000Z', id: '1', actor: 'admin', action: 'k8s.create', subresource: null, result: 'allowed', status: null },
    ]);
  });

  it('never folds rows without a request id, names subresources, maps unknown results to error', () => {
    const rows = [
      row(2, '2026-01-01T00:00:01Z', { requestId: null, targetType: 'apps/deployments/scale', result: 'weird' }),
      row(1, '2026-01-01T00:00:00Z', { requestId: null }),
    ];
    const items = foldAuditRows(rows, 'apps/deployments');
    expect(items.map((i) => [i.id, i.subresource, i.result])).toEqual([['2', 'scale', 'error'], ['1', null, 'allowed']]);
  });

  it('keeps different writes of one request apart (another action or subresource)', () => {
    const rows = [row(2, '2026-01-01T00:00:01Z', { requestId: 'r', action: 'k8s.delete' }), row(1, '2026-01-01T00:00:00Z', { requestId: 'r' })];
    expect(foldAuditRows(rows, 'apps/deployments')).toHaveLength(2);
  });
});
