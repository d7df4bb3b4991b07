/**
 * The one composition root: reads config, builds the store, the listings, the retrieval index,
 * the assistant and the channels. Nothing else in the codebase creates long-lived objects.
 */
import { join } from "node:path";
import { createExtractiveComposer } from "./answer/extractive-composer.js";
import { carryOver, isFollowUp } from "./answer/follow-up-carry.js";
import type { RunningChannel } from "./channels/channel.js";
import { startSlack } from "./channels/slack/slack-channel.js";
import { createDeskClient, createSlackHandoffDesk, slackHandoffExtension } from "./channels/slack/slack-handoff-desk.js";
import { startTelegram } from "./channels/telegram/telegram-channel.js";
import { createStaffApi, createTelegramStaffDesk, telegramStaffExtension } from "./channels/telegram/telegram-staff-desk.js";
import type { Config } from "./config/config.js";
import { createAssistant, type Assistant } from "./core/assistant.js";
import type { ConversationStore, SafetyCheck } from "./core/ports.js";
import type { DeskKind, StaffDesk } from "./handoff/handoff-model.js";
import { createHandoffService, type HandoffService } from "./handoff/handoff-service.js";
import { parseOfficeHours } from "./handoff/office-hours.js";
import { createRoutingSender, type RoutingSender } from "./handoff/routing-sender.js";
import { createHttpServer } from "./http/server.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "./knowledge/knowledge-index.js";
import { readNationalServices, serviceDocument } from "./knowledge/national-services.js";
import { createWegwijzer } from "./knowledge/wegwijzer/wegwijzer.js";
import { readWegwijzer } from "./knowledge/wegwijzer/wegwijzer-entries.js";
import { loadDutchQuery } from "./language/dutch-query.js";
import { createLanguageDetector, loadMarkers } from "./language/detect-language.js";
import { createListingsService, type ListingsService } from "./listings/listings-service.js";
import type { Logger } from "./log/logger.js";
import { createSafetyCheck } from "./safety/safety-check.js";
import { loadDialogueCues } from "./dialogue/dialogue-cues.js";
import type { SqliteDatabase } from "./store/sqlite/database.js";
import { openStores, type Stores } from "./store/stores.js";
import { createCheckInFlow, type CheckInFlow } from "./checkins/check-in-flow.js";
import { createDeskEvents, type DeskEvents } from "./desk/desk-events.js";
import type { DeskStores } from "./desk/desk-ports.js";
import { createDeskRouter } from "./desk/desk-router.js";
import { createUsageRecorder, type UsageRecorder } from "./desk/usage-recorder.js";
import { createWebDesk } from "./desk/web-desk.js";
import type { HandoffEvent } from "./handoff/handoff-model.js";

export interface AppOptions {
  logger: Logger;
  now?: () => Date;
  /** Index progress lines (the `index` command and first start show them). */
  onProgress?: (message: string) => void;
  /** Rebuild the index even when nothing changed. */
  forceIndex?: boolean;
  /** How often the handoff delivers its outbox and sends reminders (default 1 s; tests go faster). */
  handoffTickMs?: number;
}

export interface App {
  config: Config;
  logger: Logger;
  /** Every store, on SQLite (DATA_DIR) or PostgreSQL (DATABASE_URL). */
  stores: Stores;
  /** The SQLite database when the stores are on SQLite (tests and tools read it); undefined on PostgreSQL. */
  db: SqliteDatabase | undefined;
  store: ConversationStore;
  index: KnowledgeIndex;
  listings: ListingsService;
  assistant: Assistant;
  now: () => Date;
  /** The handoff to a sociaal werker: with the web desk (`DESK=on`, the default), a Slack channel or a Telegram group. */
  handoff?: HandoffService;
  /** Routes handoff messages to the channels once they run (`startChannels` registers them). */
  handoffSender: RoutingSender;
  /** The web desk's stores, its live events, the usage counts and the check-ins. */
  desk?: { stores: DeskStores; events: DeskEvents; usage: UsageRecorder; checkIns: CheckInFlow };
  close(): Promise<void>;
}

/** Builds everything but the channels: what the CLI commands and the terminal chat need. */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const now = options.now ?? (() => new Date());
  const stores = await openStores(config);
  try {
    return await assemble(config, options, stores, now);
  } catch (error) {
    await stores.close();
    throw error;
  }
}

