import type {
  ConversationRef,
  ConversationState,
  ConversationStore,
  StoredMessage,
} from "../../core/ports.js";
import type { Intent } from "../../core/types.js";
import { checkpointAfterErasure, type SqliteDatabase } from "./database.js";

interface MessageRow {
  conversation_id: string;
  direction: "in" | "out";
  text: string;
  intent: string | null;
  at: number;
}

/**
 * {@link ConversationStore} on SQLite (better-sqlite3). The statements run synchronously (one prepared
 * statement per query); the port is asynchronous so PostgreSQL fits the same contract.
 */
export function createSqliteConversationStore(db: SqliteDatabase): ConversationStore {
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, channel, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at`,
  );
  // The start of a turn leaves an existing conversation's row alone; its end touches it anyway.
  const insertNewConversation = db.prepare(
    `INSERT INTO conversations (id, channel, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO NOTHING`,
  );
  const insertMessage = db.prepare(
    "INSERT INTO messages (conversation_id, direction, text, intent, at, user_id) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const selectRecent = db.prepare(
    "SELECT conversation_id, direction, text, intent, at FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?",
  );
  const selectState = db.prepare("SELECT state_json FROM conversations WHERE id = ?");
  const updateState = db.prepare("UPDATE conversations SET state_json = ? WHERE id = ?");
  const touchConversation = db.prepare("UPDATE conversations SET updated_at = ? WHERE id = ?");
  const updateStateAndTouch = db.prepare("UPDATE conversations SET state_json = ?, updated_at = ? WHERE id = ?");
  const insertFeedback = db.prepare(
    "INSERT INTO feedback (conversation_id, message_ref, value, reason, at) VALUES (?, ?, ?, ?, ?)",
  );
  const insertDelivery = db.prepare("INSERT OR IGNORE INTO deliveries (key, at) VALUES (?, ?)");
  const selectDelivery = db.prepare("SELECT 1 FROM deliveries WHERE key = ?");
  // The user's conversations, each with the last other person who wrote in it (a group), if any.
  const ownConversations = db.prepare(
    `SELECT c.id, (SELECT m.user_id FROM messages m WHERE m.conversation_id = c.id AND m.user_id IS NOT NULL AND m.user_id <> @u
                    ORDER BY m.id DESC LIMIT 1) AS heir
       FROM conversations c WHERE c.user_id = @u`,
  );
  const countConversationRows = db.prepare(
    "SELECT (SELECT COUNT(*) FROM messages WHERE conversation_id = @c) + (SELECT COUNT(*) FROM feedback WHERE conversation_id = @c) AS n",
  );
  const deleteConversation = db.prepare("DELETE FROM conversations WHERE id = ?");
  const handOver = db.prepare("UPDATE conversations SET user_id = ?, state_json = '{}' WHERE id = ?");
  const deleteAuthored = db.prepare("DELETE FROM messages WHERE user_id = ?");
  const deleteUserInbox = db.prepare("DELETE FROM inbox WHERE user_id = ? AND status <> 'pending'");
  const purgeMessages = db.prepare("DELETE FROM messages WHERE at < ?");
  const purgeFeedback = db.prepare("DELETE FROM feedback WHERE at < ?");
  const purgeDeliveries = db.prepare("DELETE FROM deliveries WHERE at < ?");

  const ensureConversation = (ref: ConversationRef, at: Date) => {
    insertConversation.run(ref.conversationId, ref.channel, ref.userId, at.getTime(), at.getTime());
  };
  const appendMessage = (message: StoredMessage) => {
    insertMessage.run(message.conversationId, message.direction, message.text, message.intent ?? null, message.at.getTime(), message.userId ?? null);
  };
  const getState = (conversationId: string): ConversationState => {
    const row = selectState.get(conversationId) as { state_json: string } | undefined;
    return row ? (JSON.parse(row.state_json) as ConversationState) : {};
  };
  // A commit costs more than the statements in it (it writes every page they touched to the WAL):
  // a turn is two transactions, one when the message comes in and one with the replies.
  const recordInbound = db.transaction((ref: ConversationRef, message: StoredMessage) => {
    const at = message.at.getTime();
    insertNewConversation.run(ref.conversationId, ref.channel, ref.userId, at, at);
    appendMessage({ ...message, userId: message.userId ?? ref.userId });
  });
  const recordReplies = db.transaction(
    (
      conversationId: string,
      at: Date,
      replies: Array<Pick<StoredMessage, "text" | "intent">>,
      statePatch: Partial<ConversationState> | undefined,
    ) => {
      for (const reply of replies) appendMessage({ conversationId, direction: "out", ...reply, at });
      if (statePatch && Object.keys(statePatch).length > 0) {
        updateStateAndTouch.run(JSON.stringify({ ...getState(conversationId), ...statePatch }), at.getTime(), conversationId);
      } else {
        touchConversation.run(at.getTime(), conversationId);
      }
    },
  );

  const mergeState = db.transaction((conversationId: string, patch: Partial<ConversationState>) => {
    updateState.run(JSON.stringify({ ...getState(conversationId), ...patch }), conversationId);
  });

  return {
    ensureConversation: async (ref, at) => ensureConversation(ref, at),
    appendMessage: async (message) => appendMessage(message),
    recordInbound: async (ref, message) => recordInbound(ref, message),
    recordReplies: async (conversationId, at, replies, statePatch) => recordReplies(conversationId, at, replies, statePatch),
    async recentMessages(conversationId, limit) {
      const rows = selectRecent.all(conversationId, limit) as MessageRow[];
      return rows.reverse().map((row) => ({
        conversationId: row.conversation_id,
        direction: row.direction,
        text: row.text,
        ...(row.intent ? { intent: row.intent as Intent } : {}),
        at: new Date(row.at),
      }));
    },
    getState: async (conversationId) => getState(conversationId),
    async setState(conversationId, state) {
      updateState.run(JSON.stringify(state), conversationId);
    },
    async mergeState(conversationId, patch) {
      mergeState(conversationId, patch);
    },
    async recordFeedback(feedback) {
      insertFeedback.run(
        feedback.conversationId,
        feedback.messageRef,
        feedback.value,
        feedback.reason ?? null,
        feedback.at.getTime(),
      );
    },
    async markDelivery(key, at) {
      return insertDelivery.run(key, at.getTime()).changes === 1;
    },
    async hasDelivery(key) {
      return selectDelivery.get(key) !== undefined;
    },
    async forgetUser(userId) {
      const removed = db.transaction(() => {
        let n = 0;
        for (const { id, heir } of ownConversations.all({ u: userId }) as Array<{ id: string; heir: string | null }>) {
          if (heir) {
            handOver.run(heir, id);
            continue;
          }
          n += (countConversationRows.get({ c: id }) as { n: number }).n + deleteConversation.run(id).changes;
        }
        return n + deleteAuthored.run(userId).changes + deleteUserInbox.run(userId).changes;
      })();
      checkpointAfterErasure(db);
      return removed;
    },
    async purgeOlderThan(before) {
      return db.transaction(() => {
        const t = before.getTime();
        return purgeMessages.run(t).changes + purgeFeedback.run(t).changes + purgeDeliveries.run(t).changes;
      })();
    },
  };
}
