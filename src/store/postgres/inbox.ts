import type { Inbox } from "../../channels/inbox.js";
import { toInboxItem, type InboxRow } from "../inbox-row.js";
import { pgText, withTransaction, type PgPool } from "./pool.js";

const COLUMNS = "id, key, chat, user_id, payload_json, attempts, received_at";

/**
 * {@link Inbox} on PostgreSQL. A lease picks the chat heads with `FOR UPDATE SKIP LOCKED` and moves
 * the item's `available_at` to the end of the lease in the same statement, so workers on every
 * instance split the items and a chat is never answered by two at once.
 */
export function createPostgresInbox(pool: PgPool): Inbox {
  return {
    async record(item, at) {
      const t = at.getTime();
      const result = await pool.query(
        `INSERT INTO inbox (key, chat, user_id, payload_json, available_at, received_at) VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (key) DO NOTHING`,
        [pgText(item.key), pgText(item.chat), item.userId === undefined ? null : pgText(item.userId), pgText(JSON.stringify(item.payload)), t],
      );
      return result.rowCount === 1;
    },
    async lease(workerId, leaseMs, now, channel) {
      const t = now.getTime();
      const { rows } = await pool.query<InboxRow>(
        `WITH next AS (
           SELECT i.id FROM inbox i
            WHERE i.status = 'pending' AND i.available_at <= $1 AND left(i.chat, length($4)) = $4
              AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.chat = i.chat AND e.status = 'pending' AND e.id < i.id)
            ORDER BY i.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE inbox SET lease_owner = $2, available_at = $3, attempts = inbox.attempts + 1 FROM next WHERE inbox.id = next.id
         RETURNING ${COLUMNS.split(", ").map((c) => `inbox.${c}`).join(", ")}`,
        [t, workerId, t + leaseMs, channel === undefined ? "" : pgText(`${channel}:`)],
      );
      return rows[0] ? toInboxItem(rows[0]) : undefined;
    },
    async complete(id, workerId, replies, at) {
      const t = at.getTime();
      return withTransaction(pool, async (client) => {
        const done = await client.query(
          "UPDATE inbox SET status = 'done', finished_at = $3, lease_owner = NULL WHERE id = $1 AND lease_owner = $2 AND status = 'pending'",
          [id, workerId, t],
        );
        if (done.rowCount !== 1) return false;
        if (replies.length > 0) {
          await client.query(
            `INSERT INTO handoff_outbox (lane, ticket_id, kind, payload_json, next_attempt_at, created_at)
             SELECT r.lane, r.ticket_id, r.kind, r.payload_json, $1, $1
               FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) WITH ORDINALITY AS r(lane, ticket_id, kind, payload_json, n)
              ORDER BY r.n`,
            [t, replies.map((r) => r.lane), replies.map((r) => r.ticketId), replies.map((r) => r.kind), replies.map((r) => pgText(JSON.stringify(r.payload)))],
          );
        }
        return true;
      });
    },
    async retry(id, workerId, retryAt, error) {
      const result = await pool.query(
        "UPDATE inbox SET available_at = $3, last_error = $4 WHERE id = $1 AND lease_owner = $2 AND status = 'pending'",
        [id, workerId, retryAt.getTime(), pgText(error)],
      );
      return result.rowCount === 1;
    },
    async giveUp(id, workerId, error, at) {
      const result = await pool.query(
        "UPDATE inbox SET status = 'failed', finished_at = $3, lease_owner = NULL, last_error = $4 WHERE id = $1 AND lease_owner = $2 AND status = 'pending'",
        [id, workerId, at.getTime(), pgText(error)],
      );
      return result.rowCount === 1;
    },
    async pending(chat) {
      const { rows } =
        chat === undefined
          ? await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'")
          : await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending' AND chat = $1", [chat]);
      return rows[0]?.n ?? 0;
    },
    async forgetUser(userId) {
      return (await pool.query("DELETE FROM inbox WHERE user_id = $1 AND status <> 'pending'", [userId])).rowCount ?? 0;
    },
    async purgeBefore(before) {
      return (await pool.query("DELETE FROM inbox WHERE status <> 'pending' AND finished_at < $1", [before.getTime()])).rowCount ?? 0;
    },
  };
}
