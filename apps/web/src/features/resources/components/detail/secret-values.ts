import type { K8sObject } from '@wheelhouse/shared';

/** A revealed Secret value as shown: UTF-8 text when it reads as text, else only its size. */
export type ShownValue = { kind: 'text'; text: string } | { kind: 'binary'; bytes: number };

/** Control characters other than tab and line breaks mean "not text" (keys, certificates in DER, archives). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export function decodeSecretValue(base64: string): ShownValue {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return { kind: 'binary', bytes: 0 };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return hasControl(text) ? { kind: 'binary', bytes: bytes.length } : { kind: 'text', text };
  } catch {
    return { kind: 'binary', bytes: bytes.length };
  }
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The Secret to edit: the masked object with the revealed values in. The last-applied annotation stays masked on
 * every read (it holds the values too) and is left out, since sending the mask back is refused.
 */
export function revealedObject(masked: K8sObject, data: Record<string, string>): K8sObject {
  const metadata = { ...((masked.metadata ?? {}) as Record<string, unknown>) };
  const annotations = { ...((metadata.annotations ?? {}) as Record<string, string>) };
  if (LAST_APPLIED in annotations) {
    delete annotations[LAST_APPLIED];
    metadata.annotations = Object.keys(annotations).length ? annotations : undefined;
    if (!metadata.annotations) delete metadata.annotations;
  }
  const { stringData: _write, ...rest } = masked;
  return { ...rest, metadata, data };
}

export const isSecretRef = (ref: { group: string; resource: string }) => (ref.group === 'core' || ref.group === '') && ref.resource === 'secrets';
