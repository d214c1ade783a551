import { describe, expect, it } from 'vitest';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';

describe('label selectors', () => {
  const l = { app: 'web', tier: 'frontend', 'app.kubernetes.io/name': 'shop' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=db', false],
    ['app in (web, db)', true],
    ['app notin (web)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['missing!=x', true],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['app.kubernetes.io/name=shop', true],
    ['tier in (frontend),app notin (db,cache)', true],
  ])('%s → %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(l)).toBe(expected);
  });
  it('treats missing labels correctly', () => {
    expect(parseLabelSelector('app=web')(undefined)).toBe(false);
    expect(parseLabelSelector('app notin (web)')(undefined)).toBe(true);
  });
  it('rejects garbage with INVALID_LABEL_SELECTOR', () => {
    expect(() => parseLabelSelector('app=(web')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL_SELECTOR' }));
    expect(() => parseLabelSelector('a b c')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL_SELECTOR' }));
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'p1', namespace: 'a' }, status: { phase: 'Running' }, spec: { nodeName: 'n1' } };
  it('matches dotted paths', () => {
    expect(parseFieldSelector('status.phase=Running')(pod)).toBe(true);
    expect(parseFieldSelector('status.phase!=Running')(pod)).toBe(false);
    expect(parseFieldSelector('spec.nodeName=n1,metadata.namespace=a')(pod)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=')({ spec: {} })).toBe(true);
  });
});
