import { Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { ClustersModule } from '../clusters/clusters.module.js';
import { EventsModule } from '../events/events.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineService } from './timeline.service.js';

// AuditModule exports only the write side (AuditService); the timeline's read query is stateless, so it gets its
// own AuditRepository instance rather than widening the audit module's exports.
@Module({
  imports: [ClustersModule, ResourcesModule, EventsModule],
  controllers: [TimelineController],
  providers: [TimelineService, AuditRepository],
})
export class TimelineModule {}
