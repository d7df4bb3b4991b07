/**
 * In-memory harness for the handoff service: a real SQLite database in memory, the real
 * conversation store, a recording fake desk and a recording fake sender, both of which can be
 * told to fail. Time is a variable the test moves.
 */
import type { ChannelSender } from "../../../src/core/ports.js";
import type { InboundMessage, OutboundMessage } from "../../../src/core/types.js";
import type { DeskMessage, StaffDesk, Ticket } from "../../../src/handoff/handoff-model.js";
import { createHandoffService, type HandoffDeps, type HandoffService } from "../../../src/handoff/handoff-service.js";
import { parseOfficeHours } from "../../../src/handoff/office-hours.js";
import type { ConversationStore } from "../../../src/core/ports.js";
import type { SqliteDatabase } from "../../../src/store/sqlite/database.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";

/** Monday 23 November 2026, 10:00 in Amsterdam (office open). */
export const MONDAY_10 = Date.parse("2026-11-23T09:00:00Z");
/** Saturday 28 November 2026, 20:00 in Amsterdam (office closed until Monday 09:00). */
export const SATURDAY_20 = Date.parse("2026-11-28T19:00:00Z");

export type DeskCall =
  | { op: "post"; ticketId: number; summary: string; priority: string }
  | { op: "update"; ticketId: number; status: string; worker?: string; summary: string; priority: string }
  | { op: "thread"; ticketId: number; message: DeskMessage };

export interface FakeDesk extends StaffDesk {
  calls: DeskCall[];
  /** The next `times` calls throw `error`. */
  failNext(times: number, error: unknown): void;
  threadTexts(ticketId: number): string[];
}

export function createFakeDesk(): FakeDesk {
  const calls: DeskCall[] = [];
  let failures: { left: number; error: unknown } | undefined;
  let nextRef = 1;
  const maybeFail = () => {
    if (failures && failures.left > 0) {
      failures.left -= 1;
      throw failures.error;
    }
  };
  return {
    kind: "slack",
    calls,
    failNext(times, error) {
      failures = { left: times, error };
    },
    threadTexts(ticketId) {
      return calls.flatMap((c) => (c.op === "thread" && c.ticketId === ticketId ? [c.message.text] : []));
    },
    async postTicket(ticket: Ticket, save) {
      maybeFail();
      const ref = `1700000000.${String(nextRef++).padStart(6, "0")}`;
      await save({ thread: ref, message: ref });
      calls.push({ op: "post", ticketId: ticket.id, summary: ticket.summary, priority: ticket.priority });
    },
    async updateTicket(ticket) {
      maybeFail();
      calls.push({
        op: "update",
        ticketId: ticket.id,
        status: ticket.status,
        summary: ticket.summary,
        priority: ticket.priority,
        ...(ticket.workerName ? { worker: ticket.workerName } : {}),
      });
    },
    async postInThread(ticket, message) {
      maybeFail();
      calls.push({ op: "thread", ticketId: ticket.id, message });
    },
  };
}

export interface FakeSender extends ChannelSender {
  sent: Array<{ conversationId: string; message: OutboundMessage }>;
  failNext(times: number, error: unknown): void;
  textsTo(conversationId: string): string[];
}

export function createFakeSender(): FakeSender {
  const sent: FakeSender["sent"] = [];
  let failures: { left: number; error: unknown } | undefined;
  return {
    sent,
    failNext(times, error) {
      failures = { left: times, error };
    },
    textsTo(conversationId) {
      return sent.filter((s) => s.conversationId === conversationId).map((s) => s.message.text);
    },
    async send(conversationId, message) {
      if (failures && failures.left > 0) {
        failures.left -= 1;
        throw failures.error;
      }
      sent.push({ conversationId, message });
    },
  };
}

export interface Harness {
  db: SqliteDatabase;
  service: HandoffService;
  desk: FakeDesk;
  sender: FakeSender;
  store: ConversationStore;
  clock: { t: number; advanceMinutes(n: number): void };
  /** Records the message in the store (as the core does) and lets the handoff intercept it. */
  say(text: string, extra?: Partial<InboundMessage>): ReturnType<HandoffService["intercept"]>;
  press(id: string, value?: string): ReturnType<HandoffService["intercept"]>;
  inbound(text: string, extra?: Partial<InboundMessage>): InboundMessage;
}

export const RESIDENT = { conversationId: "telegram:701", userId: "telegram:701" };

export function createHarness(options: { start?: number; deps?: Partial<HandoffDeps> } = {}): Harness {
  const stores = openSqliteStores(":memory:");
  const { db, conversations: store } = stores;
  const desk = createFakeDesk();
  const sender = createFakeSender();
  const clock = {
    t: options.start ?? MONDAY_10,
    advanceMinutes(n: number) {
      clock.t += n * 60_000;
    },
  };
  const now = () => new Date(clock.t);
  const service = createHandoffService({
    store,
    tickets: stores.tickets,
    outboxStore: stores.outbox,
    sender,
    primaryDesk: "slack",
    desks: { slack: desk },
    officeHours: parseOfficeHours("ma-vr 09:00-17:00", "Europe/Amsterdam"),
    now,
    wijkteamContact: "Bel het wijkteam: 030-1234567.",
    retentionDays: 90,
    outbox: { baseDelayMs: 1000, maxDelayMs: 60_000 },
    ...options.deps,
  });
  let seq = 0;
  const inbound = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
    id: String(++seq),
    channel: "telegram",
    conversationId: RESIDENT.conversationId,
    userId: RESIDENT.userId,
    persona: "resident",
    text,
    receivedAt: now(),
    ...extra,
  });
  const say = async (text: string, extra: Partial<InboundMessage> = {}) => {
    const message = inbound(text, extra);
    await store.ensureConversation(message, now());
    await store.appendMessage({ conversationId: message.conversationId, direction: "in", text: message.action ? `[knop: ${message.action.id}]` : text, at: now() });
    return service.intercept(message);
  };
  const press = (id: string, value?: string) => say("", { action: { id, ...(value !== undefined ? { value } : {}) } });
  return { db, service, desk, sender, store, clock, say, press, inbound };
}
