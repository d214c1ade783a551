import type { ConsoleResource, PermissionSummary, Verb } from '@wheelhouse/shared';
import { allows } from '@/kit/permissions';

export type AdminEntryKey = 'users' | 'teams' | 'roles' | 'bindings' | 'providers' | 'audit' | 'access';

/**
 * The Admin section, in sidebar order, with what each page needs to be useful. "Check access" needs nothing:
 * everyone may ask about their own access. The route of each entry is /admin/<key>.
 */
export const ADMIN_ENTRIES: { key: AdminEntryKey; requires?: [ConsoleResource, Verb] }[] = [
  { key: 'users', requires: ['users', 'list'] },
  { key: 'teams', requires: ['teams', 'list'] },
  { key: 'roles', requires: ['roles', 'list'] },
  { key: 'bindings', requires: ['rolebindings', 'list'] },
  { key: 'providers', requires: ['identityproviders', 'list'] },
  { key: 'audit', requires: ['auditevents', 'list'] },
  { key: 'access' },
];

export function visibleAdminEntries(summary: PermissionSummary | undefined): AdminEntryKey[] {
  return ADMIN_ENTRIES.filter(({ requires }) => !requires || allows(summary, ...requires)).map(({ key }) => key);
}
