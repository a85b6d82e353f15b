// The reads the officer and approver pages share (the approver's file reuses the officer's views): one
// query key per resource, so a mutation invalidates every page that shows it.
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import type { components, operations } from '../../../api/schema';

export type ApplicationDetail = components['schemas']['ApplicationDetailResponse'];
export type ApplicationListItem = components['schemas']['ApplicationListItemResponse'];
export type ApplicationStatus = ApplicationDetail['status'];
export type ScoringRun = components['schemas']['ScoringRunResponse'];
export type Borrower = components['schemas']['BorrowerResponse'];
export type Product = components['schemas']['ProductResponse'];
export type BorrowerDocument = components['schemas']['DocumentResponse'];

export const productsQuery = () => ({
  queryKey: ['products'],
  queryFn: () => call(api.GET('/api/products', { params: { query: { limit: 100 } } })),
  staleTime: 5 * 60_000,
});

/** The kecamatan of a regency (e.g. 35.26 Bangkalan), in code order. */
export const districtsQuery = (regencyCode: string) => ({
  queryKey: ['regions', regencyCode],
  queryFn: () => call(api.GET('/api/regions', { params: { query: { parentCode: regencyCode, limit: 500 } } })),
  staleTime: 60 * 60_000,
});

export const borrowerQuery = (id: string) => ({
  queryKey: ['borrowers', id],
  queryFn: () => call(api.GET('/api/borrowers/{id}', { params: { path: { id } } })),
});

export const documentsQuery = (borrowerId: string) => ({
  queryKey: ['borrowers', borrowerId, 'documents'],
  queryFn: () => call(api.GET('/api/borrowers/{id}/documents', { params: { path: { id: borrowerId }, query: { limit: 100 } } })),
});

export const applicationQuery = (id: string) => ({
  queryKey: ['applications', id],
  queryFn: () => call(api.GET('/api/applications/{id}', { params: { path: { id } } })),
});

type ListQuery = NonNullable<operations['ApplicationsController_list']['parameters']['query']>;

export const applicationsQuery = (query: ListQuery) => ({
  queryKey: ['applications', 'list', query],
  queryFn: () => call(api.GET('/api/applications', { params: { query } })),
});
