import { api } from '../../api/client';
import { call } from '../../api/problem';

export const portfolioQuery = {
  queryKey: ['dashboard', 'portfolio'],
  queryFn: () => call(api.GET('/api/reports/portfolio', { params: { query: {}, header: { accept: 'application/json' } } })),
};

export const trendQuery = (from: string | null) => ({
  queryKey: ['dashboard', 'trend', from],
  queryFn: () => call(api.GET('/api/reports/portfolio/trend', { params: { query: from ? { from } : {} } })),
});

export const pipelineQuery = {
  queryKey: ['dashboard', 'pipeline'],
  queryFn: () => call(api.GET('/api/applications/pipeline', { params: { query: {} } })),
};

const DAY_MS = 86_400_000;
/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
