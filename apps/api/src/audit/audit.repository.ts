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
}
