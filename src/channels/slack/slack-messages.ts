import type { SlackAppContext } from "./slack-context.js";
import { channelConversationId, isDirectMessageChannel, threadConversationId } from "./slack-conversation.js";
import { hasQuestion, slackTextToPlain } from "./slack-inbound.js";
import { takeIn } from "./slack-intake.js";

/**
 * App mentions (answered in the mention's thread) and direct messages (answered in the DM). Each is
 * taken in ({@link takeIn}: recorded before Bolt acknowledges it) and answered after.
 */
export function registerMessageHandlers(context: SlackAppContext): void {
  const { app, deps, botUserId } = context;

  app.event("app_mention", async ({ event, body, context: bolt }) => {
    // DMs arrive as message.im too; bots (ourselves included) are never answered.
    if (event.bot_id || event.subtype || !event.user || event.user === botUserId) return;
    if (isDirectMessageChannel(event.channel)) return;
    // Threads in the handoff channel belong to the handoff relay, not to the assistant.
    if (event.thread_ts && deps.config.SLACK_HANDOFF_CHANNEL === event.channel) return;
    const threadTs = event.thread_ts ?? event.ts;
    await takeIn(
      context,
      `event:${body.event_id ?? `${event.channel}:${event.ts}`}`,
      {
        source: "mention",
        target: { kind: "post", channel: event.channel, threadTs },
        inbound: {
          id: event.ts,
          conversationId: threadConversationId(event.channel, threadTs),
          user: event.user,
          text: slackTextToPlain(event.text, botUserId),
          ...(event.user_profile?.first_name ? { userName: event.user_profile.first_name } : {}),
        },
      },
      bolt.retryNum,
    );
  });

  app.message(async ({ message, body, context: bolt }) => {
    if (message.channel_type !== "im") return;
    if (message.subtype !== undefined && message.subtype !== "file_share") return;
    if ("bot_id" in message && message.bot_id) return;
    const user = "user" in message ? message.user : undefined;
    if (!user || user === botUserId) return;
    const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
    const text = slackTextToPlain("text" in message && message.text ? message.text : "", botUserId);
    await takeIn(
      context,
      `event:${body.event_id ?? `${message.channel}:${message.ts}`}`,
      {
        source: "dm",
        target: { kind: "post", channel: message.channel, ...(threadTs ? { threadTs } : {}) },
        inbound: {
          id: message.ts,
          conversationId: channelConversationId(message.channel),
          user,
          text,
          // A file without words is something the assistant cannot read.
          ...(message.subtype === "file_share" && !hasQuestion(text) ? { unsupported: "document" as const } : {}),
        },
      },
      bolt.retryNum,
    );
  });
}
