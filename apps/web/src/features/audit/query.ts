import { compactFilters, toQueryString } from '@/lib/query-string';

/** Filters of `GET /api/audit` and its CSV export; `action` matches as a prefix (e.g. `role.`). */
export type AuditFilter = {
  actor?: string;
  action?: string;
  result?: string;
  cluster?: string;
  namespace?: string;
  from?: string;
  to?: string;
};

export const AUDIT_PAGE_SIZE = 50;

/** Actions the API records today, offered as suggestions (any prefix can be typed). */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.change_password',
  'user.create',
  'user.update',
  'user.reset_password',
  'team.create',
  'team.update',
  'team.delete',
  'team.member_add',
  'team.member_remove',
  'team.group_link',
  'team.group_unlink',
  'role.create',
  'role.update',
  'role.clone',
  'role.delete',
  'rolebinding.create',
  'rolebinding.delete',
  'token.create',
  'token.revoke',
  'cluster.register',
  'cluster.update',
  'cluster.remove',
] as const;

export function toAuditFilter(values: AuditFilter): AuditFilter {
  return compactFilters(values);
}

export function auditPath(filter: AuditFilter, cursor?: string): string {
  return `/api/audit${toQueryString({ ...filter, limit: AUDIT_PAGE_SIZE, cursor })}`;
}

/** Same filters, no paging: the export holds every matching event. */
export function auditCsvPath(filter: AuditFilter): string {
  return `/api/audit/export.csv${toQueryString(filter)}`;
}
