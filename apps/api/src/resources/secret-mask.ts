import { SECRET_MASK } from '@wheelhouse/shared';
import { AppError } from '../common/errors/app-error.js';
import type { KubernetesObject } from '../k8s/resource-ref.js';

/** kubectl apply keeps the whole last applied object here, Secret values included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type SecretLike = KubernetesObject & { data?: Record<string, unknown>; stringData?: Record<string, unknown> };

export const isSecretResource = (ref: { group: string; resource: string }): boolean => ref.group === '' && ref.resource === 'secrets';

/**
 * Secret values never leave the console API through its reads (list, GET, live events): whoever may read Secrets
 * sees the keys, and the values only through the audited reveal route. `SECRET_MASK` is not valid base64, so
 * a masked object written back cannot silently replace the real values. Returns a copy; the cache stays intact.
 */
export function maskSecret<T extends KubernetesObject>(o: T): T {
  const s = o as SecretLike;
  const out: SecretLike = { ...s };
  if (s.data) out.data = maskValues(s.data);
  if (s.stringData) out.stringData = maskValues(s.stringData);
  const annotations = s.metadata?.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    out.metadata = { ...s.metadata, annotations: { ...annotations, [LAST_APPLIED]: SECRET_MASK } };
  }
  return out as T;
}

/** maskSecret when the object is a Secret of `ref`; anything else unchanged. */
export function maskIfSecret<T extends KubernetesObject>(ref: { group: string; resource: string }, o: T): T {
  return isSecretResource(ref) ? maskSecret(o) : o;
}

/** Refuses a Secret that still carries a mask: writing it would replace real values with the mask's text. */
export function assertNotMasked(o: KubernetesObject): void {
  const s = o as SecretLike;
  const masked =
    Object.values(s.data ?? {}).includes(SECRET_MASK) ||
    Object.values(s.stringData ?? {}).includes(SECRET_MASK) ||
    s.metadata?.annotations?.[LAST_APPLIED] === SECRET_MASK;
  if (masked) throw new AppError('SECRET_MASKED', 'The Secret contains masked values; reveal it and edit the real values');
}

function maskValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, SECRET_MASK]));
}
