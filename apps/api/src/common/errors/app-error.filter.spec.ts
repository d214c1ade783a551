import { BadRequestException, ForbiddenException, HttpException, type ArgumentsHost } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { AppErrorFilter } from './app-error.filter.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (sent.headers[k] = v),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'req-1' }) }) } as unknown as ArgumentsHost;
  new AppErrorFilter().catch(exception, host);
  return sent;
}

describe('one error shape for everything', () => {
  it('keeps an AppError code, status, details and headers', () => {
    const sent = run(new AppError('AUTH_RATE_LIMITED', 'slow down', { details: { retryAfterSeconds: 5 }, headers: { 'Retry-After': '5' } }));
    expect(sent.status).toBe(429);
    expect(sent.body).toEqual({ code: 'AUTH_RATE_LIMITED', message: 'slow down', details: { retryAfterSeconds: 5 }, requestId: 'req-1' });
    expect(sent.headers['Retry-After']).toBe('5');
  });

  it('maps body-parser errors to stable codes', () => {
    const parse = Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 });
    expect(run(new BadRequestException('bad', { cause: parse })).body).toMatchObject({ code: 'MALFORMED_JSON' });
    const big = Object.assign(new Error('too large'), { type: 'entity.too.large' });
    expect(run(new HttpException('too large', 413, { cause: big }))).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('maps schema validation failures to VALIDATION_FAILED with the issues', () => {
    const sent = run(new BadRequestException({ message: ['username: required'], error: 'Bad Request', statusCode: 400 }));
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: ['username: required'] } });
  });

  it('maps framework 403s and hides unknown errors behind INTERNAL without leaking their message', () => {
    expect(run(new ForbiddenException()).body).toMatchObject({ code: 'FORBIDDEN' });
    const sent = run(new Error('connection string postgres://secret@db'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
