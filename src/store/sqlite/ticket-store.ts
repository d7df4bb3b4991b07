import type { Ticket } from "../../handoff/handoff-model.js";
import type { SummaryKind, TicketStore } from "../../handoff/ticket-store.js";
import { toTicket, type TicketRow } from "../ticket-row.js";
import { checkpointAfterErasure, type SqliteDatabase } from "./database.js";

export function createSqliteTicketStore(db: SqliteDatabase): TicketStore {
  const insert = db.prepare(
    `INSERT INTO handoff_tickets (conversation_id, channel, user_id, priority, reason, topic, status, summary, desk, created_at)
     VALUES (@conversationId, @channel, @userId, @priority, @reason, @topic, 'open', @summary, @desk, @at)`,
  );
  const byId = db.prepare("SELECT * FROM handoff_tickets WHERE id = ?");
  const activeFor = db.prepare("SELECT * FROM handoff_tickets WHERE conversation_id = ? AND status <> 'closed'");
  const byThread = db.prepare("SELECT * FROM handoff_tickets WHERE desk = ? AND desk_thread = ? ORDER BY id DESC LIMIT 1");
  const setThread = db.prepare("UPDATE handoff_tickets SET desk_thread = ? WHERE id = ?");
  const setMessage = db.prepare("UPDATE handoff_tickets SET desk_message = ? WHERE id = ?");
  const setSummary = db.prepare("UPDATE handoff_tickets SET summary = ?, summary_kind = ? WHERE id = ?");
  const getSummaryKind = db.prepare("SELECT summary_kind FROM handoff_tickets WHERE id = ?");
  const claim = db.prepare(
    "UPDATE handoff_tickets SET status = 'claimed', worker_id = ?, worker_name = ?, claimed_at = ? WHERE id = ? AND status = 'open'",
  );
  const close = db.prepare(
    "UPDATE handoff_tickets SET status = 'closed', close_reason = ?, closed_at = ? WHERE id = ? AND status <> 'closed'",
  );
  const rate = db.prepare(
    "UPDATE handoff_tickets SET rating = ? WHERE id = ? AND conversation_id = ? AND status = 'closed' AND rating IS NULL",
  );
  const due = db.prepare(
    `SELECT * FROM handoff_tickets WHERE status = 'open' AND desk_message IS NOT NULL
       AND COALESCE(reminded_at, created_at) <= CASE priority WHEN 'urgent' THEN @urgent ELSE @normal END
     ORDER BY id`,
  );
  const reminded = db.prepare(
    "UPDATE handoff_tickets SET reminded_at = ? WHERE id = ? AND status = 'open' AND COALESCE(reminded_at, created_at) <= ?",
  );
  const undelivered = db.prepare(
    "SELECT * FROM handoff_tickets WHERE status = 'open' AND desk_message IS NULL AND delay_notice_at IS NULL AND created_at < ? ORDER BY id",
  );
  const delayNotice = db.prepare("UPDATE handoff_tickets SET delay_notice_at = ? WHERE id = ? AND delay_notice_at IS NULL");
  const escalate = db.prepare("UPDATE handoff_tickets SET priority = 'urgent' WHERE id = ? AND status <> 'closed' AND priority <> 'urgent'");
  const ofUser = db.prepare("SELECT * FROM handoff_tickets WHERE user_id = ?");
  const erase = db.prepare(
    "UPDATE handoff_tickets SET summary = '', topic = NULL, user_id = '', conversation_id = 'forgotten:' || id WHERE id = ?",
  );
  const purge = db.prepare(
    "UPDATE handoff_tickets SET summary = '', topic = NULL WHERE status = 'closed' AND closed_at < ? AND (summary <> '' OR topic IS NOT NULL)",
  );

  const read = (row: unknown) => (row ? toTicket(row as TicketRow) : undefined);

  return {
    async create(t) {
      return db.transaction(() => {
        const existing = read(activeFor.get(t.conversationId));
        if (existing) return { ticket: existing, created: false };
        const info = insert.run({ ...t, topic: t.topic ?? null, at: t.at.getTime() });
        return { ticket: read(byId.get(info.lastInsertRowid))!, created: true };
      })();
    },
    get: async (id) => read(byId.get(id)),
    active: async (conversationId) => read(activeFor.get(conversationId)),
    byDeskThread: async (desk, thread) => read(byThread.get(desk, thread)),
    async saveDeskRefs(id, refs) {
      if (refs.thread !== undefined) setThread.run(refs.thread, id);
      if (refs.message !== undefined) setMessage.run(refs.message, id);
    },
    async setSummary(id, summary, kind) {
      setSummary.run(summary, kind, id);
    },
    async summaryKind(id) {
      return ((getSummaryKind.get(id) as { summary_kind: string } | undefined)?.summary_kind ?? "plain") as SummaryKind;
    },
    claim: async (id, worker, at) => claim.run(worker.id, worker.firstName, at.getTime(), id).changes === 1,
    close: async (id, reason, at) => close.run(reason, at.getTime(), id).changes === 1,
    rate: async (id, conversationId, rating) => rate.run(rating, id, conversationId).changes === 1,
    async dueForReminder(normalBefore, urgentBefore) {
      return (due.all({ normal: normalBefore.getTime(), urgent: urgentBefore.getTime() }) as TicketRow[]).map(toTicket);
    },
    markReminded: async (id, at, dueBefore) => reminded.run(at.getTime(), id, dueBefore.getTime()).changes === 1,
    async undeliveredSince(before) {
      return (undelivered.all(before.getTime()) as TicketRow[]).map(toTicket);
    },
    markDelayNotice: async (id, at) => delayNotice.run(at.getTime(), id).changes === 1,
    escalate: async (id) => escalate.run(id).changes === 1,
    async forgetUser(userId, at) {
      const result = db.transaction(() => {
        const tickets = (ofUser.all(userId) as TicketRow[]).map(toTicket);
        const closed: Ticket[] = [];
        for (const t of tickets) {
          if (t.status !== "closed" && close.run("forgotten", at.getTime(), t.id).changes === 1) closed.push(t);
          erase.run(t.id);
        }
        return { ids: tickets.map((t) => t.id), closed: closed.map((t) => read(byId.get(t.id))!) };
      })();
      if (result.ids.length > 0) checkpointAfterErasure(db);
      return result;
    },
    async purgeContentBefore(before) {
      return purge.run(before.getTime()).changes;
    },
  };
}
