import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { OpenApiV3Source } from '../k8s/openapi-v3.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { SchemasController } from './schemas.controller.js';
import { SchemasService } from './schemas.service.js';

@Module({
  imports: [ClustersModule, ResourcesModule],
  controllers: [SchemasController],
  // The document cache lives with its only reader; K8sGateway (global) does the HTTP.
  providers: [OpenApiV3Source, SchemasService],
})
export class SchemasModule {}
