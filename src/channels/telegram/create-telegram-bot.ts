import { Api, Bot, type Context, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { ChannelSender } from "../../core/ports.js";
import type { ChannelDeps } from "../channel.js";
import { createBotApiFetch } from "./bot-api-fetch.js";
import { boundedRetry, REPLY_RETRY, reportAnswers } from "./bot-api-retry.js";
import { createCallbackDataCodec, type CallbackDataCodec } from "./callback-data.js";
import { createChatQueue, type ChatQueue } from "./chat-queue.js";
import { createTelegramSender } from "./deliver.js";
import { createUpdateErrorHandler } from "./error-boundary.js";
import { createReplyLanes, type ReplyLaneOptions, type ReplyLanes } from "./reply-lanes.js";
import { createResidentHandler, type ReplySink } from "./resident-handler.js";
import type { Update } from "grammy/types";
import type { Inbox } from "../inbox.js";
import { recordUpdate } from "./record-update.js";
import { telegramTexts } from "./telegram-texts.js";
import { createUserRateLimit } from "./user-rate-limit.js";

/** What an extension (e.g. the handoff module's staff forum) gets to work with. */
export interface TelegramExtensionTools {
  bot: Bot;
  sender: ChannelSender;
  codec: CallbackDataCodec;
  deps: ChannelDeps;
}

/**
 * Adds handlers to the bot without changing this adapter. The returned middleware runs for every
 * new update (after de-duplication, inside the error boundary) before the resident handlers; it
 * calls `next()` for updates it does not own. Typical use: the staff forum supergroup
 * (`TELEGRAM_STAFF_CHAT_ID`), whose updates the resident handlers ignore anyway.
 */
export type TelegramExtension = (tools: TelegramExtensionTools) => Middleware<Context> | undefined;

export interface TelegramBotOptions {
  extensions?: TelegramExtension[];
  /** How parked replies are retried during an outage (tests go faster). */
  lanes?: Pick<ReplyLaneOptions, "staleAfterMs" | "retryBaseMs" | "retryMaxMs">;
  /** True once the channel stops: calls are not retried any more (a shutdown must not wait out a backoff). */
  isStopping?: () => boolean;
  /** Retries of a direct reply (default {@link REPLY_RETRY}). */
  replyRetry?: Partial<typeof REPLY_RETRY>;
  /** Known bot info skips `getMe` (bench, tests). */
  botInfo?: UserFromGetMe;
  /**
   * A durable inbox: every update is recorded before it is acknowledged and answered later by the
   * inbox worker through {@link TelegramBot.answer}; replies then leave through the outbox.
   */
  inbox?: { inbox: Inbox; onRecorded: () => void };
}

/** One reply of an answered update, for the outbox. */
export interface UpdateReply {
  chatId: number;
  messages: Parameters<ReplySink["push"]>[0]["messages"];
  options: Parameters<ReplySink["push"]>[0]["options"];
}

export interface TelegramBot {
  bot: Bot;
  sender: ChannelSender;
  codec: CallbackDataCodec;
  queue: ChatQueue;
  /** Replies waiting out an outage, per chat. */
  lanes: ReplyLanes;
  /** Closes the Bot API connection pool; after the bot stopped and the queue drained. */
  closeConnections(): Promise<void>;
  /** Cuts every Bot API call still running (a shutdown that cannot wait any longer). */
  abortConnections(): Promise<void>;
  /** With an inbox: runs a recorded update through the bot and resolves with its replies (not sent). */
  answer(update: Update): Promise<UpdateReply[]>;
}

/**
 * A Bot API call that has not answered after this long is given up (grammY's default is 500 s: a
 * hanging Bot API would hold a chat for minutes).
 */
const CALL_TIMEOUT_SECONDS = 15;

/**
 * Builds the grammY bot with its whole middleware chain, in this order:
 * de-duplicate `update_id` → hand off to the per-chat queue (the delivery is acknowledged) →
 * error boundary → extensions → resident handlers. API calls retry on 429 and 5xx.
 */
export function createTelegramBot(deps: ChannelDeps, options: TelegramBotOptions = {}): TelegramBot {
  const { config, logger } = deps;
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, "");
  const botApi = createBotApiFetch();
  const client = { ...(apiRoot ? { apiRoot } : {}), fetch: botApi.fetch, timeoutSeconds: CALL_TIMEOUT_SECONDS };
  const bot = new Bot(config.TELEGRAM_BOT_TOKEN, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  const lanes = createReplyLanes({ logger, now: deps.now, apology: { text: telegramTexts.lateApology }, ...options.lanes });
  // Replies retry on 429/5xx and network errors a few times (a reset connection must not lose an
  // answer); what still fails waits in its chat's lane until Telegram answers again.
  bot.api.config.use(boundedRetry({ ...REPLY_RETRY, ...options.replyRetry }, lanes.platformAnswered, options.isStopping));

  const codec = createCallbackDataCodec();
  // The sender's callers (the handoff outbox) retry themselves and need to see a failure at once,
  // with Telegram's retry_after in the error: no retries on its client, only the "Telegram is up" signal.
  const senderApi = new Api(config.TELEGRAM_BOT_TOKEN, client);
  senderApi.config.use(reportAnswers(lanes.platformAnswered));
  const sender = createTelegramSender(senderApi, codec);
  const staffChatId = config.TELEGRAM_STAFF_CHAT_ID ? Number(config.TELEGRAM_STAFF_CHAT_ID) : undefined;
  const handleError = createUpdateErrorHandler({ logger, codec, lanes, ...(staffChatId !== undefined ? { staffChatId } : {}) });
  const queue = createChatQueue((error) => logger.error({ err: error, channel: "telegram" }, "queued Telegram update failed"));

  bot.catch(handleError);
  /** Updates the inbox worker is answering now, with where their replies go. */
  const answering = new WeakMap<Update, UpdateReply[]>();
  const durable = options.inbox;
  if (durable) {
    // Long polling: an update from getUpdates is recorded, then answered by the worker (which comes back here).
    bot.use(async (ctx, next) => {
      if (answering.has(ctx.update)) return next();
      if (await recordUpdate(durable.inbox, ctx.update, deps.now())) durable.onRecorded();
    });
  } else {
    bot.use(async (ctx, next) => {
      if (await deps.store.markDelivery(`telegram:update:${ctx.update.update_id}`, deps.now())) return next();
      logger.info({ updateId: ctx.update.update_id, channel: "telegram" }, "repeated Telegram update ignored");
    });
    bot.use(queue.middleware);
  }
  const safe = bot.errorBoundary(handleError);
  for (const extension of options.extensions ?? []) {
    const middleware = extension({ bot, sender, codec, deps });
    if (middleware) safe.use(middleware);
  }
  safe.use(
    createResidentHandler({
      assistant: deps.assistant,
      codec,
      rateLimit: createUserRateLimit(config.RATE_LIMIT_PER_MINUTE),
      lanes,
      logger,
      now: deps.now,
      ...(staffChatId !== undefined ? { staffChatId } : {}),
      ...(durable ? { sinkFor: (ctx: Context) => sinkOf(answering.get(ctx.update)) } : {}),
    }),
  );
  async function answer(update: Update): Promise<UpdateReply[]> {
    const replies: UpdateReply[] = [];
    answering.set(update, replies);
    try {
      await bot.handleUpdate(update);
    } finally {
      answering.delete(update);
    }
    return replies;
  }
  return { bot, sender, codec, queue, lanes, closeConnections: botApi.close, abortConnections: botApi.destroy, answer };
}

function sinkOf(replies: UpdateReply[] | undefined): ReplySink | undefined {
  return replies ? { push: (reply) => void replies.push(reply) } : undefined;
}
