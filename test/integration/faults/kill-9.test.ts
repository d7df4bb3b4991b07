/**
 * At least once in, exactly once out, through a hard crash: a real `wijkwijzer start` child process
 * in Telegram webhook mode (fake Bot API, 150 ms slow) is killed with SIGKILL while a burst of
 * updates is being answered. After a restart on the same data, every update that got HTTP 200 is
 * answered, and none twice, except (at most) a reply whose sendMessage was on the wire at the kill:
 * Telegram has no idempotency key, so that one is counted and reported.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { textUpdate } from "../../support/telegram-updates.js";

const ROOT = join(import.meta.dirname, "../../..");
const SECRET = "kill-test-secret";
const BURST = 40;

let fake: FakeTelegramApi;
let dir: string;
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function start(port: number): { child: ChildProcess; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ["src/bin/wijkwijzer.js", "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      DATA_DIR: dir,
      PORT: String(port),
      LOG_LEVEL: "info",
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // A staff group, so the handoff outbox runs (the replies leave through it).
      TELEGRAM_STAFF_CHAT_ID: "-1001234567890",
      INBOX_LEASE_SECONDS: "3",
      ...(process.env.DATABASE_URL_FOR_FAULTS ? { DATABASE_URL: process.env.DATABASE_URL_FOR_FAULTS } : {}),
    },
    stdio: ["ignore", "ignore", process.env.KILL_TEST_LOG ? "inherit" : "ignore"],
  });
  children.push(child);
  return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-kill-"));
  const app = await createApp(parseConfig({ DATA_DIR: dir }), { logger: createLogger("silent") });
  await app.close();
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 during a burst", () => {
  it("answers every acknowledged update after the restart, none twice", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start(port);
    await until("the app to be healthy", async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 60_000);
    fake.delay("sendMessage", 150);

    const post = (update: object) =>
      fetch(`${base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      }).then((r) => r.status, () => 0);
    // One message each from 40 residents: every chat must get exactly one answer.
    const chats = Array.from({ length: BURST }, (_, i) => 90_000 + i);
    const statuses = await Promise.all(chats.map((chat, i) => post({ update_id: 7000 + i, ...textUpdate({ id: chat }, "hallo") })));
    const acknowledged = chats.filter((_, i) => statuses[i] === 200);
    expect(acknowledged.length).toBe(BURST);

    // Some answers are out, most are still waiting for the slow Bot API: now the process dies.
    await fake.waitForCalls("sendMessage", 1, { timeoutMs: 20_000 });
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeRestart = new Set(fake.callsTo("sendMessage").map((c) => Number((c.body as { chat_id: number }).chat_id)));
    expect(beforeRestart.size).toBeLessThan(BURST);

    fake.delay("sendMessage", 0);
    start(port);
    await until(
      "every acknowledged chat to be answered",
      async () => (acknowledged.every((chat) => fake.callsTo("sendMessage").some((c) => Number((c.body as { chat_id: number }).chat_id) === chat)) ? true : undefined),
      120_000,
    );
    const perChat = new Map<number, number>();
    for (const call of fake.callsTo("sendMessage")) {
      const chat = Number((call.body as { chat_id: number }).chat_id);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    }
    const doubled = acknowledged.filter((chat) => (perChat.get(chat) ?? 0) > 1);
    // Only a reply that was on the wire when the process died can go out twice (no idempotency key at Telegram).
    process.stderr.write(`kill -9: ${acknowledged.length} acknowledged, ${beforeRestart.size} answered before the kill, ${doubled.length} doubled\n`);
    expect(doubled.length).toBeLessThanOrEqual(2);
    expect(acknowledged.every((chat) => (perChat.get(chat) ?? 0) >= 1)).toBe(true);
  }, 180_000);
});
