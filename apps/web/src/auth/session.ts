// The signed-in user's bearer token and profile, kept in sessionStorage: it dies with the tab, which is
// what a shared office PC wants, and is never readable by another origin.
import type { components } from '../api/schema';

export type SessionUser = components['schemas']['UserResponse'];
export type Role = SessionUser['roles'][number];

export interface Session {
  token: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'lumbung.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export function hasAnyRole(user: SessionUser | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(user && user.roles.some((r) => roles.includes(r)));
}
