/**
 * The resident's side of a handoff: the offer and the consent question, the ticket, waiting
 * (with the office-hours notice, once), silence while a person has the chat, /stop, the rating,
 * and erasure on /vergeet.
 */
import { ACTIONS, COMMANDS, parseCommand } from "../core/actions.js";
import type { AssistantReply, InboundMessage, OutboundMessage } from "../core/types.js";
import { reply, residentLane, silent, type HandoffContext } from "./handoff-context.js";
import type { HandoffReason, Ticket } from "./handoff-model.js";
import { consentAnswerPatterns, HANDOFF_ACTIONS, handoffTexts as t, residentTextsFor } from "./handoff-texts.js";
import { deliverLater } from "./relay.js";
import { detectTopic, pickQuestion, plainSummary } from "./ticket-summary.js";

/** Commands the core still answers while a person has the chat: privacy first, and help when asked for. */
const PASS_THROUGH = new Set<string>([COMMANDS.forget, COMMANDS.privacy, COMMANDS.help, COMMANDS.hulp, COMMANDS.start]);
const { yes: YES, no: NO } = consentAnswerPatterns();

/** The resident's texts in the language the assistant settled on for this message. */
const words = (inbound: InboundMessage) => residentTextsFor(inbound.language);
/** A typed "ja" counts as consent only shortly after the question. */
const TYPED_ANSWER_MS = 30 * 60_000;

export interface ResidentFlowOptions {
  /** New tickets one resident may open per hour (default 3); more are refused kindly. */
  ticketsPerHour?: number;
}

