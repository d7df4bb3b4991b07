/**
 * The handoff to a sociaal werker, put together: the {@link HandoffQueue} the assistant calls,
 * the worker actions the staff desks call, and the loop that delivers the outbox and runs upkeep.
 */
import type { ChannelSender, ConversationStore, HandoffQueue, SafetyCheck } from "../core/ports.js";
import type { InboundMessage } from "../core/types.js";
import type { Logger } from "../log/logger.js";
import { deskLane, residentLane, type HandoffContext, type HandoffState } from "./handoff-context.js";
import type { ClaimResult, DeskKind, HandoffEvent, StaffDesk, Ticket, Worker, WorkerMessageResult } from "./handoff-model.js";
import { createUpkeep } from "./handoff-upkeep.js";
import type { OfficeHours } from "./office-hours.js";
import { createOutboxDelivery } from "./outbox-delivery.js";
import { createResidentFlow } from "./resident-flow.js";
import { createOutbox, type Outbox } from "./outbox.js";
import type { OutboxStore } from "./outbox-store.js";
import type { TicketStore } from "./ticket-store.js";
import type { TranscriptSummariser } from "./ticket-summary.js";
import { createWorkerFlow, type WorkerMessage } from "./worker-flow.js";

export interface HandoffDeps {
  store: ConversationStore;
  tickets: TicketStore;
  outboxStore: OutboxStore;
  /** Sends to `telegram:…` / `slack:…` conversations (usually the late-bound routing sender). */
  sender: ChannelSender;
  /** Where new tickets go. Desks can also be attached later, once their platform runs. */
  primaryDesk: DeskKind;
  desks?: Partial<Record<DeskKind, StaffDesk>>;
  officeHours: OfficeHours;
  now: () => Date;
  wijkteamContact: string;
  retentionDays: number;
  /** Default 15. */
  remindMinutes?: number;
  /** Default 5. */
  urgentRemindMinutes?: number;
  /** Default 5. */
  delayNoticeMinutes?: number;
  /** New tickets one resident may open per hour. Default 3. */
  ticketsPerHour?: number;
  safety?: SafetyCheck;
  /** Writes the worker's note (an LLM); without it the plain note is used. */
  summarise?: TranscriptSummariser;
  logger?: Logger;
  /** How often the loop delivers due jobs and runs upkeep. Default 1000 ms. */
  tickMs?: number;
  outbox?: { baseDelayMs?: number; maxDelayMs?: number; leaseMs?: number };
  /** Told about every ticket change (the web desk's live queue, the coordinator's figures). */
  onEvent?: (event: HandoffEvent) => void;
  /** Channels beyond Telegram and Slack that can receive a worker's words now (the terminal chat). */
  canReach?: (channel: string) => boolean;
}

export interface HandoffService extends HandoffQueue {
  claim(ticketId: number, worker: Worker): Promise<ClaimResult>;
  close(ticketId: number, worker: Worker): Promise<ClaimResult>;
  workerMessage(message: WorkerMessage): Promise<{ result: WorkerMessageResult; ticket?: Ticket }>;
  /** A worker's words for the resident of a ticket, from a desk that knows the ticket by id (the web desk). */
  workerReply(ticketId: number, worker: Worker, text: string): Promise<{ result: WorkerMessageResult; ticket?: Ticket }>;
  attachDesk(desk: StaffDesk): void;
  /** Starts the delivery loop (call once the channels run, so the sender can reach them). */
  start(): void;
  /** Stops the loop and waits for a delivery in flight; pending jobs stay for the next start. */
  stop(): Promise<void>;
  /** Delivers what is due and runs upkeep once, now; resolves when the outbox is idle. */
  flush(): Promise<void>;
  tickets: TicketStore;
  outbox: Outbox;
}

/** Resident channels a worker can always reach (the terminal chat only while it runs: `canReach`). */
const RELAYABLE = new Set(["telegram", "slack"]);

