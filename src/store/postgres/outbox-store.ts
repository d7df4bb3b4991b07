import type { OutboxJob, OutboxStore } from "../../handoff/outbox-store.js";
import { pgText, type PgPool } from "./pool.js";

interface Row {
  id: number;
  lane: string;
  ticket_id: number | null;
  kind: string;
  payload_json: string;
  attempts: number;
}

/**
 * {@link OutboxStore} on PostgreSQL. A claim picks the due lane heads with `FOR UPDATE SKIP LOCKED`
 * and moves their `next_attempt_at` to the end of the lease in the same statement, so instances
 * polling together split the work instead of sending a job twice.
 */
export function createPostgresOutboxStore(pool: PgPool): OutboxStore {
  return {
    async enqueue(job, at) {
      const t = at.getTime();
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO handoff_outbox (lane, ticket_id, kind, payload_json, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [job.lane, job.ticketId, job.kind, pgText(JSON.stringify(job.payload)), t],
      );
      return rows[0]!.id;
    },
    async claimDue(now, limit, leaseUntil) {
      const { rows } = await pool.query<Row>(
        `WITH heads AS (
           SELECT o.id FROM handoff_outbox o
            WHERE o.status = 'pending' AND o.next_attempt_at <= $1
              AND NOT EXISTS (SELECT 1 FROM handoff_outbox p WHERE p.lane = o.lane AND p.status = 'pending' AND p.id < o.id)
            ORDER BY o.id
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
         UPDATE handoff_outbox o SET next_attempt_at = $3 FROM heads WHERE o.id = heads.id
         RETURNING o.id, o.lane, o.ticket_id, o.kind, o.payload_json, o.attempts`,
        [now.getTime(), limit, leaseUntil.getTime()],
      );
      return rows
        .sort((a, b) => a.id - b.id)
        .map(
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
      await pool.query(
        "UPDATE handoff_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = $2, last_error = NULL WHERE id = $1 AND status = 'pending'",
        [id, at.getTime()],
      );
    },
    async markRetry(id, nextAttemptAt, error) {
      await pool.query("UPDATE handoff_outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1 AND status = 'pending'", [
        id,
        nextAttemptAt.getTime(),
        pgText(error),
      ]);
    },
    async markFailed(id, error) {
      await pool.query("UPDATE handoff_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'pending'", [
        id,
        pgText(error),
      ]);
    },
    async pending(lane) {
      const { rows } =
        lane === undefined
          ? await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending'")
          : await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending' AND lane = $1", [lane]);
      return rows[0]?.n ?? 0;
    },
    async dropPendingForTickets(ticketIds) {
      if (ticketIds.length === 0) return 0;
      const result = await pool.query("DELETE FROM handoff_outbox WHERE ticket_id = ANY($1::bigint[]) AND status = 'pending'", [ticketIds]);
      return result.rowCount ?? 0;
    },
    async forget({ ticketIds, lanes }) {
      if (ticketIds.length === 0 && lanes.length === 0) return 0;
      const result = await pool.query("DELETE FROM handoff_outbox WHERE ticket_id = ANY($1::bigint[]) OR lane = ANY($2::text[])", [ticketIds, lanes]);
      return result.rowCount ?? 0;
    },
    async purgeBefore(before) {
      const result = await pool.query("DELETE FROM handoff_outbox WHERE status <> 'pending' AND created_at < $1", [before.getTime()]);
      return result.rowCount ?? 0;
    },
  };
}
