/** A ticket as both stores keep it: the same columns, times in epoch milliseconds. */
import type { Channel } from "../core/types.js";
import type { CloseReason, DeskKind, HandoffReason, Ticket, TicketPriority, TicketStatus } from "../handoff/handoff-model.js";

export interface TicketRow {
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

/** The row as the handoff sees it; optional fields are left out when NULL. */
export function toTicket(row: TicketRow): Ticket {
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
