// Who is acting and under which request id, for audit rows and logs, without threading it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  userId?: string;
  roles?: string[];
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  /** Records the authenticated user on the running request (the store object is per request). */
  setUser(userId: string, roles: string[]): void {
    const ctx = storage.getStore();
    if (ctx) {
      ctx.userId = userId;
      ctx.roles = roles;
    }
  },
};
