// Approver area: the queue of scored applications (oldest first) and one application's file with the decision.
import { type AreaModule, rolePage } from '../../routing/area';

const ROLES = ['approver'] as const;

export const approverArea: AreaModule = {
  id: 'approver',
  nav: [{ to: '/approver/queue', label: 'approver:nav.queue', description: 'approver:nav.queueHint', roles: ROLES }],
  routes: [
    rolePage('approver/queue', ROLES, () => import('./QueuePage')),
    rolePage('approver/applications/:id', ROLES, () => import('./ApplicationFilePage')),
  ],
};
