import { Injectable } from '@nestjs/common';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterAccess } from './cluster-access.js';

const b64 = (pem: string) => Buffer.from(pem, 'utf8').toString('base64');

/**
 * The only place that builds KubeConfig objects. They are assembled field by field from a sanitized registration
 * (never loadFromString on user input, which would honour exec plugins), cached per cluster and revision.
 */
@Injectable()
export class ClusterClientFactory {
  private readonly cache = new Map<string, { revision: string; kc: KubeConfig }>();

  kubeConfig(access: ClusterAccess): KubeConfig {
    const hit = this.cache.get(access.id);
    if (hit && hit.revision === access.revision) return hit.kc;
    const kc = build(access);
    this.cache.set(access.id, { revision: access.revision, kc });
    return kc;
  }

  forget(clusterId: string): void {
    this.cache.delete(clusterId);
  }
}

function build(access: ClusterAccess): KubeConfig {
  const kc = new KubeConfig();
  if (access.auth.type === 'serviceAccount') {
    // Our own pod's mounted ServiceAccount: files the console itself runs with, not user input.
    kc.loadFromCluster();
    return kc;
  }
  const name = `wheelhouse-${access.id}`;
  const user =
    access.auth.type === 'token'
      ? { name, token: access.auth.token }
      : { name, certData: b64(access.auth.certData), keyData: b64(access.auth.keyData) };
  kc.loadFromOptions({
    clusters: [{ name, server: access.server, caData: access.caData ? b64(access.caData) : undefined, skipTLSVerify: access.insecureSkipTlsVerify }],
    users: [user],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}
