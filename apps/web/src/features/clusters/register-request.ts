import type { RegisterClusterRequest } from '@wheelhouse/shared';

export type FormValues = Record<string, string | boolean | undefined>;
type Values = FormValues;
type Method = RegisterClusterRequest['method'];

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Builds the request for the chosen method from the form values; empty optional fields are left out. */
export function toRequest(method: Method, v: Values): RegisterClusterRequest {
  const base = { id: String(v.id ?? '').trim(), displayName: trimmed(v.displayName), insecureSkipTlsVerify: v.insecure === true };
  switch (method) {
    case 'token':
      return { method, ...base, server: String(v.server ?? '').trim(), caData: trimmed(v.caData), token: String(v.token ?? '').trim() };
    case 'clientCertificate':
      return {
        method,
        ...base,
        server: String(v.server ?? '').trim(),
        caData: trimmed(v.caData),
        certData: String(v.certData ?? ''),
        keyData: String(v.keyData ?? ''),
      };
    case 'kubeconfig':
      return { method, ...base, kubeconfig: String(v.kubeconfig ?? ''), context: String(v.context ?? '') };
    case 'localKubeconfig':
      return { method, ...base, context: String(v.context ?? '') };
    case 'inCluster':
      return { method, ...base };
  }
}

