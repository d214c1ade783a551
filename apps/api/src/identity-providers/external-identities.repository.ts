import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

/** Links between provider subjects and console users, their IdP groups, and group-linked team membership. */
@Injectable()
export class ExternalIdentitiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(provider: string, subject: string, tx: Tx) {
    return tx.externalIdentity.findUnique({ where: { provider_subject: { provider, subject } }, include: { user: true } });
  }

  link(provider: string, subject: string, userId: string, tx: Tx) {
    return tx.externalIdentity.create({ data: { provider, subject, userId } });
  }

  listForProvider(provider: string) {
    return this.prisma.externalIdentity.findMany({ where: { provider }, include: { user: { select: { id: true, disabled: true } } } });
  }

  touch(provider: string, subject: string, tx: Tx) {
    return tx.externalIdentity.update({ where: { provider_subject: { provider, subject } }, data: { syncedAt: new Date() } });
  }

  usernameTaken(username: string, tx: Tx) {
    return tx.user.count({ where: { username } }).then((n) => n > 0);
  }

  /** Replaces the user's groups at one provider; returns whether anything changed. */
  async replaceGroups(userId: string, provider: string, groups: string[], tx: Tx): Promise<boolean> {
    const current = await tx.userGroup.findMany({ where: { userId, provider }, select: { groupName: true } });
    const before = new Set(current.map((g) => g.groupName));
    const after = new Set(groups);
    if (before.size === after.size && [...after].every((g) => before.has(g))) return false;
    await tx.userGroup.deleteMany({ where: { userId, provider } });
    if (groups.length) await tx.userGroup.createMany({ data: [...after].map((groupName) => ({ userId, provider, groupName })) });
    return true;
  }

  /**
   * Teams linked to groups of this provider mirror those groups: the user is a member exactly when they are in one
   * of the linked groups. Teams without links to this provider are left alone.
   */
  async syncLinkedTeams(userId: string, provider: string, groups: string[], tx: Tx): Promise<void> {
    const links = await tx.teamGroupLink.findMany({ where: { provider } });
    const linkedTeams = new Set(links.map((l) => l.teamId));
    const wanted = new Set(links.filter((l) => groups.includes(l.groupName)).map((l) => l.teamId));
    for (const teamId of linkedTeams) {
      if (wanted.has(teamId)) await tx.teamMember.upsert({ where: { teamId_userId: { teamId, userId } }, create: { teamId, userId }, update: {} });
      else await tx.teamMember.deleteMany({ where: { teamId, userId } });
    }
  }
}
