import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CONSOLE_GROUP } from '@wheelhouse/shared';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { AppError } from '../common/errors/app-error.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { actorOf } from '../audit/audit-actor.js';
import { assertSameOrigin, isSafeMethod } from './csrf.js';
import { PERMISSION_KEY, PUBLIC_KEY, type PermissionRequirement } from './decorators/access.decorator.js';
import { PrincipalResolver } from './principal.resolver.js';

/**
 * The one global guard. Deny by default: a route is reachable only when it says @Public() or states a
 * requirement with @RequirePermission(). Cookie-authenticated (and public) unsafe requests must also pass the
 * same-origin CSRF check; bearer-token requests cannot be forged cross-site (no CORS), so they skip it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
    private readonly authorizer: AuthorizerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return false; // sockets bring their own guard; nothing is open by accident
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const requirement = this.reflector.getAllAndOverride<PermissionRequirement | undefined>(PERMISSION_KEY, targets);
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!isPublic && !requirement) {
      this.logger.error(`Route ${req.method} ${req.path} has no access marker; denied`);
      throw new AppError('FORBIDDEN', 'Access denied');
    }
    if (isPublic) {
      assertSameOrigin(req, this.config.publicOrigin);
      return true;
    }
    const principal = await this.principals.resolve(req);
    if (!principal) throw new AppError('AUTH_REQUIRED', 'Sign in first');
    if (!principal.viaToken) assertSameOrigin(req, this.config.publicOrigin);
    req.principal = principal;
    if (requirement === 'authenticated' || requirement === 'delegated' || requirement === undefined) return true;

    const access = { verb: requirement.verb, group: CONSOLE_GROUP, resource: requirement.resource };
    const allowed = requirement.scoped
      ? await this.authorizer.canSomewhere(principal.user, access)
      : (await this.authorizer.can(principal.user, access)).allowed;
    if (allowed) return true;
    if (!isSafeMethod(req.method)) {
      await this.audit.record({
        actor: actorOf(principal),
        action: `${requirement.resource}.${requirement.verb}`,
        target: { type: requirement.resource },
        result: 'denied',
        status: 403,
        request: { requestId: typeof req.id === 'string' ? req.id : undefined, ip: req.ip, userAgent: req.get('user-agent') },
      });
    }
    throw new AppError('FORBIDDEN', `Not allowed to ${requirement.verb} ${requirement.resource}`);
  }
}
