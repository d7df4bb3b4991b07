/**
 * Starts the real Slack channel (Bolt over HTTP on the shared express server, 127.0.0.1:0) against
 * the fake Web API, with a real SQLite file in a temp dir and the real core assistant over small
 * deterministic fakes for retrieval and safety.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { RunningChannel } from "../../../src/channels/channel.js";
import { startSlack, type SlackExtension } from "../../../src/channels/slack/slack-channel.js";
import { parseConfig, type Config } from "../../../src/config/config.js";
import { createAssistant, type Assistant } from "../../../src/core/assistant.js";
import type { AnswerComposer, ConversationStore, Passage, Retriever, SafetyCheck } from "../../../src/core/ports.js";
import { createHttpServer, type HttpServer } from "../../../src/http/server.js";
import { createLogger } from "../../../src/log/logger.js";
import { openDatabase, type SqliteDatabase } from "../../../src/store/database.js";
import { createSqliteConversationStore } from "../../../src/store/sqlite-conversation-store.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { FAKE_SLACK_SIGNING_SECRET, postSigned, type SignOptions, type SlackPost } from "../../support/slack-signing.js";

export interface SlackHarness {
  slack: FakeSlackApi;
  config: Config;
  db: SqliteDatabase;
  store: ConversationStore;
  channel: RunningChannel;
  http: HttpServer;
  baseUrl: string;
  /** JSON log lines the app wrote. */
  logs: string[];
  /** Posts to /slack/events, signed with the right secret unless told otherwise. */
  post(post: SlackPost, options?: SignOptions & { secret?: string }): Promise<Response>;
  /** Resolves when a log line matches (e.g. a skipped duplicate); rejects after 10 s. */
  waitForLog(pattern: RegExp): Promise<string>;
  feedbackRows(): FeedbackRow[];
  /** Resolves with the feedback rows once there are `count`; rejects after 10 s. */
  waitForFeedback(count: number): Promise<FeedbackRow[]>;
  close(): Promise<void>;
}

export interface FeedbackRow {
  conversation_id: string;
  message_ref: string;
  value: string;
  reason: string | null;
}

export interface SlackHarnessOptions {
  env?: Record<string, string>;
  assistant?: (store: ConversationStore) => Assistant;
  extensions?: SlackExtension[];
}

const PASSAGES: Passage[] = [
  {
    id: "sterke-sociale-basis#3",
    text: "Een sterke sociale basis bestaat uit voorzieningen dichtbij huis, zoals buurthuizen en vrijwilligerswerk.",
    title: "Wijkaanpak & een sterke <sociale basis>",
    source: "sterke-sociale-basis",
    url: "https://www.movisie.nl/publicatie/wijkaanpak-sterke-sociale-basis?a=1&b=2",
    publisher: "Movisie",
    year: 2023,
    kind: "knowledge",
    score: 0.9,
  },
  {
    id: "sociale-basis-in-actie#1",
    text: "Gemeenten investeren in ontmoeting en informele steun.",
    title: "Sociale basis in actie",
    source: "sociale-basis-in-actie",
    url: "https://www.verwey-jonker.nl/publicatie/sociale-basis-in-actie",
    publisher: "Verwey-Jonker Instituut",
    year: 2022,
    kind: "knowledge",
    score: 0.7,
  },
];

const retriever: Retriever = {
  async search(query) {
    return /sociale basis|buurthuis|wijk/i.test(query) ? PASSAGES : [];
  },
};

const composer: AnswerComposer = {
  async compose({ passages, persona }) {
    if (!passages.length) return { text: "", sources: [], confident: false };
    const text = `${persona === "professional" ? "Uit de bronnen: " : ""}${passages[0]!.text} [1] ${passages[1]?.text ?? ""} [2]`;
    return {
      text,
      sources: passages.map((p) => ({ title: p.title, publisher: p.publisher, year: p.year, url: p.url })),
      confident: true,
    };
  },
};

const safety: SafetyCheck = {
  assess: (text) => (/^(hallo|hoi)\b/i.test(text) ? { smalltalk: "greeting" } : {}),
};

export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-"));
  const config = parseConfig({
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: dir,
    ...options.env,
  });
  const db = openDatabase(join(dir, "wijkwijzer.sqlite"));
  const store = createSqliteConversationStore(db);
  const logs: string[] = [];
  const logWaiters = new Set<() => void>();
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk, _encoding, callback) {
        logs.push(String(chunk));
        for (const wake of logWaiters) wake();
        callback();
      },
    }),
  );
  const now = () => new Date();
  const assistant =
    options.assistant?.(store) ??
    createAssistant({ retriever, composer, store, safety, now, retentionDays: config.RETENTION_DAYS, wijkteamContact: config.WIJKTEAM_CONTACT });
  const http = createHttpServer();
  const channel = await startSlack(
    { config, assistant, store, http, logger, now },
    options.extensions ? { extensions: options.extensions } : {},
  );
  const port = await http.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const feedbackRows = () => db.prepare("SELECT conversation_id, message_ref, value, reason FROM feedback ORDER BY id").all() as FeedbackRow[];

  return {
    slack,
    config,
    db,
    store,
    channel,
    http,
    baseUrl,
    logs,
    post(post, { secret = FAKE_SLACK_SIGNING_SECRET, ...sign } = {}) {
      return postSigned(`${baseUrl}/slack/events`, post, secret, sign);
    },
    waitForLog(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = logs.find((l) => pattern.test(l));
          if (!line) return;
          logWaiters.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          logWaiters.delete(check);
          reject(new Error(`no log line matched ${pattern}`));
        }, 10_000);
        logWaiters.add(check);
        check();
      });
    },
    feedbackRows,
    async waitForFeedback(count) {
      const deadline = Date.now() + 10_000;
      while (feedbackRows().length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} feedback rows, got ${feedbackRows().length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return feedbackRows();
    },
    async close() {
      await channel.stop();
      await http.close();
      await slack.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
