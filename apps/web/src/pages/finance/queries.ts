// The finance desk's reads, shared by its pages (and invalidated together after a money-moving step).
import { api } from '../../api/client';
import { call } from '../../api/problem';

/** Every finance query key starts with 'finance': one invalidation refreshes the desk after a change. */
export const FINANCE = 'finance';

export const approvedApplicationsQuery = {
  queryKey: [FINANCE, 'applications', 'APPROVED'],
  queryFn: () => call(api.GET('/api/applications', { params: { query: { status: 'APPROVED', order: 'oldest', limit: 200 } } })),
};

export const disbursementsQuery = (status: 'PENDING' | 'DISBURSED' | 'CANCELLED') => ({
  queryKey: [FINANCE, 'disbursements', status],
  queryFn: () => call(api.GET('/api/disbursements', { params: { query: { status, limit: 500 } } })),
});

export const batchesQuery = {
  queryKey: [FINANCE, 'batches'],
  queryFn: () => call(api.GET('/api/disbursement-batches', { params: { query: { limit: 50 } } })),
};

export const batchQuery = (id: string) => ({
  queryKey: [FINANCE, 'batch', id],
  queryFn: () => call(api.GET('/api/disbursement-batches/{id}', { params: { path: { id } } })),
});

export const statementsQuery = {
  queryKey: [FINANCE, 'statements'],
  queryFn: () => call(api.GET('/api/bank-statements', { params: { query: { limit: 20 } } })),
};

export const statementLinesQuery = (id: string, status: 'MATCHED' | 'UNMATCHED' | 'MISMATCHED' | null) => ({
  queryKey: [FINANCE, 'statement-lines', id, status],
  queryFn: () => call(api.GET('/api/bank-statements/{id}/lines', { params: { path: { id }, query: { limit: 500, ...(status ? { status } : {}) } } })),
});

export const loanTransactionsQuery = (loanId: string) => ({
  queryKey: [FINANCE, 'loan-transactions', loanId],
  queryFn: () => call(api.GET('/api/loans/{id}/transactions', { params: { path: { id: loanId }, query: { limit: 50 } } })),
});

export const pendingReversalsQuery = {
  queryKey: [FINANCE, 'reversals', 'PENDING'],
  queryFn: () => call(api.GET('/api/reversals', { params: { query: { status: 'PENDING', limit: 200 } } })),
};
