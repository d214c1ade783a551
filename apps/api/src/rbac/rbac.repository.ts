import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

const bindingWithRole = { role: { select: { id: true, name: true, scope: true, rules: true } } } as const;
export type BindingRow = Prisma.RoleBindingGetPayload<{ include: typeof bindingWithRole }>;

/** Reads the authorizer needs, and the version counter that tells every instance when to drop its cache. */
@Injectable()
export class RbacRepository {
  constructor(private readonly prisma: PrismaService) {}

  async version(): Promise<bigint> {
    const row = await this.prisma.rbacState.findUnique({ where: { id: 1 } });
    return row?.version ?? 0n;
  }

  async bumpVersion(tx: Tx): Promise<void> {
    await tx.rbacState.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  }

  /** The user's bindings: direct, through teams, and through identity-provider groups. */
  async bindingsForUser(userId: string): Promise<{ rows: BindingRow[]; teams: Map<string, string> }> {
    const [memberships, groups] = await Promise.all([
      this.prisma.teamMember.findMany({ where: { userId }, select: { team: { select: { id: true, name: true } } } }),
      this.prisma.userGroup.findMany({ where: { userId }, select: { provider: true, groupName: true } }),
    ]);
    const teams = new Map(memberships.map((m) => [m.team.id, m.team.name]));
    const rows = await this.prisma.roleBinding.findMany({
      where: {
        OR: [
          { subjectKind: 'user', subjectId: userId },
          ...(teams.size ? [{ subjectKind: 'team' as const, subjectId: { in: [...teams.keys()] } }] : []),
          ...groups.map((g) => ({ subjectKind: 'group' as const, subjectProvider: g.provider, subjectId: g.groupName })),
        ],
      },
      include: bindingWithRole,
      orderBy: { createdAt: 'asc' },
    });
    return { rows, teams };
  }

  /** Active users holding console-admin at global scope, directly or through a team. */
  async consoleAdminUserIds(roleId: string, tx?: Tx): Promise<string[]> {
    const db = tx ?? this.prisma;
    const bindings = await db.roleBinding.findMany({
      where: { roleId, scope: 'global', subjectKind: { in: ['user', 'team'] } },
      select: { subjectKind: true, subjectId: true },
    });
    const direct = bindings.filter((b) => b.subjectKind === 'user').map((b) => b.subjectId);
    const teamIds = bindings.filter((b) => b.subjectKind === 'team').map((b) => b.subjectId);
    const viaTeams = teamIds.length
      ? (await db.teamMember.findMany({ where: { teamId: { in: teamIds } }, select: { userId: true } })).map((m) => m.userId)
      : [];
    const ids = [...new Set([...direct, ...viaTeams])];
    const active = await db.user.findMany({ where: { id: { in: ids }, disabled: false }, select: { id: true } });
    return active.map((u) => u.id);
  }
}
