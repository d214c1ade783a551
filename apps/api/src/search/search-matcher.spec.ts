import { describe, expect, it } from 'vitest';
import type { KubernetesObject } from '../k8s/resource-ref.js';
import { parseSearchQuery } from './search-matcher.js';

const obj = (name: string, namespace?: string, labels?: Record<string, string>): KubernetesObject => ({ metadata: { name, namespace, labels } });
const web = obj('web-frontend', 'shop', { app: 'web', tier: 'front', 'app.kubernetes.io/name': 'shop' });
const db = obj('Postgres', 'data', { app: 'db' });
const node = obj('worker-1', undefined, { 'node-role.kubernetes.io/worker': '' });

describe('search matcher', () => {
  it.each([
    ['web', web, true],
    ['FRONT', web, true],
    ['postgres', db, true],
    ['shop/web', web, true],
    ['data/web', web, false],
    ['/worker', node, true],
    ['nope', web, false],
    ['app=web', web, true],
    ['app=web', db, false],
    ['app!=web', db, true],
    ['app in (web, db)', db, true],
    ['app notin (db)', db, false],
    ['!tier', db, true],
    ['!tier', web, false],
    ['web tier=front', web, true],
    ['web tier=back', web, false],
    ['app=web,tier=front', web, true],
    ['app=web, tier=front', web, true],
    ['tier', web, true],
    ['app.kubernetes.io/name', web, true],
    ['node-role.kubernetes.io/worker', node, true],
    ['web postgres', web, false],
  ])('%s on %s', (q, o, expected) => {
    expect(parseSearchQuery(q)(o) !== null, `${q} → ${o.metadata?.name}`).toBe(expected);
  });

  it('ranks an exact name first, then a prefix, then any substring', () => {
    const m = parseSearchQuery('web');
    expect(m(obj('web'))?.rank).toBe(0);
    expect(m(obj('web-1'))?.rank).toBe(1);
    expect(m(obj('my-web'))?.rank).toBe(2);
  });

  it('reports the labels a term matched, never for a plain name match or a negative term', () => {
    expect(parseSearchQuery('web')(web)?.labels).toBeNull();
    expect(parseSearchQuery('app=web')(web)?.labels).toEqual({ app: 'web' });
    expect(parseSearchQuery('tier in (front,back) !legacy')(web)?.labels).toEqual({ tier: 'front' });
    expect(parseSearchQuery('app!=db')(web)?.labels).toBeNull();
    // A plain word that is no part of the name but a label key: matched by the label.
    expect(parseSearchQuery('tier')(web)?.labels).toEqual({ tier: 'front' });
  });

  it('rejects a text shorter than 2 or longer than 200 characters with SEARCH_QUERY_INVALID', () => {
    for (const q of ['', 'a', '  b  ', 'x'.repeat(201), ' , ']) {
      expect(() => parseSearchQuery(q), JSON.stringify(q)).toThrow(expect.objectContaining({ code: 'SEARCH_QUERY_INVALID', status: 400 }));
    }
    expect(() => parseSearchQuery('x'.repeat(200))).not.toThrow();
    expect(() => parseSearchQuery('ab')).not.toThrow();
  });

  it('rejects broken selector syntax with INVALID_LABEL_SELECTOR', () => {
    expect(() => parseSearchQuery('app=(web')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL_SELECTOR' }));
    expect(() => parseSearchQuery('web !')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL_SELECTOR' }));
  });
});
