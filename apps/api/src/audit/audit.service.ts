import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditRecord } from './audit.types.js';

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
}
