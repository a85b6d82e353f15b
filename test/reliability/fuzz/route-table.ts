// The api's route table as Nest registered it, with each handler's access rule (@Public or @Roles), so
// the authorization matrix and the fuzzer are generated from the code and a new route cannot slip by.
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '../../../apps/api/src/auth/auth.decorators.js';

export interface RouteRule {
  /** `GET /api/borrowers/:id` */
  key: string;
  method: string;
  /** Express-style path with the global prefix, e.g. /api/borrowers/:id */
  path: string;
  /** 'public', the roles allowed, or 'unruled' when the handler has neither decorator (any signed-in user). */
  rule: 'public' | 'unruled' | string[];
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

export function routeTable(app: INestApplication, prefix = 'api'): RouteRule[] {
  const reflector = new Reflector();
  const out = new Map<string, RouteRule>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!cls) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, cls) ?? ''].flat() as string[];
      const proto = cls.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        const targets = [handler as () => unknown, cls];
        const rule: RouteRule['rule'] = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
          ? 'public'
          : (reflector.getAllAndOverride<string[] | undefined>(ROLES, targets)?.slice().sort() ?? 'unruled');
        for (const b of base) {
          for (const p of [paths].flat()) {
            const path = join(prefix, b, p);
            const verb = RequestMethod[method];
            out.set(`${verb} ${path}`, { key: `${verb} ${path}`, method: verb, path, rule });
          }
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}
