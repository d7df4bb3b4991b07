import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { decodeButtonValue, escapeMrkdwn, renderMessage, ACTION } from "./block-kit.js";
import { afterAck, type SlackAppContext } from "./slack-context.js";
import { channelConversationId } from "./slack-conversation.js";
import { describeSlackError } from "./slack-errors.js";
import { slackTextToPlain } from "./slack-inbound.js";
import { takeIn } from "./slack-intake.js";
import { findShareable } from "./slack-request.js";
import { slackTexts } from "./slack-texts.js";

export const SLASH_COMMAND = "/wijkwijzer";

/**
 * `/wijkwijzer <vraag>`: taken in (recorded) and acknowledged at once, answered privately (only the
 * asker sees it) through the command's response URL, with a button to share the answer in the
 * channel. The conversation is the asker's own (`slack:<user>`).
 */
export function registerCommandHandlers(context: SlackAppContext): void {
  const { app, botUserId } = context;

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await takeIn(context, `command:${command.trigger_id}`, {
      source: "command",
      target: { kind: "respond", responseUrl: command.response_url, channel: command.channel_id, user: command.user_id },
      inbound: {
        id: command.trigger_id,
        conversationId: channelConversationId(command.user_id),
        user: command.user_id,
        text: slackTextToPlain(command.text ?? "", botUserId),
      },
    });
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(ACTION.shareAnswer, async ({ ack, action, body, respond }) => {
    await ack();
    afterAck(context, "sharing an answer", async () => {
      const payload = decodeButtonValue(action.value);
      const shared = payload?.value ? await findShareable(context, payload.conversationId, payload.value) : undefined;
      if (!payload || !shared) {
        await respond({ response_type: "ephemeral", replace_original: false, text: slackTexts.shareGone });
        return;
      }
      const header = `${slackTexts.sharedBy(body.user.id)}: _${escapeMrkdwn(shared.question)}_`;
      const { text, blocks } = renderMessage(shared.message, { conversationId: payload.conversationId, header });
      const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
      if (await shareInChannel(context, respond, channel, text, blocks)) {
        await respond({ delete_original: true }).catch(() => undefined);
      } else {
        await respond({ response_type: "ephemeral", replace_original: false, text: slackTexts.shareFailed });
      }
    });
  });
}

// response_url can post in channels the bot has not joined; chat.postMessage is the fallback.
async function shareInChannel(
  context: SlackAppContext,
  respond: RespondFn,
  channel: string | undefined,
  text: string,
  blocks: ReturnType<typeof renderMessage>["blocks"],
): Promise<boolean> {
  try {
    await respond({ response_type: "in_channel", replace_original: false, text, blocks });
    return true;
  } catch (error) {
    context.deps.logger.warn({ slack: describeSlackError(error) }, "Slack: sharing through response_url failed");
  }
  if (!channel) return false;
  try {
    await context.client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
    return true;
  } catch (error) {
    context.deps.logger.warn({ slack: describeSlackError(error) }, "Slack: sharing with chat.postMessage failed");
    return false;
  }
}
