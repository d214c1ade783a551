import { describe, expect, it } from 'vitest';
import { CreateUserRequestSchema, ERROR_CODES, LoginRequestSchema, UsernameSchema } from './index.js';

describe('shared schemas', () => {
  it('canonicalises usernames so case and spaces cannot create look-alike accounts', () => {
    expect(UsernameSchema.parse('  Li.Na@Corp ')).toBe('li.na@corp');
    expect(UsernameSchema.safeParse('bad name').success).toBe(false);
    expect(UsernameSchema.safeParse('-leading-dash').success).toBe(false);
    expect(UsernameSchema.safeParse('a'.repeat(65)).success).toBe(false);
  });

  it('login accepts any non-empty password (a short wrong one must look like any wrong one) but rejects extra keys', () => {
    expect(LoginRequestSchema.safeParse({ username: 'a', password: 'x' }).success).toBe(true);
    expect(LoginRequestSchema.safeParse({ username: 'a', password: '' }).success).toBe(false);
    expect(LoginRequestSchema.safeParse({ username: 'a', password: 'x', admin: true }).success).toBe(false);
  });

  it('new accounts need a 12+ character password and default to non-admin', () => {
    expect(CreateUserRequestSchema.safeParse({ username: 'u', password: 'elevenchars' }).success).toBe(false);
    expect(CreateUserRequestSchema.parse({ username: 'u', password: 'twelve-chars' }).isAdmin).toBe(false);
  });

  it('error codes are unique', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
