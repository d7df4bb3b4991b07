import { GrammyError, type Api } from "grammy";
import type { ReplyParameters } from "grammy/types";
import { AppError } from "../../core/app-error.js";
import type { OutboundMessage } from "../../core/types.js";
import type { ChannelSender } from "../../core/ports.js";
import type { CallbackDataCodec } from "./callback-data.js";
import { telegramAppError } from "./telegram-errors.js";
import { renderForTelegram, type TelegramMessagePart } from "./render-html.js";

export interface DeliverOptions {
  /** In groups the first part answers the resident's message, so it is clear whom the bot means. */
  replyTo?: number;
  /** Keep the answer in the forum topic the question came from. */
  threadId?: number;
  /** Hide the "share my location" keyboard (after a location arrived) on the first part without buttons. */
  removeKeyboard?: boolean;
}

/**
 * Sends messages to one chat in order, each rendered for Telegram. Rejects when Telegram does not
 * accept a part (after the retry transformer gave up), so callers can retry or report; pass the same
 * `progress` to a retry and it goes on after the parts already sent.
 */
export async function deliverMessages(
  api: Api,
  chatId: number,
  messages: OutboundMessage[],
  codec: CallbackDataCodec,
  options: DeliverOptions = {},
  progress: DeliveryProgress = { sent: [] },
): Promise<number[]> {
  const parts = messages.flatMap((message) => renderForTelegram(message, codec));
  if (options.removeKeyboard) {
    const free = parts.find((part) => !part.replyMarkup);
    if (free) free.replyMarkup = { remove_keyboard: true };
  }
  // A retry after a partial failure goes on with the first part not sent yet: nothing twice.
  for (const [i, part] of parts.entries()) {
    if (i < progress.sent.length) continue;
    const replyParameters: ReplyParameters | undefined =
      i === 0 && options.replyTo ? { message_id: options.replyTo, allow_sending_without_reply: true } : undefined;
    progress.sent.push(await sendPart(api, chatId, part, replyParameters, options.threadId));
  }
  return progress.sent;
}

/** Message ids of the parts sent so far: pass the same object to a retry so it resumes. */
export interface DeliveryProgress {
  sent: number[];
}

async function sendPart(
  api: Api,
  chatId: number,
  part: TelegramMessagePart,
  replyParameters: ReplyParameters | undefined,
  threadId: number | undefined,
): Promise<number> {
  const common = {
    link_preview_options: { is_disabled: true },
    ...(part.replyMarkup ? { reply_markup: part.replyMarkup } : {}),
    ...(replyParameters ? { reply_parameters: replyParameters } : {}),
    ...(threadId ? { message_thread_id: threadId } : {}),
  };
  try {
    const message = await api.sendMessage(chatId, part.html, { parse_mode: "HTML", ...common });
    return message.message_id;
  } catch (error) {
    // Escaping should make this impossible; if Telegram still cannot parse the HTML, plain text beats silence.
    if (error instanceof GrammyError && error.error_code === 400 && /parse entities/i.test(error.description)) {
      const message = await api.sendMessage(chatId, part.plain, common);
      return message.message_id;
    }
    throw error;
  }
}

/** Parses `telegram:<chatId>` (or a group member's `telegram:<chatId>:<userId>`); throws for anything else. */
export function chatIdOf(conversationId: string): number {
  const match = /^telegram:(-?\d{1,20})(?::\d{1,20})?$/.exec(conversationId);
  if (!match) throw new AppError("rejected", `not a Telegram conversation id: ${conversationId.slice(0, 40)}`, { detail: "telegram:bad_conversation" });
  return Number(match[1]);
}

/**
 * The {@link ChannelSender} for Telegram conversations (`telegram:<chatId>`). Failures reject as
 * {@link AppError}s (Telegram's retry_after included), so the handoff outbox can decide on them.
 */
export function createTelegramSender(api: Api, codec: CallbackDataCodec): ChannelSender {
  return {
    async send(conversationId, message, via) {
      const chatId = chatIdOf(conversationId);
      try {
        await deliverMessages(api, chatId, [message], codec, readDeliverOptions(via));
      } catch (error) {
        throw telegramAppError(error);
      }
    },
  };
}

/** Delivery options as recorded in the outbox (untrusted JSON): only the known fields, checked. */
export function readDeliverOptions(via: unknown): DeliverOptions {
  if (!via || typeof via !== "object") return {};
  const v = via as Record<string, unknown>;
  return {
    ...(Number.isSafeInteger(v.replyTo) ? { replyTo: v.replyTo as number } : {}),
    ...(Number.isSafeInteger(v.threadId) ? { threadId: v.threadId as number } : {}),
    ...(v.removeKeyboard === true ? { removeKeyboard: true } : {}),
  };
}
