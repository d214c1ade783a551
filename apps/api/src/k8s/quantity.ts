// client-node's parser (no exports map, so the deep path is its public file); kept here because client-node
// stays inside k8s/.
import { quantityToScalar } from '@kubernetes/client-node/dist/util.js';

/** A Kubernetes quantity ("250m", "1Gi", "2") as a number (cores, bytes, count); 0 for anything unparsable. */
export function quantity(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value === '') return 0;
  try {
    const n = Number(quantityToScalar(value));
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}
