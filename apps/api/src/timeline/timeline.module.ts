import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { EventsModule } from '../events/events.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineService } from './timeline.service.js';

// Audit rows come through the global AuditModule's AuditService.
@Module({
  imports: [ClustersModule, ResourcesModule, EventsModule],
  controllers: [TimelineController],
  providers: [TimelineService],
})
export class TimelineModule {}
