import type en from '../../messages/en.json';
import type { AppLocale } from './locales';

// Typed keys: a t('…') call with a key missing from en.json fails typecheck.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
