'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type en from '../../messages/en.json';
import { isApiError, isKnownErrorCode } from './api-client';

type TranslatedKey = keyof (typeof en)['errors'];

/** Turns any thrown value into a translated sentence: errors.<CODE>, else a network or generic fallback. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations('errors');
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) {
        return t('fallback');
      }
      if (error.code === 'NETWORK') {
        return t('network');
      }
      // A code added to the API before its translation shows the fallback instead of breaking the build;
      // the catalog unit test is what insists on a message for every code.
      const key = error.code as TranslatedKey;
      return isKnownErrorCode(error.code) && t.has(key) ? t(key) : t('fallback');
    },
    [t],
  );
}
