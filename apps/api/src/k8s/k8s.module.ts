import { Global, Module } from '@nestjs/common';
import { ClusterClientFactory } from './cluster-client.factory.js';
import { DiscoveryService } from './discovery.service.js';
import { InformerRegistry } from './informer-registry.js';
import { K8sGateway } from './k8s.gateway.js';
import { ProxyTransport } from './proxy-transport.js';

@Global()
@Module({
  providers: [ClusterClientFactory, DiscoveryService, InformerRegistry, K8sGateway, ProxyTransport],
  exports: [K8sGateway, ProxyTransport],
})
export class K8sModule {}
