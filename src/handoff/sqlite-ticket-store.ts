import type { Channel } from "../core/types.js";
import type { SqliteDatabase } from "../store/database.js";
import type { CloseReason, DeskKind, HandoffReason, Ticket, TicketPriority, TicketStatus, Worker } from "./handoff-model.js";

/** `plain`: the note built at creation, not yet enriched; `llm`: written by the summariser; `fallback`: enrichment failed. */
export type SummaryKind = "plain" | "llm" | "fallback";

export type NewTicket = Pick<Ticket, "conversationId" | "channel" | "userId" | "priority" | "reason" | "topic" | "summary"> & {
  desk: DeskKind;
  at: Date;
};

/** Tickets on SQLite. Every state change is one conditional UPDATE, so races resolve in the database. */
export interface TicketStore {
  /** Creates an open ticket; returns the active one instead when the conversation already has one. */
  create(ticket: NewTicket): { ticket: Ticket; created: boolean };
  get(id: number): Ticket | undefined;
  /** The open or claimed ticket of a conversation. */
  active(conversationId: string): Ticket | undefined;
  byDeskThread(desk: DeskKind, thread: string): Ticket | undefined;
  /** Open and claimed tickets, and those closed since `closedSince`; urgent first, then oldest first. */
  listForDesk(closedSince: Date, limit: number): Ticket[];
  saveDeskRefs(id: number, refs: { thread?: string; message?: string }): void;
  setSummary(id: number, summary: string, kind: SummaryKind): void;
  summaryKind(id: number): SummaryKind;
  /** open → claimed; false when the ticket is not open any more. */
  claim(id: number, worker: Worker, at: Date): boolean;
  /** open|claimed → closed; false when it was closed already. */
  close(id: number, reason: CloseReason, at: Date): boolean;
  /** Records a 1–5 rating once, for a closed ticket of this conversation. */
  rate(id: number, conversationId: string, rating: number): boolean;
  /** Open, posted tickets not created or reminded after `before` (per priority). */
  dueForReminder(normalBefore: Date, urgentBefore: Date): Ticket[];
  markReminded(id: number, at: Date): void;
  /** Open tickets that still have no desk message although created before `before`, not yet told. */
  undeliveredSince(before: Date): Ticket[];
  markDelayNotice(id: number, at: Date): void;
  /** Raises an open or claimed ticket to urgent; false when it already was (or is closed). */
  escalate(id: number): boolean;
  /**
   * Erases the content (summary, topic, resident reference) of a user's tickets and closes the
   * active ones. Returns every ticket id of the user and the tickets it closed.
   */
  forgetUser(userId: string, at: Date): { ids: number[]; closed: Ticket[] };
  /** Erases the content of tickets closed before `before`; returns tickets changed. */
  purgeContentBefore(before: Date): number;
}

interface TicketRow {
  id: number;
  conversation_id: string;
  channel: string;
  user_id: string;
  priority: string;
  reason: string;
  topic: string | null;
  status: string;
  summary: string;
  desk: string;
  desk_thread: string | null;
  desk_message: string | null;
  worker_id: string | null;
  worker_name: string | null;
  close_reason: string | null;
  rating: number | null;
  created_at: number;
  claimed_at: number | null;
  closed_at: number | null;
}

