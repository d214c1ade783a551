import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CONSOLE_GROUP,
  CONSOLE_RESOURCES,
  VERBS,
  type AccessDecision,
  type AccessRequest,
  type PermissionSummary,
  type RoleRule,
  type Scope,
  type Subject,
} from '@wheelhouse/shared';
import type { User } from '../generated/prisma/client.js';
import { RbacRepository, type BindingRow } from './rbac.repository.js';
import type { EffectiveBinding } from './rbac.types.js';
import { atomsOf, ruleAllows, ruleCovers, scopeContains, scopeCovers } from './rule-matcher.js';

/** Per-process cache bound; beyond it the cache starts over (a cache, not a store). */
const MAX_CACHED_USERS = 10_000;

/**
 * The console's one authorization point. Deny by default: a request is allowed only when a binding of the user
 * (direct, team or IdP group) covers its scope and one of the bound role's rules matches it. Bindings are cached
 * per user and dropped whenever the database's RBAC version moves, so a revoked permission stops working on the
 * very next request on every API instance.
 */
@Injectable()
export class AuthorizerService {
  private cache = new Map<string, { version: bigint; bindings: EffectiveBinding[] }>();
  private versionQuery: Promise<bigint> | null = null;
  /** A version read pinned for the duration of one request (see withSnapshot). */
  private readonly pinned = new AsyncLocalStorage<Promise<bigint>>();

  constructor(private readonly repo: RbacRepository) {}

  async bindingsOf(user: Pick<User, 'id' | 'username'>): Promise<EffectiveBinding[]> {
    const version = await this.currentVersion();
    const cached = this.cache.get(user.id);
    if (cached && cached.version === version) return cached.bindings;
    const { rows, teams } = await this.repo.bindingsForUser(user.id);
    const bindings = rows.map((row) => toEffective(row, user.username, teams));
    if (this.cache.size >= MAX_CACHED_USERS) this.cache.clear();
    this.cache.set(user.id, { version, bindings });
    return bindings;
  }

  /**
   * Checks made within one turn of the event loop (one proxied request asks up to three times) share one version
   * query. It is sent after all of them were made, and every request they serve had arrived before that turn
   * began, so a change committed before a request arrived is still seen by it: revocation stays "next request".
   */
  /**
   * Runs `work` with one RBAC version read, started now, for all of its checks. For a hot path (the kubectl proxy)
   * that would otherwise wait for the caller's identity before it could even ask: the read starts together with
   * the token lookup. Started after the request arrived, it sees every change committed before that.
   */
  withSnapshot<T>(work: () => Promise<T>): Promise<T> {
    const version = this.currentVersion();
    version.catch(() => undefined); // a failed read fails the checks that await it, not the process
    return this.pinned.run(version, work);
  }

  private currentVersion(): Promise<bigint> {
    const pinned = this.pinned.getStore();
    if (pinned) return pinned;
    if (!this.versionQuery) {
      this.versionQuery = this.repo.version();
      setImmediate(() => (this.versionQuery = null));
    }
    return this.versionQuery;
  }

  async can(user: Pick<User, 'id' | 'username' | 'disabled'>, req: AccessRequest): Promise<AccessDecision> {
    if (user.disabled) return { allowed: false, reason: 'USER_DISABLED', nearMisses: [] };
    return decide(await this.bindingsOf(user), req);
  }

  /** Whether the user holds the permission in at least one scope (route-level gate for scope-dependent routes). */
  async canSomewhere(user: Pick<User, 'id' | 'username' | 'disabled'>, req: AccessRequest): Promise<boolean> {
    if (user.disabled) return false;
    const bindings = await this.bindingsOf(user);
    return bindings.some((b) => b.rules.some((r) => ruleAllows(r, req)));
  }

