import type { OutboxJob, OutboxStore } from "../../handoff/outbox-store.js";
import { checkpointAfterErasure, type SqliteDatabase } from "./database.js";

interface Row {
  id: number;
  lane: string;
  ticket_id: number | null;
  kind: string;
  payload_json: string;
  attempts: number;
}

/**
 * {@link OutboxStore} on SQLite. A claim moves the job's `next_attempt_at` to the end of its lease in
 * the same transaction that picks it, so a second process on the same file does not take it too.
 */
export function createSqliteOutboxStore(db: SqliteDatabase): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO handoff_outbox (lane, ticket_id, kind, payload_json, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const dueHeads = db.prepare(
    `SELECT id, lane, ticket_id, kind, payload_json, attempts FROM handoff_outbox
      WHERE id IN (SELECT MIN(id) FROM handoff_outbox WHERE status = 'pending' GROUP BY lane)
        AND next_attempt_at <= ?
      ORDER BY id LIMIT ?`,
  );
  const lease = db.prepare("UPDATE handoff_outbox SET next_attempt_at = ? WHERE id = ?");
  const markDelivered = db.prepare(
    "UPDATE handoff_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
  );
  const markRetry = db.prepare(
    "UPDATE handoff_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const markFailed = db.prepare(
    "UPDATE handoff_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const countPending = db.prepare("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending'");
  const countLane = db.prepare("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending' AND lane = ?");
  const dropTicket = db.prepare("DELETE FROM handoff_outbox WHERE ticket_id = ? AND status = 'pending'");
  const purge = db.prepare("DELETE FROM handoff_outbox WHERE status <> 'pending' AND created_at < ?");
  const forgetTicket = db.prepare("DELETE FROM handoff_outbox WHERE ticket_id = ?");
  const forgetLane = db.prepare("DELETE FROM handoff_outbox WHERE lane = ?");
  const forget = db.transaction((ticketIds: number[], lanes: string[]) => {
    let removed = 0;
    for (const id of ticketIds) removed += forgetTicket.run(id).changes;
    for (const lane of lanes) removed += forgetLane.run(lane).changes;
    return removed;
  });

  // IMMEDIATE: the write lock is taken before the read, so two processes cannot pick the same heads.
  const claim = db.transaction((now: number, limit: number, until: number) => {
    const rows = dueHeads.all(now, limit) as Row[];
    for (const row of rows) lease.run(until, row.id);
    return rows;
  });

  return {
    async enqueue(job, at) {
      const t = at.getTime();
      return Number(insert.run(job.lane, job.ticketId, job.kind, JSON.stringify(job.payload), t, t).lastInsertRowid);
    },
    async claimDue(now, limit, leaseUntil) {
      return claim.immediate(now.getTime(), limit, leaseUntil.getTime()).map(
        (row): OutboxJob => ({
          id: row.id,
          lane: row.lane,
          ticketId: row.ticket_id,
          kind: row.kind,
          payload: JSON.parse(row.payload_json) as unknown,
          attempts: row.attempts,
        }),
      );
    },
    async markDelivered(id, at) {
      markDelivered.run(at.getTime(), id);
    },
    async markRetry(id, nextAttemptAt, error) {
      markRetry.run(nextAttemptAt.getTime(), error, id);
    },
    async markFailed(id, error) {
      markFailed.run(error, id);
    },
    async pending(lane) {
      const row = (lane === undefined ? countPending.get() : countLane.get(lane)) as { n: number };
      return row.n;
    },
    async dropPendingForTickets(ticketIds) {
      return db.transaction(() => ticketIds.reduce((n, id) => n + dropTicket.run(id).changes, 0))();
    },
    async purgeBefore(before) {
      return purge.run(before.getTime()).changes;
    },
    async forget({ ticketIds, lanes }) {
      const removed = forget(ticketIds, lanes);
      if (removed > 0) checkpointAfterErasure(db);
      return removed;
    },
  };
}
