import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ConsoleResource, Verb } from '@wheelhouse/shared';
import type { Request } from 'express';
import type { Principal } from '../auth.types.js';

export const PUBLIC_KEY = 'wheelhouse:public';
export const PERMISSION_KEY = 'wheelhouse:permission';

/**
 * What a route requires. Every route must carry @Public() or @RequirePermission(): the global guard denies
 * routes that carry neither, and a test walks all routes to prove none is unmarked.
 * - 'authenticated': any signed-in user (self-service routes: own profile, own tokens, own access).
 * - { verb, resource }: a console permission at global scope.
 * - { verb, resource, scoped: true }: the permission in at least one scope; the service then checks the exact
 *   scope of the object (e.g. a role binding in one namespace).
 * - 'delegated': signed in, and the handler authorizes each Kubernetes request against its own target
 *   (cluster, namespace, group, resource, verb) before anything reaches the cluster.
 */
export type PermissionRequirement = 'authenticated' | 'delegated' | { verb: Verb; resource: ConsoleResource; scoped?: boolean };

export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const RequirePermission = (requirement: PermissionRequirement) => SetMetadata(PERMISSION_KEY, requirement);

/** The authenticated principal; only valid on routes that are not @Public(). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<Request>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
