import type { RespondFn, webApi } from "@slack/bolt";
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

/** Where replies go: a message in a channel/thread/DM, a private (ephemeral) message, or a slash-command response. */
export type ReplyTarget =
  | { kind: "post"; channel: string; threadTs?: string }
  | { kind: "ephemeral"; channel: string; user: string; threadTs?: string }
  | { kind: "respond"; respond: RespondFn; channel: string; user: string };

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
      await target.respond({ response_type: "ephemeral", replace_original: false, text, blocks: blocks as never });
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

/**
 * The {@link ChannelSender} for Slack conversations (`slack:<channel>[:<thread_ts>]`), used outside a
 * request (handoff relay, reminders). Throws when the id is not a Slack one or Slack refuses the message,
 * so the caller can retry later.
 */
export function createSlackSender(delivery: SlackDelivery): ChannelSender {
  return {
    async send(conversationId, message) {
      const address = parseSlackConversationId(conversationId);
      if (!address) throw new Error(`Not a Slack conversation id: ${conversationId.split(":")[0]}:…`);
      await delivery.deliver({ kind: "post", channel: address.channel, ...(address.threadTs ? { threadTs: address.threadTs } : {}) }, conversationId, message);
    },
  };
}
