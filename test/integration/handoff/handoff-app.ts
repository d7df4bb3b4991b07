/**
 * The handoff wired as `src/main.ts` wires it (`createHandoff` + `startChannels`: the real
 * Telegram and Slack adapters with the staff-desk extensions, the routing sender, the outbox
 * loop) against the local fake Telegram Bot API and fake Slack Web API over real HTTP, with a
 * real SQLite file. Only retrieval and answer composing are small fakes, so answers are
 * predictable; the safety check is the real one. Time is injected: it runs with the wall clock
 * from a chosen start, and tests can jump it forward (backoff, reminders) without sleeping.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { parseConfig, type Config } from "../../../src/config/config.js";
import { createAssistant } from "../../../src/core/assistant.js";
import type { AnswerComposer, Passage, Retriever } from "../../../src/core/ports.js";
import type { KnowledgeIndex } from "../../../src/knowledge/knowledge-index.js";
import type { ListingsService } from "../../../src/listings/listings-service.js";
import { createLogger } from "../../../src/log/logger.js";
import { createHandoff, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { createRoutingSender } from "../../../src/handoff/routing-sender.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { FAKE_BOT_INFO, startFakeTelegramApi, type FakeTelegramApi, type RecordedCall } from "../../support/fake-telegram-api.js";
import { FAKE_SLACK_SIGNING_SECRET, postSigned, type SlackPost } from "../../support/slack-signing.js";
import { textUpdate } from "../../support/telegram-updates.js";

export const RESIDENT = { id: 701, firstName: "Fatima" };
export const HANDOFF_CHANNEL = "C0HANDOFF1";
export const STAFF_CHAT = -1_000_777;
export const WEBHOOK_SECRET = "handoff-webhook-secret";
/** Monday 23 November 2026, 10:00 in Amsterdam. */
export const MONDAY_10 = Date.parse("2026-11-23T09:00:00Z");
/** Saturday 28 November 2026, 20:00 in Amsterdam. */
export const SATURDAY_20 = Date.parse("2026-11-28T19:00:00Z");

const PASSAGE: Passage = {
  id: "sociale-basis#1",
  text: "De sociale basis is alles wat mensen dichtbij huis helpt.",
  title: "De sociale basis",
  source: "sociale-basis",
  url: "https://www.movisie.nl/sociale-basis",
  publisher: "Movisie",
  year: 2023,
  kind: "knowledge",
  score: 1,
};
const retriever: Retriever = { search: async (q) => (/sociale basis/i.test(q) ? [PASSAGE] : []) };
const composer: AnswerComposer = {
  async compose({ passages }) {
    if (!passages.length) return { text: "", sources: [], confident: false };
    return { text: `${passages[0]!.text} [1]`, sources: [{ title: PASSAGE.title, url: PASSAGE.url }], confident: true };
  },
};

export interface HandoffAppOptions {
  desk: "slack" | "telegram";
  /** Telegram webhook (with its secret) or long polling. */
  telegramMode: "webhook" | "polling";
  start?: number;
  /** More environment (e.g. HANDOFF_COORDINATORS). */
  env?: Record<string, string>;
}

