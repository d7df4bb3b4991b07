import { GrammyError } from "grammy";
import type { LanguageCode } from "grammy/types";
import type { ChannelDeps, RunningChannel } from "../channel.js";
import { createTelegramBot, type TelegramBotOptions } from "./create-telegram-bot.js";
import { menuLanguages, residentCommands, residentCommandsFor } from "./telegram-texts.js";
import { mountTelegramWebhook } from "./webhook-route.js";

export type { TelegramExtension, TelegramExtensionTools } from "./create-telegram-bot.js";

/** Updates still being answered get this long to finish when the channel stops. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Starts the Telegram bot: long polling, or — with `TELEGRAM_WEBHOOK_URL` — a webhook at
 * `/telegram/webhook` on the shared HTTP server (registered with its secret here; the caller
 * starts listening). Registers the command menu. Resolves once updates can flow; rejects when
 * Telegram refuses the token or the webhook.
 */
export async function startTelegram(deps: ChannelDeps, options: TelegramBotOptions = {}): Promise<RunningChannel> {
  const { config, logger } = deps;
  const { bot, sender, queue, closeConnections } = createTelegramBot(deps, options);
  let stopping = false;

  try {
    await bot.init();
  } catch (error) {
    throw explain(error, "Telegram did not accept TELEGRAM_BOT_TOKEN (check it with @BotFather, and TELEGRAM_API_ROOT if set)");
  }
  await bot.api.setMyCommands(residentCommands).catch((error: unknown) => {
    logger.warn({ err: error, channel: "telegram" }, "could not register the command menu");
  });
  // The same menu in each language there are texts for; Telegram shows the one of the app's language.
  for (const language of menuLanguages()) {
    await bot.api.setMyCommands(residentCommandsFor(language), { language_code: language as LanguageCode }).catch((error: unknown) => {
      logger.warn({ err: error, channel: "telegram", language }, "could not register the command menu");
    });
  }

  if (config.TELEGRAM_WEBHOOK_URL) {
    const secret = config.TELEGRAM_WEBHOOK_SECRET;
    if (!secret) throw new Error("TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set");
    mountTelegramWebhook(deps.http.app, { bot, secret, logger, isStopping: () => stopping });
    try {
      await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, { secret_token: secret });
    } catch (error) {
      throw explain(error, "Telegram did not accept TELEGRAM_WEBHOOK_URL (it must be a public https URL)");
    }
    logger.info({ channel: "telegram", mode: "webhook", bot: bot.botInfo.username }, "Telegram webhook registered");
  } else {
    await new Promise<void>((resolve, reject) => {
      bot
        .start({ onStart: () => resolve() })
        .then(() => logger.info({ channel: "telegram" }, "Telegram polling stopped"))
        .catch((error: unknown) => {
          // Before onStart this rejects startTelegram; later (409: another instance polls) it is logged.
          logger.error({ err: error, channel: "telegram" }, "Telegram polling failed");
          reject(explain(error, "Telegram polling could not start"));
        });
    });
    logger.info({ channel: "telegram", mode: "polling", bot: bot.botInfo.username }, "Telegram long polling started");
  }

  return {
    name: "telegram",
    sender,
    async stop() {
      if (stopping) return;
      stopping = true;
      if (bot.isRunning()) await bot.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping Telegram polling"));
      const drained = await queue.drain(DRAIN_TIMEOUT_MS);
      if (!drained) logger.warn({ channel: "telegram", pending: queue.pending }, "stopped with Telegram updates unfinished");
      await closeConnections().catch((error: unknown) => logger.debug({ err: error }, "closing Bot API connections"));
    },
  };
}

function explain(error: unknown, hint: string): Error {
  const detail = error instanceof GrammyError ? ` (${error.error_code}: ${error.description})` : "";
  return new Error(`${hint}${detail}`, { cause: error });
}
