/**
 * The handoff model shared by the ticket store, the flows and the staff desks (Slack channel or
 * Telegram forum group). Platform-free: desks implement {@link StaffDesk}.
 */
import type { Channel } from "../core/types.js";

export type TicketStatus = "open" | "claimed" | "closed";
export type TicketPriority = "normal" | "urgent";
export type HandoffReason = "crisis" | "handoff" | "unconfident";
export type CloseReason = "worker" | "resident_stopped" | "forgotten" | "undeliverable";
export type DeskKind = "slack" | "telegram";

export interface Ticket {
  id: number;
  conversationId: string;
  channel: Channel;
  userId: string;
  priority: TicketPriority;
  reason: HandoffReason;
  /** Detected topic in Dutch ("schulden", "crisis: geweld"), when known. */
  topic?: string;
  status: TicketStatus;
  /** The note for the worker; empty after the resident asked to be forgotten. */
  summary: string;
  desk: DeskKind;
  /** Slack: ts of the ticket message (the thread); Telegram: forum topic id. */
  deskThread?: string;
  /** The message carrying the claim/close buttons (Slack ts, Telegram message id). */
  deskMessage?: string;
  workerId?: string;
  /** First name only: what the resident is told. */
  workerName?: string;
  closeReason?: CloseReason;
  rating?: number;
  createdAt: Date;
  claimedAt?: Date;
  closedAt?: Date;
}

/** A sociaal werker as the desk knows them. */
export interface Worker {
  /** Platform user reference, e.g. `slack:U123` or `telegram:42`. */
  id: string;
  firstName: string;
  /** Coordinators may close any ticket; other workers only the ones they claimed. */
  coordinator?: boolean;
}

/** What a desk posts into a ticket's thread or topic. */
export interface DeskMessage {
  kind: "resident" | "notice" | "reminder";
  text: string;
}

/**
 * A place where sociaal werkers see tickets and talk to residents. Every method must throw when
 * the platform did not accept the request (the outbox then retries it) and must be safe to call
 * again after a failure.
 */
export interface StaffDesk {
  readonly kind: DeskKind;
  /**
   * Posts the ticket with its claim/close buttons. Saves each platform reference through `save`
   * as soon as it exists, so a retry after a partial failure continues instead of posting twice.
   */
  postTicket(ticket: Ticket, save: (refs: { thread?: string; message?: string }) => Promise<void>): Promise<void>;
  /** Shows the ticket's current status (who has it, closed) on the ticket message. */
  updateTicket(ticket: Ticket): Promise<void>;
  /** Posts into the ticket's thread or topic. */
  postInThread(ticket: Ticket, message: DeskMessage): Promise<void>;
}

/** Results of a worker's action, for the desk to show the worker. */
export type ClaimResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: "not_found" | "closed" | "taken" | "not_member" | "not_claimer"; ticket?: Ticket };

/** `empty`: nothing to pass on (a file or photo without words). */
export type WorkerMessageResult = "relayed" | "empty" | "not_claimed" | "not_claimer" | "closed" | "unknown_thread" | "duplicate";
