// Every area of the app, in navigation order (see routing/area.tsx).
import { adminArea } from './pages/admin/routes';
import { approverArea } from './pages/approver/routes';
import { borrowerArea } from './pages/borrower/routes';
import { dashboardArea } from './pages/dashboard/routes';
import { financeArea } from './pages/finance/routes';
import { officerArea } from './pages/officer/routes';
import type { AreaModule, NavEntry } from './routing/area';
import type { Role } from './auth/session';

export const AREAS: readonly AreaModule[] = [borrowerArea, officerArea, approverArea, financeArea, dashboardArea, adminArea];

/** The navigation entries the user's roles open, each once, in area order. */
export function navFor(roles: readonly Role[]): NavEntry[] {
  const seen = new Set<string>();
  return AREAS.flatMap((a) => a.nav).filter((e) => {
    if (seen.has(e.to) || !e.roles.some((r) => roles.includes(r))) return false;
    seen.add(e.to);
    return true;
  });
}
