import type { Inbox, InboxReply } from "../../channels/inbox.js";
import { toInboxItem, type InboxRow } from "../inbox-row.js";
import { checkpointAfterErasure, type SqliteDatabase } from "./database.js";

const COLUMNS = "id, key, chat, user_id, payload_json, attempts, received_at";

/**
 * {@link Inbox} on SQLite. A lease and a completion are each one IMMEDIATE transaction (the write lock
 * is taken before the read), so processes sharing the file cannot lease one item twice.
 */
export function createSqliteInbox(db: SqliteDatabase): Inbox {
  const insert = db.prepare(
    `INSERT INTO inbox (key, chat, user_id, payload_json, available_at, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO NOTHING`,
  );
  const nextDue = db.prepare(
    `SELECT ${COLUMNS} FROM inbox
      WHERE id IN (SELECT MIN(id) FROM inbox WHERE status = 'pending' GROUP BY chat)
        AND available_at <= ? AND substr(chat, 1, length(?)) = ?
      ORDER BY id LIMIT 1`,
  );
  const takeLease = db.prepare("UPDATE inbox SET lease_owner = ?, available_at = ?, attempts = attempts + 1 WHERE id = ?");
  const finish = db.prepare(
    "UPDATE inbox SET status = ?, finished_at = ?, lease_owner = NULL, last_error = ? WHERE id = ? AND lease_owner = ? AND status = 'pending'",
  );
  const giveBack = db.prepare("UPDATE inbox SET available_at = ?, last_error = ? WHERE id = ? AND lease_owner = ? AND status = 'pending'");
  const enqueueReply = db.prepare(
    `INSERT INTO handoff_outbox (lane, ticket_id, kind, payload_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const countAll = db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'");
  const countChat = db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending' AND chat = ?");
  const deleteUser = db.prepare("DELETE FROM inbox WHERE user_id = ? AND status <> 'pending'");
  const purge = db.prepare("DELETE FROM inbox WHERE status <> 'pending' AND finished_at < ?");

  const lease = db.transaction((workerId: string, leaseMs: number, now: number, prefix: string) => {
    const row = nextDue.get(now, prefix, prefix) as InboxRow | undefined;
    if (!row) return undefined;
    takeLease.run(workerId, now + leaseMs, row.id);
    return { ...row, attempts: row.attempts + 1 };
  });
  const complete = db.transaction((id: number, workerId: string, replies: InboxReply[], at: number) => {
    if (finish.run("done", at, null, id, workerId).changes !== 1) return false;
    for (const r of replies) enqueueReply.run(r.lane, r.ticketId, r.kind, JSON.stringify(r.payload), at, at);
    return true;
  });

  return {
    async record(item, at) {
      const t = at.getTime();
      return insert.run(item.key, item.chat, item.userId ?? null, JSON.stringify(item.payload), t, t).changes === 1;
    },
    async lease(workerId, leaseMs, now, channel) {
      const row = lease.immediate(workerId, leaseMs, now.getTime(), channel === undefined ? "" : `${channel}:`);
      return row ? toInboxItem(row) : undefined;
    },
    async complete(id, workerId, replies, at) {
      return complete.immediate(id, workerId, replies, at.getTime());
    },
    async retry(id, workerId, retryAt, error) {
      return giveBack.run(retryAt.getTime(), error, id, workerId).changes === 1;
    },
    async giveUp(id, workerId, error, at) {
      return finish.run("failed", at.getTime(), error, id, workerId).changes === 1;
    },
    async pending(chat) {
      return ((chat === undefined ? countAll.get() : countChat.get(chat)) as { n: number }).n;
    },
    async forgetUser(userId) {
      const removed = deleteUser.run(userId).changes;
      if (removed > 0) checkpointAfterErasure(db);
      return removed;
    },
    async purgeBefore(before) {
      return purge.run(before.getTime()).changes;
    },
  };
}
