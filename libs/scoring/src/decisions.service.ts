// Approvers' decisions (issue 4 items 4-6): maker-checker, the credit committee's second approval, one
// state change and one audit row per decision even when approvers press at the same moment.
import { Application, type ApplicationDetail, ApplicationsService, nextStatus, scheduleTermsOf } from '#intake';
import { Money } from '#money';
import { BusinessDateService, NotFoundError, TransactionRunner, ValidationError } from '#platform';
import { generateSchedule } from '#repayment';
import { Injectable } from '@nestjs/common';
import { assertMayDecide, type DecisionRequest, decisionOutcome, decisionRequestViolations, type FirstApproval } from './domain/decision-rules.js';
import { ApplicationDecision } from './entities/application-decision.entity.js';
import { ScoringRun } from './entities/scoring-run.entity.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly applications: ApplicationsService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Records `deciderId`'s decision on the latest scoring run and moves the application: 409
   * INVALID_STATE unless SCORED or PENDING_SECOND_APPROVAL, 403 MAKER_CHECKER_VIOLATION for whoever took
   * or scored it or gave the first approval, 422 for an approval outside what was asked or the product allows.
   */
  async decide(applicationId: string, request: DecisionRequest, deciderId: string): Promise<ApplicationDetail> {
    const violations = decisionRequestViolations(request);
    if (violations.length) throw new ValidationError(violations, violations.map((v) => v.message).join('; '));
    return this.tx.run(async (em) => {
      // The row lock is the concurrency rule: approvers deciding at once queue here, and each one after
      // the first reads the status the first left (a decided application: 409 just below).
      const application = await em.findOne(Application, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw new NotFoundError('Application', applicationId);
      nextStatus(application.status, request.decision);

      const runs = await em.find(ScoringRun, {
        select: { id: true, runNumber: true, scoredBy: true },
        where: { applicationId },
        order: { runNumber: 'DESC' },
      });
      const first = application.status === 'PENDING_SECOND_APPROVAL' ? await em.findOneBy(ApplicationDecision, { applicationId, step: 1 }) : null;
      const firstApproval: FirstApproval | null =
        first?.approvedAmount && first.approvedTenor !== null ? { decidedBy: first.decidedBy, approvedAmount: first.approvedAmount, approvedTenor: first.approvedTenor } : null;
      assertMayDecide({ deciderId, submittedBy: application.submittedBy, scorerIds: runs.map((r) => r.scoredBy), firstApproval });

      const terms = application.termsSnapshot;
      const outcome = decisionOutcome(
        request,
        {
          amount: application.amount,
          tenor: application.tenor,
          minAmount: Money.of(terms.minAmount),
          maxAmount: Money.of(terms.maxAmount),
          minTenor: terms.minTenor,
          maxTenor: terms.maxTenor,
          committeeThreshold: Money.of(terms.committeeThreshold),
        },
        firstApproval,
      );
      const businessDate = await this.businessDate.current(em);
      // An approval must be a loan the schedule engine can book: 422 SCHEDULE_UNIT_TOO_LARGE otherwise.
      if (outcome.approvedAmount && outcome.approvedTenor !== null)
        generateSchedule({ ...scheduleTermsOf(terms, outcome.approvedAmount, outcome.approvedTenor), disbursementDate: businessDate, holidays: new Set() });

      // SCORED (or pending) guarantees a run: the state machine only reaches them through SCORE.
      const run = runs[0];
      const note = request.note?.trim() || null;
      const inserted = await em.insert(ApplicationDecision, {
        applicationId,
        step: outcome.step,
        scoringRunId: run.id,
        decision: request.decision,
        approvedAmount: outcome.approvedAmount,
        approvedTenor: outcome.approvedTenor,
        reasonCode: request.reasonCode ?? null,
        note,
        fromStatus: application.status,
        toStatus: nextStatus(application.status, outcome.event),
        businessDate,
        decidedBy: deciderId,
      });
      await this.applications.transition(em, applicationId, outcome.event, note ?? undefined, {
        actorId: deciderId,
        details: {
          decision: {
            id: (inserted.identifiers[0] as { id: string }).id,
            step: outcome.step,
            decision: request.decision,
            approvedAmount: outcome.approvedAmount,
            approvedTenor: outcome.approvedTenor,
            reasonCode: request.reasonCode ?? null,
            scoringRunId: run.id,
            runNumber: run.runNumber,
          },
        },
      });
      if (outcome.event === 'APPROVE' && outcome.approvedAmount && outcome.approvedTenor !== null)
        await this.applications.recordApprovedTerms(em, applicationId, outcome.approvedAmount, outcome.approvedTenor);
      return this.applications.detail(applicationId, em);
    });
  }
}
