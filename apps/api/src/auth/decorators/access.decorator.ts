import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth.types.js';

export const PUBLIC_KEY = 'wheelhouse:public';
export const PERMISSION_KEY = 'wheelhouse:permission';

/**
 * Requirements a route can state. Until console RBAC lands only these two exist; the RBAC module widens this
 * type to Kubernetes-shaped permissions. Every route must carry @Public() or @RequirePermission(): the global
 * guard denies routes that carry neither, and a test walks all routes to prove none is unmarked.
 */
export type PermissionRequirement = 'authenticated' | 'admin';

export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const RequirePermission = (requirement: PermissionRequirement) => SetMetadata(PERMISSION_KEY, requirement);

/** The authenticated principal; only valid on routes that are not @Public(). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<Request>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
