import { CreateUserRequestSchema, RoleRuleSchema } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { compactValues, issueMessage } from './zod-form';

// Stand-in for next-intl's t(): echoes the key and values so the mapping is visible.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}:${JSON.stringify(values)}` : key) as unknown as Parameters<typeof issueMessage>[1];

function firstIssue(field: keyof typeof CreateUserRequestSchema.shape, value: unknown) {
  const result = CreateUserRequestSchema.shape[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0];
}

describe('zod → form messages', () => {
  it('maps the shared schemas to translated keys', () => {
    expect(issueMessage(firstIssue('username', undefined), t)).toBe('required');
    expect(issueMessage(firstIssue('username', ''), t)).toBe('required');
    expect(issueMessage(firstIssue('username', 'Bad Name!'), t)).toBe('invalidFormat');
    expect(issueMessage(firstIssue('password', 'short'), t)).toBe('tooShort:{"min":12}');
    expect(issueMessage(firstIssue('displayName', 'x'.repeat(200)), t)).toBe('tooLong:{"max":128}');
    expect(issueMessage(firstIssue('email', 'not-an-email'), t)).toBe('invalidEmail');
  });

  it('treats an empty pick list as missing and reports bad entries in it', () => {
    const verbs = RoleRuleSchema.shape.verbs.safeParse([]);
    expect(issueMessage(verbs.success ? undefined : verbs.error.issues[0], t)).toBe('required');
    const resources = RoleRuleSchema.shape.resources.safeParse(['Pods!']);
    expect(issueMessage(resources.success ? undefined : resources.error.issues[0], t)).toBe('invalidFormat');
  });

  it('drops empty optional fields before sending', () => {
    expect(compactValues({ username: 'bob', displayName: '', email: undefined, isAdmin: false })).toEqual({
      username: 'bob',
      isAdmin: false,
    });
  });
});
