import type { BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../core/actions.js";
import { ACTION, CORE_HANDOFF_REQUEST, decodeButtonValue } from "./block-kit.js";
import { afterAck, type SlackAppContext } from "./slack-context.js";
import { channelConversationId, isDirectMessageChannel, threadConversationId } from "./slack-conversation.js";
import type { ReplyTarget } from "./slack-delivery.js";
import { openFeedbackModal } from "./slack-feedback.js";
import { takeIn } from "./slack-intake.js";

/** What a button press means to the core, and where the core's replies go. */
export interface ButtonPress {
  conversationId: string;
  value?: string;
  user: string;
  id: string;
  target: ReplyTarget;
}

/**
 * Buttons under answers: 👍 (recorded by the core), 👎 (asks an optional reason in a modal first),
 * "Vraag een sociaal werker" (the core's `handoff_request`), and every other core button
 * (rendered as `core:<id>`) handed back to the core. `handoff_*` ticket buttons are not handled here.
 */
export function registerActionHandlers(context: SlackAppContext): void {
  const { app } = context;

  // Recorded first, acknowledged after: a press that got its acknowledgement is answered.
  app.action<BlockAction<ButtonAction>>(ACTION.feedbackUp, async ({ ack, action, body }) => {
    await pressCoreButton(context, ACTIONS.feedbackUp, readPress(action, body));
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(ACTION.feedbackDown, async ({ ack, action, body, client }) => {
    await ack();
    const press = readPress(action, body);
    afterAck(context, "recording feedback", async () => {
      // In this process, not through the inbox: the trigger id expires 3 seconds after the press, too
      // soon for a queue. The form's answer is recorded in the inbox (slack-feedback.ts); when the form
      // cannot open, the 👎 is recorded without a reason.
      const opened = await openFeedbackModal(context, client, body.trigger_id, press);
      if (!opened) await pressCoreButton(context, ACTIONS.feedbackDown, press);
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.askSociaalWerker, async ({ ack, action, body }) => {
    await pressCoreButton(context, CORE_HANDOFF_REQUEST, readPress(action, body));
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.corePrefix}`), async ({ ack, action, body }) => {
    const id = action.action_id.slice(ACTION.corePrefix.length);
    await pressCoreButton(context, id, readPress(action, body));
    await ack();
  });
}

/** Takes in a button press for the core ({@link takeIn}); its replies go to the person who pressed. */
export function pressCoreButton(context: SlackAppContext, actionId: string, press: ButtonPress): Promise<void> {
  return takeIn(context, `action:${press.id}:${press.user}`, {
    source: "press",
    target: press.target,
    inbound: {
      id: press.id,
      conversationId: press.conversationId,
      user: press.user,
      action: { id: actionId, ...(press.value !== undefined ? { value: press.value } : {}) },
    },
  });
}

/**
 * Reads a press: the conversation comes from the button value (set when the answer was rendered);
 * for buttons without one, from where the message sits.
 */
export function readPress(action: ButtonAction, body: BlockAction): ButtonPress {
  const user = body.user.id;
  const container = body.container as { channel_id?: string; thread_ts?: string; message_ts?: string; is_ephemeral?: boolean };
  const channel = body.channel?.id ?? container.channel_id ?? "";
  const threadTs = (body.message?.thread_ts as string | undefined) ?? container.thread_ts;
  const payload = decodeButtonValue(action.value);
  const fallbackConversation = isDirectMessageChannel(channel)
    ? channelConversationId(channel)
    : threadConversationId(channel, threadTs ?? container.message_ts ?? body.message?.ts ?? "0.0");
  let target: ReplyTarget;
  if ((container.is_ephemeral || !channel) && body.response_url) target = { kind: "respond", responseUrl: body.response_url, channel, user };
  else if (isDirectMessageChannel(channel)) target = { kind: "post", channel, ...(threadTs ? { threadTs } : {}) };
  else target = { kind: "ephemeral", channel, user, ...(threadTs ? { threadTs } : {}) };
  return {
    id: action.action_ts,
    conversationId: payload?.conversationId ?? fallbackConversation,
    ...(payload?.value !== undefined ? { value: payload.value } : {}),
    user,
    target,
  };
}
