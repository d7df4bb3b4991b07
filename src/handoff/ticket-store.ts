/**
 * The port the handoff keeps its tickets in. Implementations live in `src/store/` (SQLite and
 * PostgreSQL) and pass one contract suite. Every state change is one conditional write, so races
 * between two workers, or two instances, resolve in the database.
 */
import type { CloseReason, DeskKind, Ticket, Worker } from "./handoff-model.js";

/** `plain`: the note built at creation, not yet enriched; `llm`: written by the summariser; `fallback`: enrichment failed. */
export type SummaryKind = "plain" | "llm" | "fallback";

export type NewTicket = Pick<Ticket, "conversationId" | "channel" | "userId" | "priority" | "reason" | "topic" | "summary"> & {
  desk: DeskKind;
  at: Date;
};

/** Handoff tickets: created once per chat, claimed once, closed once; erasable per resident. */
export interface TicketStore {
  /** Creates an open ticket; returns the active one instead when the conversation already has one. */
  create(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: number): Promise<Ticket | undefined>;
  /** The open or claimed ticket of a conversation. */
  active(conversationId: string): Promise<Ticket | undefined>;
  /** The newest ticket posted in this desk thread. */
  byDeskThread(desk: DeskKind, thread: string): Promise<Ticket | undefined>;
  saveDeskRefs(id: number, refs: { thread?: string; message?: string }): Promise<void>;
  setSummary(id: number, summary: string, kind: SummaryKind): Promise<void>;
  /** `plain` for an unknown ticket. */
  summaryKind(id: number): Promise<SummaryKind>;
  /** open → claimed; false when the ticket is not open any more. */
  claim(id: number, worker: Worker, at: Date): Promise<boolean>;
  /** open|claimed → closed; false when it was closed already. */
  close(id: number, reason: CloseReason, at: Date): Promise<boolean>;
  /** Records a 1–5 rating once, for a closed ticket of this conversation. */
  rate(id: number, conversationId: string, rating: number): Promise<boolean>;
  /** Open, posted tickets not created or reminded after `normalBefore` / `urgentBefore` (per priority), by id. */
  dueForReminder(normalBefore: Date, urgentBefore: Date): Promise<Ticket[]>;
  /**
   * Records a reminder at `at` for an open ticket last reminded (or created) at or before `dueBefore`;
   * false when it is not due any more (another instance reminded it first, or it was claimed): then
   * no reminder is sent. So a reminder goes out once across instances.
   */
  markReminded(id: number, at: Date, dueBefore: Date): Promise<boolean>;
  /** Open tickets that still have no desk message although created before `before`, not yet told, by id. */
  undeliveredSince(before: Date): Promise<Ticket[]>;
  /** Records the delay notice; false when the resident was told already (by another instance). */
  markDelayNotice(id: number, at: Date): Promise<boolean>;
  /** Raises an open or claimed ticket to urgent; false when it already was (or is closed). */
  escalate(id: number): Promise<boolean>;
  /**
   * Erases the content (summary, topic, resident reference) of a user's tickets and closes the
   * active ones, in one transaction. Returns every ticket id of the user and the tickets it closed
   * (as they are after closing and erasure).
   */
  forgetUser(userId: string, at: Date): Promise<{ ids: number[]; closed: Ticket[] }>;
  /** Erases the content of tickets closed before `before`; returns tickets changed. */
  purgeContentBefore(before: Date): Promise<number>;
}
