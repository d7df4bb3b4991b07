/**
 * Telegram throughput: updates per second through the webhook path on loopback, against the
 * local fake Bot API, for Wijkwijzer (secret check → dedupe in SQLite → per-chat queue → rate
 * limit → core assistant with the real SQLite store → HTML rendering → sendMessage, plus the
 * "typing…" action) and for a bare grammY bot that echoes the text. Same updates, same
 * concurrency, one process; an update counts as done when its reply reached the fake Bot API.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../test/support/fake-telegram-api.js";
import { textUpdate } from "../../test/support/telegram-updates.js";
import { startTelegram } from "../channels/telegram/telegram-channel.js";
import { parseConfig } from "../config/config.js";
import { createAssistant, type Assistant } from "../core/assistant.js";
import type { ConversationStore } from "../core/ports.js";
import { createHttpServer } from "../http/server.js";
import { createLogger } from "../log/logger.js";
import { createSafetyCheck } from "../safety/safety-check.js";
import { openStores } from "../store/stores.js";
import { percentile } from "./stats.js";

const SECRET = "bench_secret";
const WARMUP_UPDATES = 300;
const MEASURED_UPDATES = 1000;
/** Rounds alternate which bot goes first, so a machine that speeds up or slows down favours neither. */
const ROUNDS = 6;
const CONCURRENCY = 16;
const RESIDENTS = 150;
/** What residents send, rotated over the updates: knowledge and listings questions, small talk, a command. */
const MESSAGES = [
  "Wat is de sociale basis?",
  "waar kan ik koffie drinken in 3701?",
  "hoi",
  "is er iets voor mijn vader van 78 in Zeist?",
  "wat doet een buurtsportcoach?",
  "dank je wel",
  "taalcafé in het Engels in 3702",
  "/help",
];

export interface TelegramBenchOptions {
  /**
   * Use this assistant and store (e.g. the real app's; then the figure includes retrieval and
   * answer composition). Default: the core assistant with the real safety check on a fresh SQLite
   * store, without an index, so the figure is about the Telegram path rather than retrieval.
   */
  assistant?: Assistant;
  store?: ConversationStore;
  /** Where the safety lexicons live (default `knowledge`). */
  knowledgeDir?: string;
}

export interface TelegramBenchResult {
  /** Median over the rounds. */
  wijkwijzerUpdatesPerSecond: number;
  /** Median over the rounds. */
  bareBotUpdatesPerSecond: number;
  /** Median of the rounds' ratios, Wijkwijzer's rate divided by the bare bot's (target: at least 0.5). */
  ratio: number;
  /** Lowest and highest ratio of one round: how noisy the machine was. */
  ratioRange: [number, number];
  rounds: number;
  updatesPerRound: number;
}

/** Unique in the process: a store reused between runs must not take updates for repeated deliveries. */
let nextUpdateId = 1;

interface Target {
  fake: FakeTelegramApi;
  webhookUrl: string;
  close(): Promise<void>;
}

export async function benchTelegram(options: TelegramBenchOptions = {}): Promise<TelegramBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-telegram-bench-"));
  const targets: Target[] = [];
  try {
    const wijkwijzer = await startWijkwijzer(dir, options);
    targets.push(wijkwijzer);
    const bare = await startBareBot();
    targets.push(bare);
    const run = async (target: Target, count: number) => {
      const updates = Array.from({ length: count }, (_, i) => {
        const update = textUpdate({ id: 10_000 + (i % RESIDENTS) }, MESSAGES[i % MESSAGES.length]!) as Update;
        return { ...update, update_id: nextUpdateId++ };
      });
      return measure(target, updates);
    };
    await run(wijkwijzer, WARMUP_UPDATES);
    await run(bare, WARMUP_UPDATES);
    const rates = { wijkwijzer: [] as number[], bare: [] as number[], ratio: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const bareFirst = round % 2 === 0;
      const first = await run(bareFirst ? bare : wijkwijzer, MEASURED_UPDATES);
      const second = await run(bareFirst ? wijkwijzer : bare, MEASURED_UPDATES);
      const [bareRate, wijkwijzerRate] = bareFirst ? [first, second] : [second, first];
      rates.bare.push(bareRate);
      rates.wijkwijzer.push(wijkwijzerRate);
      rates.ratio.push(wijkwijzerRate / bareRate);
    }
    const twoDecimals = (value: number) => Math.round(value * 100) / 100;
    return {
      wijkwijzerUpdatesPerSecond: Math.round(percentile(rates.wijkwijzer, 50)),
      bareBotUpdatesPerSecond: Math.round(percentile(rates.bare, 50)),
      ratio: twoDecimals(percentile(rates.ratio, 50)),
      ratioRange: [twoDecimals(Math.min(...rates.ratio)), twoDecimals(Math.max(...rates.ratio))],
      rounds: ROUNDS,
      updatesPerRound: MEASURED_UPDATES,
    };
  } finally {
    for (const target of targets.reverse()) await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Posts the updates with bounded concurrency; resolves with updates/s once every reply arrived. */
async function measure(target: Target, updates: Update[]): Promise<number> {
  const before = target.fake.callsTo("sendMessage").length;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const response = await fetch(target.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`telegram bench: webhook answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await target.fake.waitForCalls("sendMessage", before + updates.length, { timeoutMs: 120_000 });
  return updates.length / ((performance.now() - started) / 1000);
}

async function startWijkwijzer(dir: string, options: TelegramBenchOptions): Promise<Target> {
  const fake = await startFakeTelegramApi();
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    DATA_DIR: dir,
    // Every resident sends more than 20 updates in the bench minute; the limiter still runs.
    RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const own = options.store ? undefined : await openStores(config);
  const store = options.store ?? own!.conversations;
  const now = () => new Date();
  // Without an index every question gets the honest "not sure" answer: the core path (safety,
  // state, history, recording), minus retrieval.
  const assistant =
    options.assistant ??
    createAssistant({
      retriever: { search: async () => [] },
      composer: { compose: async () => ({ text: "", sources: [], confident: false }) },
      safety: createSafetyCheck(options.knowledgeDir ?? "knowledge"),
      store,
      now,
      retentionDays: config.RETENTION_DAYS,
      wijkteamContact: config.WIJKTEAM_CONTACT,
    });
  const http = createHttpServer();
  const channel = await startTelegram({ config, assistant, store, http, logger: createLogger("silent"), now }, { botInfo: fake.botInfo });
  const port = await http.listen(0);
  return {
    fake,
    webhookUrl: `http://127.0.0.1:${port}/telegram/webhook`,
    async close() {
      await channel.stop();
      await http.close();
      await fake.close();
      await own?.close();
    },
  };
}

async function startBareBot(): Promise<Target> {
  const fake = await startFakeTelegramApi();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  const app = express();
  app.post("/telegram/webhook", express.json(), webhookCallback(bot, "express", { secretToken: SECRET }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    fake,
    webhookUrl: `http://127.0.0.1:${port}/telegram/webhook`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fake.close();
    },
  };
}
