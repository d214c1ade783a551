import { describe, expect, it } from 'vitest';
import { compactFilters, toQueryString } from './query-string';

describe('toQueryString', () => {
  it('encodes values, keeps empty strings and drops missing ones', () => {
    expect(toQueryString({ verb: 'list', group: '', resource: 'pods', name: undefined, cluster: null })).toBe(
      '?verb=list&group=&resource=pods',
    );
    expect(toQueryString({ team: 'Platform 平台', limit: 50 })).toBe('?team=Platform+%E5%B9%B3%E5%8F%B0&limit=50');
    expect(toQueryString({})).toBe('');
  });
});

describe('compactFilters', () => {
  it('trims and drops blank filters', () => {
    expect(compactFilters({ actor: ' alice ', action: '', cluster: undefined, result: 'denied' })).toEqual({
      actor: 'alice',
      result: 'denied',
    });
  });
});
