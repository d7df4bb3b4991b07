import type { Update } from "grammy/types";
import type { Inbox } from "../inbox.js";

/**
 * Records a Telegram update in the inbox (before it is acknowledged). Its chat keeps the chat's
 * updates in order; the sender's id lets `/vergeet` find it. False when it was recorded before.
 */
export function recordUpdate(inbox: Inbox, update: Update, at: Date): Promise<boolean> {
  const chat = chatOf(update);
  const from = senderOf(update);
  return inbox.record(
    {
      key: `telegram:update:${update.update_id}`,
      chat: `telegram:${chat ?? from ?? "none"}`,
      ...(from !== undefined ? { userId: `telegram:${from}` } : {}),
      payload: update,
    },
    at,
  );
}

function chatOf(update: Update): number | undefined {
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post ?? update.callback_query?.message;
  return message?.chat.id ?? update.my_chat_member?.chat.id ?? update.chat_member?.chat.id;
}

function senderOf(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.callback_query ?? update.my_chat_member ?? update.inline_query)?.from?.id;
}
