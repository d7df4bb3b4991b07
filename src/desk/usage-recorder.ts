/**
 * Counts what the coordinator's figures need, around the assistant: the intent of every
 * message, the listing categories asked per area, the questions answered "not sure" (redacted,
 * grouped), feedback and handoff events. Counting never delays or breaks an answer.
 */
import { createHash } from "node:crypto";
import type { Assistant } from "../core/assistant.js";
import type { ConversationStore } from "../core/ports.js";
import type { HandoffEvent, Ticket } from "../handoff/handoff-model.js";
import { contentStems } from "../knowledge/dutch-text.js";
import type { Logger } from "../log/logger.js";
import { redactPersonalData } from "../safety/redact.js";
import type { UsageEvent, UsageStats } from "./desk-ports.js";

/** A one-way key for a conversation: the figures count conversations without knowing whose. */
export function conversationKey(conversationId: string): string {
  return createHash("sha256").update(`wijkwijzer-usage:${conversationId}`).digest("hex").slice(0, 32);
}

/** Questions with the same content words (stemmed, in any order) are one gap. */
export function gapKey(question: string): string {
  const stems = [...new Set(contentStems(question))].sort();
  return stems.length ? stems.join(" ").slice(0, 200) : question.trim().toLowerCase().slice(0, 200);
}

export interface UsageRecorder {
  record(event: UsageEvent): void;
  /** The assistant with counting around it. */
  observe(assistant: Assistant): Assistant;
  /** A conversation store that also counts feedback (Slack's 👎 with a reason comes straight here). */
  observeStore(store: ConversationStore): ConversationStore;
  /** Counts handoffs, time to claim and ratings. */
  onHandoffEvent(event: HandoffEvent, ticket: Ticket | undefined): void;
  /** Resolves when every count so far is written (tests, shutdown). */
  settle(): Promise<void>;
}

export function createUsageRecorder(deps: { usage: UsageStats; now: () => Date; logger?: Logger }): UsageRecorder {
  const pending = new Set<Promise<void>>();
  function record(event: UsageEvent) {
    const p = deps.usage.record(event).catch((error: unknown) => deps.logger?.error({ err: error, kind: event.kind }, "usage count failed"));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  return {
    record,
    observe(assistant) {
      return {
        async handle(inbound) {
          const result = await assistant.handle(inbound);
          const key = conversationKey(inbound.conversationId);
          const at = deps.now();
          if (result.forgotten) {
            const p = deps.usage.forgetConversation(key).catch((error: unknown) => deps.logger?.error({ err: error }, "forgetting usage failed"));
            pending.add(p);
            void p.finally(() => pending.delete(p));
            return result;
          }
          record({ kind: "message", conversationKey: key, channel: inbound.channel, intent: result.intent, at });
          if (result.asked) {
            for (const category of result.asked.categories) record({ kind: "need", conversationKey: key, category, area: result.asked.area ?? "onbekend", at });
          }
          const typed = inbound.text.trim();
          if (result.intent === "answer" && !result.confident && typed && !inbound.action) {
            const question = redactPersonalData(typed).slice(0, 200);
            record({ kind: "gap", conversationKey: key, gapKey: gapKey(question), question, at });
          }
          return result;
        },
      };
    },
    observeStore(store) {
      return Object.assign(Object.create(store) as ConversationStore, {
        recordFeedback(feedback: Parameters<ConversationStore["recordFeedback"]>[0]) {
          store.recordFeedback(feedback);
          // Only the reason code before any comment: the comment is the resident's own words.
          const reason = feedback.reason?.split(":")[0]?.trim().slice(0, 40);
          record({ kind: "feedback", conversationKey: conversationKey(feedback.conversationId), value: feedback.value, ...(reason ? { reason } : {}), at: feedback.at });
        },
      });
    },
    onHandoffEvent(event, ticket) {
      const at = deps.now();
      if (event.type === "new" && ticket) record({ kind: "handoff", conversationKey: conversationKey(ticket.conversationId), at });
      if (event.type === "claimed" && ticket?.claimedAt) record({ kind: "claim", seconds: (ticket.claimedAt.getTime() - ticket.createdAt.getTime()) / 1000, at });
      if (event.type === "rated" && event.rating) record({ kind: "rating", rating: event.rating, at });
    },
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
