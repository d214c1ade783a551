import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabaseHealth } from './database-health.js';
import { DATABASE_URL, PrismaService, TransactionRunner } from './prisma.service.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }, DatabaseHealth, PrismaService, TransactionRunner],
      exports: [PrismaService, TransactionRunner, DatabaseHealth],
    };
  }
}
