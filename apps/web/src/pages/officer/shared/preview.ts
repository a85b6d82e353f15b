// The repayment simulation: POST /api/products/:id/schedule-preview, the engine that also books loans.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';

export interface PreviewInput {
  productId: string;
  amount: string;
  tenor: number;
  disbursementDate: string;
}

export function useSchedulePreview(onError: (err: unknown) => void) {
  return useMutation({
    mutationFn: ({ productId, ...body }: PreviewInput) => call(api.POST('/api/products/{id}/schedule-preview', { params: { path: { id: productId } }, body })),
    onError,
  });
}

/** "12" -> 12; anything else (empty, "12a", "1.5") -> undefined, so the api's 400 names the field. */
export function parseTenor(text: string): number | undefined {
  return /^\d{1,3}$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : undefined;
}
