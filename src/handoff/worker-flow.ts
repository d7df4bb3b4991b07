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

  function claim(ticketId: number, worker: Worker): ClaimResult {
    const ticket = tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: "not_found" };
    if (ticket.status === "closed") return { ok: false, reason: "closed", ticket };
    if (ticket.status === "claimed") {
      // Pressing the button twice is fine; someone else pressing it is not.
      return ticket.workerId === worker.id ? { ok: true, ticket } : { ok: false, reason: "taken", ticket };
    }
    if (!tickets.claim(ticketId, worker, now())) return claim(ticketId, worker);
    const claimed = tickets.get(ticketId)!;
    ctx.toDesk(claimed, "desk_update");
    ctx.toThread(claimed, { kind: "notice", text: t.claimedNotice(worker.firstName) });
    ctx.toResident(claimed, { text: residentTextsFor(ctx.languageOf(claimed.conversationId)).claimed(worker.firstName) });
    ctx.kick();
    ctx.logger?.info({ ticket: ticketId }, "handoff ticket claimed");
    return { ok: true, ticket: claimed };
  }

  function close(ticketId: number, worker: Worker): ClaimResult {
    const ticket = tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: "not_found" };
    if (!tickets.close(ticketId, "worker", now())) return { ok: false, reason: "closed", ticket };
    const closed = tickets.get(ticketId)!;
    ctx.toDesk(closed, "desk_update");
    const words = residentTextsFor(ctx.languageOf(closed.conversationId));
    if (ticket.status === "claimed") {
      const name = ticket.workerName ?? worker.firstName;
      ctx.toResident(closed, {
        text: words.closed(name),
        buttons: [1, 2, 3, 4, 5].map((n) => ({ id: HANDOFF_ACTIONS.rate, label: String(n), value: `${ticketId}:${n}` })),
      });
      ctx.setState(closed.conversationId, { ...ctx.getState(closed.conversationId), rateTicket: ticketId });
    } else {
      ctx.toResident(closed, { text: words.closedUnclaimed(ctx.wijkteamContact) });
    }
    ctx.kick();
    ctx.logger?.info({ ticket: ticketId }, "handoff ticket closed");
    return { ok: true, ticket: closed };
  }

  function workerMessage(message: WorkerMessage): { result: WorkerMessageResult; ticket?: Ticket } {
    const ticket = tickets.byDeskThread(message.desk, message.thread);
    if (!ticket) return { result: "unknown_thread" };
    if (message.deliveryKey && !ctx.store.markDelivery(message.deliveryKey, now())) return { result: "duplicate", ticket };
    if (ticket.status === "closed") return { result: "closed", ticket };
    if (ticket.status === "open") return { result: "not_claimed", ticket };
    if (ticket.workerId !== message.worker.id) return { result: "not_claimer", ticket };
    if (!message.text.trim()) return { result: "empty", ticket };
    relayToResident(ctx, ticket, message.text.trim());
    return { result: "relayed", ticket };
  }

  return { claim, close, workerMessage };
}
