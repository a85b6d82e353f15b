// Finance area: disbursements, batches, bank statements, repayments, reversals, fund, trial balance.
import type { ComponentType } from 'react';
import { type AreaModule, type NavEntry, rolePage } from '../../routing/area';

const ROLES = ['finance'] as const;
const PAGES = ['disbursements', 'batches', 'bank-statements', 'repayments', 'reversals', 'fund', 'trial-balance'] as const;
// The fund position and the trial balance are read by admins too.
// One lazy chunk per page: a phone downloads only the page it opens.
const LOADERS: Record<(typeof PAGES)[number], () => Promise<{ default: ComponentType }>> = {
  disbursements: () => import('./DisbursementsPage'),
  batches: () => import('./BatchesPage'),
  'bank-statements': () => import('./BankStatementsPage'),
  repayments: () => import('./RepaymentsPage'),
  reversals: () => import('./ReversalsPage'),
  fund: () => import('./FundPage'),
  'trial-balance': () => import('./TrialBalancePage'),
};
const rolesOf = (page: (typeof PAGES)[number]) => (page === 'fund' || page === 'trial-balance' ? (['finance', 'admin'] as const) : ROLES);

export const financeArea: AreaModule = {
  id: 'finance',
  nav: PAGES.map((p): NavEntry => ({ to: `/finance/${p}`, label: `finance:nav.${p}`, description: `finance:nav.${p}Hint`, roles: rolesOf(p) })),
  routes: PAGES.map((p) => rolePage(`finance/${p}`, rolesOf(p), LOADERS[p])),
};
