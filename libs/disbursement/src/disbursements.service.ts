import { randomUUID } from 'node:crypto';
import { Application, ApplicationsService, HolidaysService, scheduleTermsOf } from '#intake';
import { FundService, valueDateInFuture } from '#ledger';
import { Money } from '#money';
import {
  AuditService,
  BusinessDateService,
  decodeCursor,
  newestFirst,
  DomainError,
  FieldEncryptionService,
  InvalidStateError,
  NotFoundError,
  type Page,
  pageLimit,
  ProgrammesService,
  requestContext,
  toPage,
  TransactionRunner,
  ValidationError,
} from '#platform';
import { generateSchedule, holidayWindow, LoansService, RepaymentHooks } from '#repayment';
import { Injectable } from '@nestjs/common';
import { type EntityManager, Not } from 'typeorm';
import { sealAccountNumber } from './account-number.js';
import { DisbursementBatchesService } from './disbursement-batches.service.js';
import { type ConfirmationView, type DisbursementView, toDisbursementView } from './disbursement-view.js';
import { BANK_CODES, isBankCode } from './domain/banks.js';
import type { DisbursementStatus } from './domain/disbursement-status.js';
import { Disbursement } from './entities/disbursement.entity.js';

export interface OrderDisbursementInput {
  applicationId: string;
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

export interface ConfirmDisbursementInput {
  /** The date the bank moved the money: the loan and its schedule start here. */
  valueDate: string;
  /** The bank's own reference for the transfer. */
  bankReference: string;
}

export interface DisbursementListFilter {
  programmeId?: string;
  status?: DisbursementStatus;
  applicationId?: string;
  batchId?: string;
  limit?: number;
  cursor?: string;
}

export const insufficientFund = (amount: Money, available: Money) =>
  new DomainError('UNPROCESSABLE', 'INSUFFICIENT_FUND', `The fund has ${available.toString()} available; this disbursement needs ${amount.toString()}`, {
    amount,
    available,
  });

/**
 * Disbursement orders, from an approved application to a booked loan. Every step that commits,
 * pays or releases cash takes the programme's fund lock first (FundService.lock), then the order's
 * row, then the application's: one order, and the same lock order, everywhere.
 */
@Injectable()
export class DisbursementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly fund: FundService,
    private readonly applications: ApplicationsService,
    private readonly holidays: HolidaysService,
    private readonly loans: LoansService,
    private readonly repaymentHooks: RepaymentHooks,
    private readonly batches: DisbursementBatchesService,
    private readonly cipher: FieldEncryptionService,
  ) {}

  /**
   * Orders the transfer of an APPROVED application's approved amount. The available cash is read and
   * the order inserted under the fund's lock: of two clerks racing for the last rupiah, the second
   * sees the first one's order and gets 422 INSUFFICIENT_FUND.
   */
  async order(input: OrderDisbursementInput): Promise<DisbursementView> {
    if (!isBankCode(input.bankCode)) throw ValidationError.field('bankCode', 'IS_IN', `bankCode must be one of ${BANK_CODES.join(', ')}`);
    return this.tx.run(async (em) => {
      const found = await em.findOne(Application, { where: { id: input.applicationId }, select: { id: true, programmeId: true } });
      if (!found) throw new NotFoundError('Application', input.applicationId);
      await this.fund.lock(em, found.programmeId);
      const application = await em.findOneOrFail(Application, { where: { id: input.applicationId }, lock: { mode: 'pessimistic_write' } });
      const live = await em.findOneBy(Disbursement, { applicationId: application.id, status: Not('CANCELLED') });
      if (live)
        throw new DomainError('CONFLICT', 'ALREADY_DISBURSED', `Application ${application.number} already has disbursement ${live.reference} (${live.status})`, {
          disbursementId: live.id,
          reference: live.reference,
          status: live.status,
        });
      if (application.status !== 'APPROVED')
        throw new InvalidStateError(`Application ${application.number} is ${application.status}: only an APPROVED application can be disbursed`);
      const { amount, tenor } = await this.approvedTerms(em, application);
      const orderedOn = await this.businessDate.current(em);
      // The engine refuses terms it cannot schedule now, before the bank pays, not at confirmation.
      generateSchedule({ ...scheduleTermsOf(application.termsSnapshot, amount, tenor), disbursementDate: orderedOn, holidays: new Set() });
      const { available } = await this.fund.availableCash(em, application.programmeId);
      if (available.lt(amount)) throw insufficientFund(amount, available);

      const id = randomUUID();
      const [{ seq }] = (await em.query(`SELECT nextval('disbursement_reference_seq')::text AS seq`)) as { seq: string }[];
      await em.insert(Disbursement, {
        id,
        reference: `DSB-${orderedOn.slice(0, 4)}-${seq.padStart(6, '0')}`,
        programmeId: application.programmeId,
        applicationId: application.id,
        borrowerId: application.borrowerId,
        amount,
        tenor,
        bankCode: input.bankCode,
        ...sealAccountNumber(this.cipher, id, input.accountNumber),
        accountName: input.accountName.trim(),
        status: 'PENDING',
        batchId: null,
        orderedOn,
        orderedBy: requestContext.current()?.userId ?? null,
        valueDate: null,
        bankReference: null,
        loanId: null,
        confirmedAt: null,
        confirmedBy: null,
        cancelReason: null,
        cancelledAt: null,
        cancelledBy: null,
      });
      const view = toDisbursementView(await em.findOneByOrFail(Disbursement, { id }));
      await this.audit.record(em, { action: 'DISBURSEMENT_ORDERED', entityType: 'disbursement', entityId: id, after: { ...view, availableBefore: available } });
      return view;
    });
  }

  /**
   * The bank has paid: books the loan in this one transaction (account, schedule from the value
   * date, Dr 1200 / Cr 1100), moves the application to DISBURSED, closes the batch when this was its
   * last open order.
   */
  async confirm(disbursementId: string, input: ConfirmDisbursementInput): Promise<ConfirmationView> {
    return this.tx.run(async (em) => {
      const order = await this.lockOrder(em, disbursementId);
      if (order.status !== 'PENDING')
        throw new InvalidStateError(`Disbursement ${order.reference} is ${order.status}: only a PENDING one can be confirmed`);
      const today = await this.businessDate.current(em);
      if (input.valueDate > today) throw valueDateInFuture(input.valueDate, today);
      if (input.valueDate < order.orderedOn)
        throw new DomainError('UNPROCESSABLE', 'VALUE_DATE_BEFORE_ORDER', `valueDate ${input.valueDate} is before the order was made (${order.orderedOn})`, {
          orderedOn: order.orderedOn,
        });
      // The ledger's cash never goes below zero, whatever else moved it since the order.
      const { cash } = await this.fund.availableCash(em, order.programmeId);
      if (cash.lt(order.amount)) throw insufficientFund(order.amount, cash);

      const application = await this.applications.transition(em, order.applicationId, 'DISBURSE', `Disbursed by ${order.reference}`);
      const terms = application.termsSnapshot;
      const scheduleTerms = scheduleTermsOf(terms, order.amount, order.tenor);
      let holidays: ReadonlySet<string> = new Set();
      if (terms.moveDueDatesOffHolidays) {
        const window = holidayWindow({ ...scheduleTerms, disbursementDate: input.valueDate });
        holidays = await this.holidays.holidaySet(window.from, window.to, application.districtCode, em);
      }
      const booked = await this.loans.book(em, {
        programmeId: order.programmeId,
        applicationId: application.id,
        borrowerId: application.borrowerId,
        productId: application.productId,
        districtCode: application.districtCode,
        principal: order.amount,
        tenor: order.tenor,
        terms,
        disbursedOn: input.valueDate,
        holidays,
        reference: order.reference,
      });
      // Reminders for every installment exist from the moment the loan is booked (api.md).
      await this.repaymentHooks.onScheduleChanged(em, [booked.loan.id]);
      const actor = requestContext.current()?.userId ?? null;
      await em.update(
        Disbursement,
        { id: order.id },
        { status: 'DISBURSED', valueDate: input.valueDate, bankReference: input.bankReference.trim(), loanId: booked.loan.id, confirmedAt: () => 'now()', confirmedBy: actor },
      );
      const view = toDisbursementView(await em.findOneByOrFail(Disbursement, { id: order.id }));
      await this.audit.record(em, {
        action: 'DISBURSEMENT_CONFIRMED',
        entityType: 'disbursement',
        entityId: order.id,
        before: { status: order.status, version: order.version },
        after: { status: view.status, valueDate: view.valueDate, bankReference: view.bankReference, loanId: view.loanId, version: view.version },
      });
      if (order.batchId) await this.batches.closeIfResolved(em, order.batchId);
      return {
        ...view,
        loanId: booked.loan.id,
        loanNumber: booked.loan.number,
        virtualAccount: booked.loan.virtualAccount,
        journalEntryId: booked.entry.id,
      };
    });
  }

  /** The transfer failed or will not be made: no loan, the cash is released, the application stays APPROVED. */
  async cancel(disbursementId: string, reason: string): Promise<DisbursementView> {
    return this.tx.run(async (em) => {
      const order = await this.lockOrder(em, disbursementId);
      if (order.status !== 'PENDING')
        throw new InvalidStateError(`Disbursement ${order.reference} is ${order.status}: only a PENDING one can be cancelled`);
      const actor = requestContext.current()?.userId ?? null;
      await em.update(Disbursement, { id: order.id }, { status: 'CANCELLED', cancelReason: reason.trim(), cancelledAt: () => 'now()', cancelledBy: actor });
      const view = toDisbursementView(await em.findOneByOrFail(Disbursement, { id: order.id }));
      await this.audit.record(em, {
        action: 'DISBURSEMENT_CANCELLED',
        entityType: 'disbursement',
        entityId: order.id,
        before: { status: order.status, version: order.version },
        after: { status: view.status, cancelReason: view.cancelReason, version: view.version },
      });
      if (order.batchId) await this.batches.closeIfResolved(em, order.batchId);
      return view;
    });
  }

  async get(disbursementId: string): Promise<DisbursementView> {
    const order = await this.tx.manager.findOneBy(Disbursement, { id: disbursementId });
    if (!order) throw new NotFoundError('Disbursement', disbursementId);
    return toDisbursementView(order);
  }

  /** Newest first, keyset-paginated on (created_at, id), within one programme. */
  async list(f: DisbursementListFilter): Promise<Page<DisbursementView>> {
    const em = this.tx.manager;
    const programme = await this.programmes.resolve(f.programmeId, em);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const qb = newestFirst(
      em.createQueryBuilder(Disbursement, 'd').where('d.programme_id = :programmeId', { programmeId: programme.id }),
      limit,
      after,
    );
    if (f.status) qb.andWhere('d.status = :status', { status: f.status });
    if (f.applicationId) qb.andWhere('d.application_id = :applicationId', { applicationId: f.applicationId });
    if (f.batchId) qb.andWhere('d.batch_id = :batchId', { batchId: f.batchId });
    return toPage((await qb.getMany()).map(toDisbursementView), limit, (d) => ({ k: d.orderedAt, id: d.id }));
  }

  /** The fund's lock, then the order's row: the order every cash-moving step takes them in. */
  private async lockOrder(em: EntityManager, disbursementId: string): Promise<Disbursement> {
    const found = await em.findOne(Disbursement, { where: { id: disbursementId }, select: { id: true, programmeId: true } });
    if (!found) throw new NotFoundError('Disbursement', disbursementId);
    await this.fund.lock(em, found.programmeId);
    return em.findOneOrFail(Disbursement, { where: { id: disbursementId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * What the approver granted: approved_amount / approved_tenor when the decision set them, else what
   * was applied for. Read through to_jsonb so that this works whether or not the scoring migration
   * that adds those columns has run; numeric comes back as its exact decimal text.
   */
  private async approvedTerms(em: EntityManager, application: Application): Promise<{ amount: Money; tenor: number }> {
    const [row] = (await em.query(
      `SELECT to_jsonb(a) ->> 'approved_amount' AS amount, to_jsonb(a) ->> 'approved_tenor' AS tenor FROM application a WHERE a.id = $1`,
      [application.id],
    )) as { amount: string | null; tenor: string | null }[];
    return {
      amount: row?.amount != null ? Money.fromDb(row.amount) : application.amount,
      tenor: row?.tenor != null ? parseInt(row.tenor, 10) : application.tenor,
    };
  }
}
