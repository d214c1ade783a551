import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

const full = {
  members: { include: { user: { select: { id: true, username: true, displayName: true } } }, orderBy: { createdAt: 'asc' } },
  groupLinks: true,
} as const;
export type TeamRow = Prisma.TeamGetPayload<{ include: typeof full }>;

@Injectable()
export class TeamsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(): Promise<TeamRow[]> {
    return this.prisma.team.findMany({ include: full, orderBy: { name: 'asc' } });
  }

  findById(id: string, tx?: Tx): Promise<TeamRow | null> {
    return (tx ?? this.prisma).team.findUnique({ where: { id }, include: full });
  }

  findByName(name: string) {
    return this.prisma.team.findUnique({ where: { name } });
  }

  create(data: { name: string; description: string }, tx: Tx): Promise<TeamRow> {
    return tx.team.create({ data, include: full });
  }

  update(id: string, data: { name?: string; description?: string }, tx: Tx): Promise<TeamRow> {
    return tx.team.update({ where: { id }, data, include: full });
  }

  async delete(id: string, tx: Tx): Promise<void> {
    await tx.roleBinding.deleteMany({ where: { subjectKind: 'team', subjectId: id } });
    await tx.team.delete({ where: { id } });
  }

  async addMember(teamId: string, userId: string, tx: Tx): Promise<void> {
    await tx.teamMember.upsert({ where: { teamId_userId: { teamId, userId } }, create: { teamId, userId }, update: {} });
  }

  async removeMember(teamId: string, userId: string, tx: Tx): Promise<number> {
    return (await tx.teamMember.deleteMany({ where: { teamId, userId } })).count;
  }

  async addGroupLink(teamId: string, provider: string, groupName: string, tx: Tx): Promise<void> {
    await tx.teamGroupLink.upsert({
      where: { teamId_provider_groupName: { teamId, provider, groupName } },
      create: { teamId, provider, groupName },
      update: {},
    });
  }

  async removeGroupLink(teamId: string, provider: string, groupName: string, tx: Tx): Promise<number> {
    return (await tx.teamGroupLink.deleteMany({ where: { teamId, provider, groupName } })).count;
  }
}
