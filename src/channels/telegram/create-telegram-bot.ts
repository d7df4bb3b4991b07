import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, type Context, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { ChannelSender } from "../../core/ports.js";
import type { ChannelDeps } from "../channel.js";
import { createBotApiFetch } from "./bot-api-fetch.js";
import { createCallbackDataCodec, type CallbackDataCodec } from "./callback-data.js";
import { createChatQueue, type ChatQueue } from "./chat-queue.js";
import { createTelegramSender } from "./deliver.js";
import { createUpdateErrorHandler } from "./error-boundary.js";
import { createResidentHandler } from "./resident-handler.js";
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
  /** Known bot info skips `getMe` (bench, tests). */
  botInfo?: UserFromGetMe;
}

export interface TelegramBot {
  bot: Bot;
  sender: ChannelSender;
  codec: CallbackDataCodec;
  queue: ChatQueue;
  /** Closes the Bot API connection pool; after the bot stopped and the queue drained. */
  closeConnections(): Promise<void>;
}

/** Retries wait at most this long for Telegram's `retry_after`; longer means: give up and report. */
const MAX_RETRY_DELAY_SECONDS = 60;

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
  const client = { ...(apiRoot ? { apiRoot } : {}), fetch: botApi.fetch };
  const bot = new Bot(config.TELEGRAM_BOT_TOKEN, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // Replies retry on 429/5xx and on network errors (a reset connection must not lose an answer);
  // three attempts keep the wait bounded.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: MAX_RETRY_DELAY_SECONDS, rethrowHttpErrors: false }));

  const codec = createCallbackDataCodec();
  // The sender's callers (the handoff outbox) retry themselves and need to see a failure at once,
  // with Telegram's retry_after in the error: no auto-retry on its client.
  const sender = createTelegramSender(new Api(config.TELEGRAM_BOT_TOKEN, client), codec);
  const staffChatId = config.TELEGRAM_STAFF_CHAT_ID ? Number(config.TELEGRAM_STAFF_CHAT_ID) : undefined;
  const handleError = createUpdateErrorHandler({ logger, codec, ...(staffChatId !== undefined ? { staffChatId } : {}) });
  const queue = createChatQueue((error) => logger.error({ err: error, channel: "telegram" }, "queued Telegram update failed"));

  bot.catch(handleError);
  bot.use(async (ctx, next) => {
    if (await deps.store.markDelivery(`telegram:update:${ctx.update.update_id}`, deps.now())) return next();
    logger.info({ updateId: ctx.update.update_id, channel: "telegram" }, "repeated Telegram update ignored");
  });
  bot.use(queue.middleware);
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
      logger,
      now: deps.now,
      ...(staffChatId !== undefined ? { staffChatId } : {}),
    }),
  );
  return { bot, sender, codec, queue, closeConnections: botApi.close };
}
