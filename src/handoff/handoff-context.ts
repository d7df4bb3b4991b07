/**
 * What the handoff flows share: dependencies, the ticket store, the outbox and small helpers to
 * queue work for a resident's chat or a ticket's thread. Built once by `createHandoffService`.
 */
import type { ChannelSender, ConversationStore, SafetyCheck } from "../core/ports.js";
import type { AssistantReply, OutboundMessage } from "../core/types.js";
import type { Logger } from "../log/logger.js";
import type { DeskKind, DeskMessage, HandoffEvent, StaffDesk, Ticket } from "./handoff-model.js";
import type { OfficeHours } from "./office-hours.js";
import type { Outbox } from "./outbox.js";
import type { TicketStore } from "./ticket-store.js";
import type { TranscriptSummariser } from "./ticket-summary.js";

/** Conversation state the handoff keeps under `state.handoff`. */
export interface HandoffState {
  /** A person was offered; waiting for the consent answer. */
  pending?: { reason: "crisis" | "handoff" | "unconfident"; question?: string; at: number };
  /** The ticket whose rating buttons were shown last (a typed 1–5 counts too). */
  rateTicket?: number;
}

export interface HandoffContext {
  store: ConversationStore;
  tickets: TicketStore;
  outbox: Outbox;
  desks: Partial<Record<DeskKind, StaffDesk>>;
  /** Where new tickets go. */
  primaryDesk: DeskKind;
  sender: ChannelSender;
  hours: OfficeHours;
  now: () => Date;
  wijkteamContact: string;
  safety?: SafetyCheck;
  summarise?: TranscriptSummariser;
  logger?: Logger;
  /** Tells live desks and the figures what changed (never throws). */
  emit(event: HandoffEvent): void;
  /** Starts delivery of queued jobs (no-op before the service is started). */
  kick(): void;
  /** The language the resident's conversation is in (for texts sent later: claimed, closed, delays). */
  languageOf(conversationId: string): Promise<string | undefined>;
  getState(conversationId: string): Promise<HandoffState>;
  setState(conversationId: string, state: HandoffState): Promise<void>;
  /** Queues a message for the resident of a ticket and records it in the conversation. */
  toResident(ticket: Pick<Ticket, "id" | "conversationId">, message: OutboundMessage): Promise<void>;
  toDesk(ticket: Pick<Ticket, "id">, kind: "desk_post" | "desk_update"): Promise<void>;
  toThread(ticket: Pick<Ticket, "id">, message: DeskMessage): Promise<void>;
}

export function residentLane(conversationId: string): string {
  return `resident:${conversationId}`;
}

export function deskLane(ticketId: number): string {
  return `desk:${ticketId}`;
}

export function reply(replies: OutboundMessage[], intent: AssistantReply["intent"] = "handoff"): AssistantReply {
  return { intent, replies, sources: [], confident: true };
}

/** The bot says nothing: a person has the chat. */
export function silent(): AssistantReply {
  return { intent: "handoff", replies: [], sources: [], confident: true };
}
