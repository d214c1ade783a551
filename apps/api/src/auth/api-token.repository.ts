import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { userId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null }, tx: Tx) {
    return tx.apiToken.create({ data });
  }

  findByHash(tokenHash: string) {
    return this.prisma.apiToken.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  listForUser(userId: string) {
    return this.prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  }

  countForUser(userId: string) {
    return this.prisma.apiToken.count({ where: { userId } });
  }

  findForUser(id: string, userId: string) {
    return this.prisma.apiToken.findFirst({ where: { id, userId } });
  }

  delete(id: string, tx: Tx) {
    return tx.apiToken.deleteMany({ where: { id } });
  }

  deleteExpired(id: string) {
    return this.prisma.apiToken.deleteMany({ where: { id } });
  }

  deleteAllExpired(now: Date) {
    return this.prisma.apiToken.deleteMany({ where: { expiresAt: { lte: now } } });
  }

  touch(id: string, at: Date) {
    return this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }
}
