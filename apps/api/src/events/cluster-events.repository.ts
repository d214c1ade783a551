import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export interface EventRow {
  uid: string;
  namespace: string | null;
  involvedKind: string | null;
  involvedName: string | null;
  involvedUid: string | null;
  type: string | null;
  reason: string | null;
  message: string | null;
  reportingController: string | null;
  count: number;
  firstTime: Date | null;
  lastTime: Date;
}

@Injectable()
export class ClusterEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement per batch: insert new events, update count/time/message of known ones. */
  async upsertMany(clusterId: string, rows: EventRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof EventRow>(k: K) => rows.map((r) => r[k]);
    await this.prisma.$executeRaw`
      INSERT INTO cluster_events (cluster_id, uid, namespace, involved_kind, involved_name, involved_uid, type, reason, message,
                                  reporting_controller, count, first_time, last_time)
      SELECT ${clusterId}, * FROM unnest(
        ${col('uid')}::text[], ${col('namespace')}::text[], ${col('involvedKind')}::text[], ${col('involvedName')}::text[],
        ${col('involvedUid')}::text[], ${col('type')}::text[], ${col('reason')}::text[], ${col('message')}::text[],
        ${col('reportingController')}::text[], ${col('count')}::int[], ${col('firstTime')}::timestamptz[], ${col('lastTime')}::timestamptz[])
      ON CONFLICT (cluster_id, uid) DO UPDATE SET
        count = EXCLUDED.count, last_time = EXCLUDED.last_time, message = EXCLUDED.message, type = EXCLUDED.type, reason = EXCLUDED.reason`;
  }

  list(clusterId: string, q: { namespaces: string[] | null; uid?: string; kind?: string; name?: string; type?: string }, take: number) {
    return this.prisma.clusterEvent.findMany({
      where: {
        clusterId,
        namespace: q.namespaces ? { in: q.namespaces } : undefined,
        involvedUid: q.uid,
        involvedKind: q.kind,
        involvedName: q.name,
        type: q.type,
      },
      orderBy: { lastTime: 'desc' },
      take,
    });
  }

  /** How many events of a type were seen since a time (the overview's "warnings in the last hour"). */
  countSince(clusterId: string, q: { namespaces: string[] | null; type: string }, since: Date): Promise<number> {
    return this.prisma.clusterEvent.count({
      where: { clusterId, type: q.type, lastTime: { gte: since }, namespace: q.namespaces ? { in: q.namespaces } : undefined },
    });
  }

  async prune(olderThan: Date): Promise<number> {
    return (await this.prisma.clusterEvent.deleteMany({ where: { lastTime: { lt: olderThan } } })).count;
  }
}
