import { Injectable } from '@nestjs/common';
import type { CreateRoleRequest, Role, RoleRule, UpdateRoleRequest } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner } from '../database/prisma.service.js';
import { actorOf } from '../audit/audit-actor.js';
import { AuthorizerService } from './authorizer.service.js';
import { CONSOLE_ADMIN_ROLE_ID } from './built-in-roles.js';
import { LastAdminCheck } from './last-admin.check.js';
import { RbacRepository } from './rbac.repository.js';
import { RolesRepository, type RoleRow } from './roles.repository.js';

export function toRoleDto(r: RoleRow): Role {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    scope: r.scope,
    builtIn: r.builtIn,
    rules: r.rules as RoleRule[],
    bindingCount: r._count.bindings,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Custom roles. Built-in roles are read-only (clone them instead); nobody writes rules beyond their own rights. */
@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly rbac: RbacRepository,
    private readonly authorizer: AuthorizerService,
    private readonly lastAdmin: LastAdminCheck,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<Role[]> {
    return (await this.roles.list()).map(toRoleDto);
  }

  async get(id: string): Promise<RoleRow> {
    const role = await this.roles.findById(id);
    if (!role) throw new AppError('ROLE_NOT_FOUND', 'No such role');
    return role;
  }

  async create(by: Principal, input: CreateRoleRequest, meta: RequestMeta, action = 'role.create'): Promise<Role> {
    if (await this.roles.findByName(input.name)) throw new AppError('ROLE_EXISTS', 'A role with this name exists');
    await this.assertMayWrite(by, input.rules);
    return this.tx.run(async (tx) => {
      const role = await this.roles.create(input, tx);
      await this.audit.record({ actor: actorOf(by), action, target: { type: 'role', id: role.id, name: role.name }, result: 'success', status: 201, request: meta }, tx);
      return toRoleDto(role);
    });
  }

  async clone(by: Principal, id: string, name: string, meta: RequestMeta): Promise<Role> {
    const source = await this.get(id);
    const rules = source.rules as RoleRule[];
    return this.create(by, { name, description: source.description, scope: source.scope, rules }, meta, 'role.clone');
  }

  async update(by: Principal, id: string, input: UpdateRoleRequest, meta: RequestMeta): Promise<Role> {
    const role = await this.get(id);
    if (role.builtIn) throw new AppError('ROLE_BUILT_IN', 'Built-in roles cannot be changed; clone one instead');
    if (input.rules) await this.assertMayWrite(by, input.rules);
    return this.tx.run(async (tx) => {
      const updated = await this.roles.update(id, input, tx);
      await this.rbac.bumpVersion(tx);
      await this.audit.record(
        { actor: actorOf(by), action: 'role.update', target: { type: 'role', id, name: role.name }, result: 'success', status: 200, request: meta, details: { fields: Object.keys(input) } },
        tx,
      );
      return toRoleDto(updated);
    });
  }

  async delete(by: Principal, id: string, force: boolean, meta: RequestMeta): Promise<void> {
    const role = await this.get(id);
    if (role.builtIn || role.id === CONSOLE_ADMIN_ROLE_ID) throw new AppError('ROLE_BUILT_IN', 'Built-in roles cannot be deleted');
    if (role._count.bindings > 0 && !force) {
      throw new AppError('ROLE_IN_USE', `The role is used by ${role._count.bindings} binding(s); delete with force=true to remove them too`, {
        details: { bindings: role._count.bindings },
      });
    }
    await this.tx.run(async (tx) => {
      const removed = await this.roles.delete(id, tx);
      await this.rbac.bumpVersion(tx);
      await this.lastAdmin.assertStillAdministered(tx);
      await this.audit.record(
        { actor: actorOf(by), action: 'role.delete', target: { type: 'role', id, name: role.name }, result: 'success', status: 204, request: meta, details: { bindingsRemoved: removed } },
        tx,
      );
    });
  }

  /** Writing rules you do not hold yourself is an escalation unless you hold `escalate` on roles. */
  private async assertMayWrite(by: Principal, rules: RoleRule[]): Promise<void> {
    if (await this.authorizer.covers(by.user, rules, { kind: 'global' })) return;
    const escalate = await this.authorizer.can(by.user, { verb: 'escalate', group: 'console.wheelhouse.io', resource: 'roles' });
    if (!escalate.allowed) throw new AppError('RBAC_ESCALATION', 'The role would grant permissions you do not have');
  }
}
