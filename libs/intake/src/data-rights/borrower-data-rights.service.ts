// A borrower's rights over their personal data (UU PDP 27/2022): access (everything held about them, as
// one JSON document) and erasure by anonymisation once the retention period is over. Anonymisation
// replaces the personal fields with tombstones and deletes the document files; loans, schedules,
// transactions and the ledger keep their amounts, so the fund's books still balance and still add up.
import { Inject, Injectable } from '@nestjs/common';
import { openBorrowerPhone, openContactEmail, sealBorrowerPhone } from '#notifications';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  BusinessDateService,
  DomainError,
  FieldEncryptionService,
  NotFoundError,
  TransactionRunner,
} from '#platform';
import type { EntityManager } from 'typeorm';
import { openIdentity, sealIdentity } from '../borrowers/borrower-identity.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from '../documents/document-storage.js';
import { retentionEnds } from './domain/retention.js';

/** What replaces each personal field. The NIK and phone tombstones are encrypted like a NIK and a phone, so every reader still works. */
const TOMBSTONE = { name: 'ANONIM', nik: '0000000000000000', text: '-' } as const;

/** Applications still moving: anonymising under them would leave a decision or a transfer without its person. */
const OPEN_APPLICATION_STATUSES = ['SUBMITTED', 'SCORED', 'APPROVED', 'PENDING_SECOND_APPROVAL'];

export interface AnonymisationResult {
  borrowerId: string;
  anonymisedAt: string;
  /** The date the retention period ended (null: the borrower never had a loan). */
  retentionEndedOn: string | null;
  documentsDeleted: number;
}

type Row = Record<string, unknown>;

