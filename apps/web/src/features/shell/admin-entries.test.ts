import type { PermissionSummary } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { visibleAdminEntries } from './admin-entries';

const summary = (console: PermissionSummary['console']): PermissionSummary => ({ console, scopes: [] });
const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'bind', 'escalate'];

describe('admin navigation from the permission summary', () => {
  it('shows everything to a console admin', () => {
    const admin = summary(
      Object.fromEntries(['users', 'teams', 'roles', 'rolebindings', 'auditevents'].map((r) => [r, ALL])),
    );
    expect(visibleAdminEntries(admin)).toEqual(['users', 'teams', 'roles', 'bindings', 'audit', 'access']);
  });

  it('shows a plain user only the roles (read) and the access check', () => {
    expect(visibleAdminEntries(summary({ roles: ['get', 'list', 'watch'], users: [] }))).toEqual(['roles', 'access']);
  });

  it('shows an auditor the read-only pages and the audit log', () => {
    const auditor = summary(
      Object.fromEntries(['auditevents', 'users', 'teams', 'roles', 'rolebindings'].map((r) => [r, ['get', 'list']])),
    );
    expect(visibleAdminEntries(auditor)).toEqual(['users', 'teams', 'roles', 'bindings', 'audit', 'access']);
  });

  it('hides what is not loaded yet', () => {
    expect(visibleAdminEntries(undefined)).toEqual(['access']);
  });

  it('understands a wildcard verb', () => {
    expect(visibleAdminEntries(summary({ auditevents: ['*'] }))).toEqual(['audit', 'access']);
  });
});
