import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import type { ResourceRef } from '../k8s/resource-ref.js';
import { resolveKind, splitManifest } from './manifest-documents.js';

const ref = (group: string, version: string, resource: string, kind: string, verbs = ['create', 'get', 'list']): ResourceRef => ({
  group,
  version,
  resource,
  kind,
  namespaced: true,
  verbs,
  shortNames: [],
  subresources: [],
});

describe('splitManifest', () => {
  it('returns one entry per non-empty document, bad ones as errors of their own', () => {
    const docs = splitManifest(
      [
        '---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}',
        '---',
        '# only a comment',
        '---',
        'key: [unclosed',
        '---',
        '- a list',
        '---',
        'apiVersion: v1\nmetadata: {name: nokind}',
        '---',
        'apiVersion: v1\nkind: Secret\nmetadata: {generateName: s-}',
        '---',
        'apiVersion: v1\nkind: Secret\nmetadata: {}',
      ].join('\n'),
    );
    expect(docs.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(docs[0]).toMatchObject({ object: { kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } } });
    expect(docs[1]).toMatchObject({ error: expect.stringMatching(/^Invalid YAML/) });
    expect(docs[2]).toMatchObject({ error: 'The document is not a Kubernetes object' });
    expect(docs[3]).toMatchObject({ error: 'The document needs apiVersion and kind', name: 'nokind' });
    expect(docs[4]).toMatchObject({ object: { kind: 'Secret' } });
    expect(docs[5]).toMatchObject({ error: 'The document needs metadata.name', kind: 'Secret' });
  });

  it('refuses duplicate keys in a document, alone', () => {
    const docs = splitManifest('apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\n');
    expect('error' in docs[0]!).toBe(true);
    expect('object' in docs[1]!).toBe(true);
  });

  it('refuses an alias bomb in its document', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10).fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`).join(',')}]`)].join('\n');
    const docs = splitManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  ${bomb.split('\n').join('\n  ')}\n`);
    expect(docs[0]).toMatchObject({ error: expect.stringMatching(/^Invalid YAML/) });
  });

  it('refuses more than 100 documents, and too complex text, as a whole', () => {
    const many = Array.from({ length: 101 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}`).join('\n---\n');
    expect(() => splitManifest(many)).toThrow(AppError);
    expect(splitManifest(many.split('\n---\n').slice(0, 100).join('\n---\n'))).toHaveLength(100);
    expect(() => splitManifest('a:\n' + '['.repeat(200))).toThrow(/nested too deeply/);
  });
});

describe('resolveKind', () => {
  const refs = [ref('', 'v1', 'configmaps', 'ConfigMap'), ref('apps', 'v1', 'deployments', 'Deployment'), ref('', 'v1', 'bindings', 'Binding', ['list'])];

  it('finds the resource by group/version and kind; the core group has a bare version', () => {
    expect(resolveKind(refs, 'v1', 'ConfigMap')?.resource).toBe('configmaps');
    expect(resolveKind(refs, 'apps/v1', 'Deployment')?.resource).toBe('deployments');
  });

  it('finds nothing for an unknown kind, a wrong version, or a kind that cannot be created', () => {
    expect(resolveKind(refs, 'v1', 'Nope')).toBeUndefined();
    expect(resolveKind(refs, 'apps/v2', 'Deployment')).toBeUndefined();
    expect(resolveKind(refs, 'v1', 'Deployment')).toBeUndefined();
    expect(resolveKind(refs, 'v1', 'Binding')).toBeUndefined();
  });
});
