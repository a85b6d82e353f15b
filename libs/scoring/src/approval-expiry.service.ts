// Issue 4 item 7: an approval not disbursed within the product's validity expires. Close-of-day calls
// expireApprovals() for the day it closes (wire it there once close-of-day exists).
import { BusinessDateService, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';

export interface ExpiredApprovals {
  businessDate: string;
  /** The applications moved to EXPIRED. */
  applicationIds: string[];
}

@Injectable()
export class ApprovalExpiryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Moves every APPROVED application whose approval is `validityDays` (the product's, from the terms
   * snapshot) or more days old on `businessDate` to EXPIRED (counted from status_since, the business
   * date it became APPROVED, which is also its approved_on): approved on 15 June with 30 days, it can
   * be disbursed through 15 July and expires when that day closes. One set-based statement writes
   * the status, the history rows and the audit rows; the row locks make it skip an application a
   * disbursement is moving at the same moment (it re-reads the status after waiting).
   */
  async expireApprovals(businessDate?: string): Promise<ExpiredApprovals> {
    return this.tx.run(async (em) => {
      const day = businessDate ?? (await this.businessDate.current(em));
      const rows = (await em.query(
        `WITH due AS (
           SELECT id, status_since, version, (terms_snapshot->>'validityDays')::int AS validity_days
             FROM application
            WHERE status = 'APPROVED' AND status_since + (terms_snapshot->>'validityDays')::int <= $1::date
              -- An order already sent to the bank must still be confirmable: it keeps the approval alive.
              AND NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.application_id = application.id AND d.status <> 'CANCELLED')
            FOR UPDATE
         ), expired AS (
           UPDATE application a
              SET status = 'EXPIRED', status_since = $1::date, version = a.version + 1, updated_at = now()
             FROM due
            WHERE a.id = due.id AND a.status = 'APPROVED'
           RETURNING a.id, due.status_since, due.version, due.validity_days
         ), history AS (
           INSERT INTO application_status_change (application_id, from_status, to_status, event, business_date, changed_by, note)
           SELECT id, 'APPROVED', 'EXPIRED', 'EXPIRE', $1::date, NULL,
                  'Persetujuan kedaluwarsa: belum dicairkan ' || validity_days || ' hari sejak ' || status_since
             FROM expired
         )
         INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after)
         SELECT NULL, 'APPLICATION_EXPIRED', 'application', id::text,
                jsonb_build_object('status', 'APPROVED', 'statusSince', status_since, 'version', version),
                jsonb_build_object('status', 'EXPIRED', 'statusSince', $1::date, 'version', version + 1,
                                   'validityDays', validity_days)
           FROM expired
         RETURNING entity_id`,
        [day],
      )) as { entity_id: string }[];
      return { businessDate: day, applicationIds: rows.map((r) => r.entity_id) };
    });
  }
}
