// The one api client: openapi-fetch typed by schema.d.ts (generated: `npm run web:api-types`). A middleware
// attaches the bearer token; a 401 on anything but the sign-in itself ends the session (back to login).
import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, loadSession } from '../auth/session';
import type { paths } from './schema';

/** Dispatched on window when the api answered 401: AuthProvider signs the user out. */
export const UNAUTHENTICATED_EVENT = 'lumbung:unauthenticated';

const auth: Middleware = {
  onRequest({ request }) {
    const session = loadSession();
    if (session && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${session.token}`);
    if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', document.documentElement.lang || 'id');
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/auth/login')) {
      clearSession();
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    return response;
  },
};

// Relative paths: the api serves this app (production) or Vite proxies /api to it (development).
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);
