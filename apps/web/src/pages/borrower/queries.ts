// The portal's reads, all borrower-scoped (/api/me/*): the api answers 404 for anyone else's loan.
import { api } from '../../api/client';
import { call } from '../../api/problem';

export const myLoansQuery = () => ({
  queryKey: ['me', 'loans'],
  queryFn: () => call(api.GET('/api/me/loans', { params: { query: { limit: 50 } } })),
});

export const myScheduleQuery = (id: string) => ({
  queryKey: ['me', 'loans', id, 'schedule'],
  queryFn: () => call(api.GET('/api/me/loans/{id}/schedule', { params: { path: { id } } })),
});

export const myPaymentsQuery = (id: string) => ({
  queryKey: ['me', 'loans', id, 'payments'],
  queryFn: () => call(api.GET('/api/me/loans/{id}/payments', { params: { path: { id }, query: { limit: 100 } } })),
});

export const myRemindersQuery = (id: string) => ({
  queryKey: ['me', 'loans', id, 'reminders'],
  queryFn: () => call(api.GET('/api/me/loans/{id}/reminders', { params: { path: { id }, query: { limit: 100 } } })),
});
