import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { CachedObjects } from './cached-object.js';
import { ResourceAccess } from './resource-access.js';
import { ResourceReader } from './resource-reader.service.js';
import { ResourceWriter } from './resource-writer.service.js';
import { ResourcesController } from './resources.controller.js';
import { ManifestsService } from './manifests.service.js';
import { SecretRevealService } from './secret-reveal.service.js';

@Module({
  imports: [ClustersModule],
  controllers: [ResourcesController],
  providers: [ResourceAccess, ResourceReader, ResourceWriter, SecretRevealService, ManifestsService, CachedObjects],
  exports: [ResourceAccess, CachedObjects],
})
export class ResourcesModule {}