export interface HandoffApp {
  telegram: FakeTelegramApi;
  slack: FakeSlackApi;
  app: App;
  config: Config;
  baseUrl: string;
  /** Jumps the injected clock forward (the outbox's backoff and reminders follow it). */
  advance(ms: number): void;
  /** A resident's update, by webhook (with the secret) or through the fake's polling queue. */
  resident(update: Omit<Update, "update_id">): Promise<void>;
  say(text: string): Promise<void>;
  /** Presses the resident's button with this label on the last bot message that had it. */
  press(label: string): Promise<void>;
  /** A signed request to `/slack/events`. */
  slackPost(post: SlackPost): Promise<Response>;
  /** Texts the bot sent to the resident, in order. */
  toResident(): string[];
  /** Stops everything (the SQLite file stays) and starts again on a new port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

let nextUpdateId = 50_000;

export async function startHandoffApp(options: HandoffAppOptions): Promise<HandoffApp> {
  const [telegram, slack] = await Promise.all([startFakeTelegramApi({ maxPollSeconds: 1 }), startFakeSlackApi()]);
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-handoff-"));
  const realStart = Date.now();
  let offset = 0;
  const now = () => new Date((options.start ?? MONDAY_10) + (Date.now() - realStart) + offset);
  const config = parseConfig({
    DATA_DIR: dir,
    PORT: "3000",
    OFFICE_HOURS: "ma-vr 09:00-17:00",
    TZ: "Europe/Amsterdam",
    WIJKTEAM_CONTACT: "Bel het wijkteam: 030-1234567.",
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    ...(options.telegramMode === "webhook"
      ? { TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook", TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET }
      : {}),
    ...(options.desk === "slack"
      ? { SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL }
      : { TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT) }),
    ...options.env,
  });
  // HANDOFF_TEST_LOG=1 prints the app's log lines (debugging a failing test).
  const logger = process.env.HANDOFF_TEST_LOG
    ? createLogger("debug", new Writable({ write: (c, _e, cb) => (process.stderr.write(c), cb()) }))
    : createLogger("silent", new Writable({ write: (_c, _e, cb) => cb() }));

  let app!: App;
  let stop!: StopChannels;
  let baseUrl = "";

  async function boot() {
    const stores = openSqliteStores(join(dir, "wijkwijzer.sqlite"));
    const { db, conversations: store } = stores;
    const safety = createSafetyCheck(config.KNOWLEDGE_DIR);
    const handoffSender = createRoutingSender();
    const handoff = createHandoff(config, { stores, safety, logger, now, sender: handoffSender, tickMs: 20 });
    if (!handoff) throw new Error("handoff not configured");
    const assistant = createAssistant({
      retriever,
      composer,
      store,
      safety,
      handoff,
      now,
      retentionDays: config.RETENTION_DAYS,
      wijkteamContact: config.WIJKTEAM_CONTACT,
    });
    app = {
      config: { ...config, PORT: 0 },
      logger,
      stores,
      db,
      store,
      index: { chunkCount: 1 } as unknown as KnowledgeIndex,
      listings: {} as ListingsService,
      assistant,
      now,
      handoff,
      handoffSender,
      async close() {
        await handoff.stop();
        await stores.close();
      },
    };
    stop = await startChannels(app);
    baseUrl = `http://127.0.0.1:${stop.port}`;
  }
  await boot();

  const sentToResident = (): RecordedCall[] =>
    telegram.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === RESIDENT.id);

  const harness: HandoffApp = {
    telegram,
    slack,
    get app() {
      return app;
    },
    config,
    get baseUrl() {
      return baseUrl;
    },
    advance(ms) {
      offset += ms;
    },
    async resident(update) {
      if (options.telegramMode === "polling") {
        telegram.pushUpdate(update);
        return;
      }
      const res = await fetch(`${baseUrl}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        body: JSON.stringify({ update_id: nextUpdateId++, ...update }),
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    },
    say(text) {
      return harness.resident(textUpdate(RESIDENT, text));
    },
    async press(label) {
      const withButton = sentToResident()
        .reverse()
        .find((c) => JSON.stringify(c.body.reply_markup ?? {}).includes(`"text":"${label}"`));
      if (!withButton) throw new Error(`no message to the resident has a "${label}" button`);
      const rows = (withButton.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
      const button = rows.flat().find((b) => b.text === label)!;
      await harness.resident({
        callback_query: {
          id: `cbq-${nextUpdateId}`,
          from: { id: RESIDENT.id, is_bot: false, first_name: RESIDENT.firstName },
          chat_instance: "ci-resident",
          data: button.callback_data,
          message: {
            message_id: 1,
            date: Math.floor(Date.now() / 1000),
            chat: { id: RESIDENT.id, type: "private", first_name: RESIDENT.firstName },
            from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: FAKE_BOT_INFO.first_name, username: FAKE_BOT_INFO.username },
            text: "…",
          },
        },
      } as unknown as Omit<Update, "update_id">);
    },
    slackPost(post) {
      return postSigned(`${baseUrl}/slack/events`, post, FAKE_SLACK_SIGNING_SECRET);
    },
    toResident() {
      return sentToResident().map((c) => String(c.body.text));
    },
    async restart() {
      await stop();
      await app.close();
      await boot();
    },
    async close() {
      await stop?.();
      await app?.close();
      await Promise.all([telegram.close(), slack.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Waits until `check` returns a value (not undefined/false), polling; fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
