/**
 * Carries out outbox jobs (see {@link HandoffContext}): messages to a resident's chat through the
 * routing sender, and ticket posts, updates and thread messages through the ticket's desk. Jobs
 * whose ticket is gone or was never posted are done (nothing to deliver), not failed.
 */
import { AppError } from "../core/app-error.js";
import type { OutboundMessage } from "../core/types.js";
import type { DeliveryFailure } from "./delivery-errors.js";
import { deskLane, residentLane, type HandoffContext } from "./handoff-context.js";
import type { DeskMessage, StaffDesk, Ticket } from "./handoff-model.js";
import { handoffTexts as t, residentTextsFor } from "./handoff-texts.js";
import type { OutboxJob } from "./outbox-store.js";
import { richSummary } from "./ticket-summary.js";

export interface ResidentPayload {
  conversationId: string;
  message: OutboundMessage;
  /** Channel-defined delivery detail (see {@link ChannelSender.send}). */
  via?: unknown;
}

export function createOutboxDelivery(ctx: () => HandoffContext) {
  function deskOf(ticket: Ticket): StaffDesk {
    const desk = ctx().desks[ticket.desk];
    if (!desk) throw new AppError("not_running", `no ${ticket.desk} desk is running`, { detail: "desk_not_running" });
    return desk;
  }

  async function enrichSummary(c: HandoffContext, ticket: Ticket): Promise<Ticket> {
    if (!c.summarise || ticket.deskMessage || !ticket.summary || (await c.tickets.summaryKind(ticket.id)) !== "plain") return ticket;
    const rich = await richSummary(ticket.summary, await c.store.recentMessages(ticket.conversationId, 20), c.summarise);
    // Marked even when it failed: one try, then the plain note stands.
    await c.tickets.setSummary(ticket.id, rich ?? ticket.summary, rich ? "llm" : "fallback");
    return (await c.tickets.get(ticket.id)) ?? ticket;
  }

  async function deliver(job: OutboxJob): Promise<void> {
    const c = ctx();
    if (job.kind === "resident") {
      const { conversationId, message, via } = job.payload as ResidentPayload;
      await c.sender.send(conversationId, message, via);
      return;
    }
    const ticket = job.ticketId === null ? undefined : await c.tickets.get(job.ticketId);
    if (!ticket) return;
    switch (job.kind) {
      case "desk_post": {
        if (ticket.deskMessage) return;
        const current = await enrichSummary(c, ticket);
        await deskOf(current).postTicket(current, (refs) => c.tickets.saveDeskRefs(current.id, refs));
        return;
      }
      case "desk_update":
        if (ticket.deskMessage) await deskOf(ticket).updateTicket(ticket);
        return;
      case "desk_message":
        if (ticket.deskThread) await deskOf(ticket).postInThread(ticket, job.payload as DeskMessage);
        return;
      default:
        c.logger?.error({ kind: job.kind }, "unknown handoff job skipped");
    }
  }

  /** Nobody may be left believing a message arrived: the other side is told. */
  async function onGivenUp(job: OutboxJob, failure: DeliveryFailure): Promise<void> {
    const c = ctx();
    const ticket = job.ticketId === null ? undefined : await c.tickets.get(job.ticketId);
    if (!ticket) return;
    if (job.lane === residentLane(ticket.conversationId)) {
      await c.outbox.enqueue(deskLane(ticket.id), ticket.id, "desk_message", { kind: "notice", text: t.residentUnreachable(failure.code) });
    } else if (job.kind === "desk_post" || (job.kind === "desk_message" && (job.payload as DeskMessage).kind === "resident")) {
      const words = residentTextsFor(await c.languageOf(ticket.conversationId));
      await c.toResident(ticket, { text: words.notDelivered(c.wijkteamContact) });
      if (job.kind === "desk_post" && await c.tickets.close(ticket.id, "undeliverable", c.now())) {
        c.logger?.error({ ticket: ticket.id }, "handoff ticket could not be posted; resident told");
      }
    }
    c.kick();
  }

  return { deliver, onGivenUp };
}
