import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { EventsModule } from '../events/events.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { OverviewController } from './overview.controller.js';
import { OverviewService } from './overview.service.js';

@Module({
  imports: [ClustersModule, ResourcesModule, EventsModule],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewModule {}
