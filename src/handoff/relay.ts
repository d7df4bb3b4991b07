/**
 * The resident's messages on their way to the ticket's thread. Text goes as typed (the resident
 * agreed to share it with the worker); what cannot be relayed is said so to both sides.
 */
import type { AssistantReply, InboundMessage } from "../core/types.js";
import { reply, type HandoffContext } from "./handoff-context.js";
import type { Ticket } from "./handoff-model.js";
import { handoffTexts as t, residentTextsFor } from "./handoff-texts.js";

const UNSUPPORTED_NAMES: Record<NonNullable<InboundMessage["unsupported"]>, string> = {
  photo: "een foto",
  voice: "een spraakbericht",
  sticker: "een sticker",
  document: "een bestand",
  video: "een video",
  other: "een bericht dat ik niet kan lezen",
};

/**
 * Queues the resident's message for the ticket's thread. Returns a reply for the resident only
 * when something could not be passed on (a photo, a voice message); otherwise null.
 */
export async function deliverLater(ctx: HandoffContext, ticket: Ticket, inbound: InboundMessage): Promise<AssistantReply | null> {
  const parts: string[] = [];
  if (inbound.text.trim()) parts.push(inbound.text.trim());
  if (inbound.location) {
    parts.push(`📍 deelde een locatie: ${inbound.location.lat.toFixed(4)}, ${inbound.location.lon.toFixed(4)}`);
  }
  if (inbound.action) parts.push(`[drukte op de knop "${inbound.action.id}"]`);
  if (inbound.unsupported) parts.push(`[stuurde ${UNSUPPORTED_NAMES[inbound.unsupported]}; dat kan ik niet doorsturen]`);
  if (parts.length > 0) {
    await ctx.toThread(ticket, { kind: "resident", text: t.residentSays(parts.join("\n")) });
    ctx.kick();
  }
  if (inbound.unsupported && ticket.status === "claimed") {
    const words = residentTextsFor(inbound.language);
    return reply([{ text: words.textOnly(ticket.workerName ?? words.theWorker) }]);
  }
  return null;
}

/** A worker's words on their way to the resident, signed with the worker's first name. */
export async function relayToResident(ctx: HandoffContext, ticket: Ticket, text: string): Promise<void> {
  const signature = ticket.workerName ?? residentTextsFor(await ctx.languageOf(ticket.conversationId)).workerSignature;
  await ctx.toResident(ticket, { text: `${signature}: ${text}` });
  ctx.kick();
}
