import { Injectable } from '@nestjs/common';
import type { WatchRequest } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { ResourceAccess, type Target } from '../resources/resource-access.js';
import type { NamespaceFilter } from './channel.js';

export interface WatchGrant {
  target: Target;
  namespace: string | null;
  allowed: NamespaceFilter;
}

/**
 * A subscription needs `list` and `watch` where it looks. All-namespace subscriptions of namespace-limited users
 * are narrowed to their namespaces, like REST lists, and the narrowing is told to the client (the ack's
 * `namespaces`, as the list's). With no namespace at all the subscription is refused: an ok with an empty sync
 * could not be told apart from "nothing there".
 */
@Injectable()
export class WatchAuthorizer {
  constructor(private readonly access: ResourceAccess) {}

  async grant(by: Principal, req: WatchRequest): Promise<WatchGrant> {
    const target = await this.access.target(by, req.cluster, req.group, req.version, req.resource);
    const namespace = target.ref.namespaced ? (req.namespace ?? null) : null;
    if (!target.ref.namespaced || namespace) {
      await this.access.assert(by, target, 'list', namespace);
      await this.access.assert(by, target, 'watch', namespace);
      return { target, namespace, allowed: null };
    }
    const [list, watch] = await Promise.all([this.access.allowedNamespaces(by, target, 'list'), this.access.allowedNamespaces(by, target, 'watch')]);
    if (list === 'all' && watch === 'all') return { target, namespace: null, allowed: null };
    const both = list === 'all' ? (watch as string[]) : watch === 'all' ? list : list.filter((n) => watch.includes(n));
    if (both.length === 0) throw new AppError('FORBIDDEN', `Not allowed to list and watch ${target.ref.resource} in any namespace of ${target.access.id}`);
    return { target, namespace: null, allowed: new Set(both) };
  }
}
