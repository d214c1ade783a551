import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateTeamRequestSchema,
  TeamGroupLinkRequestSchema,
  TeamMemberRequestSchema,
  TeamSchema,
  UpdateTeamRequestSchema,
  type CreateTeamRequest,
  type Team,
  type TeamGroupLinkRequest,
  type UpdateTeamRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { TeamsService, toTeamDto } from './teams.service.js';

const Id = z.uuid();

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @RequirePermission({ verb: 'list', resource: 'teams' })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(TeamSchema) }) })
  async list(): Promise<{ items: Team[] }> {
    return { items: await this.teams.list() };
  }

  @Get(':id')
  @RequirePermission({ verb: 'get', resource: 'teams' })
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  async get(@Param('id', { schema: Id }) id: string): Promise<Team> {
    return toTeamDto(await this.teams.get(id));
  }

  @Post()
  @RequirePermission({ verb: 'create', resource: 'teams' })
  @ApiResponse({ status: 201, standardSchema: TeamSchema })
  create(@CurrentPrincipal() p: Principal, @Body({ schema: CreateTeamRequestSchema }) body: CreateTeamRequest, @ReqMeta() meta: RequestMeta) {
    return this.teams.create(p, body, meta);
  }

  @Patch(':id')
  @RequirePermission({ verb: 'update', resource: 'teams' })
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  update(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @Body({ schema: UpdateTeamRequestSchema }) body: UpdateTeamRequest, @ReqMeta() meta: RequestMeta) {
    return this.teams.update(p, id, body, meta);
  }

  @Delete(':id')
  @RequirePermission({ verb: 'delete', resource: 'teams' })
  @HttpCode(204)
  async delete(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.teams.delete(p, id, meta);
  }

  @Post(':id/members')
  @RequirePermission({ verb: 'update', resource: 'teams' })
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  addMember(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @Body({ schema: TeamMemberRequestSchema }) body: { userId: string }, @ReqMeta() meta: RequestMeta) {
    return this.teams.addMember(p, id, body.userId, meta);
  }

  @Delete(':id/members/:userId')
  @RequirePermission({ verb: 'update', resource: 'teams' })
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  removeMember(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @Param('userId', { schema: Id }) userId: string, @ReqMeta() meta: RequestMeta) {
    return this.teams.removeMember(p, id, userId, meta);
  }

  @Post(':id/group-links')
  @RequirePermission({ verb: 'update', resource: 'teams' })
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  linkGroup(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @Body({ schema: TeamGroupLinkRequestSchema }) body: TeamGroupLinkRequest, @ReqMeta() meta: RequestMeta) {
    return this.teams.linkGroup(p, id, body.provider, body.group, meta);
  }

  @Delete(':id/group-links')
  @RequirePermission({ verb: 'update', resource: 'teams' })
  @ApiResponse({ status: 200, standardSchema: TeamSchema })
  unlinkGroup(@CurrentPrincipal() p: Principal, @Param('id', { schema: Id }) id: string, @Query({ schema: TeamGroupLinkRequestSchema }) q: TeamGroupLinkRequest, @ReqMeta() meta: RequestMeta) {
    return this.teams.unlinkGroup(p, id, q.provider, q.group, meta);
  }
}
