import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }

  findByUsername(username: string) {
    return this.prisma.user.findUnique({ where: { username } });
  }

  list(skip: number, take: number) {
    return this.prisma.$transaction([
      this.prisma.user.findMany({ orderBy: { username: 'asc' }, skip, take, include: { groups: { select: { provider: true, groupName: true }, orderBy: { groupName: 'asc' } } } }),
      this.prisma.user.count(),
    ]);
  }

  create(data: Prisma.UserCreateInput, tx?: Tx) {
    return (tx ?? this.prisma).user.create({ data });
  }

  update(id: string, data: Prisma.UserUpdateInput, tx?: Tx) {
    return (tx ?? this.prisma).user.update({ where: { id }, data });
  }
}
