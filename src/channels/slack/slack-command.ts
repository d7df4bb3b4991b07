import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { OutboundMessage } from "../../core/types.js";
import { ACTION, decodeButtonValue, escapeMrkdwn, renderMessage } from "./block-kit.js";
import { guarded, type SlackAppContext } from "./slack-context.js";
import { channelConversationId } from "./slack-conversation.js";
import type { ReplyTarget } from "./slack-delivery.js";
import { describeSlackError } from "./slack-errors.js";
import { hasQuestion, slackTextToPlain, toInbound } from "./slack-inbound.js";
import { slackTexts } from "./slack-texts.js";

export const SLASH_COMMAND = "/wijkwijzer";

/** How many private answers per person stay shareable. */
const SHAREABLE_KEPT = 5;

interface Shareable {
  ref: string;
  question: string;
  message: OutboundMessage;
}

/**
 * `/wijkwijzer <vraag>`: acknowledged at once, answered privately (only the asker sees it), with a
 * button to share the answer in the channel. The conversation is the asker's own (`slack:<user>`).
 */
export function registerCommandHandlers(context: SlackAppContext): void {
  const { app, deps, botUserId } = context;

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const conversationId = channelConversationId(command.user_id);
    const target: ReplyTarget = { kind: "respond", respond, channel: command.channel_id, user: command.user_id };
    const question = slackTextToPlain(command.text ?? "", botUserId);
    await guarded(context, "answering the slash command", async () => {
      if (!hasQuestion(question)) {
        await context.delivery.deliver(target, conversationId, { text: slackTexts.commandHelp });
        return;
      }
      const inbound = toInbound({ id: command.trigger_id, conversationId, user: command.user_id, text: question, receivedAt: deps.now() });
      const reply = await deps.assistant.handle(inbound);
      if (reply.forgotten) {
        await context.delivery.deliverAll(target, conversationId, reply.replies);
        return;
      }
      const header = `*Uw vraag:* ${escapeMrkdwn(question)}`;
      await context.delivery.deliverAll(target, conversationId, reply.replies, async (message) => {
        if (!message.sources?.length) return { header };
        const ref = `${inbound.id}:${reply.replies.indexOf(message)}`;
        await rememberShareable(context, conversationId, { ref, question, message });
        return { header, shareRef: ref };
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.shareAnswer, async ({ ack, action, body, respond }) => {
    await ack();
    await guarded(context, "sharing an answer", async () => {
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

async function rememberShareable(context: SlackAppContext, conversationId: string, item: Shareable): Promise<void> {
  const { store } = context.deps;
  const state = await store.getState(conversationId);
  const slack = (state.slack ?? {}) as { shareable?: Shareable[] };
  const shareable = [...(slack.shareable ?? []), item].slice(-SHAREABLE_KEPT);
  await store.mergeState(conversationId, { slack: { ...slack, shareable } });
}

async function findShareable(context: SlackAppContext, conversationId: string, ref: string): Promise<Shareable | undefined> {
  const slack = (await context.deps.store.getState(conversationId)).slack as { shareable?: Shareable[] } | undefined;
  return slack?.shareable?.find((item) => item.ref === ref);
}
