import { MAX_MANIFEST_DOCUMENTS } from '@wheelhouse/shared';
import { parseAllDocuments, type Document } from 'yaml';
import { AppError } from '../common/errors/app-error.js';
import { assertYamlWithin } from '../common/parsing/complexity.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';

/** One document of a manifest: the object it holds, or why it holds none. Empty documents are skipped. */
export type ManifestDocument =
  | { index: number; object: KubernetesObject & { apiVersion: string; kind: string } }
  | { index: number; error: string; kind: string | null; name: string | null };

/**
 * Splits a multi-document YAML manifest. A document that does not parse, or is not a Kubernetes object, becomes an
 * error of its own so the other documents still go through; only a manifest too large or too complex to parse at all
 * is refused as a whole (the same pre-scan and alias limit as every YAML the console reads).
 */
export function splitManifest(text: string): ManifestDocument[] {
  assertYamlWithin(text, undefined, 'manifest');
  const parsed = parseAllDocuments(text, { uniqueKeys: true }).map(read).filter((d) => d !== null);
  if (parsed.length > MAX_MANIFEST_DOCUMENTS) throw new AppError('VALIDATION_FAILED', `A manifest holds at most ${MAX_MANIFEST_DOCUMENTS} documents`);
  return parsed.map((d, index) => ({ ...d, index }));
}

type Unnumbered<T> = T extends unknown ? Omit<T, 'index'> : never;

/** One document's object or error; null for an empty document (only `---` or comments), which kubectl skips too. */
function read(doc: Document.Parsed): Unnumbered<ManifestDocument> | null {
  if (doc.errors.length > 0) return { error: `Invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, kind: null, name: null };
  let value: unknown;
  try {
    // yaml's default alias limit (100) refuses billion-laughs documents; set here, where aliases expand.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { error: `Invalid YAML: ${(e as Error).message.split('\n')[0]}`, kind: null, name: null };
  }
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'The document is not a Kubernetes object', kind: null, name: null };
  const o = value as KubernetesObject;
  const kind = typeof o.kind === 'string' ? o.kind : null;
  const name = typeof o.metadata?.name === 'string' ? o.metadata.name : null;
  if (typeof o.apiVersion !== 'string' || !kind) return { error: 'The document needs apiVersion and kind', kind, name };
  if (!name && typeof o.metadata?.generateName !== 'string') return { error: 'The document needs metadata.name', kind, name };
  return { object: o as KubernetesObject & { apiVersion: string; kind: string } };
}

/** The resource serving `kind` at `apiVersion` (group/version, or version alone for the core group). */
export function resolveKind(resources: readonly ResourceRef[], apiVersion: string, kind: string): ResourceRef | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return resources.find((r) => r.group === group && r.version === version && r.kind === kind && r.verbs.includes('create'));
}
