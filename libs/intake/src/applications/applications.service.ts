import { Money } from '#money';
import { AuditService, BusinessDateService, DomainError, NotFoundError, requestContext, TransactionRunner } from '#platform';
import { generateSchedule, Loan } from '#repayment';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Borrower } from '../borrowers/borrower.entity.js';
import { Business } from '../borrowers/business.entity.js';
import { Product } from '../products/product.entity.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import {
  type ApplicationDetail,
  type ApprovedTerms,
  type DecisionView,
  type ScoringRunView,
  toApplicationView,
  toStatusChangeView,
} from './application-view.js';
import { Application } from './application.entity.js';
import { type ApplicationEvent, type ApplicationStatus, COUNTS_AS_ACTIVE_LOAN, nextStatus } from './domain/application-status.js';
import { checkEligibility, type IneligibilityReason } from './domain/check-eligibility.js';
import { productTermsSnapshot } from '../products/product-terms.js';

export interface SubmitApplicationInput {
  borrowerId: string;
  productId: string;
  amount: Money;
  tenor: number;
  purpose: string;
}

export interface TransitionOptions {
  /** Who moves it; defaults to the signed-in user of the running request (null for the worker). */
  actorId?: string | null;
  /** What the move was about (a scoring run, a decision), added to the audit row's `after`. */
  details?: Record<string, unknown>;
}

/** An application's final approval, as disbursement reads it. */
export interface ApplicationApproval extends ApprovedTerms {
  applicationId: string;
  status: ApplicationStatus;
}

const AUDIT_ACTION: Record<ApplicationEvent, string> = {
  SCORE: 'APPLICATION_SCORED',
  APPROVE: 'APPLICATION_APPROVED',
  APPROVE_FIRST: 'APPLICATION_FIRST_APPROVED',
  REJECT: 'APPLICATION_REJECTED',
  DISBURSE: 'APPLICATION_DISBURSED',
  WITHDRAW: 'APPLICATION_WITHDRAWN',
  EXPIRE: 'APPLICATION_EXPIRED',
};

export const applicationIneligible = (reasons: IneligibilityReason[]) =>
  new DomainError(
    'UNPROCESSABLE',
    'APPLICATION_INELIGIBLE',
    `The application breaks ${reasons.length} of the programme's rules: ${[...new Set(reasons.map((r) => r.code))].join(', ')}`,
    { reasons },
  );

type Intake = { application: ApplicationDetail } | { refused: IneligibilityReason[]; programmeId: string; businessDate: string };

