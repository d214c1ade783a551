import type { ApiResource, SearchResult } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { buildPalette } from './palette-items';

const res = (group: string, resource: string, kind: string, shortNames: string[] = []): ApiResource => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced: true,
  verbs: ['list', 'watch'],
  shortNames,
  subresources: [],
});
const cm = { group: 'core', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const ns = { group: 'core', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };
const a = { id: 'a', displayName: 'Alpha' };
const b = { id: 'b', displayName: 'Beta' };
const result: SearchResult = {
  groups: [
    { cluster: a, kind: cm, total: 3, items: [{ name: 'web-config', namespace: 'shop', labels: { app: 'web' } }] },
    { cluster: b, kind: cm, total: 1, items: [{ name: 'web-config', namespace: 'shop' }] },
    { cluster: b, kind: ns, total: 1, items: [{ name: 'web', namespace: null }] },
  ],
  hidden: [
    { cluster: b, kind: { ...cm, resource: 'secrets', kind: 'Secret' }, reason: 'forbidden' },
    { cluster: { id: 'c', displayName: 'Gamma' }, kind: null, reason: 'unreachable' },
  ],
};

describe('the palette content', () => {
  it('kind jumps of the current cluster first, then its objects, then the other clusters, grouped by kind', () => {
    const p = buildPalette({ needle: 'Web', current: b, kinds: [res('apps', 'deployments', 'Deployment', ['deploy']), res('', 'webhooks', 'Webhook')], result });
    expect(p.sections.map((s) => s.cluster?.id ?? 'kinds')).toEqual(['kinds', 'b', 'a']);
    expect(p.items.map((i) => i.href)).toEqual([
      '/clusters/b/r/core/v1/webhooks',
      '/clusters/b/r/core/v1/configmaps/shop/web-config',
      '/clusters/b/r/core/v1/namespaces/_/web',
      '/clusters/a/r/core/v1/configmaps/shop/web-config',
    ]);
    expect(p.items[3]).toMatchObject({ kind: 'ConfigMap', label: 'web-config', sub: 'shop', labels: ['app=web'] });
    // The rows carry their index in the keyboard order; a kind with more matches than shown says how many.
    expect(p.sections[2]!.rows).toEqual([{ type: 'item', index: 3, item: p.items[3] }, { type: 'more', key: 'more/a/core/configmaps', kind: 'ConfigMap', count: 2 }]);
  });

  it('without a current cluster (home page): objects only; refusals are not shown as notes', () => {
    const p = buildPalette({ needle: 'web', kinds: [res('', 'webhooks', 'Webhook')], result });
    expect(p.sections.map((s) => s.cluster?.id)).toEqual(['a', 'b']);
    expect(p.notes).toEqual([result.hidden[1]]);
  });

  it('kind jumps match kind, resource or short name by prefix, and skip kinds the user may not list', () => {
    const kinds = [res('apps', 'deployments', 'Deployment', ['deploy']), { ...res('', 'secrets', 'Secret'), access: 'none' as const }, res('', 'services', 'Service', ['svc'])];
    expect(buildPalette({ needle: 'svc', current: a, kinds }).items.map((i) => i.label)).toEqual(['Service']);
    expect(buildPalette({ needle: 'se', current: a, kinds }).items.map((i) => i.label)).toEqual(['Service']);
    expect(buildPalette({ needle: 'DEPLOY', current: a, kinds }).items.map((i) => i.label)).toEqual(['Deployment']);
  });
});
