import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

@Injectable()
export class ClustersRepository {
  constructor(private readonly prisma: PrismaService) {}

  list() {
    return this.prisma.cluster.findMany({ orderBy: { id: 'asc' } });
  }

  findById(id: string) {
    return this.prisma.cluster.findUnique({ where: { id } });
  }

  create(data: Prisma.ClusterCreateInput, tx: Tx) {
    return tx.cluster.create({ data });
  }

  update(id: string, data: Prisma.ClusterUpdateInput, tx?: Tx) {
    return (tx ?? this.prisma).cluster.update({ where: { id }, data });
  }

  /** Bindings scoped to a removed cluster go with it: a later cluster with the same id must not inherit them. */
  async delete(id: string, tx: Tx): Promise<number> {
    const { count } = await tx.roleBinding.deleteMany({ where: { clusterId: id } });
    await tx.cluster.delete({ where: { id } });
    return count;
  }
}
