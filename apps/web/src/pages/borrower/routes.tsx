// Borrower portal (phone-first): next payment, schedule, payment history, reminders. Nothing else.
import { type AreaModule, rolePage } from '../../routing/area';

const ROLES = ['borrower'] as const;

export const borrowerArea: AreaModule = {
  id: 'borrower',
  nav: [{ to: '/portal', label: 'portal:nav.portal', description: 'portal:nav.portalHint', roles: ROLES }],
  routes: [rolePage('portal', ROLES, () => import('./PortalPage'))],
};
