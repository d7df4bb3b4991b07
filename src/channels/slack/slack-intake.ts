/**
 * Taking in a Slack request. With an inbox (the outbox runs), the request is recorded there by its
 * Slack id before the listener returns, so before Bolt sends the HTTP 200 (the receiver holds the
 * response until the listeners are done): a crash after the acknowledgement loses nothing, and a
 * retried delivery (`X-Slack-Retry-Num`) or one that reached two instances is recorded once. The
 * inbox worker answers it and hands the replies to the outbox in the same transaction.
 * Without an inbox the request is answered in this process after the acknowledgement.
 *
 * Besides requests for the assistant, listeners take in other work the same way ({@link takeInWork}):
 * the handoff channel's claim / close presses and thread messages, the feedback modal's answer. A
 * handler registered under the work's kind ({@link SlackAppContext.work}) performs it.
 */
import { AppError } from "../../core/app-error.js";
import { residentLane } from "../../handoff/handoff-context.js";
import type { InboxItem, InboxReply } from "../inbox.js";
import { guarded, isFirstDelivery, logDuplicate, type SlackAppContext, type SlackOutput } from "./slack-context.js";
import type { SlackVia } from "./slack-delivery.js";
import { answerSlackRequest, type SlackRequest } from "./slack-request.js";

/** Thrown when a request could not be recorded: Bolt then answers 500, and Slack delivers it again. */
export class SlackIntakeError extends Error {
  constructor(cause: unknown) {
    super("a Slack request could not be recorded", { cause });
    this.name = "SlackIntakeError";
  }
}

/**
 * Records (or, without an inbox, starts answering) a request. `key` is Slack's id for the delivery:
 * `event:<event_id>`, `command:<trigger_id>`, `action:<action_ts>:<user>`. Resolves quickly: only a
 * database write is awaited.
 */
export async function takeIn(context: SlackAppContext, key: string, request: SlackRequest, retryNum?: number): Promise<void> {
  const { deps, inbox } = context;
  if (!inbox) {
    if (!(await isFirstDelivery(context, key, retryNum))) return;
    const receivedAt = deps.now();
    void guarded(context, `answering a Slack ${request.source}`, async () => {
      const replies = await answerSlackRequest(context, request, receivedAt);
      for (const { message, options } of replies) await context.delivery.deliver(request.target, request.inbound.conversationId, message, options);
    });
    return;
  }
  let fresh: boolean;
  try {
    fresh = await inbox.inbox.record(
      { key: `slack:${key}`, chat: request.inbound.conversationId, userId: `slack:${request.inbound.user}`, payload: request },
      deps.now(),
    );
  } catch (error) {
    throw new SlackIntakeError(error);
  }
  // After the response is written: the worker's first synchronous steps must not hold up the 200.
  if (fresh) setImmediate(inbox.kick);
  else logDuplicate(context, key, retryNum);
}

/** Work other than a request for the assistant, as recorded: `kind` names its handler in {@link SlackAppContext.work}. */
export interface SlackWork {
  kind: string;
  /** Items of one chat are performed in order (e.g. a ticket's thread: the claim before the words after it). */
  chat: string;
  /** Whom the item is about (for erasure), e.g. `slack:U123`. */
  userId: string;
  /** Plain JSON: what the handler needs. */
  data: unknown;
}

interface RecordedWork {
  work: string;
  data: unknown;
}

/**
 * Records work by its Slack id (`key`, as in {@link takeIn}) before the acknowledgement, for the
 * inbox worker to perform; a redelivery is recorded once. Without an inbox it is performed in this
 * process after the acknowledgement (the first delivery only).
 */
export async function takeInWork(context: SlackAppContext, key: string, work: SlackWork, retryNum?: number): Promise<void> {
  const { deps, inbox } = context;
  if (!inbox) {
    if (!(await isFirstDelivery(context, key, retryNum))) return;
    const receivedAt = deps.now();
    void guarded(context, `performing Slack ${work.kind}`, async () => {
      for (const out of await performWork(context, work.kind, work.data, receivedAt)) {
        await context.delivery.deliver(out.target, out.conversationId, out.message, out.options);
      }
    });
    return;
  }
  let fresh: boolean;
  try {
    const payload: RecordedWork = { work: work.kind, data: work.data };
    fresh = await inbox.inbox.record({ key: `slack:${key}`, chat: work.chat, userId: work.userId, payload }, deps.now());
  } catch (error) {
    throw new SlackIntakeError(error);
  }
  if (fresh) setImmediate(inbox.kick);
  else logDuplicate(context, key, retryNum);
}

function performWork(context: SlackAppContext, kind: string, data: unknown, receivedAt: Date): Promise<SlackOutput[]> {
  const handler = context.work.get(kind);
  // An instance without that listener (e.g. no handoff channel configured) can never do it.
  if (!handler) throw new AppError("internal", `no handler for Slack work ${kind}`, { retryable: false });
  return handler(data, receivedAt);
}

const isRecordedWork = (payload: unknown): payload is RecordedWork => typeof (payload as Partial<RecordedWork>)?.work === "string";

/**
 * The inbox worker's handler for Slack items: answers the request (or performs the work); the replies
 * become outbox jobs, in order, handed over in the transaction that marks the item done.
 */
export async function answerSlackItem(context: SlackAppContext, item: InboxItem): Promise<InboxReply[]> {
  if (isRecordedWork(item.payload)) {
    const outputs = await performWork(context, item.payload.work, item.payload.data, item.receivedAt);
    return outputs.map(({ conversationId, message, target, options }) => {
      const via: SlackVia = { target, ...(options ? { options } : {}) };
      return { lane: residentLane(conversationId), ticketId: null, kind: "resident", payload: { conversationId, message, via } };
    });
  }
  const request = item.payload as SlackRequest;
  const conversationId = request.inbound.conversationId;
  const replies = await answerSlackRequest(context, request, item.receivedAt);
  return replies.map(({ message, options }) => {
    const via: SlackVia = { target: request.target, ...(options ? { options } : {}) };
    return { lane: residentLane(conversationId), ticketId: null, kind: "resident", payload: { conversationId, message, via } };
  });
}
