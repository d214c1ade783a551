import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClusterIdSchema } from '@wheelhouse/shared';
import { z } from 'zod';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { SchemasService } from './schemas.service.js';

const Seg = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/).max(253);
const KindParams = z.strictObject({ cluster: ClusterIdSchema, group: Seg, version: Seg, kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/).max(100) });
type Kind = z.output<typeof KindParams>;

/** A kind's JSON Schema (`core` names the core API group); the service checks the caller may get that kind. */
@ApiTags('schemas')
@Controller('clusters/:cluster/schemas')
@RequirePermission('delegated')
export class SchemasController {
  constructor(private readonly schemas: SchemasService) {}

  @Get(':group/:version/:kind')
  get(@CurrentPrincipal() p: Principal, @Param({ schema: KindParams }) k: Kind) {
    return this.schemas.kindSchema(p, k.cluster, { group: k.group, version: k.version, kind: k.kind });
  }
}
