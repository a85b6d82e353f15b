// One way for every form to show an api error: setProblem(err) in the mutation's onError, <ProblemAlert
// problem={problem} /> above the form, and error={fieldError('amount')} on each field (nested fields by
// dotted path, as the api names them: 'address.districtCode', 'business.startedOn').
import { useCallback, useState } from 'react';
import { type ProblemError, toProblem } from '../api/problem';

export function useProblem() {
  const [problem, setState] = useState<ProblemError | null>(null);
  const setProblem = useCallback((err: unknown) => setState(err === null || err === undefined ? null : toProblem(err)), []);
  const clear = useCallback(() => setState(null), []);
  const fieldError = useCallback(
    (field: string): string | undefined => {
      const messages = problem?.fieldMessages(field) ?? [];
      return messages.length > 0 ? messages.join('; ') : undefined;
    },
    [problem],
  );
  return { problem, setProblem, clear, fieldError };
}
