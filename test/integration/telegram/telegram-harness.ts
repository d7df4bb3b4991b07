/**
 * Starts the real Telegram channel (real grammY client over HTTP) against the fake Bot API, with
 * a real SQLite store in a temp dir and the real core assistant. Retrieval, composing, safety and
 * listings are small deterministic fakes here; the end-to-end test uses the real app.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { RunningChannel } from "../../../src/channels/channel.js";
import type { TelegramBotOptions } from "../../../src/channels/telegram/create-telegram-bot.js";
import { startTelegram, type TelegramExtension } from "../../../src/channels/telegram/telegram-channel.js";
import { parseConfig, type Config } from "../../../src/config/config.js";
import { createAssistant, type Assistant } from "../../../src/core/assistant.js";
import type { AnswerComposer, ConversationStore, ListingSearch, Passage, Retriever, SafetyCheck } from "../../../src/core/ports.js";
import { createHttpServer, type HttpServer } from "../../../src/http/server.js";
import { createLogger } from "../../../src/log/logger.js";
import type { SqliteDatabase } from "../../../src/store/sqlite/database.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";
import { startFakeTelegramApi, type FakeTelegramApi, type RecordedCall } from "../../support/fake-telegram-api.js";

export const WEBHOOK_SECRET = "test_secret-123";

export interface Harness {
  fake: FakeTelegramApi;
  config: Config;
  db: SqliteDatabase;
  store: ConversationStore;
  channel: RunningChannel;
  http: HttpServer;
  /** Base URL of the app's HTTP server (webhook, /healthz). */
  baseUrl: string;
  /** Log lines written by the app (JSON). */
  logs: string[];
  /** POSTs an update to the webhook as Telegram would (right secret unless told otherwise). */
  postUpdate(update: object, secret?: string | null): Promise<Response>;
  /** The texts of sendMessage calls to a chat, in order. */
  sentTo(chatId: number): RecordedCall[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  webhook?: boolean;
  env?: Record<string, string>;
  /** Replace the assistant (e.g. one that throws, or one that waits). */
  assistant?: (store: ConversationStore) => Assistant;
  extensions?: TelegramExtension[];
  /** Options of the bot itself (e.g. faster lane retries). */
  bot?: Omit<TelegramBotOptions, "extensions">;
}

const KNOWLEDGE: Passage = {
  id: "sociale-basis#1",
  text: "De sociale basis is alles wat mensen dichtbij huis helpt.",
  title: "Buurt & <Wijk>: de sociale basis",
  source: "sociale-basis",
  url: "https://www.movisie.nl/sociale-basis?x=1&y=2",
  publisher: "Movisie",
  year: 2023,
  kind: "knowledge",
  score: 1,
};

export const fakeRetriever: Retriever = {
  async search(query) {
    return /sociale basis|buurt/i.test(query) ? [KNOWLEDGE] : [];
  },
};

/** Answers from the passages, quoting the question (user text must come out escaped). */
export const fakeComposer: AnswerComposer = {
  async compose({ question, passages }) {
    // "langzaam" (slow) stands for an answer that takes noticeable time, like an LLM's.
    if (/langzaam/i.test(question)) await new Promise((resolve) => setTimeout(resolve, 800));
    if (/lang antwoord/i.test(question)) {
      const paragraph = "Dit is een lange alinea over hulp in de buurt. ".repeat(30).trim();
      return { text: Array.from({ length: 6 }, (_, i) => `Deel ${i + 1}. ${paragraph}`).join("\n\n"), sources: [], confident: true };
    }
    if (!passages.length) return { text: "", sources: [], confident: false };
    const p = passages[0]!;
    return {
      text: `U vroeg: ${question}\n\n${p.text} [1]`,
      sources: [{ title: p.title, publisher: p.publisher, year: p.year, url: p.url }],
      confident: true,
    };
  },
};

export const fakeSafety: SafetyCheck = {
  assess(text) {
    if (/zelfmoord|niet meer leven/i.test(text)) return { crisis: "suicide" };
    if (/^(hallo|hoi)\b/i.test(text)) return { smalltalk: "greeting" };
    return {};
  },
};

/** "koffie …" is an activity question; without a known place it asks for one. */
export const fakeListings: ListingSearch = {
  async respond({ text, location }) {
    if (!/koffie/i.test(text)) return null;
    if (!location) {
      return { kind: "need_place", replies: [{ text: "Waar bent u? Deel uw locatie of typ uw postcode.", requestLocation: true }], sources: [] };
    }
    return { kind: "results", replies: [{ text: `Koffieochtend bij u in de buurt (${location.lat.toFixed(2)}, ${location.lon.toFixed(2)}).` }], sources: [] };
  },
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeTelegramApi({ maxPollSeconds: 5 });
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-telegram-"));
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_DIR: dir,
    ...(options.webhook
      ? { TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook", TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET }
      : {}),
    ...options.env,
  });
  const { db, conversations: store } = openSqliteStores(join(dir, "wijkwijzer.sqlite"));
  const logs: string[] = [];
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk, _encoding, callback) {
        logs.push(String(chunk));
        callback();
      },
    }),
  );
  const now = () => new Date();
  const assistant =
    options.assistant?.(store) ??
    createAssistant({
      retriever: fakeRetriever,
      composer: fakeComposer,
      store,
      safety: fakeSafety,
      listings: fakeListings,
      now,
      retentionDays: config.RETENTION_DAYS,
      wijkteamContact: config.WIJKTEAM_CONTACT,
    });
  const http = createHttpServer();
  const channel = await startTelegram(
    { config, assistant, store, http, logger, now },
    { ...options.bot, ...(options.extensions ? { extensions: options.extensions } : {}) },
  );
  const port = await http.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    fake,
    config,
    db,
    store,
    channel,
    http,
    baseUrl,
    logs,
    postUpdate(update, secret = WEBHOOK_SECRET) {
      return fetch(`${baseUrl}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret !== null ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(update),
      });
    },
    sentTo(chatId) {
      return fake.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === chatId);
    },
    async close() {
      await channel.stop();
      await http.close();
      await fake.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Text of a recorded sendMessage call. */
export const textOf = (call: RecordedCall) => String(call.body.text);
