// Maker-checker in the browser: which rule would refuse this approver, so the file says it in plain words
// before they try (the api decides; a 403 MAKER_CHECKER_VIOLATION is explained the same way).
import type { ApplicationDetail } from '../officer/shared/queries';

export type MakerCheckerRule = 'submitted' | 'scored' | 'firstApproval';

export function makerCheckerRule(a: ApplicationDetail, userId: string | undefined): MakerCheckerRule | null {
  if (!userId) return null;
  if (a.submittedBy === userId) return 'submitted';
  if (a.scores.some((s) => s.scoredBy === userId)) return 'scored';
  if (a.status === 'PENDING_SECOND_APPROVAL' && a.decisions.some((d) => d.decision === 'APPROVE' && d.decidedBy === userId)) return 'firstApproval';
  return null;
}

/** a > b for non-negative decimal strings ("5000000.00" vs "5000000"), without turning money into a number. */
export function decimalGreater(a: string, b: string): boolean {
  const split = (x: string) => {
    const [whole, frac = ''] = x.trim().split('.');
    return [whole.replace(/^0+(?=\d)/, ''), frac.padEnd(2, '0')] as const;
  };
  const [aw, af] = split(a);
  const [bw, bf] = split(b);
  if (aw.length !== bw.length) return aw.length > bw.length;
  return aw === bw ? af > bf : aw > bw;
}
