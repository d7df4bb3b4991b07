/**
 * What the desk shows of a ticket: the JSON of the desk's API. The conversation is the one the
 * resident agreed to share (the conversation store keeps it as long as the retention allows).
 */
import { detect } from "tinyld";
import type { ConversationStore, StoredMessage } from "../core/ports.js";
import type { Ticket } from "../handoff/handoff-model.js";
import { HANDOFF_ACTIONS, handoffTexts } from "../handoff/handoff-texts.js";

/** Button presses are stored as `[knop: id]`; the desk shows what the resident saw on the button. */
const BUTTON_LABELS: Record<string, string> = {
  [HANDOFF_ACTIONS.consentYes]: handoffTexts.buttons.consentYes,
  [HANDOFF_ACTIONS.consentNo]: handoffTexts.buttons.consentNo,
  [HANDOFF_ACTIONS.request]: "Praat met een mens",
};
const readable = (text: string) =>
  text.replace(/^\[knop: ([\w-]+)(?::[^\]]*)?\]$/, (_m, id: string) => `[drukte op de knop${BUTTON_LABELS[id] ? ` "${BUTTON_LABELS[id]}"` : ""}]`);

export interface TicketJson {
  id: number;
  status: Ticket["status"];
  priority: Ticket["priority"];
  channel: string;
  summary: string;
  createdAt: string;
  claimedBy: string | null;
  /** Extra for the desk page (not in the fixed contract, never relied on by other parts). */
  reason: Ticket["reason"];
  topic: string | null;
  rating: number | null;
}

export interface MessageJson {
  from: "resident" | "worker" | "bot";
  text: string;
  at: string;
}

export function ticketJson(t: Ticket): TicketJson {
  return {
    id: t.id,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    summary: t.summary,
    createdAt: t.createdAt.toISOString(),
    claimedBy: t.workerName ?? null,
    reason: t.reason,
    topic: t.topic ?? null,
    rating: t.rating ?? null,
  };
}

/** The shared conversation, oldest first (as the store returns it); a worker's relayed words are marked as the worker's. */
export async function ticketMessages(store: ConversationStore, ticket: Ticket, limit = 60): Promise<MessageJson[]> {
  const prefix = ticket.workerName ? `${ticket.workerName}: ` : undefined;
  const claimedAt = ticket.claimedAt?.getTime() ?? Infinity;
  return (await store.recentMessages(ticket.conversationId, limit)).map((m) => {
      // The relay signs a worker's words with the first name (relay.ts); that is how they are told apart.
      const byWorker = m.direction === "out" && m.intent === "handoff" && prefix !== undefined && m.at.getTime() >= claimedAt && m.text.startsWith(prefix);
      return {
        from: m.direction === "in" ? "resident" : byWorker ? "worker" : "bot",
        text: byWorker ? m.text.slice(prefix!.length) : m.direction === "in" ? readable(m.text) : m.text,
        at: m.at.toISOString(),
      } satisfies MessageJson;
    });
}

/** The resident's language (ISO 639-1): the state's when another part set it, else detected from what they typed. */
export function residentLanguage(state: Record<string, unknown>, messages: StoredMessage[]): string {
  if (typeof state.language === "string") return state.language;
  const typed = messages.filter((m) => m.direction === "in" && !m.text.startsWith("[") && !m.text.startsWith("/")).map((m) => m.text);
  const longest = typed.sort((a, b) => b.length - a.length)[0] ?? "";
  // Short words ("ja", "ok") say nothing about a language.
  if (longest.replace(/[^\p{L}]/gu, "").length < 12) return "nl";
  return detect(longest) || "nl";
}
