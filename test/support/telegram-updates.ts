/**
 * Builders for Telegram updates as the Bot API would deliver them (shape of the real JSON),
 * for the fake Bot API queue or a webhook POST. `update_id` is left to the fake unless given.
 */
import type { Message, Update } from "grammy/types";
import { FAKE_BOT_INFO } from "./fake-telegram-api.js";

type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

let nextMessageId = 1;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface Person {
  id: number;
  firstName?: string;
  /** The app's language setting (`from.language_code`); default `nl`. */
  languageCode?: string;
}

function privateMessage(from: Person, fields: Record<string, unknown>): Message {
  return {
    message_id: nextMessageId++,
    date: nowSeconds(),
    chat: { id: from.id, type: "private", first_name: from.firstName ?? "Fatima" },
    from: { id: from.id, is_bot: false, first_name: from.firstName ?? "Fatima", language_code: from.languageCode ?? "nl" },
    ...fields,
  } as unknown as Message;
}

function commandEntities(text: string) {
  const match = /^\/[A-Za-z_]+(@\w+)?/.exec(text);
  return match ? { entities: [{ type: "bot_command", offset: 0, length: match[0].length }] } : {};
}

export function textUpdate(from: Person, text: string): NewUpdate {
  return { message: privateMessage(from, { text, ...commandEntities(text) }) } as NewUpdate;
}

export function editedTextUpdate(from: Person, messageId: number, text: string): NewUpdate {
  const message = privateMessage(from, { text, edit_date: nowSeconds() });
  return { edited_message: { ...message, message_id: messageId } } as NewUpdate;
}

export function photoUpdate(from: Person, caption?: string): NewUpdate {
  const photo = [{ file_id: "AgAD-photo", file_unique_id: "u1", width: 90, height: 90, file_size: 1200 }];
  return { message: privateMessage(from, { photo, ...(caption ? { caption } : {}) }) } as NewUpdate;
}

export function voiceUpdate(from: Person): NewUpdate {
  return { message: privateMessage(from, { voice: { file_id: "voice", file_unique_id: "v1", duration: 3 } }) } as NewUpdate;
}

export function stickerUpdate(from: Person): NewUpdate {
  const sticker = { file_id: "st", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false };
  return { message: privateMessage(from, { sticker }) } as NewUpdate;
}

export function documentUpdate(from: Person): NewUpdate {
  return { message: privateMessage(from, { document: { file_id: "doc", file_unique_id: "d1", file_name: "brief.pdf" } }) } as NewUpdate;
}

export function videoUpdate(from: Person): NewUpdate {
  const video = { file_id: "vid", file_unique_id: "vi1", width: 320, height: 240, duration: 5 };
  return { message: privateMessage(from, { video }) } as NewUpdate;
}

export function locationUpdate(from: Person, latitude: number, longitude: number): NewUpdate {
  return { message: privateMessage(from, { location: { latitude, longitude } }) } as NewUpdate;
}

/** A press on an inline button the bot sent earlier (`message` is that bot message). */
export function callbackUpdate(from: Person, data: string, message?: { message_id: number; reply_markup?: unknown }): NewUpdate {
  return {
    callback_query: {
      id: `cbq-${nextMessageId++}`,
      from: { id: from.id, is_bot: false, first_name: from.firstName ?? "Fatima" },
      chat_instance: "ci-1",
      data,
      message: {
        message_id: message?.message_id ?? nextMessageId++,
        date: nowSeconds(),
        chat: { id: from.id, type: "private", first_name: from.firstName ?? "Fatima" },
        from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: FAKE_BOT_INFO.first_name, username: FAKE_BOT_INFO.username },
        text: "…",
        ...(message?.reply_markup ? { reply_markup: message.reply_markup } : {}),
      },
    },
  } as unknown as NewUpdate;
}

export interface GroupOptions {
  chatId: number;
  /** Mention the bot as `@username` (with a mention entity). */
  mention?: boolean;
  /** Make the message a reply to this earlier bot message. */
  replyToBotMessageId?: number;
}

export function groupTextUpdate(from: Person, text: string, options: GroupOptions): NewUpdate {
  const mentionText = options.mention ? `@${FAKE_BOT_INFO.username} ` : "";
  const fullText = `${mentionText}${text}`;
  return {
    message: {
      message_id: nextMessageId++,
      date: nowSeconds(),
      chat: { id: options.chatId, type: "supergroup", title: "Buurtgroep" },
      from: { id: from.id, is_bot: false, first_name: from.firstName ?? "Fatima" },
      text: fullText,
      ...(options.mention ? { entities: [{ type: "mention", offset: 0, length: FAKE_BOT_INFO.username.length + 1 }] } : {}),
      ...(options.replyToBotMessageId
        ? {
            reply_to_message: {
              message_id: options.replyToBotMessageId,
              date: nowSeconds(),
              chat: { id: options.chatId, type: "supergroup", title: "Buurtgroep" },
              from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: FAKE_BOT_INFO.first_name, username: FAKE_BOT_INFO.username },
              text: "eerder antwoord",
            },
          }
        : {}),
    },
  } as unknown as NewUpdate;
}
