import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ClustersModule } from '../clusters/clusters.module.js';
import { KubeProxy } from './kube-proxy.js';
import { KubeUpgrade } from './kube-upgrade.js';
import { KubeconfigController } from './kubeconfig.controller.js';
import { KubeconfigService } from './kubeconfig.service.js';
import { ProxyAdmission } from './proxy-admission.js';
import { ProxyAudit } from './proxy-audit.js';
import { StreamGuard } from './stream-guard.js';

/** The authenticated kubectl proxy (`/k8s/clusters/<id>/…`, mounted by mountKubeProxy) and its kubeconfig download. */
@Module({
  imports: [AuthModule, ClustersModule],
  controllers: [KubeconfigController],
  providers: [KubeProxy, KubeUpgrade, ProxyAdmission, ProxyAudit, StreamGuard, KubeconfigService],
  exports: [KubeProxy, KubeUpgrade, StreamGuard],
})
export class ProxyModule {}
