import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import type { Role, User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password-hasher.js';

export interface AccessTokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  /** Set only on scoped session tokens (e.g. the queue dashboard's cookie); a bearer token has none. */
  aud?: string;
}

/** A short-lived token that is good for one audience only, e.g. the queue dashboard's cookie. */
export interface ScopedSession {
  token: string;
  expiresAt: Date;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export interface AuthenticatedUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  borrowerId: string | null;
}

const invalidCredentials = () => new DomainError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'Username or password is wrong');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unauthenticated = (why = 'A valid bearer token is required') => new DomainError('UNAUTHENTICATED', 'UNAUTHENTICATED', why);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `client` identifies the caller (its address) for throttling repeated failures. */
  async login(username: string, password: string, client: string): Promise<LoginResult> {
    const throttleKey = `${client}|${username.trim().toLowerCase()}`;
    await this.throttle.assertAllowed(throttleKey);
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok || !user.isActive) {
      await this.throttle.recordFailure(throttleKey);
      throw invalidCredentials();
    }
    await this.throttle.reset(throttleKey);
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_TTL_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS, user };
  }

  /**
   * A token for one audience (a browser page that cannot send a bearer header, such as the queue dashboard),
   * issued to a user who is already signed in. It is refused as a bearer token, and a bearer token is
   * refused where this audience is required, so neither can stand in for the other.
   */
  async issueScopedSession(user: AuthenticatedUser, audience: string, ttlSeconds: number): Promise<ScopedSession> {
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, roles: user.roles };
    const token = await this.jwt.signAsync(claims, { expiresIn: ttlSeconds, audience });
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /**
   * Verifies a token and reloads the user, so a deactivation or role change applies at once. Without
   * `audience` the token must be a plain bearer token (no audience); with it, a scoped session of it.
   */
  async authenticate(token: string, audience?: string): Promise<AuthenticatedUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, audience ? { audience } : {});
    } catch {
      throw unauthenticated(audience ? 'The session has expired: open it again' : 'The bearer token is invalid or expired');
    }
    if (!audience && claims.aud !== undefined) throw unauthenticated('The bearer token is invalid or expired');
    // Only a key holder can sign a token, but a malformed `sub` must still be a 401, not a database error (500).
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw unauthenticated('The bearer token is invalid or expired');
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw unauthenticated('The user of this token no longer exists or is deactivated');
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, borrowerId: user.borrowerId };
  }
}