export function createSqliteTicketStore(db: SqliteDatabase): TicketStore {
  const insert = db.prepare(
    `INSERT INTO handoff_tickets (conversation_id, channel, user_id, priority, reason, topic, status, summary, desk, created_at)
     VALUES (@conversationId, @channel, @userId, @priority, @reason, @topic, 'open', @summary, @desk, @at)`,
  );
  const byId = db.prepare("SELECT * FROM handoff_tickets WHERE id = ?");
  const activeFor = db.prepare("SELECT * FROM handoff_tickets WHERE conversation_id = ? AND status <> 'closed'");
  const byThread = db.prepare("SELECT * FROM handoff_tickets WHERE desk = ? AND desk_thread = ? ORDER BY id DESC LIMIT 1");
  const forDesk = db.prepare(
    `SELECT * FROM handoff_tickets WHERE status <> 'closed' OR closed_at >= ?
     ORDER BY CASE status WHEN 'closed' THEN 1 ELSE 0 END, CASE priority WHEN 'urgent' THEN 0 ELSE 1 END, id LIMIT ?`,
  );
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
  const reminded = db.prepare("UPDATE handoff_tickets SET reminded_at = ? WHERE id = ?");
  const undelivered = db.prepare(
    "SELECT * FROM handoff_tickets WHERE status = 'open' AND desk_message IS NULL AND delay_notice_at IS NULL AND created_at < ? ORDER BY id",
  );
  const delayNotice = db.prepare("UPDATE handoff_tickets SET delay_notice_at = ? WHERE id = ?");
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
    create(t) {
      return db.transaction(() => {
        const existing = read(activeFor.get(t.conversationId));
        if (existing) return { ticket: existing, created: false };
        const info = insert.run({ ...t, topic: t.topic ?? null, at: t.at.getTime() });
        return { ticket: read(byId.get(info.lastInsertRowid))!, created: true };
      })();
    },
    get: (id) => read(byId.get(id)),
    active: (conversationId) => read(activeFor.get(conversationId)),
    byDeskThread: (desk, thread) => read(byThread.get(desk, thread)),
    listForDesk: (closedSince, limit) => (forDesk.all(closedSince.getTime(), limit) as TicketRow[]).map(toTicket),
    saveDeskRefs(id, refs) {
      if (refs.thread !== undefined) setThread.run(refs.thread, id);
      if (refs.message !== undefined) setMessage.run(refs.message, id);
    },
    setSummary(id, summary, kind) {
      setSummary.run(summary, kind, id);
    },
    summaryKind(id) {
      return ((getSummaryKind.get(id) as { summary_kind: string } | undefined)?.summary_kind ?? "plain") as SummaryKind;
    },
    claim: (id, worker, at) => claim.run(worker.id, worker.firstName, at.getTime(), id).changes === 1,
    close: (id, reason, at) => close.run(reason, at.getTime(), id).changes === 1,
    rate: (id, conversationId, rating) => rate.run(rating, id, conversationId).changes === 1,
    dueForReminder(normalBefore, urgentBefore) {
      return (due.all({ normal: normalBefore.getTime(), urgent: urgentBefore.getTime() }) as TicketRow[]).map(toTicket);
    },
    markReminded(id, at) {
      reminded.run(at.getTime(), id);
    },
    undeliveredSince(before) {
      return (undelivered.all(before.getTime()) as TicketRow[]).map(toTicket);
    },
    markDelayNotice(id, at) {
      delayNotice.run(at.getTime(), id);
    },
    escalate: (id) => escalate.run(id).changes === 1,
    forgetUser(userId, at) {
      return db.transaction(() => {
        const tickets = (ofUser.all(userId) as TicketRow[]).map(toTicket);
        const closed: Ticket[] = [];
        for (const t of tickets) {
          if (t.status !== "closed" && close.run("forgotten", at.getTime(), t.id).changes === 1) closed.push(t);
          erase.run(t.id);
        }
        return { ids: tickets.map((t) => t.id), closed: closed.map((t) => read(byId.get(t.id))!) };
      })();
    },
    purgeContentBefore(before) {
      return purge.run(before.getTime()).changes;
    },
  };
}

function toTicket(row: TicketRow): Ticket {
  const opt = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
    (value === null ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel as Channel,
    userId: row.user_id,
    priority: row.priority as TicketPriority,
    reason: row.reason as HandoffReason,
    status: row.status as TicketStatus,
    summary: row.summary,
    desk: row.desk as DeskKind,
    createdAt: new Date(row.created_at),
    ...opt("topic", row.topic),
    ...opt("deskThread", row.desk_thread),
    ...opt("deskMessage", row.desk_message),
    ...opt("workerId", row.worker_id),
    ...opt("workerName", row.worker_name),
    ...opt("closeReason", row.close_reason as CloseReason | null),
    ...opt("rating", row.rating),
    ...opt("claimedAt", row.claimed_at === null ? null : new Date(row.claimed_at)),
    ...opt("closedAt", row.closed_at === null ? null : new Date(row.closed_at)),
  };
}
