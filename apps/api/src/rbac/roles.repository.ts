import { Injectable } from '@nestjs/common';
import type { RoleRule, RoleScope } from '@wheelhouse/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

const withCount = { _count: { select: { bindings: true } } } as const;
export type RoleRow = Prisma.RoleGetPayload<{ include: typeof withCount }>;

@Injectable()
export class RolesRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(): Promise<RoleRow[]> {
    return this.prisma.role.findMany({ include: withCount, orderBy: [{ builtIn: 'desc' }, { name: 'asc' }] });
  }

  findById(id: string, tx?: Tx): Promise<RoleRow | null> {
    return (tx ?? this.prisma).role.findUnique({ where: { id }, include: withCount });
  }

  findByName(name: string) {
    return this.prisma.role.findUnique({ where: { name } });
  }

  create(data: { name: string; description: string; scope: RoleScope; rules: RoleRule[] }, tx: Tx): Promise<RoleRow> {
    return tx.role.create({ data: { ...data, rules: data.rules }, include: withCount });
  }

  update(id: string, data: { description?: string; rules?: RoleRule[] }, tx: Tx): Promise<RoleRow> {
    return tx.role.update({
      where: { id },
      data: { description: data.description, rules: data.rules },
      include: withCount,
    });
  }

  async delete(id: string, tx: Tx): Promise<number> {
    const { count } = await tx.roleBinding.deleteMany({ where: { roleId: id } });
    await tx.role.delete({ where: { id } });
    return count;
  }
}
