import { Module, StandardSchemaValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AppErrorFilter } from './common/errors/app-error.filter.js';
import { pinoHttpOptions } from './common/logging/pino-options.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { ClustersModule } from './clusters/clusters.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityProvidersModule } from './identity-providers/identity-providers.module.js';
import { K8sModule } from './k8s/k8s.module.js';
import { OverviewModule } from './overview/overview.module.js';
import { ProxyModule } from './proxy/proxy.module.js';
import { RelationsModule } from './relations/relations.module.js';
import { SearchModule } from './search/search.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { SchemasModule } from './schemas/schemas.module.js';
import { StreamsModule } from './streams/streams.module.js';
import { RbacModule } from './rbac/rbac.module.js';
import { TeamsModule } from './teams/teams.module.js';
import { TimelineModule } from './timeline/timeline.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, secretKey: Buffer, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, secretKey),
        LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(config, logStream) }),
        DatabaseModule.forRoot(databaseUrl),
        AuditModule,
        RbacModule,
        AuthModule,
        UsersModule,
        TeamsModule,
        K8sModule,
        ClustersModule,
        ResourcesModule,
        SchemasModule,
        StreamsModule,
        EventsModule,
        IdentityProvidersModule,
        ProxyModule,
        OverviewModule,
        RelationsModule,
        SearchModule,
        TimelineModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_PIPE, useValue: new StandardSchemaValidationPipe() },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
