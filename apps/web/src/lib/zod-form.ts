'use client';
import type { FormRule } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Translate = ReturnType<typeof useTranslations<'validation'>>;

/** Empty inputs mean "not given": optional schemas accept them, required ones report "required". */
export function emptyToUndefined(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

export function issueMessage(issue: Issue | undefined, t: Translate): string {
  switch (issue?.code) {
    case 'invalid_type':
      return t('required');
    case 'too_small':
      // An empty text box or an empty pick list (tags, multi-select) is simply missing.
      return Number(issue.minimum) <= 1 && (issue.origin === 'string' || issue.origin === 'array')
        ? t('required')
        : t('tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('invalidEmail') : t('invalidFormat');
    default:
      return t('invalid');
  }
}

/**
 * antd Form rules from the shared zod field schemas, so the form checks exactly what the API checks,
 * with translated messages instead of zod's English ones.
 */
export function useZodRule(): (schema: z.ZodType) => FormRule {
  const t = useTranslations('validation');
  return useCallback(
    (schema: z.ZodType): FormRule => ({
      validator: async (_rule, value: unknown) => {
        const result = await schema.safeParseAsync(emptyToUndefined(value));
        if (!result.success) {
          throw new Error(issueMessage(result.error.issues[0], t));
        }
      },
    }),
    [t],
  );
}

/** Drops empty strings so optional fields are omitted from the request instead of failing min(1). */
export function compactValues<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => emptyToUndefined(v) !== undefined)) as Partial<T>;
}
