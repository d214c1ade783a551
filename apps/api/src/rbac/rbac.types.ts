import type { AccessRequest, RoleRule, Scope, Subject } from '@wheelhouse/shared';

/** A binding as the authorizer sees it: the role's rules, who it came through, where it applies. */
export interface EffectiveBinding {
  bindingId: string;
  roleId: string;
  roleName: string;
  rules: RoleRule[];
  subject: Subject;
  subjectName: string;
  scope: Scope;
}

export type { AccessRequest };
