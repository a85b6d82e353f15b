import { createHash } from 'node:crypto';
import { FundService } from '#ledger';
import { Money } from '#money';
import {
  APP_CONFIG,
  type AppConfig,
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
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { openAccountNumber } from './account-number.js';
import { type BatchDetail, batchFileName, type BatchView, toBatchMemberView, toBatchView } from './disbursement-view.js';
import { type BankFileLine, layoutForBank, renderBankFile, unwritableAmounts } from './domain/bank-file-layouts.js';
import { BANK_CODES, isBankCode } from './domain/banks.js';
import { batchOutcome, type BatchStatus, LIVE_BATCH_STATUSES } from './domain/disbursement-status.js';
import { DisbursementBatch } from './entities/disbursement-batch.entity.js';
import { Disbursement } from './entities/disbursement.entity.js';

export interface CreateBatchInput {
  disbursementIds: string[];
  /** The bank that receives the file (its layout); defaults to FUND_BANK_CODE. */
  bankCode?: string;
}

export interface BatchListFilter {
  programmeId?: string;
  status?: BatchStatus;
  limit?: number;
  cursor?: string;
}

export interface BankFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Bank batches: which orders go to the bank together, their file, and how the batch ends. */
@Injectable()
export class DisbursementBatchesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly fund: FundService,
    private readonly cipher: FieldEncryptionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Puts PENDING orders of one programme, none already in a batch, into a new OPEN batch, and makes
   * its file now so its SHA-256 is known from the start.
   */
  async create(input: CreateBatchInput): Promise<BatchDetail> {
    const bankCode = input.bankCode ?? this.config.FUND_BANK_CODE;
    if (!isBankCode(bankCode)) throw ValidationError.field('bankCode', 'IS_IN', `bankCode must be one of ${BANK_CODES.join(', ')}`);
    const ids = [...new Set(input.disbursementIds)];
    return this.tx.run(async (em) => {
      const found = await em.find(Disbursement, { where: { id: In(ids) }, select: { id: true, programmeId: true } });
      const missing = ids.filter((id) => !found.some((d) => d.id === id));
      if (missing.length) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Disbursement ${missing.join(', ')} does not exist`, { disbursementIds: missing });
      const programmeIds = [...new Set(found.map((d) => d.programmeId))];
      if (programmeIds.length > 1)
        throw new DomainError('UNPROCESSABLE', 'BATCH_MIXES_PROGRAMMES', 'A batch pays from one fund: its disbursements must all belong to one programme', { programmeIds });
      const [programmeId] = programmeIds;
      // Fund first, then the orders (in id order), as confirmations and cancellations take them.
      await this.fund.lock(em, programmeId);
      const orders = await em.find(Disbursement, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const notPending = orders.filter((d) => d.status !== 'PENDING');
      if (notPending.length)
        throw new DomainError('CONFLICT', 'DISBURSEMENT_NOT_PENDING', `Only PENDING disbursements can be batched: ${notPending.map((d) => `${d.reference} is ${d.status}`).join(', ')}`, {
          disbursementIds: notPending.map((d) => d.id),
        });
      const batched = orders.filter((d) => d.batchId !== null);
      if (batched.length)
        throw new DomainError('CONFLICT', 'DISBURSEMENT_ALREADY_BATCHED', `Already in a batch: ${batched.map((d) => d.reference).join(', ')}`, {
          disbursementIds: batched.map((d) => d.id),
          batchIds: [...new Set(batched.map((d) => d.batchId))],
        });

      const layout = layoutForBank(bankCode);
      const lines = this.linesOf(orders);
      const unwritable = unwritableAmounts(layout, lines);
      if (unwritable.length)
        throw new DomainError('UNPROCESSABLE', 'BANK_FILE_AMOUNT_NOT_WHOLE', `The ${layout.name} file takes whole rupiah only; these amounts have sen: ${unwritable.join(', ')}`, {
          references: unwritable,
        });
      const file = renderBankFile(layout, lines);
      const businessDate = await this.businessDate.current(em);
      const [{ seq }] = (await em.query(`SELECT nextval('disbursement_batch_number_seq')::text AS seq`)) as { seq: string }[];
      const inserted = await em.insert(DisbursementBatch, {
        number: `BAT-${businessDate.slice(0, 4)}-${seq.padStart(6, '0')}`,
        programmeId,
        bankCode,
        layout,
        status: 'OPEN',
        count: orders.length,
        total: Money.sum(orders.map((d) => d.amount)),
        fileSha256: sha256(file),
        createdBy: requestContext.current()?.userId ?? null,
        sentAt: null,
        sentBy: null,
        closedAt: null,
      });
      const batchId = (inserted.identifiers[0] as { id: string }).id;
      await em.update(Disbursement, { id: In(ids) }, { batchId });
      const detail = await this.detail(batchId, em);
      await this.audit.record(em, { action: 'DISBURSEMENT_BATCH_CREATED', entityType: 'disbursement_batch', entityId: batchId, after: detail });
      return detail;
    });
  }

  async get(batchId: string): Promise<BatchDetail> {
    return this.detail(batchId);
  }

  async list(f: BatchListFilter): Promise<Page<BatchView>> {
    const em = this.tx.manager;
    const programme = await this.programmes.resolve(f.programmeId, em);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const qb = newestFirst(
      em.createQueryBuilder(DisbursementBatch, 'b').where('b.programme_id = :programmeId', { programmeId: programme.id }),
      limit,
      after,
    );
    if (f.status) qb.andWhere('b.status = :status', { status: f.status });
    return toPage((await qb.getMany()).map(toBatchView), limit, (b) => ({ k: b.createdAt, id: b.id }));
  }

  /**
   * The bulk-transfer file, rendered again from the orders with the layout the batch keeps and
   * checked against the SHA-256 taken when it was made. The first download marks an OPEN batch SENT;
   * every download is audited (the file holds account numbers in clear).
   */
  async file(batchId: string): Promise<BankFile> {
    return this.tx.run(async (em) => {
      const batch = await this.lockBatch(em, batchId);
      const orders = await em.find(Disbursement, { where: { batchId }, order: { id: 'ASC' } });
      const text = renderBankFile(batch.layout, this.linesOf(orders));
      const digest = sha256(text);
      // Not the client's doing: the orders or the stored layout changed under a made batch. Never serve it.
      if (digest !== batch.fileSha256) throw new Error(`Bank file of batch ${batch.number} no longer matches its SHA-256 ${batch.fileSha256} (got ${digest})`);
      if (batch.status === 'OPEN') await this.markSentLocked(em, batch);
      await this.audit.record(em, {
        action: 'DISBURSEMENT_BATCH_FILE_DOWNLOADED',
        entityType: 'disbursement_batch',
        entityId: batch.id,
        after: { number: batch.number, fileSha256: digest, count: batch.count, total: batch.total },
      });
      return { fileName: batchFileName(batch), bytes: Buffer.from(text, 'utf8'), sha256: digest };
    });
  }

  /** The clerk says the file went to the bank (e.g. uploaded from another copy). Again on a SENT batch: no change. */
  async markSent(batchId: string): Promise<BatchDetail> {
    return this.tx.run(async (em) => {
      const batch = await this.lockBatch(em, batchId);
      if (batch.status === 'OPEN') await this.markSentLocked(em, batch);
      else if (batch.status !== 'SENT') throw new InvalidStateError(`Batch ${batch.number} is ${batch.status}: it has already been settled`);
      return this.detail(batchId, em);
    });
  }

  /**
   * Inside a confirmation's or cancellation's transaction: once no order of the batch is PENDING,
   * the batch ends SETTLED, PARTLY_FAILED or FAILED.
   */
  async closeIfResolved(em: EntityManager, batchId: string): Promise<void> {
    const batch = await this.lockBatch(em, batchId);
    if (!LIVE_BATCH_STATUSES.includes(batch.status)) return;
    const orders = await em.find(Disbursement, { where: { batchId }, select: { id: true, status: true } });
    const outcome = batchOutcome(orders.map((d) => d.status));
    if (!outcome) return;
    await em.update(DisbursementBatch, { id: batchId }, { status: outcome, closedAt: () => 'now()' });
    await this.audit.record(em, {
      action: 'DISBURSEMENT_BATCH_CLOSED',
      entityType: 'disbursement_batch',
      entityId: batchId,
      before: { status: batch.status, version: batch.version },
      after: { status: outcome, version: batch.version + 1 },
    });
  }

  private async markSentLocked(em: EntityManager, batch: DisbursementBatch): Promise<void> {
    const sentBy = requestContext.current()?.userId ?? null;
    await em.update(DisbursementBatch, { id: batch.id }, { status: 'SENT', sentAt: () => 'now()', sentBy });
    await this.audit.record(em, {
      action: 'DISBURSEMENT_BATCH_SENT',
      entityType: 'disbursement_batch',
      entityId: batch.id,
      before: { status: batch.status, version: batch.version },
      after: { status: 'SENT', sentBy, version: batch.version + 1 },
    });
  }

  private async lockBatch(em: EntityManager, batchId: string): Promise<DisbursementBatch> {
    const batch = await em.findOne(DisbursementBatch, { where: { id: batchId }, lock: { mode: 'pessimistic_write' } });
    if (!batch) throw new NotFoundError('Disbursement batch', batchId);
    return batch;
  }

  /** One line per order, in id order: the file renders the same whenever it is rendered. */
  private linesOf(orders: Disbursement[]): BankFileLine[] {
    return [...orders]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => ({
        reference: d.reference,
        bankCode: d.bankCode,
        accountNumber: openAccountNumber(this.cipher, d),
        accountName: d.accountName,
        amount: d.amount,
        description: `Pencairan pinjaman ${d.reference}`,
      }));
  }

  private async detail(batchId: string, em: EntityManager = this.tx.manager): Promise<BatchDetail> {
    const batch = await em.findOneBy(DisbursementBatch, { id: batchId });
    if (!batch) throw new NotFoundError('Disbursement batch', batchId);
    const orders = await em.find(Disbursement, { where: { batchId }, order: { reference: 'ASC' } });
    return { ...toBatchView(batch), disbursements: orders.map(toBatchMemberView) };
  }
}
