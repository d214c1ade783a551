import { Injectable } from '@nestjs/common';
import type { KubeConfig } from '@kubernetes/client-node';
import { AppError } from '../common/errors/app-error.js';
import { mapK8sError } from './k8s-error.mapper.js';
import { requestJson } from './raw-client.js';
import type { PrinterColumn, ResourceRef } from './resource-ref.js';

interface ApiResourceList {
  groupVersion: string;
  resources: { name: string; kind: string; namespaced: boolean; verbs: string[]; shortNames?: string[] }[];
}
interface ApiGroupList {
  groups: { name: string; preferredVersion?: { version: string }; versions: { version: string }[] }[];
}

/** Entries older than this are refreshed on the next request; a miss for an unknown resource refreshes at once. */
const TTL_MS = 5 * 60_000;

/** Built-ins and CRDs per cluster: the preferred version of every group plus the others, subresources folded in. */
@Injectable()
export class DiscoveryService {
  private readonly cache = new Map<string, { at: number; resources: ResourceRef[] }>();

  async resources(clusterId: string, kc: KubeConfig, refresh = false): Promise<ResourceRef[]> {
    const hit = this.cache.get(clusterId);
    if (hit && !refresh && Date.now() - hit.at < TTL_MS) return hit.resources;
    const resources = await discover(kc);
    this.cache.set(clusterId, { at: Date.now(), resources });
    return resources;
  }

  async resolve(clusterId: string, kc: KubeConfig, group: string, version: string, resource: string): Promise<ResourceRef> {
    const find = (list: ResourceRef[]) => list.find((r) => r.group === group && r.version === version && r.resource === resource);
    const found = find(await this.resources(clusterId, kc)) ?? find(await this.resources(clusterId, kc, true));
    if (!found) throw new AppError('RESOURCE_UNKNOWN', `The cluster does not serve ${group || 'core'}/${version}/${resource}`);
    return found;
  }

  forget(clusterId: string): void {
    this.cache.delete(clusterId);
  }
}

async function discover(kc: KubeConfig): Promise<ResourceRef[]> {
  const core = await get<ApiResourceList>(kc, '/api/v1');
  const groups = await get<ApiGroupList>(kc, '/apis');
  const [columns, ...lists] = await Promise.all([
    printerColumns(kc),
    ...groups.groups.flatMap((g) => g.versions.map((v) => get<ApiResourceList>(kc, `/apis/${g.name}/${v.version}`).catch(() => null))),
  ]);
  return [core, ...lists].flatMap((list) => (list ? toRefs(list) : [])).map((r) => {
    const own = (columns).get(`${r.group}/${r.version}/${r.resource}`);
    return own ? { ...r, printerColumns: own } : r;
  });
}

interface CrdList {
  items: { spec: { group: string; names: { plural: string }; versions: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } }[];
}

/**
 * CRD printer columns by group/version/plural: discovery does not carry them. Read with the cluster's own
 * credential (they describe the schema, not data); a credential that may not list CRDs just gets generic columns.
 */
async function printerColumns(kc: KubeConfig): Promise<Map<string, PrinterColumn[]>> {
  const list = await get<CrdList>(kc, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions').catch(() => ({ items: [] }));
  const out = new Map<string, PrinterColumn[]>();
  for (const crd of list.items) {
    for (const v of crd.spec.versions) {
      const cols = (v.additionalPrinterColumns ?? []).map(({ name, type, jsonPath, priority, description }) => ({ name, type, jsonPath, priority, description }));
      if (cols.length) out.set(`${crd.spec.group}/${v.name}/${crd.spec.names.plural}`, cols);
    }
  }
  return out;
}

function toRefs(list: ApiResourceList): ResourceRef[] {
  const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') : ['', list.groupVersion];
  const subs = new Map<string, string[]>();
  for (const r of list.resources) {
    const [parent, sub] = r.name.split('/');
    if (sub) subs.set(parent!, [...(subs.get(parent!) ?? []), sub]);
  }
  return list.resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      group: group!,
      version: version!,
      resource: r.name,
      kind: r.kind,
      namespaced: r.namespaced,
      verbs: r.verbs,
      shortNames: r.shortNames ?? [],
      subresources: subs.get(r.name) ?? [],
    }));
}

async function get<T>(kc: KubeConfig, path: string): Promise<T> {
  const res = await requestJson<T>(kc, { method: 'GET', path });
  if (res.status !== 200) throw mapK8sError(res.status, res.body);
  return res.body;
}
