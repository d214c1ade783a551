import type { RegisterClusterRequest } from '@wheelhouse/shared';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { sanitizeKubeconfig } from './credentials/kubeconfig-sanitizer.js';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The kubeconfig of the user running the console ($KUBECONFIG's first file, else ~/.kube/config), offered for
 * import in the UI, never imported silently. Read as data and sanitized like an upload.
 */
export function readLocalKubeconfig(): string | null {
  const file = process.env.KUBECONFIG?.split(':')[0] || join(homedir(), '.kube', 'config');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** Turns any of the four registration methods into one sanitized connection description. */
export function accessFromRequest(req: RegisterClusterRequest): Omit<ClusterAccess, 'revision'> {
  const common = { id: req.id, insecureSkipTlsVerify: req.insecureSkipTlsVerify };
  switch (req.method) {
    case 'token':
      return { ...common, server: req.server, caData: req.caData ?? null, auth: { type: 'token', token: req.token } };
    case 'clientCertificate':
      return { ...common, server: req.server, caData: req.caData ?? null, auth: { type: 'clientCertificate', certData: req.certData, keyData: req.keyData } };
    case 'kubeconfig':
    case 'localKubeconfig': {
      const text = req.method === 'kubeconfig' ? req.kubeconfig : readLocalKubeconfig();
      if (text === null) throw new AppError('KUBECONFIG_INVALID', 'There is no kubeconfig on the console machine');
      const ctx = sanitizeKubeconfig(text).contexts.find((c) => c.name === req.context);
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
