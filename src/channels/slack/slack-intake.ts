/**
 * Taking in a Slack request. With an inbox (the outbox runs), the request is recorded there by its
 * Slack id before the listener returns, so before Bolt sends the HTTP 200 (the receiver holds the
 * response until the listeners are done): a crash after the acknowledgement loses nothing, and a
 * retried delivery (`X-Slack-Retry-Num`) or one that reached two instances is recorded once. The
 * inbox worker answers it and hands the replies to the outbox in the same transaction.
 * Without an inbox the request is answered in this process after the acknowledgement.
 */
import { residentLane } from "../../handoff/handoff-context.js";
import type { InboxItem, InboxReply } from "../inbox.js";
import { guarded, isFirstDelivery, logDuplicate, type SlackAppContext } from "./slack-context.js";
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

/** The inbox worker's handler for Slack items: answers the request; its replies become outbox jobs, in order. */
export async function answerSlackItem(context: SlackAppContext, item: InboxItem): Promise<InboxReply[]> {
  const request = item.payload as SlackRequest;
  const conversationId = request.inbound.conversationId;
  const replies = await answerSlackRequest(context, request, item.receivedAt);
  return replies.map(({ message, options }) => {
    const via: SlackVia = { target: request.target, ...(options ? { options } : {}) };
    return { lane: residentLane(conversationId), ticketId: null, kind: "resident", payload: { conversationId, message, via } };
  });
}
