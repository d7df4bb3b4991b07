import type { Api, Context, MiddlewareFn } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Assistant } from "../../core/assistant.js";
import type { InboundMessage } from "../../core/types.js";
import type { Logger } from "../../log/logger.js";
import type { CallbackDataCodec } from "./callback-data.js";
import { deliverMessages, type DeliverOptions } from "./deliver.js";
import { toInboundMessage } from "./map-update.js";
import { textLanguageOf } from "../../core/language.js";
import { telegramTextsFor } from "./telegram-texts.js";
import type { ReplyLanes } from "./reply-lanes.js";
import type { UserRateLimit } from "./user-rate-limit.js";

export interface ResidentHandlerDeps {
  assistant: Assistant;
  codec: CallbackDataCodec;
  rateLimit: UserRateLimit;
  /** Where replies wait out an outage, per chat. */
  lanes: ReplyLanes;
  logger: Logger;
  now: () => Date;
  /** The staff forum belongs to the handoff module: residents' handling leaves it alone. */
  staffChatId?: number;
  /**
   * With a durable inbox: where this update's replies go instead of being sent now (the inbox worker
   * hands them to the outbox when it marks the update done). Undefined: sent at once.
   */
  sinkFor?: (ctx: Context) => ReplySink | undefined;
}

/** Replies of one update, with how to deliver them. */
export interface ReplySink {
  push(reply: { chatId: number; messages: InboundReply["replies"]; options: DeliverOptions }): void;
}
type InboundReply = Awaited<ReturnType<Assistant["handle"]>>;

/** Button families that make sense once: after a press their buttons leave the message. */
const ONE_SHOT_FAMILIES = new Set(["feedback", "forget"]);
/**
 * "typing…" only for answers that take noticeable time (Telegram's own advice for sendChatAction):
 * a reply that comes within this delay needs no indicator, and an extra API call per message
 * would halve the bot's throughput for nothing. Slow answers (an LLM) show it until they arrive.
 */
const TYPING_DELAY_MS = 300;
/** Telegram shows "typing…" for about 5 seconds; refresh it while an answer is being prepared. */
const TYPING_REFRESH_MS = 4500;

/**
 * The resident conversation: maps the update, applies the per-user rate limit, shows "typing…",
 * lets the core assistant answer, and sends the replies. Unhandled updates pass on to `next`.
 */
export function createResidentHandler(deps: ResidentHandlerDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (deps.staffChatId !== undefined && ctx.chat?.id === deps.staffChatId) return next();
    const inbound = toInboundMessage(ctx.update, { me: ctx.me, codec: deps.codec, now: deps.now() });
    if (!inbound) {
      if (ctx.callbackQuery) await answerCallback(ctx);
      return next();
    }
    const chatId = ctx.chat?.id ?? ctx.from!.id;

    const decision = await deps.rateLimit.check(inbound.userId);
    if (decision !== "allow") {
      const telegramTexts = telegramTextsFor(textLanguageOf(inbound.platformLanguage));
      if (decision === "notify") deps.logger.warn({ channel: "telegram" }, "resident over the rate limit");
      if (ctx.callbackQuery) await answerCallback(ctx, decision === "notify" ? telegramTexts.rateLimited : undefined);
      else if (decision === "notify") await deliverMessages(ctx.api, chatId, [{ text: telegramTexts.rateLimited }], deps.codec);
      return;
    }

    if (ctx.callbackQuery) await answerCallback(ctx);
    const stopTyping = wantsTyping(inbound) ? startTyping(ctx.api, chatId, deps.logger) : () => {};
    let reply;
    try {
      reply = await deps.assistant.handle(inbound);
    } finally {
      stopTyping();
    }

    const message = ctx.message ?? ctx.editedMessage;
    const threadId = message?.is_topic_message && message.message_thread_id ? message.message_thread_id : undefined;
    const options = {
      ...(message && message.chat.type !== "private" ? { replyTo: message.message_id } : {}),
      ...(threadId ? { threadId } : {}),
      ...(inbound.location ? { removeKeyboard: true } : {}),
    };
    const sink = deps.sinkFor?.(ctx);
    if (sink) {
      sink.push({ chatId, messages: reply.replies, options });
      if (inbound.action && ONE_SHOT_FAMILIES.has(family(inbound.action.id))) await removePressedButtons(ctx, deps);
      return;
    }
    const progress = { sent: [] as number[] };
    const api = ctx.api;
    await deps.lanes.deliver(chatId, {
      send: async () => void (await deliverMessages(api, chatId, reply.replies, deps.codec, options, progress)),
      sendApology: async (apology) => void (await deliverMessages(api, chatId, [apology], deps.codec, threadId ? { threadId } : {})),
    });
    if (inbound.action && ONE_SHOT_FAMILIES.has(family(inbound.action.id))) await removePressedButtons(ctx, deps);
  };
}

function wantsTyping(inbound: InboundMessage): boolean {
  return !inbound.action && !inbound.unsupported && !inbound.text.trimStart().startsWith("/");
}

function startTyping(api: Api, chatId: number, logger: Logger): () => void {
  const send = () => {
    api.sendChatAction(chatId, "typing").catch((error: unknown) => logger.debug({ err: error }, "typing action failed"));
  };
  let refresh: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    send();
    refresh = setInterval(send, TYPING_REFRESH_MS);
  }, TYPING_DELAY_MS);
  return () => {
    clearTimeout(delay);
    clearInterval(refresh);
  };
}

/** Stops the spinner on the pressed button; a failure here must not cost the answer. */
async function answerCallback(ctx: Context, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text ? { text } : undefined);
  } catch {
    // Too old to answer (Telegram allows about 15 seconds); the answer itself still goes out.
  }
}

function family(actionId: string): string {
  return actionId.split("_")[0] ?? actionId;
}

async function removePressedButtons(ctx: Context, deps: ResidentHandlerDeps): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const pressed = ctx.callbackQuery?.data;
  if (!message || !pressed || !("reply_markup" in message) || !message.reply_markup) return;
  const pressedFamily = family(deps.codec.decode(pressed)?.id ?? "");
  const rows = message.reply_markup.inline_keyboard
    .map((row) =>
      row.filter((button) => {
        const action = "callback_data" in button && button.callback_data ? deps.codec.decode(button.callback_data) : null;
        return !action || family(action.id) !== pressedFamily;
      }),
    )
    .filter((row) => row.length > 0);
  const markup: InlineKeyboardMarkup = { inline_keyboard: rows };
  try {
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: markup });
  } catch (error) {
    deps.logger.debug({ err: error }, "could not remove pressed buttons");
  }
}
