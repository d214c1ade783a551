import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';

@Injectable()
export class IdentityProvidersRepository {
  constructor(private readonly prisma: PrismaService) {}

  list() {
    return this.prisma.identityProvider.findMany({ orderBy: { id: 'asc' } });
  }

  findById(id: string) {
    return this.prisma.identityProvider.findUnique({ where: { id } });
  }

  create(data: Prisma.IdentityProviderCreateInput, tx: Tx) {
    return tx.identityProvider.create({ data });
  }

  update(id: string, data: Prisma.IdentityProviderUpdateInput, tx: Tx) {
    return tx.identityProvider.update({ where: { id }, data });
  }

  async delete(id: string, tx: Tx): Promise<void> {
    await tx.externalIdentity.deleteMany({ where: { provider: id } });
    await tx.userGroup.deleteMany({ where: { provider: id } });
    await tx.identityProvider.delete({ where: { id } });
  }
}
