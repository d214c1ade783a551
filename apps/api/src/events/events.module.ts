import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { ClusterEventsRepository } from './cluster-events.repository.js';
import { EventRecorder } from './event-recorder.service.js';
import { EventsController } from './events.controller.js';

@Module({ imports: [ClustersModule], controllers: [EventsController], providers: [ClusterEventsRepository, EventRecorder], exports: [EventRecorder, ClusterEventsRepository] })
export class EventsModule {}
