/**
 * The sociaal werker's side: claim, close and messages in the ticket's thread. Desks call these
 * after checking who the worker is (Slack: member of the handoff channel; Telegram: in the staff group).
 */
import type { HandoffContext } from "./handoff-context.js";
import type { ClaimResult, DeskKind, Ticket, Worker, WorkerMessageResult } from "./handoff-model.js";
import { HANDOFF_ACTIONS, handoffTexts as t, residentTextsFor } from "./handoff-texts.js";
import { relayToResident } from "./relay.js";

export interface WorkerMessage {
  desk: DeskKind;
  /** Slack thread ts or Telegram topic id. */
  thread: string;
  worker: Worker;
  text: string;
  /** Platform delivery key (e.g. `slack:C1:1700.1`) so a retried event is relayed once. */
  deliveryKey?: string;
}

export function createWorkerFlow(ctx: HandoffContext) {
  const { tickets, now } = ctx;

  async function claim(ticketId: number, worker: Worker): Promise<ClaimResult> {
    const ticket = await tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: "not_found" };
    if (ticket.status === "closed") return { ok: false, reason: "closed", ticket };
    if (ticket.status === "claimed") {
      // Pressing the button twice is fine; someone else pressing it is not.
      return ticket.workerId === worker.id ? { ok: true, ticket } : { ok: false, reason: "taken", ticket };
    }
    if (!(await tickets.claim(ticketId, worker, now()))) return claim(ticketId, worker);
    const claimed = (await tickets.get(ticketId))!;
    await ctx.toDesk(claimed, "desk_update");
    await ctx.toThread(claimed, { kind: "notice", text: t.claimedNotice(worker.firstName) });
    const words = residentTextsFor(await ctx.languageOf(claimed.conversationId));
    await ctx.toResident(claimed, { text: words.claimed(worker.firstName) });
    ctx.kick();
    ctx.emit({ type: "claimed", ticketId });
    ctx.logger?.info({ ticket: ticketId }, "handoff ticket claimed");
    return { ok: true, ticket: claimed };
  }

  async function close(ticketId: number, worker: Worker): Promise<ClaimResult> {
    const ticket = await tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: "not_found" };
    if (ticket.status === "closed") return { ok: false, reason: "closed", ticket };
    // Closing ends the resident's line to a person: the one who has it, or a coordinator, decides.
    if (!worker.coordinator && ticket.workerId !== worker.id) return { ok: false, reason: "not_claimer", ticket };
    if (!(await tickets.close(ticketId, "worker", now()))) return { ok: false, reason: "closed", ticket };
    const closed = (await tickets.get(ticketId))!;
    await ctx.toDesk(closed, "desk_update");
    const words = residentTextsFor(await ctx.languageOf(closed.conversationId));
    if (ticket.status === "claimed") {
      const name = ticket.workerName ?? worker.firstName;
      await ctx.toResident(closed, {
        text: words.closed(name),
        buttons: [1, 2, 3, 4, 5].map((n) => ({ id: HANDOFF_ACTIONS.rate, label: String(n), value: `${ticketId}:${n}` })),
      });
      await ctx.setState(closed.conversationId, { ...(await ctx.getState(closed.conversationId)), rateTicket: ticketId });
    } else {
      await ctx.toResident(closed, { text: words.closedUnclaimed(ctx.wijkteamContact) });
    }
    ctx.kick();
    ctx.logger?.info({ ticket: ticketId }, "handoff ticket closed");
    return { ok: true, ticket: closed };
  }

  async function workerMessage(message: WorkerMessage): Promise<{ result: WorkerMessageResult; ticket?: Ticket }> {
    const ticket = await tickets.byDeskThread(message.desk, message.thread);
    if (!ticket) return { result: "unknown_thread" };
    if (message.deliveryKey && (await ctx.store.hasDelivery(message.deliveryKey))) return { result: "duplicate", ticket };
    if (ticket.status === "closed") return { result: "closed", ticket };
    if (ticket.status === "open") return { result: "not_claimed", ticket };
    if (ticket.workerId !== message.worker.id) return { result: "not_claimer", ticket };
    if (!message.text.trim()) return { result: "empty", ticket };
    // Queued first, marked after: a crash between the two means the platform's retry relays it
    // again (at least once), never that the worker's words are lost.
    await relayToResident(ctx, ticket, message.text.trim());
    if (message.deliveryKey && !(await ctx.store.markDelivery(message.deliveryKey, now()))) return { result: "duplicate", ticket };
    return { result: "relayed", ticket };
  }

  /**
   * Words for the resident from a desk that addresses tickets by id. On a ticket whose own desk
   * is another one (Slack, Telegram), that desk's thread gets a copy, so colleagues there follow.
   */
  async function workerReply(ticketId: number, worker: Worker, text: string): Promise<{ result: WorkerMessageResult; ticket?: Ticket }> {
    const ticket = await tickets.get(ticketId);
    if (!ticket) return { result: "unknown_thread" };
    if (ticket.status === "closed") return { result: "closed", ticket };
    if (ticket.status === "open") return { result: "not_claimed", ticket };
    if (ticket.workerId !== worker.id) return { result: "not_claimer", ticket };
    if (!text.trim()) return { result: "empty", ticket };
    await relayToResident(ctx, ticket, text.trim());
    if (ticket.desk !== "web") await ctx.toThread(ticket, { kind: "notice", text: t.relayedFromWebDesk(ticket.workerName ?? worker.firstName, text.trim()) });
    return { result: "relayed", ticket };
  }

  return { claim, close, workerMessage, workerReply };
}
