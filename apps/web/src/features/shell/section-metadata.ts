import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type NavMessageKey =
  | 'clusters'
  | 'workloads'
  | 'config'
  | 'network'
  | 'storage'
  | 'infra'
  | 'rbac'
  | 'custom'
  | 'users'
  | 'teams'
  | 'roles'
  | 'bindings'
  | 'audit'
  | 'access'
  | 'tokens'
  | 'providers';

/** Page titles in the visitor's language (the browser tab is UI text too). */
export function sectionMetadata(key: NavMessageKey): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations('nav');
    return { title: t(key) };
  };
}
