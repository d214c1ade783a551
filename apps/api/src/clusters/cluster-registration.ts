import type { RegisterClusterRequest } from '@wheelhouse/shared';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { sanitizeKubeconfig } from './credentials/kubeconfig-sanitizer.js';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Turns any of the four registration methods into one sanitized connection description. */
export function accessFromRequest(req: RegisterClusterRequest): Omit<ClusterAccess, 'revision'> {
  const common = { id: req.id, insecureSkipTlsVerify: req.insecureSkipTlsVerify };
  switch (req.method) {
    case 'token':
      return { ...common, server: req.server, caData: req.caData ?? null, auth: { type: 'token', token: req.token } };
    case 'clientCertificate':
      return { ...common, server: req.server, caData: req.caData ?? null, auth: { type: 'clientCertificate', certData: req.certData, keyData: req.keyData } };
    case 'kubeconfig': {
      const ctx = sanitizeKubeconfig(req.kubeconfig).contexts.find((c) => c.name === req.context);
      if (!ctx) throw new AppError('KUBECONFIG_INVALID', `No context named ${req.context}`);
      if (!ctx.server || !ctx.auth) throw new AppError('KUBECONFIG_UNSUPPORTED_AUTH', ctx.problems.join('; '), { details: { problems: ctx.problems, dropped: ctx.dropped } });
      if (ctx.insecure && !req.insecureSkipTlsVerify) {
        throw new AppError('INSECURE_NOT_CONFIRMED', 'The context skips TLS verification; confirm "insecure" explicitly to import it');
      }
      return { ...common, server: ctx.server, caData: ctx.caData, auth: ctx.auth };
    }
    case 'inCluster': {
      const host = process.env.KUBERNETES_SERVICE_HOST;
      if (!host || !existsSync(`${SA_DIR}/token`)) throw new AppError('IN_CLUSTER_UNAVAILABLE', 'The console is not running inside Kubernetes');
      const port = process.env.KUBERNETES_SERVICE_PORT ?? '443';
      return { ...common, server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`, caData: readFileSync(`${SA_DIR}/ca.crt`, 'utf8'), auth: { type: 'serviceAccount' } };
    }
  }
}
