import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { AuditRecord } from './audit.types.js';

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(record: AuditRecord, tx?: Tx): Promise<void> {
    const db = tx ?? this.prisma;
    await db.auditEvent.create({
      data: {
        actorId: record.actor?.id ?? null,
        actorName: record.actor?.username ?? null,
        viaToken: record.actor?.viaToken ?? false,
        action: record.action,
        targetType: record.target?.type ?? null,
        targetId: record.target?.id ?? null,
        targetName: record.target?.name ?? null,
        cluster: record.target?.cluster ?? null,
        namespace: record.target?.namespace ?? null,
        result: record.result,
        status: record.status ?? null,
        requestId: record.request?.requestId ?? null,
        clientIp: record.request?.ip ?? null,
        userAgent: record.request?.userAgent ?? null,
        details: (record.details ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
  }

  /** Newest first, keyset-paged by id so pages stay stable while new events arrive. */
  list(q: AuditFilter, take: number) {
    return this.prisma.auditEvent.findMany({
      where: {
        ...(q.actor ? { OR: [{ actorName: q.actor }, { actorId: isUuid(q.actor) ? q.actor : undefined }] } : {}),
        action: q.action ? { startsWith: q.action } : undefined,
        result: q.result,
        cluster: q.cluster,
        namespace: q.namespace,
        time: { gte: q.from ? new Date(q.from) : undefined, lt: q.to ? new Date(q.to) : undefined },
        id: q.cursor ? { lt: BigInt(q.cursor) } : undefined,
      },
      orderBy: { id: 'desc' },
      take,
    });
  }

  /**
   * Writes to one Kubernetes object (its subresources too), dry runs excluded, newest first. Only who, what, when
   * and the outcome are selected: details, addresses and user agents never leave this query.
   */
  forObject(q: { cluster: string; namespace: string | null; type: string; name: string }, take: number) {
    return this.prisma.$queryRaw<ObjectAuditRow[]>`
      SELECT id, time, actor_name AS "actorName", action, target_type AS "targetType", result, status, request_id AS "requestId"
      FROM audit_events
      WHERE cluster = ${q.cluster} AND target_name = ${q.name} AND namespace IS NOT DISTINCT FROM ${q.namespace}
        AND (target_type = ${q.type} OR starts_with(target_type, ${`${q.type}/`}))
        AND (details -> 'dryRun') IS DISTINCT FROM 'true'::jsonb
      ORDER BY id DESC
      LIMIT ${take}::int`;
  }
}

export interface ObjectAuditRow {
  id: bigint;
  time: Date;
  actorName: string | null;
  action: string;
  targetType: string;
  result: string;
  status: number | null;
  /** Only to fold a write's opening and closing rows into one; never returned. */
  requestId: string | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  result?: string;
  cluster?: string;
  namespace?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
