'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { isApiError, isKnownErrorCode } from './api-client';

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
      return isKnownErrorCode(error.code) ? t(error.code) : t('fallback');
    },
    [t],
  );
}
