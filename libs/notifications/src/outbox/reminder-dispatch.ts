import type { EntityManager } from 'typeorm';

export interface ClaimedReminder {
  id: string;
  installment_id: string;
  kind: string;
  offset_days: number;
  scheduled_for: Date;
  /** Already QUEUED before: its job may exist in any state. */
  requeued: boolean;
}

/**
 * Marks up to `limit` reminders due within `horizonSeconds` QUEUED and returns them, skipping rows
 * another dispatcher holds. Also returns QUEUED rows whose moment passed `staleSeconds` ago: their job
 * may have been lost (Redis flushed, a deferral racing the dispatcher); queuing them again is harmless
 * because the job id is deterministic (the caller revives such a job if it finished without sending).
 * The caller adds the jobs before committing.
 */
export async function claimDueReminders(em: EntityManager, horizonSeconds: number, limit: number, staleSeconds = 600): Promise<ClaimedReminder[]> {
  const rows = (await em.query(
    `WITH due AS (
        SELECT id FROM notification
         WHERE (status = 'SCHEDULED' AND scheduled_for <= now() + make_interval(secs => $1))
            OR (status = 'QUEUED' AND greatest(scheduled_for, queued_at) < now() - make_interval(secs => $3))
         ORDER BY scheduled_for
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
     UPDATE notification n SET status = 'QUEUED', queued_at = now(), updated_at = now()
       FROM due d JOIN notification o ON o.id = d.id
      WHERE n.id = d.id
      RETURNING n.id, n.installment_id, n.kind, n.offset_days, n.scheduled_for, o.status = 'QUEUED' AS requeued`,
    [horizonSeconds, limit, staleSeconds],
  )) as [ClaimedReminder[], number];
  return rows[0];
}