/**
 * Submission, the moves of the state machine and the one-application view. The scoring issue adds
 * scores and decisions on top: every status change it makes goes through transition().
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Checks every rule of the product and stores the application as SUBMITTED, or refuses it with 422
   * APPLICATION_INELIGIBLE listing every broken rule. A refusal stores no application; it leaves an
   * APPLICATION_REFUSED audit row on the borrower, so the programme can see who was turned away and why.
   */
  async submit(input: SubmitApplicationInput, submittedBy: string): Promise<ApplicationDetail> {
    const outcome = await this.tx.run(async (em): Promise<Intake> => {
      const product = await em.findOneBy(Product, { id: input.productId });
      if (!product) throw new NotFoundError('Product', input.productId);
      // The borrower's row lock serialises submissions for one borrower: a second one waits here and
      // then counts the first, so maxActiveLoans holds under concurrent requests.
      const borrower = await em.findOne(Borrower, { where: { id: input.borrowerId }, lock: { mode: 'pessimistic_write' } });
      if (!borrower) throw new NotFoundError('Borrower', input.borrowerId);
      if (!product.isActive) throw new DomainError('UNPROCESSABLE', 'PRODUCT_NOT_ACTIVE', `Product ${product.code} no longer takes applications`);
      const business = await em.findOneBy(Business, { borrowerId: borrower.id });
      const businessDate = await this.businessDate.current(em);
      const activeLoans =
        (await em.countBy(Application, { borrowerId: borrower.id, programmeId: product.programmeId, status: In([...COUNTS_AS_ACTIVE_LOAN]) })) +
        (await em.countBy(Loan, { borrowerId: borrower.id, programmeId: product.programmeId, status: 'ACTIVE' }));
      const reasons = checkEligibility({
        rules: product.eligibility,
        ranges: product,
        amount: input.amount,
        tenor: input.tenor,
        borrower,
        business,
        activeLoans,
        businessDate,
        maturityDate: this.maturityDate(product, input.tenor, businessDate),
      });
      if (reasons.length) return { refused: reasons, programmeId: product.programmeId, businessDate };

      const [{ seq }] = (await em.query(`SELECT nextval('application_number_seq')::text AS seq`)) as { seq: string }[];
      const inserted = await em.insert(Application, {
        number: `APP-${businessDate.slice(0, 4)}-${seq.padStart(6, '0')}`,
        programmeId: product.programmeId,
        productId: product.id,
        borrowerId: borrower.id,
        districtCode: borrower.districtCode,
        amount: input.amount,
        tenor: input.tenor,
        purpose: input.purpose.trim(),
        status: 'SUBMITTED',
        termsSnapshot: productTermsSnapshot(product),
        submittedBy,
        statusSince: businessDate,
      });
      const id = (inserted.identifiers[0] as { id: string }).id;
      await em.insert(ApplicationStatusChange, {
        applicationId: id,
        fromStatus: null,
        toStatus: 'SUBMITTED',
        event: 'SUBMIT',
        businessDate,
        changedBy: submittedBy,
        note: null,
      });
      const application = await this.detail(id, em);
      const { statusHistory: _h, ...after } = application;
      await this.audit.record(em, { action: 'APPLICATION_SUBMITTED', entityType: 'application', entityId: id, after });
      return { application };
    });
    if ('application' in outcome) return outcome.application;

    // After the rollback, in a transaction of its own: the refusal itself is the record.
    await this.tx.run((em) =>
      this.audit.record(em, {
        action: 'APPLICATION_REFUSED',
        entityType: 'borrower',
        entityId: input.borrowerId,
        after: {
          programmeId: outcome.programmeId,
          productId: input.productId,
          amount: input.amount,
          tenor: input.tenor,
          businessDate: outcome.businessDate,
          submittedBy,
          reasons: outcome.refused,
        },
      }),
    );
    throw applicationIneligible(outcome.refused);
  }

  /**
   * Moves the application by `event` inside the caller's transaction: locks its row (two people
   * pressing the same button queue here, and the second sees the first one's result), applies the
   * state machine (409 INVALID_STATE), writes the history row and the audit row.
   */
  async transition(em: EntityManager, applicationId: string, event: ApplicationEvent, note?: string, opts: TransitionOptions = {}): Promise<Application> {
    const current = await em.findOne(Application, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw new NotFoundError('Application', applicationId);
    const to = nextStatus(current.status, event);
    const businessDate = await this.businessDate.current(em);
    // A rescore leaves it SCORED: its days waiting keep counting from when it first got there.
    const statusSince = to === current.status ? current.statusSince : businessDate;
    const changedBy = opts.actorId !== undefined ? opts.actorId : (requestContext.current()?.userId ?? null);
    await em.update(Application, { id: applicationId }, { status: to, statusSince });
    await em.insert(ApplicationStatusChange, {
      applicationId,
      fromStatus: current.status,
      toStatus: to,
      event,
      businessDate,
      changedBy,
      note: note ?? null,
    });
    await this.audit.record(em, {
      action: AUDIT_ACTION[event],
      entityType: 'application',
      entityId: applicationId,
      actorId: changedBy,
      before: { status: current.status, statusSince: current.statusSince, version: current.version },
      after: { status: to, statusSince, version: current.version + 1, note: note ?? null, ...opts.details },
    });
    return em.findOneByOrFail(Application, { id: applicationId });
  }

  /**
   * Stores the final approval's terms on the application row, inside the approving transaction. The
   * columns come from the scoring migration and are not mapped on the entity, hence SQL.
   */
  async recordApprovedTerms(em: EntityManager, applicationId: string, amount: Money, tenor: number): Promise<void> {
    const businessDate = await this.businessDate.current(em);
    await em.query(`UPDATE application SET approved_amount = $2, approved_tenor = $3, approved_at = now(), approved_on = $4 WHERE id = $1`, [
      applicationId,
      amount.toString(),
      tenor,
      businessDate,
    ]);
  }

  /**
   * The final approval's amount and tenor (null until APPROVED): what a disbursement pays out. Pass the
   * transaction's manager after locking the row to read them consistently with the status.
   */
  async approval(applicationId: string, em: EntityManager = this.tx.manager): Promise<ApplicationApproval> {
    const rows = (await em.query(`SELECT id, status FROM application WHERE id = $1`, [applicationId])) as { id: string; status: ApplicationStatus }[];
    if (!rows.length) throw new NotFoundError('Application', applicationId);
    return { applicationId, status: rows[0].status, ...(await this.approvedTerms(applicationId, em)) };
  }

  /** The officer takes the application back before any decision (SUBMITTED or SCORED). */
  async withdraw(applicationId: string, reason: string): Promise<ApplicationDetail> {
    return this.tx.run(async (em) => {
      await this.transition(em, applicationId, 'WITHDRAW', reason.trim());
      return this.detail(applicationId, em);
    });
  }

  async get(applicationId: string): Promise<ApplicationDetail> {
    return this.detail(applicationId);
  }

  /** The application with its terms, its history, its scoring runs and decisions, and its final approval. */
  async detail(applicationId: string, em: EntityManager = this.tx.manager): Promise<ApplicationDetail> {
    const application = await em.findOneBy(Application, { id: applicationId });
    if (!application) throw new NotFoundError('Application', applicationId);
    const history = await em.find(ApplicationStatusChange, { where: { applicationId }, order: { id: 'ASC' } });
    return {
      ...toApplicationView(application),
      ...(await this.approvedTerms(applicationId, em)),
      termsSnapshot: application.termsSnapshot,
      statusHistory: history.map(toStatusChangeView),
      scores: await this.scoringRuns(applicationId, em),
      decisions: await this.decisions(applicationId, em),
    };
  }

  // The three readers below read the scoring lib's tables and columns by SQL: scoring depends on intake
  // (it moves applications through transition()), so intake must not import it.

  private async approvedTerms(applicationId: string, em: EntityManager): Promise<ApprovedTerms> {
    const [row] = (await em.query(`SELECT approved_amount, approved_tenor, approved_at, approved_on FROM application WHERE id = $1`, [applicationId])) as {
      approved_amount: string | null;
      approved_tenor: number | null;
      approved_at: Date | null;
      approved_on: string | null;
    }[];
    return {
      approvedAmount: row?.approved_amount == null ? null : Money.fromDb(row.approved_amount),
      approvedTenor: row?.approved_tenor ?? null,
      approvedAt: row?.approved_at ? row.approved_at.toISOString() : null,
      approvedOn: row?.approved_on ?? null,
    };
  }

  private async scoringRuns(applicationId: string, em: EntityManager): Promise<ScoringRunView[]> {
    const rows = (await em.query(
      `SELECT r.id, r.run_number AS "runNumber", r.scorecard_id AS "scorecardId", s.code AS "scorecardCode", s.version AS "scorecardVersion",
              r.score, r.grade, r.recommendation, r.recommendation_reason AS "recommendationReason",
              r.recommendation_reason_en AS "recommendationReasonEn", r.max_recommended_amount AS "maxRecommendedAmount",
              r.installment, r.factors, r.knock_outs AS "knockOuts", r.inputs, r.business_date AS "businessDate",
              r.scored_by AS "scoredBy", r.scored_at AS "scoredAt"
         FROM scoring_run r JOIN scorecard s ON s.id = r.scorecard_id
        WHERE r.application_id = $1
        ORDER BY r.run_number`,
      [applicationId],
    )) as (Omit<ScoringRunView, 'maxRecommendedAmount' | 'installment' | 'scoredAt'> & { maxRecommendedAmount: string; installment: string; scoredAt: Date })[];
    return rows.map((r) => ({
      ...r,
      maxRecommendedAmount: Money.fromDb(r.maxRecommendedAmount),
      installment: Money.fromDb(r.installment),
      scoredAt: r.scoredAt.toISOString(),
    }));
  }

  private async decisions(applicationId: string, em: EntityManager): Promise<DecisionView[]> {
    const rows = (await em.query(
      `SELECT id, step, decision, approved_amount AS "approvedAmount", approved_tenor AS "approvedTenor", reason_code AS "reasonCode", note,
              scoring_run_id AS "scoringRunId", from_status AS "fromStatus", to_status AS "toStatus", business_date AS "businessDate",
              decided_by AS "decidedBy", decided_at AS "decidedAt"
         FROM application_decision
        WHERE application_id = $1
        ORDER BY step`,
      [applicationId],
    )) as (Omit<DecisionView, 'approvedAmount' | 'decidedAt'> & { approvedAmount: string | null; decidedAt: Date })[];
    return rows.map((d) => ({
      ...d,
      approvedAmount: d.approvedAmount === null ? null : Money.fromDb(d.approvedAmount),
      decidedAt: d.decidedAt.toISOString(),
    }));
  }

  /**
   * The last due date if the loan were disbursed today, for the age-at-maturity rule. Holidays are
   * left out (they move a date by days, not years). The due dates do not depend on the principal, so
   * the schedule is asked for one that always splits: one rounding unit per installment.
   */
  private maturityDate(product: Product, tenor: number, businessDate: string): string {
    const schedule = generateSchedule({
      principal: product.roundingUnit.times(tenor),
      tenor,
      frequency: product.frequency,
      roundingUnit: product.roundingUnit,
      roundingMode: product.roundingMode,
      remainderPlacement: product.remainderPlacement,
      principalGracePeriods: product.principalGracePeriods,
      moveDueDatesOffHolidays: product.moveDueDatesOffHolidays,
      disbursementDate: businessDate,
      holidays: new Set(),
    });
    return schedule[schedule.length - 1].dueDate;
  }
}
