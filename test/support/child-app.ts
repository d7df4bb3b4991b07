/**
 * Real `wijkwijzer start` child processes in Telegram webhook mode against the fake Bot API, and/or
 * with Slack over HTTP against the fake Slack Web API, for the fault tests: crash (SIGKILL),
 * restart, and several instances on one PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { FakeSlackApi } from "./fake-slack-api.js";
import type { FakeTelegramApi } from "./fake-telegram-api.js";
import { FAKE_SLACK_SIGNING_SECRET, postSigned, type SignOptions, type SlackPost } from "./slack-signing.js";

export const ROOT = join(import.meta.dirname, "../..");
export const SECRET = "fault-test-secret";

export interface ChildApp {
  child: ChildProcess;
  port: number;
  exited: Promise<unknown>;
  /** POSTs an update as Telegram would; resolves with the HTTP status (0 when the connection failed). */
  post(update: object): Promise<number>;
  /** POSTs a signed request to `/slack/events` as Slack would; resolves with the HTTP status (0 when the connection failed). */
  postSlack(post: SlackPost, options?: SignOptions): Promise<number>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts an instance on `port` with its data in `dataDir` (and `databaseUrl` when given); resolves once
 * healthy. Telegram runs when `fake` is given, Slack when `slack` is.
 */
export async function startChild(options: {
  fake?: FakeTelegramApi;
  slack?: FakeSlackApi;
  dataDir: string;
  port: number;
  databaseUrl?: string;
  leaseSeconds?: number;
  /** More environment (e.g. SLACK_HANDOFF_CHANNEL). */
  env?: Record<string, string>;
}): Promise<ChildApp> {
  const { fake, slack, dataDir, port } = options;
  const child = spawn(process.execPath, ["src/bin/wijkwijzer.js", "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dataDir,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      ...(fake
        ? {
            TELEGRAM_BOT_TOKEN: fake.token,
            TELEGRAM_API_ROOT: fake.apiRoot,
            TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
            TELEGRAM_WEBHOOK_SECRET: SECRET,
            // A staff group, so the handoff outbox runs (the replies leave through it).
            TELEGRAM_STAFF_CHAT_ID: "-1001234567890",
          }
        : {}),
      // The web desk (on by default) keeps the handoff outbox running for Slack alone too.
      ...(slack ? { SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl } : {}),
      LEASE_SECONDS: String(options.leaseSeconds ?? 3),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
    stdio: ["ignore", "ignore", process.env.FAULT_TEST_LOG ? "inherit" : "ignore"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  await until("the app to be healthy", async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 90_000);
  const post = (update: object) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    }).then(
      (r) => r.status,
      () => 0,
    );
  const postSlack = (slackPost: SlackPost, sign: SignOptions = {}) =>
    postSigned(`${base}/slack/events`, slackPost, FAKE_SLACK_SIGNING_SECRET, sign).then(
      async (r) => {
        await r.body?.cancel();
        return r.status;
      },
      () => 0,
    );
  return { child, port, exited, post, postSlack };
}

/** sendMessage calls per chat id. */
export function answersPerChat(fake: FakeTelegramApi): Map<number, number> {
  const perChat = new Map<number, number>();
  for (const call of fake.callsTo("sendMessage")) {
    const chat = Number((call.body as { chat_id: number }).chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  }
  return perChat;
}

/** Answers (chat.postMessage calls) per Slack thread (`thread_ts`), or per channel for posts outside a thread. */
export function slackAnswersPerThread(slack: FakeSlackApi): Map<string, number> {
  const perThread = new Map<string, number>();
  for (const call of slack.callsTo("chat.postMessage")) {
    const key = String(call.body.thread_ts ?? call.body.channel);
    perThread.set(key, (perThread.get(key) ?? 0) + 1);
  }
  return perThread;
}
