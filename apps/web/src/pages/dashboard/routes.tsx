// Programme dashboard (admin and approvers): charts and tables of the portfolio and the pipeline.
import { type AreaModule, rolePage } from '../../routing/area';

const ROLES = ['admin', 'approver'] as const;

export const dashboardArea: AreaModule = {
  id: 'dashboard',
  nav: [{ to: '/dashboard', label: 'dashboard:nav.dashboard', description: 'dashboard:nav.dashboardHint', roles: ROLES }],
  routes: [rolePage('dashboard', ROLES, () => import('./DashboardPage'))],
};
