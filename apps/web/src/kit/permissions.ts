import type { ConsoleResource, PermissionSummary, Verb } from '@wheelhouse/shared';

/**
 * Whether the summary grants `verb` on a console resource at global scope. Used only to hide what would be
 * refused anyway: the API checks every request itself.
 */
export function allows(summary: PermissionSummary | undefined, resource: ConsoleResource, verb: Verb): boolean {
  const verbs = summary?.console[resource] ?? [];
  return verbs.includes(verb) || verbs.includes('*');
}
