import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditEvent, AuditPage, AuditQuery } from '@wheelhouse/shared';
import type { AuditEvent as AuditRow } from '../generated/prisma/client.js';
import type { AuditRecord } from './audit.types.js';

const CSV_COLUMNS = ['time', 'actor', 'via_token', 'action', 'target_type', 'target_name', 'cluster', 'namespace', 'result', 'status', 'request_id', 'client_ip'];

export function toAuditDto(e: AuditRow): AuditEvent {
  return {
    id: e.id.toString(),
    time: e.time.toISOString(),
    actor: { id: e.actorId, name: e.actorName, viaToken: e.viaToken },
    action: e.action,
    target: { type: e.targetType, id: e.targetId, name: e.targetName, cluster: e.cluster, namespace: e.namespace },
    result: e.result,
    status: e.status,
    requestId: e.requestId,
    clientIp: e.clientIp,
    userAgent: e.userAgent,
    details: e.details ?? null,
  };
}

/** RFC 4180 quoting, and a leading quote on cells that spreadsheets would run as formulas (CSV injection). */
function cell(value: unknown): string {
  let s = typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(e: AuditEvent): string {
  return [e.time, e.actor.name, e.actor.viaToken, e.action, e.target.type, e.target.name, e.target.cluster, e.target.namespace, e.result, e.status, e.requestId, e.clientIp]
    .map(cell)
    .join(',');
}

/**
 * Append-only audit trail. Pass the mutation's transaction so the change and its audit row commit together:
 * if the audit row cannot be written, the mutation fails with it.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  record(record: AuditRecord, tx?: Tx): Promise<void> {
    return this.repo.insert(record, tx);
  }

  /** Writes to one object (who/what/when/result only; dry runs excluded), newest first: the object timeline's feed. */
  forObject(q: Parameters<AuditRepository['forObject']>[0], take: number) {
    return this.repo.forObject(q, take);
  }

  async page(q: AuditQuery): Promise<AuditPage> {
    const rows = await this.repo.list(q, q.limit + 1);
    const items = rows.slice(0, q.limit).map(toAuditDto);
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null };
  }

  /** Every matching event as CSV, paged through in chunks so a large export never sits in memory whole. */
  async *csv(q: AuditQuery): AsyncGenerator<string> {
    yield CSV_COLUMNS.join(',') + '\n';
    let cursor = q.cursor;
    for (;;) {
      const rows = await this.repo.list({ ...q, cursor }, 1000);
      for (const e of rows.map(toAuditDto)) yield csvRow(e) + '\n';
      if (rows.length < 1000) return;
      cursor = rows[rows.length - 1]!.id.toString();
    }
  }
}
