import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { AppError } from '../common/errors/app-error.js';
import { assertSameOrigin } from './csrf.js';
import { PERMISSION_KEY, PUBLIC_KEY, type PermissionRequirement } from './decorators/access.decorator.js';
import { SessionService } from './session.service.js';

/**
 * The one global guard. Deny by default: a route is reachable only when it says @Public() or states a
 * requirement with @RequirePermission(). Unsafe methods also pass the same-origin (CSRF) check, login included.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
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
    assertSameOrigin(req, this.config.publicOrigin);
    if (isPublic) return true;

    const token = (req.cookies as Record<string, string | undefined>)[this.sessions.cookieName];
    const principal = token ? await this.sessions.resolve(token) : null;
    if (!principal) throw new AppError('AUTH_REQUIRED', 'Sign in first');
    req.principal = principal;
    if (requirement === 'admin' && !principal.user.isAdmin) throw new AppError('FORBIDDEN', 'Administrators only');
    return true;
  }
}
