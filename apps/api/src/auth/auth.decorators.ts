import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedUser, Role } from '#platform';

export const IS_PUBLIC = 'lumbung:public';
export const ROLES = 'lumbung:roles';

/** Open without a token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles allowed on a route; any one of them suffices. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in user, as the guard loaded it. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
