import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClusterIdSchema, ListQuerySchema, ManifestQuerySchema, ManifestRequestSchema, MutationQuerySchema, type ListQuery, type ManifestQuery, type MutationQuery } from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { ResourceReader } from './resource-reader.service.js';
import { ResourceWriter } from './resource-writer.service.js';
import { ManifestsService } from './manifests.service.js';
import { SecretRevealService } from './secret-reveal.service.js';

const Seg = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/).max(253);
const GvrParams = z.strictObject({ cluster: ClusterIdSchema, group: Seg, version: Seg, resource: Seg });
const ObjectParams = GvrParams.extend({ name: z.string().min(1).max(253) });
const NsQuery = z.strictObject({ namespace: z.string().max(253).optional() });
/** `managedFields=true` keeps them (the YAML view's switch); every other answer leaves them out. */
const GetQuery = NsQuery.extend({ managedFields: z.enum(['true', 'false']).optional() });
const WriteQuery = MutationQuerySchema.extend({ namespace: z.string().max(253).optional() });
const SecretParams = z.strictObject({ cluster: ClusterIdSchema, name: z.string().min(1).max(253) });
const RevealQuery = z.strictObject({ namespace: z.string().min(1).max(253) });
type Gvr = z.output<typeof GvrParams>;
type Obj = z.output<typeof ObjectParams>;
type WriteQ = MutationQuery & { namespace?: string };

const where = (p: Gvr, namespace?: string) => ({ clusterId: p.cluster, group: p.group, version: p.version, resource: p.resource, namespace: namespace ?? null });

/**
 * Any resource of any registered cluster (`core` names the core API group). Every handler authorizes its exact
 * target (verb, group, resource, cluster, namespace) through ResourceAccess before the cluster is contacted.
 */
@ApiTags('resources')
@Controller('clusters/:cluster')
@RequirePermission('delegated')
export class ResourcesController {
  constructor(
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
    private readonly secrets: SecretRevealService,
    private readonly manifests: ManifestsService,
  ) {}

  @Get('discovery')
  async discovery(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) cluster: string) {
    return { resources: await this.reader.discovery(p, cluster) };
  }

  /** Creates every document of a multi-document YAML manifest; one result per document. */
  @Post('manifests')
  @HttpCode(200)
  createManifests(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) cluster: string, @Query({ schema: ManifestQuerySchema }) q: ManifestQuery, @Body({ schema: ManifestRequestSchema }) body: { yaml: string }, @ReqMeta() meta: RequestMeta) {
    return this.manifests.create(p, cluster, body.yaml, q, meta);
  }

  /** A Secret's values (every read masks them); needs `get secrets` there, audited. */
  @Post('resources/core/v1/secrets/:name/reveal')
  @HttpCode(200)
  revealSecret(@CurrentPrincipal() p: Principal, @Param({ schema: SecretParams }) o: z.output<typeof SecretParams>, @Query({ schema: RevealQuery }) q: { namespace: string }, @ReqMeta() meta: RequestMeta) {
    return this.secrets.reveal(p, o.cluster, q.namespace, o.name, meta);
  }

  @Get('resources/:group/:version/:resource')
  list(@CurrentPrincipal() p: Principal, @Param({ schema: GvrParams }) g: Gvr, @Query({ schema: ListQuerySchema }) q: ListQuery) {
    return this.reader.list(p, g.cluster, g.group, g.version, g.resource, q);
  }

  @Post('resources/:group/:version/:resource')
  create(@CurrentPrincipal() p: Principal, @Param({ schema: GvrParams }) g: Gvr, @Query({ schema: WriteQuery }) q: WriteQ, @Body() body: unknown, @ReqMeta() meta: RequestMeta) {
    return this.writer.create(p, where(g, q.namespace), body, q, meta);
  }

  @Get('resources/:group/:version/:resource/:name')
  get(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: GetQuery }) q: z.output<typeof GetQuery>) {
    return this.reader.get(p, o.cluster, o.group, o.version, o.resource, q.namespace ?? null, o.name, q.managedFields === 'true');
  }

  /** Server-side apply (fieldManager "wheelhouse"); `force=true` takes over conflicting fields. */
  @Patch('resources/:group/:version/:resource/:name')
  apply(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: WriteQuery }) q: WriteQ, @Body() body: unknown, @ReqMeta() meta: RequestMeta) {
    return this.writer.apply(p, where(o, q.namespace), o.name, body, q, meta);
  }

  @Put('resources/:group/:version/:resource/:name')
  replace(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: WriteQuery }) q: WriteQ, @Body() body: unknown, @ReqMeta() meta: RequestMeta) {
    return this.writer.replace(p, where(o, q.namespace), o.name, body, q, meta);
  }

  @Delete('resources/:group/:version/:resource/:name')
  remove(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: WriteQuery }) q: WriteQ, @ReqMeta() meta: RequestMeta) {
    return this.writer.remove(p, where(o, q.namespace), o.name, q, meta);
  }

  /** Live object and the dry-run result of applying the body; writes nothing. */
  @Post('resources/:group/:version/:resource/:name/diff')
  @HttpCode(200)
  diff(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: NsQuery }) q: { namespace?: string }, @Body() body: unknown) {
    return this.writer.diff(p, where(o, q.namespace), o.name, body);
  }

  @Get('resources/:group/:version/:resource/:name/scale')
  getScale(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: NsQuery }) q: { namespace?: string }) {
    return this.reader.subresource(p, o.cluster, o.group, o.version, o.resource, q.namespace ?? null, o.name, 'scale');
  }

  @Put('resources/:group/:version/:resource/:name/scale')
  setScale(
    @CurrentPrincipal() p: Principal,
    @Param({ schema: ObjectParams }) o: Obj,
    @Query({ schema: WriteQuery }) q: WriteQ,
    @Body({ schema: z.strictObject({ replicas: z.number().int().min(0).max(100_000) }) }) body: { replicas: number },
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.writer.scale(p, where(o, q.namespace), o.name, body.replicas, q, meta);
  }

  @Get('resources/:group/:version/:resource/:name/status')
  getStatus(@CurrentPrincipal() p: Principal, @Param({ schema: ObjectParams }) o: Obj, @Query({ schema: NsQuery }) q: { namespace?: string }) {
    return this.reader.subresource(p, o.cluster, o.group, o.version, o.resource, q.namespace ?? null, o.name, 'status');
  }
}
