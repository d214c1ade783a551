import { Controller, Get, Module, Post } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import cookieParser from 'cookie-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthGuard } from '../../src/auth/auth.guard.js';
import { PrincipalResolver } from '../../src/auth/principal.resolver.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuthorizerService } from '../../src/rbac/authorizer.service.js';
import { AppErrorFilter } from '../../src/common/errors/app-error.filter.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { ADMIN_PASSWORD, ORIGIN, startTestApp, type TestApp } from '../setup/test-app.js';
import { routeInventory } from '../setup/route-inventory.js';

/** Public routes are a short, reviewed list: adding one must be a conscious change to this test. */
const EXPECTED_PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'POST /api/auth/login',
  'GET /api/auth/providers',
  'POST /api/auth/ldap/:provider/login',
  'GET /api/auth/oidc/:provider/start',
  'GET /api/auth/oidc/:provider/callback',
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('deny by default: the route walk', () => {
  it('every registered route is either @Public() or states a permission requirement', () => {
    const routes = routeInventory(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const unmarked = routes.filter((r) => !r.isPublic && !r.requirement).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(unmarked).toEqual([]);
    expect(routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`).sort()).toEqual([...EXPECTED_PUBLIC].sort());
  });

  it('every non-public route answers 401 to a caller without a session, whatever the method', async () => {
    const routes = routeInventory(t.app).filter((r) => !r.isPublic);
    for (const route of routes) {
      const path = route.path.replace(/:[^/]+/g, '00000000-0000-4000-8000-000000000000');
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const res = await request(t.server)[method](path).set('Origin', ORIGIN).send({});
      expect(`${route.method} ${route.path} → ${res.status}`).toBe(`${route.method} ${route.path} → 401`);
    }
  });

  it('the kubectl proxy (Express middleware + upgrade listener, outside the route inventory) answers 401 too', async () => {
    const login = await request(t.server).post('/api/auth/login').set('Origin', ORIGIN).send({ username: 'admin', password: ADMIN_PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const paths = ['/k8s', '/k8s/clusters/any/api', '/k8s/clusters/any/api/v1/namespaces/x/pods', '/k8s/clusters/any/apis/apps/v1/deployments/x', '/k8s/clusters/any/version', '/k8s/anything/else'];
    for (const path of paths) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) {
        // A session cookie is no credential here: the proxy takes API tokens only.
        for (const withCookie of [false, true]) {
          const req = request(t.server)[method](path).set('Origin', ORIGIN);
          const res = await (withCookie ? req.set('Cookie', cookie) : req).send({});
          expect(`${method.toUpperCase()} ${path}${withCookie ? ' (cookie)' : ''} → ${res.status}`).toBe(`${method.toUpperCase()} ${path}${withCookie ? ' (cookie)' : ''} → 401`);
        }
      }
    }
    const upgrade = await request(t.server).get('/k8s/clusters/any/api/v1/namespaces/x/pods/p/exec').set({ Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
    expect(upgrade.status).toBe(401);
  });
});

@Controller('forgotten')
class ForgottenController {
  @Get()
  list() {
    return { leaked: true };
  }

  @Post()
  create() {
    return { leaked: true };
  }
}

@Module({
  controllers: [ForgottenController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: AppErrorFilter },
    { provide: APP_CONFIG, useValue: { publicOrigin: ORIGIN } },
    { provide: PrincipalResolver, useValue: { resolve: () => null } },
    { provide: AuthorizerService, useValue: { can: () => ({ allowed: false }) } },
    { provide: AuditService, useValue: { record: () => undefined } },
  ],
})
class ForgottenModule {}

describe('a route without a marker', () => {
  it('is reported by the route walk and denied at run time', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ForgottenModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.use(cookieParser());
    await app.init();
    try {
      const unmarked = routeInventory(app, '').filter((r) => !r.isPublic && !r.requirement);
      expect(unmarked.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /forgotten', 'POST /forgotten']);
      const get = await request(app.getHttpServer()).get('/forgotten');
      expect(get.status).toBe(403);
      expect(get.body.code).toBe('FORBIDDEN');
      expect(get.text).not.toContain('leaked');
      expect((await request(app.getHttpServer()).post('/forgotten').set('Origin', ORIGIN)).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});
