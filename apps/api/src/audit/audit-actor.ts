import type { AuditActor } from './audit.types.js';

/**
 * How every domain names the caller and a user account in the audit log. Kept beside the audit types (structurally
 * typed, no import of auth's Principal) so that users, teams, rbac, clusters and auth all reach down to it.
 */
export function actorOf(p: { user: { id: string; username: string }; viaToken: boolean }): AuditActor {
  return { id: p.user.id, username: p.user.username, viaToken: p.viaToken };
}

export function userTarget(u: { id: string; username: string }) {
  return { type: 'user', id: u.id, name: u.username };
}