export function createHandoffService(deps: HandoffDeps): HandoffService {
  const { store, tickets, now } = deps;
  const desks: Partial<Record<DeskKind, StaffDesk>> = { ...deps.desks };
  let started = false;
  let timer: NodeJS.Timeout | undefined;

  const delivery = createOutboxDelivery(() => ctx);
  const outbox = createOutbox({
    store: deps.outboxStore,
    now,
    deliver: delivery.deliver,
    onGivenUp: delivery.onGivenUp,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...deps.outbox,
  });

  const ctx: HandoffContext = {
    store,
    tickets,
    outbox,
    desks,
    primaryDesk: deps.primaryDesk,
    sender: deps.sender,
    hours: deps.officeHours,
    now,
    wijkteamContact: deps.wijkteamContact,
    ...(deps.safety ? { safety: deps.safety } : {}),
    ...(deps.summarise ? { summarise: deps.summarise } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    emit(event) {
      try {
        deps.onEvent?.(event);
      } catch (error) {
        deps.logger?.error({ err: error }, "handoff event listener failed");
      }
    },
    kick() {
      if (started) void outbox.drain();
    },
    async languageOf(conversationId) {
      const language = (await store.getState(conversationId)).language;
      return typeof language === "string" ? language : undefined;
    },
    async getState(conversationId) {
      return ((await store.getState(conversationId)).handoff ?? {}) as HandoffState;
    },
    async setState(conversationId, state) {
      await store.mergeState(conversationId, { handoff: state });
    },
    async toResident(ticket, said) {
      // The adapter's own words (keyboard, "Sources") follow the conversation's language.
      const language = await ctx.languageOf(ticket.conversationId);
      const message = language && language !== "nl" ? { ...said, language } : said;
      await outbox.enqueue(residentLane(ticket.conversationId), ticket.id, "resident", { conversationId: ticket.conversationId, message });
      await store.appendMessage({ conversationId: ticket.conversationId, direction: "out", text: message.text, intent: "handoff", at: now() });
      ctx.emit({ type: "message", ticketId: ticket.id });
    },
    async toDesk(ticket, kind) {
      await outbox.enqueue(deskLane(ticket.id), ticket.id, kind, {});
      const status = kind === "desk_update" ? (await tickets.get(ticket.id))?.status : undefined;
      ctx.emit({ type: kind === "desk_post" ? "new" : status === "closed" ? "closed" : "updated", ticketId: ticket.id });
    },
    async toThread(ticket, message) {
      await outbox.enqueue(deskLane(ticket.id), ticket.id, "desk_message", message);
      ctx.emit({ type: "message", ticketId: ticket.id });
    },
  };

  const relayable = (channel: string) => RELAYABLE.has(channel) || deps.canReach?.(channel) === true;
  const resident = createResidentFlow(ctx, deps.ticketsPerHour ? { ticketsPerHour: deps.ticketsPerHour } : {});
  const worker = createWorkerFlow(ctx);
  const upkeep = createUpkeep(ctx, {
    remindMinutes: deps.remindMinutes ?? 15,
    urgentRemindMinutes: deps.urgentRemindMinutes ?? 5,
    delayNoticeMinutes: deps.delayNoticeMinutes ?? 5,
    retentionDays: deps.retentionDays,
    purgeEveryMs: 60 * 60_000,
  });

  let ticking = false;
  async function tick() {
    if (ticking) return;
    ticking = true;
    try {
      await upkeep.run();
      await outbox.drain();
    } catch (error) {
      deps.logger?.error({ err: error }, "handoff upkeep failed");
    } finally {
      ticking = false;
    }
  }

  return {
    async intercept(inbound: InboundMessage) {
      if (!relayable(inbound.channel)) return null;
      return resident.intercept(inbound);
    },
    async offer(inbound, reason) {
      if (!relayable(inbound.channel)) return null;
      return resident.offer(inbound, reason);
    },
    available: relayable,
    claim: worker.claim,
    close: worker.close,
    workerMessage: worker.workerMessage,
    workerReply: worker.workerReply,
    attachDesk(desk) {
      desks[desk.kind] = desk;
      ctx.kick();
    },
    start() {
      if (started) return;
      started = true;
      outbox.resume();
      timer = setInterval(() => void tick(), deps.tickMs ?? 1000);
      timer.unref();
      void tick();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      await outbox.stop();
    },
    async flush() {
      await upkeep.run();
      await outbox.drain();
      await outbox.idle();
    },
    tickets,
    outbox,
  };
}
