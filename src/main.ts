/**
 * The one composition root: reads config, builds the store, the listings, the retrieval index,
 * the assistant and the channels. Nothing else in the codebase creates long-lived objects.
 */
import { join } from "node:path";
import { createExtractiveComposer } from "./answer/extractive-composer.js";
import { detectLanguage } from "./answer/language.js";
import { createLlmComposer } from "./answer/llm-composer.js";
import { createQueryRewriter } from "./answer/query-rewriter.js";
import type { RunningChannel } from "./channels/channel.js";
import { startSlack } from "./channels/slack/slack-channel.js";
import { startTelegram } from "./channels/telegram/telegram-channel.js";
import type { Config } from "./config/config.js";
import { createAssistant, type Assistant } from "./core/assistant.js";
import type { ConversationStore } from "./core/ports.js";
import { createHttpServer } from "./http/server.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "./knowledge/knowledge-index.js";
import { createListingsService, type ListingsService } from "./listings/listings-service.js";
import type { Logger } from "./log/logger.js";
import { createSafetyCheck } from "./safety/safety-check.js";
import { openDatabase, type SqliteDatabase } from "./store/database.js";
import { createSqliteConversationStore } from "./store/sqlite-conversation-store.js";

export interface AppOptions {
  logger: Logger;
  now?: () => Date;
  /** Index progress lines (the `index` command and first start show them). */
  onProgress?: (message: string) => void;
  /** Rebuild the index even when nothing changed. */
  forceIndex?: boolean;
}

export interface App {
  config: Config;
  logger: Logger;
  db: SqliteDatabase;
  store: ConversationStore;
  index: KnowledgeIndex;
  listings: ListingsService;
  assistant: Assistant;
  now: () => Date;
  close(): Promise<void>;
}

/** Builds everything but the channels: what the CLI commands and the terminal chat need. */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const db = openDatabase(join(config.DATA_DIR, "wijkwijzer.sqlite"));
  const store = createSqliteConversationStore(db);
  const listings = createListingsService({ db, config, logger, now });
  await listings.loadDirectory();
  const index = await openKnowledgeIndex({
    knowledgeDir: config.KNOWLEDGE_DIR,
    indexDir: join(config.DATA_DIR, "index"),
    extraDocuments: listings.documents(),
    embeddings: {
      provider: config.EMBEDDINGS,
      ...(config.EMBEDDINGS_MODEL ? { model: config.EMBEDDINGS_MODEL } : {}),
      ...(config.LLM_BASE_URL ? { baseUrl: config.LLM_BASE_URL } : {}),
      ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
    },
    ...(options.forceIndex ? { force: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const assistant = createAssistant({
    retriever: index,
    // With LLM_PROVIDER the model writes the answer; the extractive one stays the fallback.
    composer: config.LLM_PROVIDER
      ? createLlmComposer({ config, fallback: createExtractiveComposer(), logger })
      : createExtractiveComposer(),
    detectLanguage,
    rewriteQuestion: createQueryRewriter({ config, logger }),
    store,
    safety: createSafetyCheck(config.KNOWLEDGE_DIR),
    listings: listings.search,
    now,
    retentionDays: config.RETENTION_DAYS,
    wijkteamContact: config.WIJKTEAM_CONTACT,
    onError: (error, inbound) => logger.error({ err: error, channel: inbound.channel }, "handling a message failed"),
  });
  return {
    config,
    logger,
    db,
    store,
    index,
    listings,
    assistant,
    now,
    async close() {
      db.close();
    },
  };
}

/** True when the environment enables at least one chat platform. */
export function hasChannels(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN);
}

/** Stops the channels and the HTTP server; `port` is where the server listens (useful with PORT 0 in tests). */
export type StopChannels = (() => Promise<void>) & { port: number };

/** Starts every configured channel and the shared HTTP server; returns a function that stops them. */
export async function startChannels(app: App): Promise<StopChannels> {
  const { config, logger } = app;
  const http = createHttpServer(() => ({ chunks: app.index.chunkCount }));
  const deps = { config, assistant: app.assistant, store: app.store, http, logger, now: app.now };
  const running: RunningChannel[] = [];
  if (config.TELEGRAM_BOT_TOKEN) running.push(await startTelegram(deps));
  if (config.SLACK_BOT_TOKEN) running.push(await startSlack(deps));
  const port = await http.listen(config.PORT);
  logger.info({ port, channels: running.map((c) => c.name) }, "Wijkwijzer is running");
  const purge = () => {
    try {
      const removed = app.store.purgeOlderThan(new Date(app.now().getTime() - config.RETENTION_DAYS * 86_400_000));
      if (removed > 0) logger.info({ removed }, "retention purge");
    } catch (error) {
      logger.error({ err: error }, "retention purge failed");
    }
  };
  // Once at start too: a process restarted more often than hourly must still purge.
  purge();
  const retention = setInterval(purge, 60 * 60 * 1000);
  retention.unref();
  const stop = async () => {
    clearInterval(retention);
    for (const channel of running.reverse()) await channel.stop();
    await http.close();
  };
  return Object.assign(stop, { port });
}
