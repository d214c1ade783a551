import { Injectable } from '@nestjs/common';
import type { CreateTeamRequest, RoleRule, Team, UpdateTeamRequest } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner, type Tx } from '../database/prisma.service.js';
import { AuthorizerService, scopeOf } from '../rbac/authorizer.service.js';
import { BindingsRepository } from '../rbac/bindings.repository.js';
import { LastAdminCheck } from '../rbac/last-admin.check.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { actorOf } from '../audit/audit-actor.js';
import { TeamsRepository, type TeamRow } from './teams.repository.js';

export function toTeamDto(t: TeamRow): Team {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    members: t.members.map((m) => m.user),
    groupLinks: t.groupLinks.map((g) => ({ provider: g.provider, group: g.groupName })),
    createdAt: t.createdAt.toISOString(),
  };
}

/**
 * Teams. Adding someone to a team hands them the team's bindings, so it is checked like binding: the caller must
 * hold every permission the team's bindings grant, in each binding's scope.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly bindings: BindingsRepository,
    private readonly rbac: RbacRepository,
    private readonly authorizer: AuthorizerService,
    private readonly lastAdmin: LastAdminCheck,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<Team[]> {
    return (await this.teams.list()).map(toTeamDto);
  }

  async get(id: string): Promise<TeamRow> {
    const team = await this.teams.findById(id);
    if (!team) throw new AppError('TEAM_NOT_FOUND', 'No such team');
    return team;
  }

  async create(by: Principal, input: CreateTeamRequest, meta: RequestMeta): Promise<Team> {
    if (await this.teams.findByName(input.name)) throw new AppError('TEAM_EXISTS', 'A team with this name exists');
    return this.tx.run(async (tx) => {
      const team = await this.teams.create(input, tx);
      await this.record(tx, by, 'team.create', team, 201, meta);
      return toTeamDto(team);
    });
  }

  async update(by: Principal, id: string, input: UpdateTeamRequest, meta: RequestMeta): Promise<Team> {
    const current = await this.get(id);
    if (input.name && input.name !== current.name && (await this.teams.findByName(input.name))) {
      throw new AppError('TEAM_EXISTS', 'A team with this name exists');
    }
    return this.tx.run(async (tx) => {
      const team = await this.teams.update(id, input, tx);
      await this.record(tx, by, 'team.update', team, 200, meta, { fields: Object.keys(input) });
      return toTeamDto(team);
    });
  }

  async delete(by: Principal, id: string, meta: RequestMeta): Promise<void> {
    const team = await this.get(id);
    await this.tx.run(async (tx) => {
      await this.teams.delete(id, tx);
      await this.rbac.bumpVersion(tx);
      await this.lastAdmin.assertStillAdministered(tx);
      await this.record(tx, by, 'team.delete', team, 204, meta);
    });
  }

  async addMember(by: Principal, id: string, userId: string, meta: RequestMeta): Promise<Team> {
    const team = await this.get(id);
    if (!(await this.users.findById(userId))) throw new AppError('USER_NOT_FOUND', 'No such user');
    await this.assertHoldsTeamGrants(by, id);
    return this.tx.run(async (tx) => {
      await this.teams.addMember(id, userId, tx);
      await this.rbac.bumpVersion(tx);
      await this.record(tx, by, 'team.member_add', team, 200, meta, { userId });
      return toTeamDto((await this.teams.findById(id, tx))!);
    });
  }

  async removeMember(by: Principal, id: string, userId: string, meta: RequestMeta): Promise<Team> {
    const team = await this.get(id);
    return this.tx.run(async (tx) => {
      await this.teams.removeMember(id, userId, tx);
      await this.rbac.bumpVersion(tx);
      await this.lastAdmin.assertStillAdministered(tx);
      await this.record(tx, by, 'team.member_remove', team, 200, meta, { userId });
      return toTeamDto((await this.teams.findById(id, tx))!);
    });
  }

  async linkGroup(by: Principal, id: string, provider: string, group: string, meta: RequestMeta): Promise<Team> {
    const team = await this.get(id);
    await this.assertHoldsTeamGrants(by, id);
    return this.tx.run(async (tx) => {
      await this.teams.addGroupLink(id, provider, group, tx);
      await this.rbac.bumpVersion(tx);
      await this.record(tx, by, 'team.group_link', team, 200, meta, { provider, group });
      return toTeamDto((await this.teams.findById(id, tx))!);
    });
  }

  async unlinkGroup(by: Principal, id: string, provider: string, group: string, meta: RequestMeta): Promise<Team> {
    const team = await this.get(id);
    return this.tx.run(async (tx) => {
      await this.teams.removeGroupLink(id, provider, group, tx);
      await this.rbac.bumpVersion(tx);
      await this.record(tx, by, 'team.group_unlink', team, 200, meta, { provider, group });
      return toTeamDto((await this.teams.findById(id, tx))!);
    });
  }

  private async assertHoldsTeamGrants(by: Principal, teamId: string): Promise<void> {
    const bindings = await this.bindings.list({ subject: { kind: 'team', id: teamId } });
    for (const b of bindings) {
      if (!(await this.authorizer.covers(by.user, b.role.rules as RoleRule[], scopeOf(b)))) {
        throw new AppError('RBAC_ESCALATION', `The team holds ${b.role.name}, which you do not hold in that scope`);
      }
    }
  }

  private record(tx: Tx, by: Principal, action: string, team: TeamRow, status: number, meta: RequestMeta, details?: Record<string, unknown>) {
    return this.audit.record({ actor: actorOf(by), action, target: { type: 'team', id: team.id, name: team.name }, result: 'success', status, request: meta, details }, tx);
  }
}
