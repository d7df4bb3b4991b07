import type { Ticket } from "../../handoff/handoff-model.js";
import type { SummaryKind, TicketStore } from "../../handoff/ticket-store.js";
import { toTicket, type TicketRow } from "../ticket-row.js";
import { pgText, withTransaction, type PgPool } from "./pool.js";

/**
 * {@link TicketStore} on PostgreSQL. Each state change is one conditional UPDATE and `create` leans on
 * the unique index of active tickets, so two instances cannot claim one ticket or open two for one chat.
 */
export function createPostgresTicketStore(pool: PgPool): TicketStore {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<TicketRow>(sql, params);
    return rows[0] ? toTicket(rows[0]) : undefined;
  };
  const many = async (sql: string, params: unknown[]) => (await pool.query<TicketRow>(sql, params)).rows.map(toTicket);
  const changed = async (sql: string, params: unknown[]) => ((await pool.query(sql, params)).rowCount ?? 0) > 0;
  const active = (conversationId: string) => one("SELECT * FROM handoff_tickets WHERE conversation_id = $1 AND status <> 'closed'", [conversationId]);

  return {
    async create(t) {
      for (;;) {
        const created = await one(
          `INSERT INTO handoff_tickets (conversation_id, channel, user_id, priority, reason, topic, status, summary, desk, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9)
           ON CONFLICT (conversation_id) WHERE status <> 'closed' DO NOTHING
           RETURNING *`,
          [t.conversationId, t.channel, t.userId, t.priority, t.reason, t.topic === undefined ? null : pgText(t.topic), pgText(t.summary), t.desk, t.at.getTime()],
        );
        if (created) return { ticket: created, created: true };
        const existing = await active(t.conversationId);
        // Closed between the insert and the read: try again.
        if (existing) return { ticket: existing, created: false };
      }
    },
    get: (id) => one("SELECT * FROM handoff_tickets WHERE id = $1", [id]),
    active,
    byDeskThread: (desk, thread) => one("SELECT * FROM handoff_tickets WHERE desk = $1 AND desk_thread = $2 ORDER BY id DESC LIMIT 1", [desk, thread]),
    async saveDeskRefs(id, refs) {
      await pool.query("UPDATE handoff_tickets SET desk_thread = COALESCE($2, desk_thread), desk_message = COALESCE($3, desk_message) WHERE id = $1", [
        id,
        refs.thread ?? null,
        refs.message ?? null,
      ]);
    },
    async setSummary(id, summary, kind) {
      await pool.query("UPDATE handoff_tickets SET summary = $2, summary_kind = $3 WHERE id = $1", [id, pgText(summary), kind]);
    },
    async summaryKind(id) {
      const { rows } = await pool.query<{ summary_kind: string }>("SELECT summary_kind FROM handoff_tickets WHERE id = $1", [id]);
      return (rows[0]?.summary_kind ?? "plain") as SummaryKind;
    },
    claim: (id, worker, at) =>
      changed("UPDATE handoff_tickets SET status = 'claimed', worker_id = $2, worker_name = $3, claimed_at = $4 WHERE id = $1 AND status = 'open'", [
        id,
        worker.id,
        pgText(worker.firstName),
        at.getTime(),
      ]),
    close: (id, reason, at) =>
      changed("UPDATE handoff_tickets SET status = 'closed', close_reason = $2, closed_at = $3 WHERE id = $1 AND status <> 'closed'", [id, reason, at.getTime()]),
    rate: (id, conversationId, rating) =>
      changed("UPDATE handoff_tickets SET rating = $3 WHERE id = $1 AND conversation_id = $2 AND status = 'closed' AND rating IS NULL", [id, conversationId, rating]),
    dueForReminder: (normalBefore, urgentBefore) =>
      many(
        `SELECT * FROM handoff_tickets WHERE status = 'open' AND desk_message IS NOT NULL
           AND COALESCE(reminded_at, created_at) <= CASE priority WHEN 'urgent' THEN $2::bigint ELSE $1::bigint END
         ORDER BY id`,
        [normalBefore.getTime(), urgentBefore.getTime()],
      ),
    markReminded: (id, at, dueBefore) =>
      changed("UPDATE handoff_tickets SET reminded_at = $2 WHERE id = $1 AND status = 'open' AND COALESCE(reminded_at, created_at) <= $3", [
        id,
        at.getTime(),
        dueBefore.getTime(),
      ]),
    undeliveredSince: (before) =>
      many(
        "SELECT * FROM handoff_tickets WHERE status = 'open' AND desk_message IS NULL AND delay_notice_at IS NULL AND created_at < $1 ORDER BY id",
        [before.getTime()],
      ),
    markDelayNotice: (id, at) => changed("UPDATE handoff_tickets SET delay_notice_at = $2 WHERE id = $1 AND delay_notice_at IS NULL", [id, at.getTime()]),
    escalate: (id) => changed("UPDATE handoff_tickets SET priority = 'urgent' WHERE id = $1 AND status <> 'closed' AND priority <> 'urgent'", [id]),
    async forgetUser(userId, at) {
      return withTransaction(pool, async (client) => {
        const tickets = (await client.query<TicketRow>("SELECT * FROM handoff_tickets WHERE user_id = $1 ORDER BY id FOR UPDATE", [userId])).rows.map(toTicket);
        const closedIds: number[] = [];
        for (const t of tickets) {
          if (t.status === "closed") continue;
          const closed = await client.query(
            "UPDATE handoff_tickets SET status = 'closed', close_reason = 'forgotten', closed_at = $2 WHERE id = $1 AND status <> 'closed'",
            [t.id, at.getTime()],
          );
          if (closed.rowCount === 1) closedIds.push(t.id);
        }
        const ids = tickets.map((t) => t.id);
        await client.query(
          "UPDATE handoff_tickets SET summary = '', topic = NULL, user_id = '', conversation_id = 'forgotten:' || id WHERE id = ANY($1::bigint[])",
          [ids],
        );
        const closed: Ticket[] = (
          await client.query<TicketRow>("SELECT * FROM handoff_tickets WHERE id = ANY($1::bigint[]) ORDER BY id", [closedIds])
        ).rows.map(toTicket);
        return { ids, closed };
      });
    },
    async purgeContentBefore(before) {
      const result = await pool.query(
        "UPDATE handoff_tickets SET summary = '', topic = NULL WHERE status = 'closed' AND closed_at < $1 AND (summary <> '' OR topic IS NOT NULL)",
        [before.getTime()],
      );
      return result.rowCount ?? 0;
    },
  };
}
