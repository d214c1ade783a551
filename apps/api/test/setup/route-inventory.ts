import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../src/auth/decorators/access.decorator.js';

export interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  isPublic: boolean;
  requirement?: string;
}

const join = (...parts: (string | undefined)[]) =>
  '/' + parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/');

/** Every HTTP route Nest registered, with the access marker the global guard will read. */
export function routeInventory(app: INestApplication, globalPrefix = 'api', excluded = ['healthz', 'readyz']): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const fn = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, fn) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const own = join(base, path);
        const isExcluded = excluded.some((e) => own === `/${e}`);
        routes.push({
          method: RequestMethod[method],
          path: isExcluded ? own : join(globalPrefix, own),
          handler: `${controller.name}.${name}`,
          isPublic: Reflect.getMetadata(PUBLIC_KEY, fn) === true || Reflect.getMetadata(PUBLIC_KEY, controller) === true,
          requirement: (Reflect.getMetadata(PERMISSION_KEY, fn) ?? Reflect.getMetadata(PERMISSION_KEY, controller)) as string | undefined,
        });
      }
    }
  }
  return routes;
}
