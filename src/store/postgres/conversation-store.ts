import type { ConversationState, ConversationStore, StoredMessage } from "../../core/ports.js";
import type { Intent } from "../../core/types.js";
import { pgText, withTransaction, type PgPool } from "./pool.js";

interface MessageRow {
  conversation_id: string;
  direction: "in" | "out";
  text: string;
  intent: string | null;
  at: number;
}

/** A state patch as SQL parameters: keys to drop (set to undefined) and the JSON to merge. */
function patchParams(patch: Partial<ConversationState>): [string[], string] {
  const removed = Object.keys(patch).filter((key) => patch[key] === undefined);
  return [removed, stateJson(patch)];
}

/** JSONB refuses the NUL escape; nothing a person typed needs it. */
function stateJson(state: Partial<ConversationState>): string {
  return JSON.stringify(state).replace(/\\u0000/g, "\\ufffd");
}

/**
 * {@link ConversationStore} on PostgreSQL. Every write is one statement (a turn's start and end
 * included), so it is atomic without a transaction round trip; state patches are merged by the
 * server (`(state - removed) || patch`), so two instances never overwrite each other's keys.
 */
export function createPostgresConversationStore(pool: PgPool): ConversationStore {
  return {
    async ensureConversation(ref, at) {
      await pool.query(
        `INSERT INTO conversations (id, channel, user_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`,
        [ref.conversationId, ref.channel, ref.userId, at.getTime()],
      );
    },
    async appendMessage(message) {
      await pool.query("INSERT INTO messages (conversation_id, direction, text, intent, at, user_id) VALUES ($1, $2, $3, $4, $5, $6)", [
        message.conversationId,
        message.direction,
        pgText(message.text),
        message.intent ?? null,
        message.at.getTime(),
        message.userId ?? null,
      ]);
    },
    async recordInbound(ref, message) {
      const at = message.at.getTime();
      // The foreign key is checked at the end of the statement, when the conversation row exists.
      await pool.query(
        `WITH c AS (
           INSERT INTO conversations (id, channel, user_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (id) DO NOTHING)
         INSERT INTO messages (conversation_id, direction, text, intent, at, user_id) VALUES ($1, $5, $6, $7, $8, $9)`,
        [
          ref.conversationId,
          ref.channel,
          ref.userId,
          at,
          message.direction,
          pgText(message.text),
          message.intent ?? null,
          message.at.getTime(),
          message.userId ?? ref.userId,
        ],
      );
    },
    async recordReplies(conversationId, at, replies, statePatch) {
      const [removed, merge] = patchParams(statePatch ?? {});
      await pool.query(
        `WITH m AS (
           INSERT INTO messages (conversation_id, direction, text, intent, at)
           SELECT $1, 'out', r.text, r.intent, $2 FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS r(text, intent, n) ORDER BY r.n)
         UPDATE conversations SET state = (state - $5::text[]) || $6::jsonb, updated_at = $2 WHERE id = $1`,
        [conversationId, at.getTime(), replies.map((r) => pgText(r.text)), replies.map((r) => r.intent ?? null), removed, merge],
      );
    },
    async recentMessages(conversationId, limit) {
      const { rows } = await pool.query<MessageRow>(
        "SELECT conversation_id, direction, text, intent, at FROM messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2",
        [conversationId, limit],
      );
      return rows.reverse().map(
        (row): StoredMessage => ({
          conversationId: row.conversation_id,
          direction: row.direction,
          text: row.text,
          ...(row.intent ? { intent: row.intent as Intent } : {}),
          at: new Date(row.at),
        }),
      );
    },
    async getState(conversationId) {
      const { rows } = await pool.query<{ state: ConversationState }>("SELECT state FROM conversations WHERE id = $1", [conversationId]);
      return rows[0]?.state ?? {};
    },
    async setState(conversationId, state) {
      await pool.query("UPDATE conversations SET state = $2::jsonb WHERE id = $1", [conversationId, stateJson(state)]);
    },
    async mergeState(conversationId, patch) {
      const [removed, merge] = patchParams(patch);
      await pool.query("UPDATE conversations SET state = (state - $2::text[]) || $3::jsonb WHERE id = $1", [conversationId, removed, merge]);
    },
    async recordFeedback(feedback) {
      await pool.query("INSERT INTO feedback (conversation_id, message_ref, value, reason, at) VALUES ($1, $2, $3, $4, $5)", [
        feedback.conversationId,
        pgText(feedback.messageRef),
        feedback.value,
        feedback.reason === undefined ? null : pgText(feedback.reason),
        feedback.at.getTime(),
      ]);
    },
    async markDelivery(key, at) {
      const result = await pool.query("INSERT INTO deliveries (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [pgText(key), at.getTime()]);
      return result.rowCount === 1;
    },
    async hasDelivery(key) {
      const result = await pool.query("SELECT 1 FROM deliveries WHERE key = $1", [pgText(key)]);
      return (result.rowCount ?? 0) > 0;
    },
    async forgetUser(userId) {
      return withTransaction(pool, async (client) => {
        // The user's conversations, each with the last other person who wrote in it (a group), if any.
        const own = await client.query<{ id: string; heir: string | null }>(
          `SELECT c.id, (SELECT m.user_id FROM messages m WHERE m.conversation_id = c.id AND m.user_id IS NOT NULL AND m.user_id <> $1
                          ORDER BY m.id DESC LIMIT 1) AS heir
             FROM conversations c WHERE c.user_id = $1 FOR UPDATE`,
          [userId],
        );
        let removed = 0;
        for (const { id, heir } of own.rows) {
          if (heir) {
            await client.query("UPDATE conversations SET user_id = $2, state = '{}' WHERE id = $1", [id, heir]);
            continue;
          }
          const { rows } = await client.query<{ n: number }>(
            "SELECT (SELECT COUNT(*) FROM messages WHERE conversation_id = $1) + (SELECT COUNT(*) FROM feedback WHERE conversation_id = $1) AS n",
            [id],
          );
          removed += (rows[0]?.n ?? 0) + ((await client.query("DELETE FROM conversations WHERE id = $1", [id])).rowCount ?? 0);
        }
        removed += (await client.query("DELETE FROM messages WHERE user_id = $1", [userId])).rowCount ?? 0;
        removed += (await client.query("DELETE FROM inbox WHERE user_id = $1 AND status <> 'pending'", [userId])).rowCount ?? 0;
        return removed;
      });
    },
    async purgeOlderThan(before) {
      return withTransaction(pool, async (client) => {
        const t = before.getTime();
        let removed = 0;
        for (const table of ["messages", "feedback", "deliveries"]) {
          removed += (await client.query(`DELETE FROM ${table} WHERE at < $1`, [t])).rowCount ?? 0;
        }
        return removed;
      });
    },
  };
}
