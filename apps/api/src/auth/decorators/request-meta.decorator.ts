import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { RequestMeta } from '../../audit/audit.types.js';

/** Request id, client IP and user agent for audit records and sessions. */
export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return {
    requestId: typeof req.id === 'string' ? req.id : undefined,
    ip: req.ip,
    userAgent: req.get('user-agent')?.slice(0, 512),
  };
});
