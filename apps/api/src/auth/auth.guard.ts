import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, type AuthenticatedUser, DomainError, type Role, requestContext, unauthenticated } from '#platform';
import type { Request } from 'express';
import { IS_PUBLIC, ROLES, SESSION_COOKIE, type SessionCookie } from './auth.decorators.js';

/**
 * Global guard: bearer token, then roles. Guards run before pipes, so a caller without the right
 * token or role learns nothing about the body's validity.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = await this.authenticate(req, this.reflector.getAllAndOverride<SessionCookie | undefined>(SESSION_COOKIE, targets));
    req.user = user;
    requestContext.setUser(user.id, user.roles);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.some((r) => user.roles.includes(r)))
      throw new DomainError('FORBIDDEN', 'FORBIDDEN', `This needs one of the roles: ${allowed.join(', ')}`);
    return true;
  }

  /** The bearer header when present; else, on a route that accepts one, its scoped session cookie. */
  private authenticate(req: Request, cookie: SessionCookie | undefined): Promise<AuthenticatedUser> {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && token) return this.auth.authenticate(token);
    const cookieToken = cookie ? (req.cookies as Record<string, string> | undefined)?.[cookie.name] : undefined;
    if (cookie && cookieToken) return this.auth.authenticate(cookieToken, cookie.audience);
    throw unauthenticated();
  }
}
