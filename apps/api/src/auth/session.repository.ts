import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

export interface NewSession {
  tokenHash: string;
  userId: string;
  idleExpiresAt: Date;
  expiresAt: Date;
  ip?: string;
  userAgent?: string;
  idpId?: string;
  idToken?: string;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: NewSession, tx?: Tx) {
    return (tx ?? this.prisma).session.create({ data });
  }

  findByTokenHash(tokenHash: string) {
    return this.prisma.session.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  /** Slides the idle timeout; never past the absolute expiry (the caller computes both). */
  touch(id: string, lastSeenAt: Date, idleExpiresAt: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt, idleExpiresAt } });
  }

  /** Where the session came from (for signing out at its identity provider too). */
  findOrigin(id: string, tx?: Tx) {
    return (tx ?? this.prisma).session.findUnique({ where: { id }, select: { idpId: true, idToken: true } });
  }

  delete(id: string, tx?: Tx) {
    return (tx ?? this.prisma).session.deleteMany({ where: { id } });
  }

  deleteForUser(userId: string, tx?: Tx, exceptId?: string) {
    return (tx ?? this.prisma).session.deleteMany({
      where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
  }

  deleteExpired(now: Date) {
    return this.prisma.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: now } }, { idleExpiresAt: { lt: now } }] },
    });
  }
}
