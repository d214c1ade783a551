import { Injectable } from '@nestjs/common';
import { CONSOLE_GROUP, type CreateRoleBindingRequest, type RoleBinding, type RoleRule, type Scope, type Subject } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { TransactionRunner, type Tx } from '../database/prisma.service.js';
import { actorOf } from '../audit/audit-actor.js';
import { AuthorizerService, scopeOf, subjectOf } from './authorizer.service.js';
import { BindingsRepository, type BindingFilter, type BindingWithRole } from './bindings.repository.js';
import { LastAdminCheck } from './last-admin.check.js';
import { RbacRepository } from './rbac.repository.js';
import { RolesRepository } from './roles.repository.js';
import { SubjectsRepository } from './subjects.repository.js';

const scopeTarget = (s: Scope) => ({
  cluster: s.kind === 'global' ? undefined : s.cluster,
  namespace: s.kind === 'namespace' ? s.namespace : undefined,
});

/**
 * Role bindings. Every check happens at the binding's own scope: you need `create rolebindings` there, and you
 * may only hand out a role whose every rule you hold there yourself (or `bind` on that role).
 */
@Injectable()
export class BindingsService {
  constructor(
    private readonly bindings: BindingsRepository,
    private readonly roles: RolesRepository,
    private readonly subjects: SubjectsRepository,
    private readonly rbac: RbacRepository,
    private readonly authorizer: AuthorizerService,
    private readonly lastAdmin: LastAdminCheck,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Bindings the caller may list, each checked at its own scope. */
  async list(by: Principal, filter: BindingFilter): Promise<RoleBinding[]> {
    const rows = await this.bindings.list(filter);
    const visible: BindingWithRole[] = [];
    for (const row of rows) {
      const decision = await this.authorizer.can(by.user, { verb: 'list', group: CONSOLE_GROUP, resource: 'rolebindings', ...scopeTarget(scopeOf(row)) });
      if (decision.allowed) visible.push(row);
    }
    return this.toDtos(visible);
  }

  async create(by: Principal, input: CreateRoleBindingRequest, meta: RequestMeta): Promise<RoleBinding> {
    const role = await this.roles.findById(input.roleId);
    if (!role) throw new AppError('ROLE_NOT_FOUND', 'No such role');
    if (role.scope !== input.scope.kind) {
      throw new AppError('ROLE_SCOPE_MISMATCH', `A ${role.scope} role can only be bound at ${role.scope} scope`);
    }
    await this.assertMay(by, 'create', input.scope);
    const mayBind =
      (await this.authorizer.covers(by.user, role.rules as RoleRule[], input.scope)) ||
      (await this.authorizer.can(by.user, { verb: 'bind', group: CONSOLE_GROUP, resource: 'roles', name: role.name, ...scopeTarget(input.scope) })).allowed;
    if (!mayBind) throw new AppError('RBAC_ESCALATION', 'You can only bind roles whose permissions you hold in that scope');
    if (!(await this.subjects.exists(input.subject))) throw new AppError('NOT_FOUND', 'No such user or team');
    if (await this.bindings.exists(role.id, input.subject, input.scope)) throw new AppError('BINDING_EXISTS', 'This binding exists already');
    return this.tx.run(async (tx) => {
      const row = await this.bindings.create(role.id, input.subject, input.scope, by.user.id, tx);
      await this.rbac.bumpVersion(tx);
      await this.record(tx, by, 'rolebinding.create', row, 201, meta);
      const [dto] = await this.toDtos([row]);
      return dto!;
    });
  }

  async delete(by: Principal, id: string, meta: RequestMeta): Promise<void> {
    const row = await this.bindings.findById(id);
    if (!row) throw new AppError('BINDING_NOT_FOUND', 'No such binding');
    await this.assertMay(by, 'delete', scopeOf(row));
    await this.tx.run(async (tx) => {
      await this.bindings.delete(id, tx);
      await this.rbac.bumpVersion(tx);
      await this.lastAdmin.assertStillAdministered(tx);
      await this.record(tx, by, 'rolebinding.delete', row, 204, meta);
    });
  }

  private async assertMay(by: Principal, verb: 'create' | 'delete', scope: Scope): Promise<void> {
    const decision = await this.authorizer.can(by.user, { verb, group: CONSOLE_GROUP, resource: 'rolebindings', ...scopeTarget(scope) });
    if (!decision.allowed) throw new AppError('FORBIDDEN', `Not allowed to ${verb} role bindings in this scope`);
  }

  private record(tx: Tx, by: Principal, action: string, row: BindingWithRole, status: number, meta: RequestMeta) {
    const scope = scopeOf(row);
    return this.audit.record(
      {
        actor: actorOf(by),
        action,
        target: { type: 'rolebinding', id: row.id, name: row.role.name, ...scopeTarget(scope) },
        result: 'success',
        status,
        request: meta,
        details: { subject: subjectOf(row), scope },
      },
      tx,
    );
  }

  /** Every binding that applies to the user: direct, through teams and through identity-provider groups. */
  async effectiveFor(user: { id: string }): Promise<RoleBinding[]> {
    return this.toDtos((await this.rbac.bindingsForUser(user.id)).rows);
  }

  async toDtos(rows: BindingWithRole[]): Promise<RoleBinding[]> {
    const names = await this.bindings.subjectNames(rows);
    return rows.map((row) => {
      const subject: Subject = subjectOf(row);
      return {
        id: row.id,
        role: { id: row.role.id, name: row.role.name, scope: row.role.scope },
        subject,
        subjectName: subject.kind === 'group' ? subject.name : (names.get(subject.id) ?? subject.id),
        scope: scopeOf(row),
        createdAt: row.createdAt.toISOString(),
        createdBy: row.createdBy,
      };
    });
  }
}
