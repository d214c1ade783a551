import { Injectable } from '@nestjs/common';
import type { RoleScope, Scope, Subject } from '@wheelhouse/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

const withRole = { role: { select: { id: true, name: true, scope: true, rules: true } } } as const;
export type BindingWithRole = Prisma.RoleBindingGetPayload<{ include: typeof withRole }>;

export interface BindingFilter {
  roleId?: string;
  subject?: Subject;
  scope?: RoleScope;
  cluster?: string;
  namespace?: string;
}

function subjectWhere(s: Subject): Prisma.RoleBindingWhereInput {
  return s.kind === 'group'
    ? { subjectKind: 'group', subjectProvider: s.provider, subjectId: s.name }
    : { subjectKind: s.kind, subjectId: s.id };
}

function scopeColumns(s: Scope) {
  return {
    scope: s.kind,
    clusterId: s.kind === 'global' ? null : s.cluster,
    namespace: s.kind === 'namespace' ? s.namespace : null,
  };
}

@Injectable()
export class BindingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(filter: BindingFilter): Promise<BindingWithRole[]> {
    return this.prisma.roleBinding.findMany({
      where: {
        roleId: filter.roleId,
        ...(filter.subject ? subjectWhere(filter.subject) : {}),
        scope: filter.scope,
        clusterId: filter.cluster,
        namespace: filter.namespace,
      },
      include: withRole,
      orderBy: { createdAt: 'asc' },
    });
  }

  findById(id: string): Promise<BindingWithRole | null> {
    return this.prisma.roleBinding.findUnique({ where: { id }, include: withRole });
  }

  async exists(roleId: string, subject: Subject, scope: Scope): Promise<boolean> {
    const n = await this.prisma.roleBinding.count({ where: { roleId, ...subjectWhere(subject), ...scopeColumns(scope) } });
    return n > 0;
  }

  create(roleId: string, subject: Subject, scope: Scope, createdBy: string | null, tx: Tx): Promise<BindingWithRole> {
    return tx.roleBinding.create({
      data: {
        roleId,
        subjectKind: subject.kind,
        subjectId: subject.kind === 'group' ? subject.name : subject.id,
        subjectProvider: subject.kind === 'group' ? subject.provider : null,
        ...scopeColumns(scope),
        createdBy,
      },
      include: withRole,
    });
  }

  delete(id: string, tx: Tx) {
    return tx.roleBinding.delete({ where: { id } });
  }

  deleteForSubject(subject: Subject, tx: Tx, roleId?: string, scope?: Scope) {
    return tx.roleBinding.deleteMany({ where: { ...subjectWhere(subject), roleId, ...(scope ? scopeColumns(scope) : {}) } });
  }

  /** Display names for user and team subjects, in one query each. */
  async subjectNames(rows: BindingWithRole[]): Promise<Map<string, string>> {
    const userIds = rows.filter((r) => r.subjectKind === 'user').map((r) => r.subjectId);
    const teamIds = rows.filter((r) => r.subjectKind === 'team').map((r) => r.subjectId);
    const [users, teams] = await Promise.all([
      userIds.length ? this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } }) : [],
      teamIds.length ? this.prisma.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
    ]);
    return new Map([...users.map((u) => [u.id, u.username] as const), ...teams.map((t) => [t.id, t.name] as const)]);
  }
}
