/**
 * "Ben je gegaan?": after a listings answer the resident may ask to be asked later how it went.
 * Only with a yes is anything stored; the question goes out N days later through the channel's
 * sender; the answer (went, or why not as a reason code) feeds the coordinator's outcome log.
 * `/vergeet` removes every check-in of the person.
 */
import type { Assistant } from "../core/assistant.js";
import type { ChannelSender, ConversationStore } from "../core/ports.js";
import type { AssistantReply, InboundMessage } from "../core/types.js";
import type { CheckIns } from "../desk/desk-ports.js";
import type { Logger } from "../log/logger.js";
import { CHECKIN_ACTIONS as A, checkInTextsFor, NOT_WENT_REASONS } from "./check-in-texts.js";

export interface CheckInDeps {
  checkIns: CheckIns;
  store: ConversationStore;
  sender: ChannelSender;
  now: () => Date;
  days: number;
  /** Channels that can get a message days later (Telegram, Slack; not a terminal session). */
  canReach: (channel: string) => boolean;
  logger?: Logger;
  /** How often due check-ins are sent (default a minute). */
  tickMs?: number;
}

const DAY = 86_400_000;
const reply = (text: string, buttons: AssistantReply["replies"][number]["buttons"] = undefined): AssistantReply => ({
  intent: "command",
  replies: [{ text, ...(buttons ? { buttons } : {}) }],
  sources: [],
  confident: true,
});

export function createCheckInFlow(deps: CheckInDeps) {
  const { checkIns, now } = deps;
  let timer: NodeJS.Timeout | undefined;

  /** The conversation's language: the check-in texts are in it (Dutch when unknown). */
  async function languageOf(inbound: InboundMessage): Promise<string | undefined> {
    if (inbound.language) return inbound.language;
    const stored = (await deps.store.getState(inbound.conversationId)).language;
    return typeof stored === "string" ? stored : undefined;
  }

  async function onAction(inbound: InboundMessage): Promise<AssistantReply | null> {
    const action = inbound.action;
    if (!action || !Object.values(A).includes(action.id as (typeof A)[keyof typeof A])) return null;
    const t = checkInTextsFor(await languageOf(inbound));
    switch (action.id) {
      case A.yes: {
        const offered = (await deps.store.getState(inbound.conversationId)).checkinOffer as { id: string; name: string } | undefined;
        if (!offered || offered.id !== action.value) return reply(t.gone);
        await checkIns.schedule({ conversationId: inbound.conversationId, userId: inbound.userId, listingId: offered.id, listingName: offered.name, dueAt: new Date(now().getTime() + deps.days * DAY) }, now());
        return reply(t.scheduled(deps.days));
      }
      case A.no:
        return reply(t.declined);
      case A.went:
      case A.notWent: {
        const waiting = await checkIns.awaiting(inbound.conversationId);
        if (!waiting || waiting.status !== "asked") return reply(t.gone);
        await checkIns.answer(waiting.id, action.id === A.went, undefined, now());
        if (action.id === A.went) return reply(t.thanksWent);
        return reply(t.whyNot, Object.entries(t.reasons).map(([code, label]) => ({ id: A.reason, label, value: code })));
      }
      case A.reason: {
        const waiting = await checkIns.awaiting(inbound.conversationId);
        const code = action.value && NOT_WENT_REASONS[action.value] ? action.value : "other";
        if (!waiting) return reply(t.gone);
        await checkIns.answer(waiting.id, false, code, now());
        return reply(t.thanks);
      }
    }
    return null;
  }

  /** After a listings answer with results: the offer, once per conversation. */
  async function withOffer(inbound: InboundMessage, result: AssistantReply): Promise<AssistantReply> {
    const first = result.asked?.shown[0];
    if (result.intent !== "listings" || !first || inbound.persona !== "resident" || !deps.canReach(inbound.channel)) return result;
    const state = await deps.store.getState(inbound.conversationId);
    if (state.checkinOffer) return result;
    const language = inbound.language ?? result.replies.find((r) => r.language)?.language ?? (typeof state.language === "string" ? state.language : undefined);
    const t = checkInTextsFor(language);
    await deps.store.mergeState(inbound.conversationId, { checkinOffer: first });
    return {
      ...result,
      replies: [
        ...result.replies,
        { text: t.offer(first.name, deps.days), buttons: [{ id: A.yes, label: t.offerYes, value: first.id }, { id: A.no, label: t.offerNo }] },
      ],
    };
  }

  /** Sends the check-ins that are due; each is marked first, so it goes out once across instances. */
  async function sendDue(): Promise<number> {
    const due = await checkIns.due(now(), 50);
    let sent = 0;
    for (const c of due) {
      if (!(await checkIns.markAsked(c.id, now()))) continue;
      try {
        const state = await deps.store.getState(c.conversationId);
        const t = checkInTextsFor(typeof state.language === "string" ? state.language : undefined);
        await deps.sender.send(c.conversationId, {
          text: t.question(c.listingName),
          buttons: [{ id: A.went, label: t.went }, { id: A.notWent, label: t.notWent }],
        });
        sent += 1;
      } catch (error) {
        deps.logger?.warn({ err: error, checkIn: c.id }, "check-in question not delivered");
      }
    }
    return sent;
  }

  return {
    /** The assistant with check-ins around it. */
    wrap(assistant: Assistant): Assistant {
      return {
        async handle(inbound) {
          const own = await onAction(inbound);
          if (own) return own;
          const result = await assistant.handle(inbound);
          if (result.forgotten) {
            await checkIns.forgetUser(inbound.userId);
            return result;
          }
          return withOffer(inbound, result);
        },
      };
    },
    sendDue,
    start() {
      if (timer) return;
      timer = setInterval(() => void sendDue().catch((error: unknown) => deps.logger?.error({ err: error }, "check-ins failed")), deps.tickMs ?? 60_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export type CheckInFlow = ReturnType<typeof createCheckInFlow>;
