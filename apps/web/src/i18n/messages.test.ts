import { ERROR_CODES } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh.json';

type Tree = { [key: string]: string | Tree };

/** Flattens a catalog to `a.b.c → value`, rejecting anything that is not a string leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [k, v] of flatten(value, path)) {
        out.set(k, v);
      }
    }
  }
  return out;
}

/** ICU argument names used by a message: a placeholder renamed in one language would break at run time. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1] ?? '').sort();
}

const catalogs = { en: flatten(en), zh: flatten(zh) };

describe('message catalogs', () => {
  it('have exactly the same keys in zh and en', () => {
    const enKeys = [...catalogs.en.keys()].sort();
    const zhKeys = [...catalogs.zh.keys()].sort();
    expect(zhKeys.filter((k) => !catalogs.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !catalogs.zh.has(k))).toEqual([]);
  });

  it.each(Object.entries(catalogs))('has no empty values in %s', (_locale, catalog) => {
    const empty = [...catalog].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...catalogs.en].filter(([key, value]) => {
      const other = catalogs.zh.get(key);
      return other !== undefined && placeholders(value).join() !== placeholders(other).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it.each(Object.entries(catalogs))('translates every API error code and the fallbacks in %s', (_locale, catalog) => {
    const missing = [...ERROR_CODES, 'fallback', 'network'].filter((code) => !catalog.get(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('really is Chinese in zh', () => {
    expect(catalogs.zh.get('nav.clusters')).toMatch(/[\u4e00-\u9fff]/);
  });
});
