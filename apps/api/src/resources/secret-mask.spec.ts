import { SECRET_MASK } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import { assertNotMasked, maskIfSecret, maskSecret } from './secret-mask.js';

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
const secret = () => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's', namespace: 'a', annotations: { [LAST]: '{"data":{"k":"dmFsdWU="}}', keep: 'me' } },
  type: 'Opaque',
  data: { k: 'dmFsdWU=', other: 'eA==' },
  stringData: { plain: 'text' },
});

describe('maskSecret', () => {
  it('keeps the keys, masks every value and the last-applied annotation, and leaves the original alone', () => {
    const original = secret();
    const masked = maskSecret(original);
    expect(masked.data).toEqual({ k: SECRET_MASK, other: SECRET_MASK });
    expect(masked.stringData).toEqual({ plain: SECRET_MASK });
    expect(masked.metadata.annotations).toEqual({ [LAST]: SECRET_MASK, keep: 'me' });
    expect(masked.type).toBe('Opaque');
    expect(JSON.stringify(masked)).not.toContain('dmFsdWU=');
    expect(original.data.k).toBe('dmFsdWU=');
    expect(original.metadata.annotations[LAST]).toContain('dmFsdWU=');
  });

  it('masks Secrets only', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } };
    expect(maskIfSecret({ group: '', resource: 'configmaps' }, cm)).toBe(cm);
    expect(maskIfSecret({ group: 'example.com', resource: 'secrets' }, cm)).toBe(cm);
    expect((maskIfSecret({ group: '', resource: 'secrets' }, secret()) as { data: object }).data).toEqual({ k: SECRET_MASK, other: SECRET_MASK });
  });

  it('handles a Secret without data or annotations', () => {
    expect(maskSecret({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'e' } })).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'e' } });
  });
});

describe('assertNotMasked', () => {
  it('refuses a masked value anywhere, with SECRET_MASKED', () => {
    const masked = maskSecret(secret());
    expect(() => assertNotMasked(masked)).toThrow(AppError);
    for (const o of [
      { ...secret(), data: { k: SECRET_MASK } },
      { ...secret(), stringData: { k: SECRET_MASK } },
      { ...secret(), metadata: { name: 's', annotations: { [LAST]: SECRET_MASK } } },
    ]) {
      try {
        assertNotMasked(o);
        expect.unreachable();
      } catch (e) {
        expect((e as AppError).code).toBe('SECRET_MASKED');
        expect((e as AppError).status).toBe(400);
      }
    }
  });

  it('accepts real values', () => {
    expect(() => assertNotMasked(secret())).not.toThrow();
  });
});
