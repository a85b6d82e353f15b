// Loan officer area: borrowers (register, documents, a new application), applications (score and read the
// reasons), the repayment simulation and "my pipeline". Shared views (score, documents) live in ./shared and
// are reused by the approver's file.
import { type AreaModule, rolePage } from '../../routing/area';

const ROLES = ['loan_officer'] as const;

export const officerArea: AreaModule = {
  id: 'officer',
  nav: [
    { to: '/officer/borrowers', label: 'officer:nav.borrowers', description: 'officer:nav.borrowersHint', roles: ROLES },
    { to: '/officer/applications', label: 'officer:nav.applications', description: 'officer:nav.applicationsHint', roles: ROLES },
    { to: '/officer/simulation', label: 'officer:nav.simulation', description: 'officer:nav.simulationHint', roles: ROLES },
    { to: '/officer/pipeline', label: 'officer:nav.pipeline', description: 'officer:nav.pipelineHint', roles: ROLES },
  ],
  routes: [
    rolePage('officer/borrowers', ROLES, () => import('./BorrowersPage')),
    rolePage('officer/borrowers/new', ROLES, () => import('./RegisterBorrowerPage')),
    rolePage('officer/borrowers/:id', ROLES, () => import('./BorrowerPage')),
    rolePage('officer/applications', ROLES, () => import('./ApplicationsPage')),
    rolePage('officer/applications/:id', ROLES, () => import('./ApplicationPage')),
    rolePage('officer/simulation', ROLES, () => import('./SimulationPage')),
    rolePage('officer/pipeline', ROLES, () => import('./PipelinePage')),
  ],
};