@Injectable()
export class BorrowerDataRightsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly cipher: FieldEncryptionService,
    private readonly businessDate: BusinessDateService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything held about the borrower, personal fields decrypted (an access request). Audited. */
  export(borrowerId: string): Promise<Row> {
    return this.tx.run(async (em) => {
      const [b] = (await em.query(
        `SELECT b.*, b.birth_date::text AS birth_date FROM borrower b WHERE b.id = $1`,
        [borrowerId],
      )) as Row[];
      if (!b) throw new NotFoundError('Borrower', borrowerId);
      const identity = b.anonymised_at ? { nik: null, kk: null } : openIdentity(this.cipher, { id: borrowerId, nikEncrypted: b.nik_encrypted as string, kkEncrypted: b.kk_encrypted as string | null });
      // One query per kind of record (never per loan): a borrower with many loans costs the same few round trips.
      const q = (sql: string) => em.query(sql, [borrowerId]) as Promise<Row[]>;
      const [business] = await q(
        `SELECT id, name, nib, sector, started_on::text AS "startedOn", monthly_revenue::text AS "monthlyRevenue", monthly_expenses::text AS "monthlyExpenses"
           FROM business WHERE borrower_id = $1`,
      );
      const [contact] = await q(`SELECT email_encrypted FROM notification_contact WHERE borrower_id = $1`);
      const optOut = await q(`SELECT channel FROM notification_preference WHERE borrower_id = $1 AND opted_out ORDER BY channel`);
      const applications = await q(
        `SELECT id, number, status, amount::text AS amount, tenor, purpose, approved_amount::text AS "approvedAmount", approved_tenor AS "approvedTenor",
                submitted_at AS "submittedAt", status_since::text AS "statusSince"
           FROM application WHERE borrower_id = $1 ORDER BY submitted_at, id`,
      );
      const loans = await q(
        `SELECT id, number, status, principal::text AS principal, outstanding_principal::text AS "outstandingPrincipal", tenor,
                disbursed_on::text AS "disbursedOn", virtual_account AS "virtualAccount", credit_balance::text AS "creditBalance",
                written_off_amount::text AS "writtenOffAmount", written_off_on::text AS "writtenOffOn", recovered_amount::text AS "recoveredAmount"
           FROM loan WHERE borrower_id = $1 ORDER BY disbursed_on, id`,
      );
      const installments = await q(
        `SELECT i.loan_id, i.number, i.due_date::text AS "dueDate", i.principal_due::text AS "principalDue", i.principal_paid::text AS "principalPaid",
                i.late_fee_due::text AS "lateFeeDue", i.late_fee_paid::text AS "lateFeePaid", i.payment_status AS status, i.paid_on::text AS "paidOn"
           FROM loan_installment i JOIN loan l ON l.id = i.loan_id
          WHERE l.borrower_id = $1 AND i.superseded_at IS NULL ORDER BY i.loan_id, i.number`,
      );
      const transactions = await q(
        `SELECT t.loan_id, t.id, t.kind, t.value_date::text AS "valueDate", t.amount::text AS amount, t.principal::text AS principal,
                t.late_fee::text AS "lateFee", t.overpayment::text AS overpayment, t.channel, t.reference
           FROM loan_transaction t JOIN loan l ON l.id = t.loan_id WHERE l.borrower_id = $1 ORDER BY t.loan_id, t.seq`,
      );
      const disbursements = await q(
        `SELECT id, reference, status, amount::text AS amount, bank_code AS "bankCode", account_number_masked AS "accountNumberMasked",
                account_name AS "accountName", value_date::text AS "valueDate", loan_id AS "loanId"
           FROM disbursement WHERE borrower_id = $1 ORDER BY created_at, id`,
      );
      const notifications = await q(
        `SELECT n.loan_id AS "loanId", n.kind, n.installment_number AS "installmentNumber", n.channel, n.status,
                n.scheduled_for AS "scheduledFor", n.sent_at AS "sentAt"
           FROM notification n JOIN loan l ON l.id = n.loan_id WHERE l.borrower_id = $1 ORDER BY n.scheduled_for, n.id`,
      );
      const documents = await q(
        `SELECT id, kind, content_type AS "contentType", size_bytes AS "sizeBytes", sha256, note, uploaded_at AS "uploadedAt", deleted_at AS "deletedAt"
           FROM borrower_document WHERE borrower_id = $1 ORDER BY uploaded_at, id`,
      );
      const users = await q(`SELECT id, username, full_name AS "fullName", roles, is_active AS "isActive" FROM app_user WHERE borrower_id = $1 ORDER BY username`);
      const byLoan = (rows: Row[], loanId: unknown) => rows.filter((r) => r.loan_id === loanId).map(({ loan_id: _, ...rest }) => rest);

      const document = {
        exportedAt: new Date().toISOString(),
        businessDate: await this.businessDate.current(em),
        borrower: {
          id: b.id,
          nik: identity.nik,
          kk: identity.kk,
          fullName: b.full_name,
          gender: b.gender,
          birthDate: b.birth_date,
          phone: openBorrowerPhone(this.cipher, borrowerId, b.phone_encrypted as string),
          address: { street: b.address_street, villageName: b.address_village_name, districtCode: b.district_code, postalCode: b.postal_code },
          consent: { version: b.consent_version, givenAt: b.consent_given_at },
          createdAt: b.created_at,
          anonymisedAt: b.anonymised_at ?? null,
        },
        business: business ?? null,
        notificationPreferences: {
          optOut: optOut.map((r) => r.channel),
          email: openContactEmail(this.cipher, borrowerId, (contact?.email_encrypted as string | null | undefined) ?? null),
        },
        applications,
        loans: loans.map((l) => ({ ...l, schedule: byLoan(installments, l.id), transactions: byLoan(transactions, l.id) })),
        disbursements,
        notifications,
        documents,
        users,
      };
      await this.audit.record(em, {
        action: 'BORROWER_DATA_EXPORTED',
        entityType: 'borrower',
        entityId: borrowerId,
        after: { applications: applications.length, loans: loans.length, documents: documents.length, notifications: notifications.length },
      });
      return document;
    });
  }

  /**
   * Replaces the borrower's personal data with tombstones and deletes their document files, when the
   * retention rule allows it: no ACTIVE loan, no application or transfer in progress, and the last loan
   * closed or written off PDP_RETENTION_YEARS or more before the business date. Audited with the reason.
   */
  anonymise(borrowerId: string, reason: string): Promise<AnonymisationResult> {
    return this.tx.run(async (em) => {
      const [b] = (await em.query(`SELECT id, anonymised_at FROM borrower WHERE id = $1 FOR UPDATE`, [borrowerId])) as Row[];
      if (!b) throw new NotFoundError('Borrower', borrowerId);
      if (b.anonymised_at) throw new DomainError('CONFLICT', 'ALREADY_ANONYMISED', `Borrower ${borrowerId} was already anonymised`);
      await this.assertNothingInProgress(em, borrowerId);
      const today = await this.businessDate.current(em);
      const [{ last_closed: lastClosed }] = (await em.query(
        // A CLOSED loan ended with its last transaction; a written-off one at the write-off or its last recovery.
        `SELECT max(GREATEST(l.written_off_on, t.last_tx, r.last_recovery))::text AS last_closed
           FROM loan l
           LEFT JOIN LATERAL (SELECT max(value_date) AS last_tx FROM loan_transaction WHERE loan_id = l.id) t ON true
           LEFT JOIN LATERAL (SELECT max(value_date) AS last_recovery FROM loan_recovery WHERE loan_id = l.id) r ON true
          WHERE l.borrower_id = $1`,
        [borrowerId],
      )) as { last_closed: string | null }[];
      const retentionEndedOn = lastClosed === null ? null : retentionEnds(lastClosed, this.config.PDP_RETENTION_YEARS);
      if (retentionEndedOn !== null && today < retentionEndedOn) {
        throw new DomainError(
          'UNPROCESSABLE',
          'RETENTION_PERIOD_NOT_OVER',
          `The records must be kept until ${retentionEndedOn} (${this.config.PDP_RETENTION_YEARS} years after the last loan ended on ${lastClosed})`,
          { retainUntil: retentionEndedOn, lastLoanEndedOn: lastClosed },
        );
      }

      const sealed = sealIdentity(this.cipher, borrowerId, TOMBSTONE.nik);
      await em.query(
        `UPDATE borrower SET anonymised_at = now(), nik_encrypted = $2, nik_hash = $3, nik_masked = $4, kk_encrypted = NULL, kk_hash = NULL,
                full_name = $5, phone_encrypted = $7, phone_hash = NULL, address_street = $6, address_village_name = NULL, postal_code = $6,
                birth_date = date_trunc('year', birth_date)::date, updated_at = now(), version = version + 1
          WHERE id = $1`,
        // The hash must stay unique: a per-borrower value no NIK can produce.
        [borrowerId, sealed.nikEncrypted, `anonymised:${borrowerId}`, '****************', TOMBSTONE.name, TOMBSTONE.text, sealBorrowerPhone(this.cipher, borrowerId, TOMBSTONE.text)],
      );
      await em.query(`UPDATE business SET name = $2, nib = NULL, updated_at = now() WHERE borrower_id = $1`, [borrowerId, TOMBSTONE.name]);
      await em.query(`UPDATE application SET purpose = $2 WHERE borrower_id = $1`, [borrowerId, TOMBSTONE.name]);
      await em.query(`UPDATE disbursement SET account_name = $2 WHERE borrower_id = $1`, [borrowerId, TOMBSTONE.name]);
      // The bank's own text names the payer or payee. The amounts, dates and references stay for the audit
      // trail; a suspense entry's journal description keeps the text it was posted with (the ledger is
      // append-only). `= ANY (ARRAY(...))`, not `IN (SELECT ...)`: two IN subqueries joined by OR can only filter
      // every line of every statement; two arrays make a BitmapOr of the two indexes of migration 2100.
      await em.query(
        `UPDATE bank_statement_line SET description = $2
          WHERE loan_id = ANY (ARRAY(SELECT id FROM loan WHERE borrower_id = $1))
             OR disbursement_id = ANY (ARRAY(SELECT id FROM disbursement WHERE borrower_id = $1))`,
        [borrowerId, TOMBSTONE.text],
      );
      await em.query(`DELETE FROM notification_contact WHERE borrower_id = $1`, [borrowerId]);
      await em.query(`UPDATE notification SET message = NULL, last_error = NULL WHERE loan_id IN (SELECT id FROM loan WHERE borrower_id = $1)`, [borrowerId]);
      await em.query(`UPDATE app_user SET is_active = false, full_name = $2, updated_at = now() WHERE borrower_id = $1`, [borrowerId, TOMBSTONE.name]);
      // (SELECT, then UPDATE: TypeORM answers an UPDATE ... RETURNING as [rows, count].)
      const documents = (await em.query(`SELECT storage_key FROM borrower_document WHERE borrower_id = $1`, [borrowerId])) as { storage_key: string }[];
      await em.query(`UPDATE borrower_document SET deleted_at = coalesce(deleted_at, now()), note = NULL WHERE borrower_id = $1`, [borrowerId]);
      const result: AnonymisationResult = { borrowerId, anonymisedAt: new Date().toISOString(), retentionEndedOn, documentsDeleted: documents.length };
      await this.audit.record(em, { action: 'BORROWER_ANONYMISED', entityType: 'borrower', entityId: borrowerId, after: { reason, retentionEndedOn, documentsDeleted: documents.length } });
      // Last, once every row is written: should the commit still fail, the files are gone but the request can be
      // repeated (deleting a missing file is no error) and the scans were to be erased anyway.
      for (const d of documents) await this.storage.delete(d.storage_key);
      return result;
    });
  }

  private async assertNothingInProgress(em: EntityManager, borrowerId: string): Promise<void> {
    const [row] = (await em.query(
      `SELECT (SELECT count(*) FROM loan WHERE borrower_id = $1 AND status = 'ACTIVE')::int AS active_loans,
              (SELECT count(*) FROM application WHERE borrower_id = $1 AND status = ANY($2::text[]))::int AS open_applications,
              (SELECT count(*) FROM disbursement WHERE borrower_id = $1 AND status = 'PENDING')::int AS pending_disbursements,
              (SELECT count(*) FROM loan WHERE borrower_id = $1 AND credit_balance > 0)::int AS credits_owed`,
      [borrowerId, OPEN_APPLICATION_STATUSES],
    )) as { active_loans: number; open_applications: number; pending_disbursements: number; credits_owed: number }[];
    if (row.active_loans > 0) throw new DomainError('CONFLICT', 'BORROWER_HAS_ACTIVE_LOAN', 'The borrower has an ACTIVE loan: personal data is needed to collect it', { activeLoans: row.active_loans });
    if (row.open_applications > 0 || row.pending_disbursements > 0)
      throw new DomainError('CONFLICT', 'BORROWER_HAS_OPEN_APPLICATION', 'The borrower has an application or a transfer in progress', {
        openApplications: row.open_applications,
        pendingDisbursements: row.pending_disbursements,
      });
    if (row.credits_owed > 0) throw new DomainError('CONFLICT', 'BORROWER_CREDIT_OWED', 'The fund still owes the borrower a credit balance: refund it first');
  }
}
