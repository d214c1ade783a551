import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { RelationsController } from './relations.controller.js';
import { RelationsService } from './relations.service.js';

@Module({
  imports: [ClustersModule, ResourcesModule],
  controllers: [RelationsController],
  providers: [RelationsService],
})
export class RelationsModule {}
