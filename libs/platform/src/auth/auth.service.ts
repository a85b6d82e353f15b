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

  /** Verifies a bearer token and reloads the user, so a deactivation or role change applies at once. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated('The bearer token is invalid or expired');
    }
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw unauthenticated('The user of this token no longer exists or is deactivated');
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, borrowerId: user.borrowerId };
  }
}
