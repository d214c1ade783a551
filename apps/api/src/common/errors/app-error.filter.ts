import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@wheelhouse/shared';
import type { Request, Response } from 'express';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** Body-parser and Nest errors arrive in their own shapes; map each to a stable code. */
function fromUnknown(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // Express adapter wraps body-parser errors in HttpExceptions; their `type` lives on the cause.
  const cause = err instanceof HttpException ? err.cause : err;
  // An AppError thrown inside a body-parser `verify` (e.g. PAYLOAD_TOO_COMPLEX) keeps its own code.
  if (cause instanceof AppError) return cause;
  const type = (cause as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    if (status === 400) {
      // StandardSchemaValidationPipe: { message: string[] | string, error, statusCode }
      const message = typeof body === 'object' && body && 'message' in body ? body.message : undefined;
      return new AppError('VALIDATION_FAILED', 'The request is invalid', { details: { issues: message } });
    }
    const byStatus: Record<number, ErrorCode> = { 401: 'AUTH_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
    const code = byStatus[status];
    if (code) return new AppError(code, err.message);
    if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message);
  }
  // Connection-level database failures are an outage to wait out, not a bug: 503, and the pool reconnects.
  if (isDatabaseUnavailable(err)) return new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  return new AppError('INTERNAL', 'Internal error');
}

@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const error = fromUnknown(exception);
    if (error.code === 'INTERNAL') this.logger.error(exception);
    const body: ErrorBody = { code: error.code, message: error.message, requestId: typeof req.id === 'string' ? req.id : '' };
    if (error.details !== undefined) body.details = error.details;
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(error.headers ?? {})) res.setHeader(k, v);
    res.status(error.status).json(body);
  }
}
