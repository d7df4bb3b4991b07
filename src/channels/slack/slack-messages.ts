import type { InboundMessage } from "../../core/types.js";
import { guarded, isFirstDelivery, type SlackAppContext } from "./slack-context.js";
import { channelConversationId, isDirectMessageChannel, threadConversationId } from "./slack-conversation.js";
import type { ReplyTarget } from "./slack-delivery.js";
import { hasQuestion, slackTextToPlain, toInbound } from "./slack-inbound.js";
import { slackTexts } from "./slack-texts.js";

/**
 * App mentions (answered in the mention's thread) and direct messages (answered in the DM).
 * Bolt has acknowledged the event before these run, so Slack never waits for an answer.
 */
export function registerMessageHandlers(context: SlackAppContext): void {
  const { app, deps, botUserId } = context;

  app.event("app_mention", async ({ event, body, context: bolt }) => {
    // DMs arrive as message.im too; bots (ourselves included) are never answered.
    if (event.bot_id || event.subtype || !event.user || event.user === botUserId) return;
    if (isDirectMessageChannel(event.channel)) return;
    // Threads in the handoff channel belong to the handoff relay, not to the assistant.
    if (event.thread_ts && deps.config.SLACK_HANDOFF_CHANNEL === event.channel) return;
    if (!(await isFirstDelivery(context, body.event_id ?? `${event.channel}:${event.ts}`, bolt.retryNum))) return;

    const threadTs = event.thread_ts ?? event.ts;
    const target: ReplyTarget = { kind: "post", channel: event.channel, threadTs };
    const conversationId = threadConversationId(event.channel, threadTs);
    const text = slackTextToPlain(event.text, botUserId);
    await guarded(context, "answering an app mention", async () => {
      if (!hasQuestion(text)) {
        await context.delivery.deliver(target, conversationId, { text: slackTexts.mentionHelp });
        return;
      }
      const inbound = toInbound({
        id: event.ts,
        conversationId,
        user: event.user!,
        text,
        ...(event.user_profile?.first_name ? { userName: event.user_profile.first_name } : {}),
        receivedAt: deps.now(),
      });
      await answer(context, target, inbound);
    });
  });

  app.message(async ({ message, body, context: bolt }) => {
    if (message.channel_type !== "im") return;
    if (message.subtype !== undefined && message.subtype !== "file_share") return;
    if ("bot_id" in message && message.bot_id) return;
    const user = "user" in message ? message.user : undefined;
    if (!user || user === botUserId) return;
    if (!(await isFirstDelivery(context, body.event_id ?? `${message.channel}:${message.ts}`, bolt.retryNum))) return;

    const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
    const target: ReplyTarget = { kind: "post", channel: message.channel, ...(threadTs ? { threadTs } : {}) };
    const text = slackTextToPlain("text" in message && message.text ? message.text : "", botUserId);
    const inbound = toInbound({
      id: message.ts,
      conversationId: channelConversationId(message.channel),
      user,
      text,
      // A file without words is something the assistant cannot read.
      ...(message.subtype === "file_share" && !hasQuestion(text) ? { unsupported: "document" as const } : {}),
      receivedAt: deps.now(),
    });
    await guarded(context, "answering a direct message", () => answer(context, target, inbound));
  });
}

async function answer(context: SlackAppContext, target: ReplyTarget, inbound: InboundMessage): Promise<void> {
  const reply = await context.deps.assistant.handle(inbound);
  await context.delivery.deliverAll(target, inbound.conversationId, reply.replies);
}
