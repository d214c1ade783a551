import { describe, expect, it } from 'vitest';
import { listViewSearch, parseListView } from './list-url-state';

describe('list view in the URL', () => {
  const parse = (search: string) => {
    const p = new URLSearchParams(search);
    return parseListView((k) => p.get(k));
  };

  it('round-trips and leaves defaults out of the URL', () => {
    const view = parse('?namespace=team-a&q=web&label=app%3Dweb&sort=status.phase&order=desc');
    expect(view).toEqual({ namespace: 'team-a', q: 'web', label: 'app=web', sort: 'status.phase', order: 'desc' });
    expect(parse(listViewSearch(view))).toEqual(view);
    expect(listViewSearch(parse(''))).toBe('');
  });

  it('treats blanks and unknown orders as absent', () => {
    expect(parse('?namespace=%20&order=sideways')).toEqual({ namespace: undefined, q: undefined, label: undefined, sort: 'metadata.name', order: 'asc' });
  });
});
