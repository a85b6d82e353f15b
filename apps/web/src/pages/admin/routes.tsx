// Admin area: close-of-day status and runs, the queue dashboard.
import { type AreaModule, rolePage } from '../../routing/area';

const ROLES = ['admin'] as const;

export const adminArea: AreaModule = {
  id: 'admin',
  nav: [
    { to: '/admin/close-of-day', label: 'admin:nav.closeOfDay', description: 'admin:nav.closeOfDayHint', roles: ROLES },
    { to: '/admin/queues', label: 'admin:nav.queues', description: 'admin:nav.queuesHint', roles: ROLES },
  ],
  routes: [rolePage('admin/close-of-day', ROLES, () => import('./CloseOfDayPage')), rolePage('admin/queues', ROLES, () => import('./QueuesPage'))],
};
