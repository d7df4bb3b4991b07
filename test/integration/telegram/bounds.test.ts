/**
 * Hostile and broken input at the Telegram webhook of the whole app (createApp + startChannels:
 * real listings index, real SQLite): a location of −1e15 or beyond Infinity gets a polite reply and
 * freezes nothing; oversized and deeply nested bodies are refused; a huge text is cut to what a
 * Telegram message can hold.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { texts } from "../../../src/core/texts.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { locationUpdate, textUpdate } from "../../support/telegram-updates.js";
import { WEBHOOK_SECRET } from "./telegram-harness.js";

let fake: FakeTelegramApi;
let app: App;
let stop: StopChannels;
let dir: string;
let baseUrl: string;
let updateId = 7_000;

function post(body: string): Promise<Response> {
  return fetch(`${baseUrl}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
    body,
  });
}

async function answersTo(chatId: number, body: string, count = 1): Promise<string[]> {
  const mine = () => fake.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === chatId);
  const before = mine().length;
  expect((await post(body)).status).toBe(200);
  await fake.waitForCalls("sendMessage", before + count, { where: (c) => Number(c.body.chat_id) === chatId, timeoutMs: 20_000 });
  return mine().slice(before).map((c) => String(c.body.text));
}

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-bounds-"));
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DATA_DIR: dir,
  });
  app = await createApp(config, { logger: createLogger("silent") });
  stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
  baseUrl = `http://127.0.0.1:${stop.port}`;
}, 180_000);

afterAll(async () => {
  await stop?.();
  await app?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Telegram webhook bounds, in the real app", () => {
  it("answers a location of −1e15 politely, stays healthy, and still answers real locations", async () => {
    const resident = { id: 61_001 };
    const bad = JSON.stringify({ update_id: ++updateId, ...locationUpdate(resident, -1e15, 5.25) });
    expect(await answersTo(resident.id, bad)).toEqual([texts.locationInvalid]);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    // 1e400 is valid JSON and parses to Infinity.
    const infinite = JSON.stringify({ update_id: ++updateId, ...locationUpdate(resident, 52.08, 5.25) }).replace("52.08", "1e400");
    expect(await answersTo(resident.id, infinite)).toEqual([texts.locationInvalid]);
    // The bad points were not kept: a question now still asks where the resident is.
    expect((await app.store.getState(`telegram:${resident.id}`)).location).toBeUndefined();
    const good = JSON.stringify({ update_id: ++updateId, ...locationUpdate(resident, 52.0775, 5.2535) });
    const [answer] = await answersTo(resident.id, good);
    expect(answer).not.toBe(texts.locationInvalid);
    expect((await app.store.getState(`telegram:${resident.id}`)).location).toEqual({ lat: 52.0775, lon: 5.2535 });
  });

  it("refuses a body over the limit with 413 and a deeply nested one with 400", async () => {
    const big = JSON.stringify({ update_id: ++updateId, ...textUpdate({ id: 61_002 }, "x".repeat(300 * 1024)) });
    expect((await post(big)).status).toBe(413);
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect((await post(JSON.stringify({ update_id: ++updateId, message: deep }))).status).toBe(400);
    expect(fake.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === 61_002)).toHaveLength(0);
  });

  it("keeps no more of a text than a Telegram message can hold", async () => {
    const resident = { id: 61_003 };
    const body = JSON.stringify({ update_id: ++updateId, ...textUpdate(resident, `Waar is een buurthuis? ${"bla ".repeat(20_000)}`) });
    const [first] = await answersTo(resident.id, body);
    expect(first).toBe(texts.tooLong);
    const stored = app.db!.prepare("SELECT text FROM messages WHERE conversation_id = ? AND direction = 'in'").all(`telegram:${resident.id}`) as Array<{ text: string }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.text.length).toBeLessThanOrEqual(4096);
  });
});
