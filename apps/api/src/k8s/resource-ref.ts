import type { PrinterColumn } from '@wheelhouse/shared';

export type { KubernetesObject } from '@kubernetes/client-node';
export type { PrinterColumn };

/** A resource the cluster serves, as discovery reports it. */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  subresources: string[];
  /** A CRD version's additionalPrinterColumns. */
  printerColumns?: PrinterColumn[];
}

export function apiVersionOf(r: Pick<ResourceRef, 'group' | 'version'>): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** /api/v1/namespaces/ns/pods[/name[/sub]] or /apis/apps/v1/deployments — names are URL-encoded. */
export function collectionPath(r: Pick<ResourceRef, 'group' | 'version' | 'resource' | 'namespaced'>, namespace?: string | null): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.resource}`;
}

export function objectPath(r: ResourceRef, namespace: string | null | undefined, name: string, subresource?: string): string {
  return `${collectionPath(r, namespace)}/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;
}
