import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type AuthenticatedUser, type Role, ROLES as ALL_ROLES } from '#platform';

export const IS_PUBLIC = 'lumbung:public';
export const ROLES = 'lumbung:roles';

/** Open without a token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const SESSION_COOKIE = 'lumbung:session-cookie';

/** A cookie that stands in for the bearer header on a route a browser opens directly (see AuthGuard). */
export interface SessionCookie {
  /** The cookie's name. */
  name: string;
  /** The audience its token must carry (AuthService.issueScopedSession). */
  audience: string;
  /** The path it is sent to: no wider than the routes that accept it. */
  path: string;
}

/** The route also accepts this scoped session cookie when no bearer header is sent. */
export const AcceptsSessionCookie = (cookie: SessionCookie) => SetMetadata(SESSION_COOKIE, cookie);

/** The roles allowed on a route; any one of them suffices. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * Open to every signed-in user whatever their roles. An explicit rule, so that the authorization
 * matrix (test/e2e/authorization-matrix.e2e.spec.ts) can tell it from a forgotten @Roles.
 */
export const AnyRole = () => SetMetadata(ROLES, [...ALL_ROLES]);

/** The signed-in user, as the guard loaded it. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
