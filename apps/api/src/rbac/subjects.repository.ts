import { Injectable } from '@nestjs/common';
import type { Subject } from '@wheelhouse/shared';
import { PrismaService } from '../database/prisma.service.js';

/** Whether a binding's subject exists. IdP groups always "exist": they are names the provider may send later. */
@Injectable()
export class SubjectsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async exists(subject: Subject): Promise<boolean> {
    switch (subject.kind) {
      case 'user':
        return (await this.prisma.user.count({ where: { id: subject.id } })) > 0;
      case 'team':
        return (await this.prisma.team.count({ where: { id: subject.id } })) > 0;
      case 'group':
        return true;
    }
  }
}
