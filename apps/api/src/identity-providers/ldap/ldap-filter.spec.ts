import { describe, expect, it } from 'vitest';
import { fillFilter } from './ldap-directory.js';

describe('LDAP filter templates', () => {
  it.each([
    ['alice', '(uid=alice)'],
    ['*', '(uid=\\2a)'],
    [')(uid=*', '(uid=\\29\\28uid=\\2a)'],
    ['a\\b', '(uid=a\\5cb)'],
    ['\u0000', '(uid=\\00)'],
    ['王伟', '(uid=王伟)'],
  ])('escapes %j', (input, expected) => {
    expect(fillFilter('(uid={username})', 'username', input)).toBe(expected);
  });
  it('fills every occurrence, for AD-style templates', () => {
    expect(fillFilter('(|(sAMAccountName={username})(userPrincipalName={username}))', 'username', 'x*')).toBe('(|(sAMAccountName=x\\2a)(userPrincipalName=x\\2a))');
  });
});
