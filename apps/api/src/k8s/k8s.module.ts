import { Global, Module } from '@nestjs/common';
import { ClusterClientFactory } from './cluster-client.factory.js';
import { DiscoveryService } from './discovery.service.js';
import { InformerRegistry } from './informer-registry.js';
import { K8sGateway } from './k8s.gateway.js';

@Global()
@Module({
  providers: [ClusterClientFactory, DiscoveryService, InformerRegistry, K8sGateway],
  exports: [K8sGateway],
})
export class K8sModule {}
