import type { Message, Update, UserFromGetMe } from "grammy/types";
import { cutText, INBOUND_LIMITS } from "../../core/input.js";
import type { InboundMessage } from "../../core/types.js";
import type { CallbackDataCodec } from "./callback-data.js";

export interface MapUpdateOptions {
  me: UserFromGetMe;
  codec: CallbackDataCodec;
  now: Date;
}

/**
 * Maps a Telegram update to the core's {@link InboundMessage}, or null when the resident assistant
 * should ignore it: updates from bots, service messages, live-location refreshes, channel posts,
 * and group messages that neither mention the bot nor reply to it.
 */
export function toInboundMessage(update: Update, { me, codec, now }: MapUpdateOptions): InboundMessage | null {
  if (update.callback_query) {
    const query = update.callback_query;
    // Telegram never sends more than 64 bytes of callback data: longer is not one of our buttons.
    const data = query.data && Buffer.byteLength(query.data, "utf8") <= INBOUND_LIMITS.callbackDataBytes ? query.data : undefined;
    const action = data ? codec.decode(data) : null;
    if (!action || query.from.is_bot) return null;
    const chat = query.message?.chat;
    const group = chat !== undefined && chat.type !== "private";
    return {
      id: query.id,
      channel: "telegram",
      conversationId: conversationIdOf(chat?.id ?? query.from.id, group ? query.from.id : undefined),
      ...(group ? { inGroup: true } : {}),
      userId: `telegram:${query.from.id}`,
      userName: cutText(query.from.first_name, INBOUND_LIMITS.userNameChars),
      persona: "resident",
      text: "",
      action,
      ...(query.from.language_code ? { platformLanguage: query.from.language_code } : {}),
      receivedAt: now,
    };
  }
  const edited = update.edited_message;
  const message = update.message ?? edited;
  if (!message?.from || message.from.is_bot) return null;
  // A live location refreshes itself as edits: keep quiet instead of answering every minute.
  if (edited && (edited.location || !(edited.text ?? edited.caption))) return null;

  // No more than Telegram itself lets a message hold, whatever the payload says.
  let text = message.text !== undefined ? cutText(message.text, INBOUND_LIMITS.textChars) : cutText(message.caption ?? "", INBOUND_LIMITS.captionChars);
  if (message.chat.type !== "private") {
    if (!isAddressedToBot(message, me)) return null;
    text = stripMention(text, me.username);
  }
  const unsupported = unsupportedKind(message);
  if (!text && !message.location && !unsupported) return null;
  return {
    id: edited ? `${message.message_id}.${edited.edit_date}` : String(message.message_id),
    channel: "telegram",
    conversationId: conversationIdOf(message.chat.id, message.chat.type !== "private" ? message.from.id : undefined),
    ...(message.chat.type !== "private" ? { inGroup: true } : {}),
    userId: `telegram:${message.from.id}`,
    userName: cutText(message.from.first_name, INBOUND_LIMITS.userNameChars),
    persona: "resident",
    text,
    ...(message.location ? { location: { lat: message.location.latitude, lon: message.location.longitude } } : {}),
    ...(unsupported ? { unsupported } : {}),
    ...(message.from.language_code ? { platformLanguage: message.from.language_code } : {}),
    receivedAt: now,
  };
}

/**
 * `telegram:<chatId>` for a private chat; in a group `telegram:<chatId>:<userId>`: each member has
 * their own conversation there, so their history, state and `/vergeet` are theirs alone (keyed by
 * the chat alone, the first speaker owned everyone's messages).
 */
export function conversationIdOf(chatId: number, memberId?: number): string {
  return memberId === undefined ? `telegram:${chatId}` : `telegram:${chatId}:${memberId}`;
}

/** In a group the bot answers only when @-mentioned (or addressed in a command) or replied to. */
export function isAddressedToBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? "";
  const handle = `@${me.username}`.toLowerCase();
  const entities = message.entities ?? message.caption_entities ?? [];
  for (const entity of entities) {
    const slice = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === "mention" && slice === handle) return true;
    if (entity.type === "bot_command" && slice.endsWith(handle)) return true;
    if (entity.type === "text_mention" && entity.user.id === me.id) return true;
  }
  return false;
}

function stripMention(text: string, username: string): string {
  const pattern = new RegExp(`(^|\\s)@${username.replace(/[^\w]/g, "")}\\b`, "gi");
  return text.replace(pattern, " ").trim();
}

function unsupportedKind(message: Message): InboundMessage["unsupported"] | undefined {
  if (message.photo) return "photo";
  if (message.voice || message.audio) return "voice";
  if (message.sticker) return "sticker";
  if (message.video || message.video_note || message.animation) return "video";
  if (message.document) return "document";
  if (message.contact || message.poll || message.dice || message.game) return "other";
  return undefined;
}