export function createResidentFlow(ctx: HandoffContext, options: ResidentFlowOptions = {}) {
  const { tickets, now } = ctx;
  const ticketLimit = createTicketLimit(options.ticketsPerHour ?? 3, now);

  async function consentQuestion(inbound: InboundMessage, reason: HandoffReason): Promise<OutboundMessage> {
    const state = await ctx.getState(inbound.conversationId);
    // A crisis stays urgent even when the person then presses "Praat met een mens".
    const keep = state.pending?.reason === "crisis" ? "crisis" : reason;
    const question = state.pending?.question ?? (inbound.action || inbound.text.startsWith("/") ? undefined : inbound.text);
    await ctx.setState(inbound.conversationId, { ...state, pending: { reason: keep, ...(question ? { question } : {}), at: now().getTime() } });
    return {
      text: words(inbound).consentQuestion(keep),
      buttons: [
        { id: HANDOFF_ACTIONS.consentYes, label: words(inbound).buttons.consentYes, answers: "yes" },
        { id: HANDOFF_ACTIONS.consentNo, label: words(inbound).buttons.consentNo, answers: "no" },
      ],
    };
  }

  async function whileActive(inbound: InboundMessage, ticket: Ticket, reason: HandoffReason): Promise<OutboundMessage> {
    if (ticket.status === "claimed") return { text: words(inbound).alreadyClaimed(ticket.workerName ?? words(inbound).theWorkerStart) };
    if (reason === "crisis" && (await tickets.escalate(ticket.id))) await ctx.toDesk(ticket, "desk_update");
    return { text: words(inbound).alreadyWaiting };
  }

  async function offer(inbound: InboundMessage, reason: HandoffReason): Promise<OutboundMessage> {
    const active = await tickets.active(inbound.conversationId);
    return active ? whileActive(inbound, active, reason) : consentQuestion(inbound, reason);
  }

  async function consentYes(inbound: InboundMessage): Promise<AssistantReply> {
    const conv = inbound.conversationId;
    const active = await tickets.active(conv);
    if (active) return reply([await whileActive(inbound, active, "handoff")]);
    const state = await ctx.getState(conv);
    const reason = state.pending?.reason ?? "handoff";
    if (!ticketLimit.take(inbound.userId)) {
      await ctx.setState(conv, { ...state, pending: undefined });
      ctx.logger?.warn({ channel: inbound.channel }, "handoff ticket refused: too many from this resident this hour");
      return reply([{ text: words(inbound).tooManyTickets(ctx.wijkteamContact, reason === "crisis") }]);
    }
    const messages = await ctx.store.recentMessages(conv, 20);
    const question = pickQuestion(state.pending?.question, messages);
    const topic = detectTopic(reason, question ?? "", ctx.safety);
    const summary = plainSummary({ ...(question ? { question } : {}), topic, channel: inbound.channel, state: await ctx.store.getState(conv), messages });
    const { ticket } = await tickets.create({
      conversationId: conv,
      channel: inbound.channel,
      userId: inbound.userId,
      priority: reason === "crisis" ? "urgent" : "normal",
      reason,
      topic,
      summary,
      desk: ctx.primaryDesk,
      at: now(),
    });
    await ctx.setState(conv, { ...state, pending: undefined });
    await ctx.toDesk(ticket, "desk_post");
    ctx.kick();
    ctx.logger?.info({ ticket: ticket.id, priority: ticket.priority, desk: ticket.desk }, "handoff ticket created");
    const crisis = reason === "crisis";
    const next = ctx.hours.nextOpening(now());
    return reply([{ text: next ? words(inbound).waitingOutOfHours(words(inbound).opening(next), crisis) : words(inbound).waitingInHours(crisis) }]);
  }

  async function consentNo(inbound: InboundMessage): Promise<AssistantReply> {
    const state = await ctx.getState(inbound.conversationId);
    await ctx.setState(inbound.conversationId, { ...state, pending: undefined });
    return reply([{ text: words(inbound).consentNo(ctx.wijkteamContact, state.pending?.reason === "crisis") }]);
  }

  async function stop(inbound: InboundMessage): Promise<AssistantReply> {
    const conv = inbound.conversationId;
    const ticket = await tickets.active(conv);
    if (!ticket) {
      const state = await ctx.getState(conv);
      if (!state.pending) return reply([{ text: words(inbound).stopNothing }], "command");
      await ctx.setState(conv, { ...state, pending: undefined });
      return reply([{ text: words(inbound).consentCancelled }], "command");
    }
    if (await tickets.close(ticket.id, "resident_stopped", now())) {
      await ctx.toDesk(ticket, "desk_update");
      await ctx.toThread(ticket, { kind: "notice", text: t.residentStopped });
      ctx.kick();
    }
    return reply([{ text: ticket.status === "claimed" ? words(inbound).stopClaimed(ticket.workerName ?? words(inbound).theWorker) : words(inbound).stopWaiting }], "command");
  }

  async function rate(inbound: InboundMessage, ticketId: number, rating: number): Promise<AssistantReply> {
    if (Number.isInteger(rating) && rating >= 1 && rating <= 5 && (await tickets.rate(ticketId, inbound.conversationId, rating))) {
      const ticket = await tickets.get(ticketId);
      if (ticket) await ctx.toThread(ticket, { kind: "notice", text: t.rated(rating) });
      ctx.emit({ type: "rated", ticketId, rating });
      ctx.kick();
    }
    const state = await ctx.getState(inbound.conversationId);
    await ctx.setState(inbound.conversationId, { ...state, rateTicket: undefined });
    return reply([{ text: words(inbound).ratingThanks }], "command");
  }

  async function forget(inbound: InboundMessage): Promise<void> {
    const { ids, closed } = await tickets.forgetUser(inbound.userId, now());
    // Relays, delivered or not, hold the resident's and the worker's words: they go first, then the
    // desk is told (without content).
    await ctx.outbox.forget({ ticketIds: ids, lanes: [residentLane(inbound.conversationId)] });
    for (const ticket of closed) {
      await ctx.toDesk(ticket, "desk_update");
      await ctx.toThread(ticket, { kind: "notice", text: t.residentForgot });
    }
    if (ids.length) ctx.kick();
  }

  /**
   * The bot is silent while a person has the chat, with one exception: words of a crisis still
   * get the emergency numbers at once (the worker may not be reading this second).
   */
  async function whileClaimed(inbound: InboundMessage, ticket: Ticket): Promise<AssistantReply> {
    const relayed = await deliverLater(ctx, ticket, inbound);
    const crisis = inbound.text.trim() ? ctx.safety?.assess(inbound.text).crisis : undefined;
    if (!crisis) return relayed ?? silent();
    if (await tickets.escalate(ticket.id)) await ctx.toDesk(ticket, "desk_update");
    await ctx.toThread(ticket, { kind: "notice", text: t.crisisNotice });
    ctx.kick();
    return reply([{ text: words(inbound).crisisWhileClaimed(ticket.workerName ?? words(inbound).theWorker) }], "crisis");
  }

  async function intercept(inbound: InboundMessage): Promise<AssistantReply | null> {
    const conv = inbound.conversationId;
    const action = inbound.action;
    if (action) {
      switch (action.id) {
        case HANDOFF_ACTIONS.consentYes:
          return consentYes(inbound);
        case HANDOFF_ACTIONS.consentNo:
          return consentNo(inbound);
        case HANDOFF_ACTIONS.request:
          return reply([await offer(inbound, "handoff")]);
        case HANDOFF_ACTIONS.rate: {
          const [id, value] = (action.value ?? "").split(":").map(Number);
          return rate(inbound, id ?? NaN, value ?? NaN);
        }
        case ACTIONS.forgetConfirm:
          await forget(inbound);
          return null;
      }
    }
    const command = parseCommand(inbound.text)?.name;
    if (command === COMMANDS.person) return reply([await offer(inbound, "handoff")]);
    if (command === COMMANDS.stop) return stop(inbound);
    if (command && PASS_THROUGH.has(command)) return null;

    const ticket = await tickets.active(conv);
    if (ticket?.status === "claimed") return whileClaimed(inbound, ticket);
    if (ticket?.status === "open") {
      // The worker sees what was added while waiting; the bot keeps helping meanwhile.
      if (!action) await deliverLater(ctx, ticket, inbound);
      return null;
    }
    const state = await ctx.getState(conv);
    const typed = inbound.text.trim();
    if (state.pending && !action && typed.length <= 30 && now().getTime() - state.pending.at < TYPED_ANSWER_MS) {
      if (YES.test(typed)) return consentYes(inbound);
      if (NO.test(typed)) return consentNo(inbound);
    }
    if (state.rateTicket && /^[1-5]$/.test(typed)) return rate(inbound, state.rateTicket, Number(typed));
    return null;
  }

  return { intercept, offer };
}

/**
 * At most `perHour` new tickets per resident in any hour, on the injected clock (so tests and the
 * handoff's own time agree). Kept in memory: per instance, and forgotten on restart, which only
 * ever errs towards letting a resident through.
 */
function createTicketLimit(perHour: number, now: () => Date) {
  const HOUR = 60 * 60_000;
  const MAX_RESIDENTS = 50_000;
  const opened = new Map<string, number[]>();
  return {
    take(userId: string): boolean {
      const t = now().getTime();
      const recent = (opened.get(userId) ?? []).filter((at) => t - at < HOUR);
      if (recent.length >= perHour) return false;
      recent.push(t);
      opened.delete(userId);
      opened.set(userId, recent);
      if (opened.size > MAX_RESIDENTS) opened.delete(opened.keys().next().value as string);
      return true;
    },
  };
}
