/**
 * SIGTERM to a real `wijkwijzer start` child process (Telegram webhook mode, TELEGRAM_API_ROOT at the
 * fake Bot API) while the Bot API hangs on a reply: new requests get 503, the process exits by
 * itself within 15 s, and the port can be bound again at once.
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
import { freePort, until } from "../../support/child-app.js";

const ROOT = join(import.meta.dirname, "../../..");
const SECRET = "shutdown-test-secret";

let fake: FakeTelegramApi;
let dir: string;
let child: ChildProcess | undefined;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-sigterm-"));
  // The index is built here, so the child starts quickly.
  const app = await createApp(parseConfig({ DATA_DIR: dir }), { logger: createLogger("silent") });
  await app.close();
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("SIGTERM", () => {
  it("with a hanging Bot API: 503 for new requests, exit within 15 s, port free", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["src/bin/wijkwijzer.js", "start"], {
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
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

    await until("the app to be healthy", async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 60_000);
    const post = (update: object) =>
      fetch(`${base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });

    fake.fail("sendMessage", { status: 0, times: 1000, mode: "hang" });
    expect((await post({ update_id: 501, ...textUpdate({ id: 81_000 }, "Wat is de sociale basis?") })).status).toBe(200);
    await fake.waitForCalls("sendMessage", 1, { timeoutMs: 20_000 });

    child.kill("SIGTERM");
    await until("the shutdown to begin", async () => (stderr.includes("shutting down") ? true : undefined), 5000);
    const during = await post({ update_id: 502, ...textUpdate({ id: 81_001 }, "Hallo") });
    expect(during.status).toBe(503);

    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), 15_000)))]);
    clearTimeout(timer);
    expect(code, stderr.slice(-3000)).toBe(0);
    expect(stderr).toContain("Bot API calls aborted");
    expect(await canListen(port)).toBe(true);
  }, 120_000);
});
