import type { webApi } from "@slack/bolt";
import type { ChannelSender } from "../../core/ports.js";
import type { OutboundMessage } from "../../core/types.js";
import type { Logger } from "../../log/logger.js";
import { renderMessage, type RenderOptions } from "./block-kit.js";
import { parseSlackConversationId } from "./slack-conversation.js";
import { backoffDelay, sleep } from "../../core/retry.js";
import { describeSlackError, slackAppError } from "./slack-errors.js";

const RATE_LIMIT_ATTEMPTS = 3;
const MAX_RATE_LIMIT_WAIT_SECONDS = 5;
const RATE_LIMIT_JITTER = { baseDelayMs: 100, maxDelayMs: 1000 };

/**
 * Where replies go: a message in a channel/thread/DM, a private (ephemeral) message, or a private
 * response through the `response_url` Slack gave with a slash command or button. Plain data: it is
 * stored with the request in the inbox and with each reply in the outbox.
 */
export type ReplyTarget =
  | { kind: "post"; channel: string; threadTs?: string }
  | { kind: "ephemeral"; channel: string; user: string; threadTs?: string }
  | { kind: "respond"; responseUrl: string; channel: string; user: string };

/** How a reply handed to the outbox reaches Slack (the `via` of {@link ChannelSender.send}). */
export interface SlackVia {
  target: ReplyTarget;
  options?: MessageOptions;
}

const RESPONSE_URL_TIMEOUT_MS = 15_000;

export type MessageOptions = Omit<RenderOptions, "conversationId">;

/** Sends rendered core messages to Slack. Every method throws {@link SlackDeliveryError} when Slack refuses. */
export interface SlackDelivery {
  deliver(target: ReplyTarget, conversationId: string, message: OutboundMessage, options?: MessageOptions): Promise<void>;
  /** Sends replies in order; stops at the first one Slack refuses (and throws). */
  deliverAll(
    target: ReplyTarget,
    conversationId: string,
    replies: OutboundMessage[],
    optionsFor?: (message: OutboundMessage) => MessageOptions | undefined | Promise<MessageOptions | undefined>,
  ): Promise<void>;
}

/** Delivery over the app's Web API client (with its retries); failures become {@link SlackDeliveryError}s. */
export function createSlackDelivery(client: webApi.WebClient, logger: Logger): SlackDelivery {
  async function deliver(target: ReplyTarget, conversationId: string, message: OutboundMessage, options: MessageOptions = {}) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deliverOnce(target, conversationId, message, options);
      } catch (error) {
        const failure = slackAppError(error, `a ${target.kind} message`);
        const wait = failure.retryAfterSeconds ?? 0;
        // A short rate limit is waited out for this call alone; a long one goes back to the caller.
        if (failure.code !== "rate_limited" || attempt >= RATE_LIMIT_ATTEMPTS || wait > MAX_RATE_LIMIT_WAIT_SECONDS) throw failure;
        await sleep(wait * 1000 + backoffDelay(attempt, RATE_LIMIT_JITTER));
      }
    }
  }

  async function deliverOnce(target: ReplyTarget, conversationId: string, message: OutboundMessage, options: MessageOptions) {
    const { text, blocks } = renderMessage(message, { ...options, conversationId });
    try {
      if (target.kind === "post") {
        await client.chat.postMessage({
          channel: target.channel,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
      } else if (target.kind === "ephemeral") {
        await client.chat.postEphemeral({
          channel: target.channel,
          user: target.user,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          text,
          blocks,
        });
      } else {
        await respondOrEphemeral(target, text, blocks);
      }
    } catch (error) {
      throw slackAppError(error, `a ${target.kind} message`);
    }
  }

  // response_url works in channels the bot is not in; chat.postEphemeral is the fallback when it fails.
  async function respondOrEphemeral(target: Extract<ReplyTarget, { kind: "respond" }>, text: string, blocks: unknown[]) {
    try {
      await postToResponseUrl(target.responseUrl, { response_type: "ephemeral", replace_original: false, text, blocks });
    } catch (error) {
      logger.warn({ slack: describeSlackError(error) }, "Slack response_url failed; trying chat.postEphemeral");
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, text, blocks: blocks as never });
    }
  }

  return {
    deliver,
    async deliverAll(target, conversationId, replies, optionsFor) {
      for (const message of replies) await deliver(target, conversationId, message, await optionsFor?.(message));
    },
  };
}

/** Posts a message to a `response_url` (as Bolt's `respond` does); throws when Slack does not take it. */
export async function postToResponseUrl(url: string, message: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}

/**
 * The {@link ChannelSender} for Slack conversations (`slack:<channel>[:<thread_ts>]`), used by the outbox
 * (answers recorded in the inbox, handoff relay, reminders). A `via` ({@link SlackVia}) says where the
 * answer to a request goes (its thread, privately, its response URL); without one the message is posted
 * in the conversation. Throws when the id is not a Slack one or Slack refuses the message, so the
 * outbox retries later.
 */
export function createSlackSender(delivery: SlackDelivery): ChannelSender {
  return {
    async send(conversationId, message, via) {
      const address = parseSlackConversationId(conversationId);
      if (!address) throw new Error(`Not a Slack conversation id: ${conversationId.split(":")[0]}:…`);
      if (isSlackVia(via)) return delivery.deliver(via.target, conversationId, message, via.options ?? {});
      await delivery.deliver({ kind: "post", channel: address.channel, ...(address.threadTs ? { threadTs: address.threadTs } : {}) }, conversationId, message);
    },
  };
}

function isSlackVia(via: unknown): via is SlackVia {
  const target = (via as { target?: { kind?: unknown } } | undefined)?.target;
  return typeof target === "object" && target !== null && ["post", "ephemeral", "respond"].includes(String(target.kind));
}