async function assemble(config: Config, options: AppOptions, stores: Stores, now: () => Date): Promise<App> {
  const { logger } = options;
  // The model clients (OpenAI-compatible, Ollama) are loaded only when a model is configured: ~20 MB otherwise unused.
  const llm = config.LLM_PROVIDER ? await loadLlmParts() : undefined;
  const usage = createUsageRecorder({ usage: stores.desk.usage, now, logger });
  const events = createDeskEvents();
  const store = usage.observeStore(stores.conversations);
  const listings = createListingsService({ repository: stores.listings, config, logger, now });
  await listings.loadDirectory();
  const index = await openKnowledgeIndex({
    knowledgeDir: config.KNOWLEDGE_DIR,
    indexDir: join(config.DATA_DIR, "index"),
    // National services (113, De Luisterlijn, …) have no place: found by retrieval, never "near you".
    extraDocuments: [...(await listings.documents()), ...readNationalServices(config.KNOWLEDGE_DIR).map(serviceDocument)],
    embeddings: {
      provider: config.EMBEDDINGS,
      ...(config.EMBEDDINGS_MODEL ? { model: config.EMBEDDINGS_MODEL } : {}),
      ...(config.LLM_BASE_URL ? { baseUrl: config.LLM_BASE_URL } : {}),
      ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
    },
    ...(options.forceIndex ? { force: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // The trained safety classifier is kept beside the retrieval index and rebuilt with it.
  const safety = createSafetyCheck(config.KNOWLEDGE_DIR, { dir: join(config.DATA_DIR, "index"), ...(options.forceIndex ? { rebuild: true } : {}) });
  const markers = loadMarkers(config.KNOWLEDGE_DIR);
  // The assistant exists before the channels do: handoff messages wait in the outbox until they run.
  const handoffSender = createRoutingSender();
  let handoff: HandoffService | undefined = undefined;
  const onEvent = (event: HandoffEvent) => {
    events.emit(event);
    if (event.type === "new" || event.type === "claimed" || event.type === "rated") {
      void handoff?.tickets.get(event.ticketId).then((ticket) => usage.onHandoffEvent(event, ticket), (error: unknown) => logger.error({ err: error }, "counting a handoff failed"));
    }
  };
  handoff = createHandoff(config, {
    stores: { ...stores, conversations: store },
    safety,
    logger,
    now,
    sender: handoffSender,
    tickMs: options.handoffTickMs,
    onEvent,
    ...(llm ? { llm } : {}),
    // The terminal chat can hear a worker only while it runs (it registers its sender then).
    canReach: (channel) => handoffSender.has(channel),
  });
  const checkIns = createCheckInFlow({
    checkIns: stores.desk.checkIns,
    store,
    sender: handoffSender,
    now,
    days: config.CHECKIN_DAYS,
    canReach: (channel) => channel === "telegram" || channel === "slack",
    logger,
  });
  const core = createAssistant({
    retriever: index,
    // With LLM_PROVIDER the model writes the answer; the extractive one stays the fallback.
    composer: llm
      ? llm.createLlmComposer({ config, fallback: createExtractiveComposer({ questionWords: index.questionWords }), logger })
      : createExtractiveComposer({ questionWords: index.questionWords }),
    // Script, marker words and tinyld's light tables: ~12 MB, so on with or without a model.
    languages: createLanguageDetector(markers),
    toDutchQuery: loadDutchQuery(config.KNOWLEDGE_DIR, markers),
    // Without a model a short follow-up carries the previous question's topic over.
    rewriteQuestion: llm ? llm.createQueryRewriter({ config, logger }) : async (question, previous) => (previous && isFollowUp(question) ? carryOver(question, previous) : question),
    store,
    safety,
    cues: loadDialogueCues(config.KNOWLEDGE_DIR),
    ...(handoff ? { handoff } : {}),
    listings: listings.search,
    guide: createWegwijzer(readWegwijzer(config.KNOWLEDGE_DIR)),
    now,
    retentionDays: config.RETENTION_DAYS,
    wijkteamContact: config.WIJKTEAM_CONTACT,
    onError: (error, inbound) => logger.error({ err: error, channel: inbound.channel }, "handling a message failed"),
  });
  const assistant = checkIns.wrap(usage.observe(core));
  return {
    config,
    logger,
    stores,
    db: "db" in stores ? (stores as Stores & { db: SqliteDatabase }).db : undefined,
    store,
    index,
    listings,
    assistant,
    now,
    ...(handoff ? { handoff } : {}),
    handoffSender,
    desk: { stores: stores.desk, events, usage, checkIns },
    async close() {
      // Bounded: a delivery hanging on a platform must not keep the database (and the process) open.
      if (handoff) await withinMs(handoff.stop(), 1000);
      await withinMs(usage.settle(), 3000);
      await stores.close();
    },
  };
}

/** True when the environment enables at least one chat platform. */
export function hasChannels(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN);
}

/**
 * Stops the channels and the HTTP server within about `drainMs` (default {@link DRAIN_MS}); `port` is
 * where the server listens (useful with PORT 0 in tests).
 */
export type StopChannels = ((drainMs?: number) => Promise<void>) & { port: number };

/** How long a shutdown lets work in flight finish before it cuts it. */
export const DRAIN_MS = 10_000;

/** Starts every configured channel and the shared HTTP server; returns a function that stops them. */
export async function startChannels(app: App): Promise<StopChannels> {
  const { config, logger } = app;
  const http = createHttpServer(() => ({ chunks: app.index.chunkCount }));
  const deps = { config, assistant: app.assistant, store: app.store, http, logger, now: app.now };
  const running: RunningChannel[] = [];
  const { handoff } = app;
  const staffChat = config.TELEGRAM_STAFF_CHAT_ID ? Number(config.TELEGRAM_STAFF_CHAT_ID) : undefined;
  const coordinators = new Set(config.HANDOFF_COORDINATORS.split(",").map((id) => id.trim()).filter(Boolean));
  const telegramExtensions = handoff && staffChat !== undefined ? [telegramStaffExtension(handoff, staffChat, coordinators)] : [];
  const slackExtensions = handoff && config.SLACK_HANDOFF_CHANNEL ? [slackHandoffExtension(handoff, config.SLACK_HANDOFF_CHANNEL, coordinators)] : [];
  // With the handoff outbox running, Telegram's and Slack's replies leave through it: nothing acknowledged is lost.
  const durable = handoff
    ? { inbox: app.stores.inbox, onReplies: () => void handoff.outbox.drain(), leaseMs: config.LEASE_SECONDS * 1000 }
    : undefined;
  if (config.TELEGRAM_BOT_TOKEN) running.push(await startTelegram(deps, { extensions: telegramExtensions, ...(durable ? { durable } : {}) }));
  if (config.SLACK_BOT_TOKEN) running.push(await startSlack(deps, { extensions: slackExtensions, ...(durable ? { durable } : {}) }));
  for (const channel of running) app.handoffSender.register(channel.name, channel.sender);
  const { desk } = app;
  if (handoff && desk && config.DESK === "on") {
    http.app.use(
      "/desk",
      createDeskRouter({
        stores: desk.stores,
        handoff,
        conversations: app.store,
        events: desk.events,
        listings: () => app.listings.listings(),
        officeHours: parseOfficeHours(config.OFFICE_HOURS, config.TZ),
        officeHoursText: config.OFFICE_HOURS,
        now: app.now,
        logger,
      }),
    );
  }
  handoff?.start();
  desk?.checkIns.start();
  const port = await http.listen(config.PORT, config.HOST);
  logger.info({ port, channels: running.map((c) => c.name) }, "Wijkwijzer is running");
  const purge = async () => {
    try {
      const before = new Date(app.now().getTime() - config.RETENTION_DAYS * 86_400_000);
      // Finished inbound items hold what people wrote, as the messages do.
      const removed = (await app.store.purgeOlderThan(before)) + (await app.stores.inbox.purgeBefore(before));
      if (removed > 0) logger.info({ removed }, "retention purge");
    } catch (error) {
      logger.error({ err: error }, "retention purge failed");
    }
  };
  // Once at start too: a process restarted more often than hourly must still purge.
  await purge();
  const retention = setInterval(() => void purge(), 60 * 60 * 1000);
  retention.unref();
  /**
   * The shutdown, in this order: (1) every new request gets 503 (platforms deliver again later);
   * (2) the outbox stops taking jobs and the channels finish what they are handling, side by side,
   * for at most `drainMs`; (3) what still hangs is cut; (4) the server closes and the port is free.
   * Pending outbox jobs stay in the store for the next start.
   */
  const stop = async (drainMs = DRAIN_MS) => {
    http.beginShutdown();
    clearInterval(retention);
    desk?.checkIns.stop();
    logger.info({ drainMs }, "shutting down: new requests get 503");
    const outboxStopped = handoff ? withinMs(handoff.stop(), drainMs) : Promise.resolve(true);
    await Promise.all([outboxStopped, ...running.map((channel) => channel.stop(drainMs))]);
    if (!(await outboxStopped)) logger.warn("handoff outbox still delivering at shutdown; pending jobs stay for the next start");
    for (const channel of running) app.handoffSender.unregister(channel.name);
    await http.close();
  };
  return Object.assign(stop, { port });
}

/** True when the promise settled within `ms`. */
function withinMs(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The handoff to a sociaal werker, when a staff desk is configured: the web desk (`DESK=on`, the
 * default: it sees every ticket), the Slack handoff channel and/or the Telegram staff forum group.
 * New tickets are posted to Slack, else Telegram, else only the web desk; a claim on any desk
 * shows on the others.
 */
/** What the app uses of the optional language model, loaded on demand. */
async function loadLlmParts() {
  const [{ createLlmComposer }, { createQueryRewriter }, { createWorkerSummariser }] = await Promise.all([
    import("./answer/llm-composer.js"),
    import("./answer/query-rewriter.js"),
    import("./answer/llm-handoff-summary.js"),
  ]);
  return { createLlmComposer, createQueryRewriter, createWorkerSummariser };
}
type LlmParts = Awaited<ReturnType<typeof loadLlmParts>>;

export function createHandoff(
  config: Config,
  deps: {
    stores: Stores;
    safety: SafetyCheck;
    logger: Logger;
    now: () => Date;
    sender: RoutingSender;
    tickMs?: number | undefined;
    onEvent?: (event: HandoffEvent) => void;
    canReach?: (channel: string) => boolean;
    /** The model parts, when LLM_PROVIDER is set: the worker's note is then written by the model. */
    llm?: LlmParts;
  },
): HandoffService | undefined {
  const desks: Partial<Record<DeskKind, StaffDesk>> = {};
  if (config.SLACK_BOT_TOKEN && config.SLACK_HANDOFF_CHANNEL) {
    desks.slack = createSlackHandoffDesk({ client: createDeskClient(config), channel: config.SLACK_HANDOFF_CHANNEL });
  }
  if (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_STAFF_CHAT_ID) {
    desks.telegram = createTelegramStaffDesk({ api: createStaffApi(config), chatId: Number(config.TELEGRAM_STAFF_CHAT_ID) });
  }
  if (config.DESK === "on") desks.web = createWebDesk();
  const primaryDesk: DeskKind | undefined = desks.slack ? "slack" : desks.telegram ? "telegram" : desks.web ? "web" : undefined;
  if (!primaryDesk) return undefined;
  const { stores, ...rest } = deps;
  return createHandoffService({
    ...rest,
    store: stores.conversations,
    tickets: stores.tickets,
    outboxStore: stores.outbox,
    primaryDesk,
    desks,
    officeHours: parseOfficeHours(config.OFFICE_HOURS, config.TZ),
    wijkteamContact: config.WIJKTEAM_CONTACT,
    retentionDays: config.RETENTION_DAYS,
    remindMinutes: config.HANDOFF_REMIND_MINUTES,
    ticketsPerHour: config.HANDOFF_TICKETS_PER_HOUR,
    urgentRemindMinutes: Math.min(5, config.HANDOFF_REMIND_MINUTES),
    // The model writes the worker's note only when one is configured; the plain note is the default.
    ...(deps.llm ? { summarise: deps.llm.createWorkerSummariser({ config, logger: deps.logger }) } : {}),
    ...(deps.tickMs ? { tickMs: deps.tickMs } : {}),
    // After an outage the next try comes within half a minute, not five: the resident is waiting.
    outbox: { maxDelayMs: 30_000, leaseMs: config.LEASE_SECONDS * 1000 },
  });
}
