import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditPageSchema, AuditQuerySchema, type AuditPage, type AuditQuery } from '@wheelhouse/shared';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RequirePermission } from '../auth/decorators/access.decorator.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission({ verb: 'list', resource: 'auditevents' })
  @ApiResponse({ status: 200, standardSchema: AuditPageSchema })
  list(@Query({ schema: AuditQuerySchema }) q: AuditQuery): Promise<AuditPage> {
    return this.audit.page(q);
  }

  @Get('export.csv')
  @RequirePermission({ verb: 'list', resource: 'auditevents' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="wheelhouse-audit.csv"')
  async export(@Query({ schema: AuditQuerySchema }) q: AuditQuery, @Res() res: Response): Promise<void> {
    await pipeline(Readable.from(this.audit.csv(q)), res);
  }
}
