import { SECRET_MASK } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { decodeSecretValue, isSecretRef, revealedObject } from './secret-values';

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

describe('decodeSecretValue', () => {
  it('shows UTF-8 text, line breaks and tabs included', () => {
    expect(decodeSecretValue(b64('pässwörd\n\tnext'))).toEqual({ kind: 'text', text: 'pässwörd\n\tnext' });
    expect(decodeSecretValue('')).toEqual({ kind: 'text', text: '' });
  });

  it('calls invalid UTF-8 or control characters binary, with the byte count', () => {
    expect(decodeSecretValue(btoa('\u00ff\u00fe\u0000'))).toEqual({ kind: 'binary', bytes: 3 });
    expect(decodeSecretValue(b64('a\u0000b'))).toEqual({ kind: 'binary', bytes: 3 });
    expect(decodeSecretValue(SECRET_MASK)).toEqual({ kind: 'binary', bytes: 0 });
  });
});

describe('revealedObject', () => {
  it('puts the values in and leaves out the masked last-applied annotation', () => {
    const masked = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': SECRET_MASK, keep: 'x' } },
      data: { k: SECRET_MASK },
    };
    expect(revealedObject(masked, { k: 'dg==' })).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { keep: 'x' } }, data: { k: 'dg==' } });
    const only = { ...masked, metadata: { name: 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': SECRET_MASK } } };
    expect(revealedObject(only, {}).metadata).toEqual({ name: 's' });
    expect(JSON.stringify(revealedObject(masked, { k: 'dg==' }))).not.toContain(SECRET_MASK);
  });

  it('knows a Secret ref', () => {
    expect(isSecretRef({ group: 'core', resource: 'secrets' })).toBe(true);
    expect(isSecretRef({ group: 'example.com', resource: 'secrets' })).toBe(false);
  });
});
