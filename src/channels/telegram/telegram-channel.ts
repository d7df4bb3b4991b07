import { GrammyError } from "grammy";
import type { LanguageCode, Update } from "grammy/types";
import { residentLane } from "../../handoff/handoff-context.js";
import type { Inbox, InboxReply } from "../inbox.js";
import { createInboxWorker, type InboxWorker } from "../inbox-worker.js";
import type { UpdateReply } from "./create-telegram-bot.js";
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
export interface TelegramChannelOptions extends Omit<TelegramBotOptions, "inbox" | "isStopping"> {
  /**
   * At least once in, exactly once out: updates are recorded in `inbox` before they are
   * acknowledged, answered by the inbox worker, and their replies go to the outbox (delivered by the
   * handoff outbox; `onReplies` tells it to deliver now).
   */
  durable?: { inbox: Inbox; onReplies: () => void; leaseMs?: number; pollMs?: number };
}

export async function startTelegram(deps: ChannelDeps, options: TelegramChannelOptions = {}): Promise<RunningChannel> {
  const { config, logger } = deps;
  let stopping = false;
  let worker: InboxWorker | undefined;
  const { durable, ...botOptions } = options;
  const { bot, sender, queue, lanes, closeConnections, abortConnections, answer } = createTelegramBot(deps, {
    ...botOptions,
    isStopping: () => stopping,
    ...(durable ? { inbox: { inbox: durable.inbox, onRecorded: () => worker?.kick() } } : {}),
  });
  if (durable) {
    worker = createInboxWorker({
      inbox: durable.inbox,
      channel: "telegram",
      logger,
      now: deps.now,
      handle: async (item) => toOutbox(await answer(item.payload as Update)),
      onCompleted: durable.onReplies,
      ...(durable.leaseMs ? { leaseMs: durable.leaseMs } : {}),
      ...(durable.pollMs ? { pollMs: durable.pollMs } : {}),
    });
  }

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
    mountTelegramWebhook(deps.http.app, {
      bot,
      secret,
      logger,
      isStopping: () => stopping,
      ...(durable ? { inbox: { inbox: durable.inbox, onRecorded: () => worker?.kick(), now: deps.now } } : {}),
    });
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
  // Also picks up what an earlier run (or another instance) recorded and did not finish.
  worker?.start();

  return {
    name: "telegram",
    sender,
    async stop(drainMs = DRAIN_TIMEOUT_MS) {
      if (stopping) return;
      stopping = true;
      const deadline = Date.now() + drainMs;
      // Polling's own long poll is aborted by bot.stop(); bounded all the same, the Bot API may hang.
      if (bot.isRunning()) await withinMs(bot.stop(), drainMs).catch((error: unknown) => logger.warn({ err: error }, "stopping Telegram polling"));
      // With an inbox, what is not finished stays recorded: the next start (or another instance) answers it.
      const workerDone = worker ? await worker.stop(Math.max(0, deadline - Date.now())) : true;
      const drained = (await queue.drain(Math.max(0, deadline - Date.now()))) && workerDone;
      lanes.stop();
      if (drained) {
        // A graceful close waits for calls in flight; one the outbox made to a hanging Bot API would hold it forever.
        let closed = false;
        const closing = closeConnections().then(
          () => void (closed = true),
          (error: unknown) => logger.debug({ err: error }, "closing Bot API connections"),
        );
        await withinMs(closing, Math.max(500, deadline - Date.now()));
        if (closed) return;
      }
      // Calls still hanging are cut: their updates were acknowledged, and stay in the inbox or outbox for the next start.
      logger.warn({ channel: "telegram", pending: queue.pending }, "stopped with Telegram updates unfinished; Bot API calls aborted");
      await abortConnections().catch((error: unknown) => logger.debug({ err: error }, "aborting Bot API connections"));
    },
  };
}

/** Resolves with the promise, or after `ms` (the promise goes on, unawaited). */
function withinMs(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise.then(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

function explain(error: unknown, hint: string): Error {
  const detail = error instanceof GrammyError ? ` (${error.error_code}: ${error.description})` : "";
  return new Error(`${hint}${detail}`, { cause: error });
}

/** The replies of an answered update as outbox jobs: per chat lane, in order, Telegram's delivery detail kept. */
function toOutbox(replies: UpdateReply[]): InboxReply[] {
  return replies.flatMap(({ chatId, messages, options }) => {
    const conversationId = `telegram:${chatId}`;
    return messages.map((message, i) => ({
      lane: residentLane(conversationId),
      ticketId: null,
      kind: "resident",
      // Only the first message answers the resident's (in a group) and may hide the location keyboard.
      payload: { conversationId, message, via: i === 0 ? options : { ...(options.threadId ? { threadId: options.threadId } : {}) } },
    }));
  });
}
