/**
 * Runs the Slack channel (Bolt over HTTP on the shared express server, 127.0.0.1:0) against the fake
 * Slack Web API, with real SQLite files in a temp dir. Two builds:
 * - {@link startRealSlackApp}: the app exactly as `npm start` builds it (createApp + startChannels:
 *   real corpus, index, listings, safety), so answers carry real sources;
 * - {@link startSlackHarness}: the real core assistant over small deterministic fakes, for exact
 *   rendering checks, extensions and the sender.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { RunningChannel } from "../../../src/channels/channel.js";
import type { Inbox } from "../../../src/channels/inbox.js";
import { startSlack, type SlackExtension } from "../../../src/channels/slack/slack-channel.js";
import { parseConfig } from "../../../src/config/config.js";
import { createAssistant } from "../../../src/core/assistant.js";
import type { AnswerComposer, ConversationStore, Passage, Retriever, SafetyCheck } from "../../../src/core/ports.js";
import { createHttpServer } from "../../../src/http/server.js";
import { createLogger, type Logger } from "../../../src/log/logger.js";
import { createApp, startChannels } from "../../../src/main.js";
import type { SqliteDatabase } from "../../../src/store/sqlite/database.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { FAKE_SLACK_SIGNING_SECRET, postSigned, type SignOptions, type SlackPost } from "../../support/slack-signing.js";

export interface FeedbackRow {
  conversation_id: string;
  message_ref: string;
  value: string;
  reason: string | null;
}

export interface SlackHarness {
  slack: FakeSlackApi;
  db: SqliteDatabase;
  store: ConversationStore;
  baseUrl: string;
  /** JSON log lines the app wrote. */
  logs: string[];
  /** Posts to /slack/events, signed with the right secret unless told otherwise. */
  post(post: SlackPost, options?: SignOptions & { secret?: string }): Promise<Response>;
  /** Resolves when a log line matches (e.g. a skipped duplicate); rejects after 10 s. */
  waitForLog(pattern: RegExp): Promise<string>;
  /** Feedback rows, oldest first; only one conversation's when given. */
  feedbackRows(conversationId?: string): FeedbackRow[];
  /** Resolves with the feedback rows once there are `count`; rejects after 10 s. */
  waitForFeedback(count: number, conversationId?: string): Promise<FeedbackRow[]>;
  close(): Promise<void>;
}

export interface FakeCoreSlackHarness extends SlackHarness {
  channel: RunningChannel;
}

/** Collects log lines and wakes waiters on each one. */
function logCapture(): { logs: string[]; logger: Logger; waitForLog: SlackHarness["waitForLog"] } {
  const logs: string[] = [];
  const waiters = new Set<() => void>();
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk, _encoding, callback) {
        logs.push(String(chunk));
        for (const wake of waiters) wake();
        callback();
      },
    }),
  );
  const waitForLog = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = logs.find((l) => pattern.test(l));
        if (!line) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no log line matched ${pattern}`));
      }, 10_000);
      waiters.add(check);
      check();
    });
  return { logs, logger, waitForLog };
}

function common(slack: FakeSlackApi, db: SqliteDatabase, baseUrl: string) {
  const feedbackRows = (conversationId?: string) =>
    (db.prepare("SELECT conversation_id, message_ref, value, reason FROM feedback ORDER BY id").all() as FeedbackRow[]).filter(
      (row) => conversationId === undefined || row.conversation_id === conversationId,
    );
  return {
    post(post: SlackPost, { secret = FAKE_SLACK_SIGNING_SECRET, ...sign }: SignOptions & { secret?: string } = {}) {
      return postSigned(`${baseUrl}/slack/events`, post, secret, sign);
    },
    feedbackRows,
    async waitForFeedback(count: number, conversationId?: string) {
      const deadline = Date.now() + 10_000;
      while (feedbackRows(conversationId).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} feedback rows, got ${feedbackRows(conversationId).length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return feedbackRows(conversationId);
    },
  };
}

// The index is built once per test process and copied, so each app starts in about a second.
let builtIndexDir: string | undefined;

async function prebuiltIndex(logger: Logger): Promise<string> {
  if (builtIndexDir && existsSync(builtIndexDir)) return builtIndexDir;
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-index-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const app = await createApp(parseConfig({ DATA_DIR: dir }), { logger });
  await app.close();
  builtIndexDir = join(dir, "index");
  return builtIndexDir;
}

/** The whole app as `npm start` builds it, with Slack configured (plus `env`). */
export async function startRealSlackApp(env: Record<string, string> = {}): Promise<SlackHarness> {
  const slack = await startFakeSlackApi();
  const { logs, logger, waitForLog } = logCapture();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-"));
  cpSync(await prebuiltIndex(logger), join(dir, "index"), { recursive: true });
  const config = parseConfig({
    DATA_DIR: dir,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  const app = await createApp(config, { logger });
  // PORT 0: any free port; startChannels tells which.
  const stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
  const baseUrl = `http://127.0.0.1:${stop.port}`;
  return {
    slack,
    db: app.db!,
    store: app.store,
    baseUrl,
    logs,
    waitForLog,
    ...common(slack, app.db!, baseUrl),
    async close() {
      await stop();
      await app.close();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** Only the Slack channel, over the real core with fixed passages (exact texts to assert on). */
export async function startSlackHarness(
  options: { extensions?: SlackExtension[]; /** Records requests in (a wrapper of) the SQLite inbox; nothing delivers the outbox. */ inbox?: (inbox: Inbox) => Inbox } = {},
): Promise<FakeCoreSlackHarness> {
  const slack = await startFakeSlackApi();
  const { logs, logger, waitForLog } = logCapture();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-"));
  const config = parseConfig({
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: dir,
  });
  const { db, conversations: store, inbox } = openSqliteStores(join(dir, "wijkwijzer.sqlite"));
  const now = () => new Date();
  const assistant = createAssistant({ retriever, composer, store, safety, now, retentionDays: config.RETENTION_DAYS, wijkteamContact: config.WIJKTEAM_CONTACT });
  const http = createHttpServer();
  const channel = await startSlack(
    { config, assistant, store, http, logger, now },
    {
      ...(options.extensions ? { extensions: options.extensions } : {}),
      ...(options.inbox ? { durable: { inbox: options.inbox(inbox), onReplies: () => undefined, pollMs: 50 } } : {}),
    },
  );
  const baseUrl = `http://127.0.0.1:${await http.listen(0)}`;
  return {
    slack,
    db,
    store,
    channel,
    baseUrl,
    logs,
    waitForLog,
    ...common(slack, db, baseUrl),
    async close() {
      await channel.stop();
      await http.close();
      await slack.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
