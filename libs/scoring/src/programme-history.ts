// The borrower's record in the programme, for the scorecard's PROGRAMME_HISTORY factor and knock-out.
import type { Application } from '#intake';
import type { EntityManager } from 'typeorm';
import type { ProgrammeHistory } from './domain/scoring-input.js';

/**
 * The borrower's earlier loans in this programme. Until loan accounts exist (issue 5), a DISBURSED
 * application stands for a loan without repayment data: none counts as repaid (so the factor gives at
 * most its neutral points) and no days past due are known.
 *
 * HOOK for loan accounts: count the borrower's loans in the programme (other than this application's),
 * those CLOSED as repaid, and take the worst days past due any of them ever reached (the history, not
 * today's DPD). Runs store what this returned, so old runs keep the history they were scored on.
 */
export async function readProgrammeHistory(em: EntityManager, a: Pick<Application, 'id' | 'borrowerId' | 'programmeId'>): Promise<ProgrammeHistory> {
  const [{ n }] = (await em.query(
    `SELECT count(*)::int AS n FROM application WHERE borrower_id = $1 AND programme_id = $2 AND status = 'DISBURSED' AND id <> $3`,
    [a.borrowerId, a.programmeId, a.id],
  )) as { n: number }[];
  return { earlierLoans: n, loansRepaid: 0, worstDaysPastDue: 0 };
}