  /** Namespaces of a cluster where the user may `verb` the resource: `all`, or an explicit list (maybe empty). */
  async allowedNamespaces(
    user: Pick<User, 'id' | 'username' | 'disabled'>,
    req: Omit<AccessRequest, 'namespace' | 'cluster'>,
    cluster: string,
  ): Promise<'all' | string[]> {
    if (user.disabled) return [];
    const matching = (await this.bindingsOf(user)).filter((b) => b.rules.some((r) => ruleAllows(r, { ...req, cluster })));
    if (matching.some((b) => b.scope.kind === 'global' || (b.scope.kind === 'cluster' && b.scope.cluster === cluster))) {
      return 'all';
    }
    const namespaces = matching.flatMap((b) => (b.scope.kind === 'namespace' && b.scope.cluster === cluster ? [b.scope.namespace] : []));
    return [...new Set(namespaces)].sort();
  }

  /**
   * Whether the user already holds every grant of `rules` everywhere in `scope`: the condition for binding a role
   * or writing a rule without the `bind`/`escalate` verbs (no one hands out more than they have).
   */
  async covers(user: Pick<User, 'id' | 'username' | 'disabled'>, rules: RoleRule[], scope: Scope): Promise<boolean> {
    if (user.disabled) return false;
    const held = (await this.bindingsOf(user)).filter((b) => scopeContains(b.scope, scope)).flatMap((b) => b.rules);
    return rules.flatMap(atomsOf).every((atom) => held.some((h) => ruleCovers(h, atom)));
  }

  /** Console verbs per console resource at global scope, and every scope the user has a binding in. */
  async summary(user: Pick<User, 'id' | 'username' | 'disabled'>): Promise<PermissionSummary> {
    const bindings = user.disabled ? [] : await this.bindingsOf(user);
    const console: Record<string, string[]> = {};
    for (const resource of CONSOLE_RESOURCES) {
      console[resource] = VERBS.filter((verb) => decide(bindings, { verb, group: CONSOLE_GROUP, resource }).allowed);
    }
    const scopes = new Map(bindings.map((b) => [JSON.stringify(b.scope), b.scope]));
    return { console, scopes: [...scopes.values()] };
  }
}

export function decide(bindings: EffectiveBinding[], req: AccessRequest): AccessDecision {
  if (bindings.length === 0) return { allowed: false, reason: 'NO_BINDINGS', nearMisses: [] };
  const nearMisses: AccessDecision['nearMisses'] = [];
  for (const b of bindings) {
    const ruleIndex = b.rules.findIndex((r) => ruleAllows(r, req));
    if (ruleIndex < 0) continue;
    if (!scopeCovers(b.scope, req)) {
      nearMisses.push({ bindingId: b.bindingId, role: b.roleName, scope: b.scope });
      continue;
    }
    return {
      allowed: true,
      reason: 'ALLOWED',
      via: {
        bindingId: b.bindingId,
        role: b.roleName,
        ruleIndex,
        rule: b.rules[ruleIndex]!,
        subject: b.subject,
        subjectName: b.subjectName,
        scope: b.scope,
      },
      nearMisses: [],
    };
  }
  return { allowed: false, reason: nearMisses.length ? 'SCOPE_MISMATCH' : 'NO_MATCHING_RULE', nearMisses };
}

export function scopeOf(row: Pick<BindingRow, 'scope' | 'clusterId' | 'namespace'>): Scope {
  if (row.scope === 'global') return { kind: 'global' };
  if (row.scope === 'cluster') return { kind: 'cluster', cluster: row.clusterId ?? '' };
  return { kind: 'namespace', cluster: row.clusterId ?? '', namespace: row.namespace ?? '' };
}

export function subjectOf(row: Pick<BindingRow, 'subjectKind' | 'subjectId' | 'subjectProvider'>): Subject {
  if (row.subjectKind === 'group') return { kind: 'group', provider: row.subjectProvider ?? '', name: row.subjectId };
  return { kind: row.subjectKind, id: row.subjectId };
}

function toEffective(row: BindingRow, username: string, teams: Map<string, string>): EffectiveBinding {
  const subject = subjectOf(row);
  const subjectName = subject.kind === 'user' ? username : subject.kind === 'team' ? (teams.get(subject.id) ?? subject.id) : subject.name;
  return {
    bindingId: row.id,
    roleId: row.role.id,
    roleName: row.role.name,
    rules: row.role.rules as RoleRule[],
    subject,
    subjectName,
    scope: scopeOf(row),
  };
}
