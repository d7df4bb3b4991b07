/**
 * The whole app as `npm start` builds it (createApp + startChannels: real index, safety, listings,
 * SQLite store) with only TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT set, long-polling the fake Bot API.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardMarkup } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi, type RecordedCall } from "../../support/fake-telegram-api.js";
import { callbackUpdate, photoUpdate, textUpdate } from "../../support/telegram-updates.js";

let fake: FakeTelegramApi;
let app: App;
let stop: () => Promise<void>;
let dir: string;
const DAY = 86_400_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function say(chatId: number, update: Parameters<FakeTelegramApi["pushUpdate"]>[0], count = 1): Promise<RecordedCall[]> {
  const mine = () => fake.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === chatId);
  const before = mine().length;
  fake.pushUpdate(update);
  await fake.waitForCalls("sendMessage", before + count, { where: (c) => Number(c.body.chat_id) === chatId, timeoutMs: 20_000 });
  return mine().slice(before);
}

beforeAll(async () => {
  fake = await startFakeTelegramApi({ maxPollSeconds: 5 });
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-telegram-app-"));
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_DIR: dir,
    PORT: String(await freePort()),
  });
  app = await createApp(config, { logger: createLogger("silent") });
  // A conversation from long ago, and one from yesterday: the purge at start keeps only the latter.
  const old = new Date(Date.now() - 100 * DAY);
  await app.store.ensureConversation({ conversationId: "telegram:1", channel: "telegram", userId: "telegram:1" }, old);
  await app.store.appendMessage({ conversationId: "telegram:1", direction: "in", text: "oud bericht", at: old });
  await app.store.appendMessage({ conversationId: "telegram:1", direction: "in", text: "recent bericht", at: new Date(Date.now() - DAY) });
  stop = await startChannels(app);
}, 120_000);

afterAll(async () => {
  await stop?.();
  await app?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Wijkwijzer on Telegram, end to end (createApp + startChannels, long polling)", () => {
  it("purges messages older than RETENTION_DAYS at start", async () => {
    expect((await app.store.recentMessages("telegram:1", 10)).map((m) => m.text)).toEqual(["recent bericht"]);
  });

  it("long-polls and answers /start with the onboarding", async () => {
    const [reply] = await say(801, textUpdate({ id: 801 }, "/start"));
    expect(fake.callsTo("getUpdates").length).toBeGreaterThan(0);
    expect(String(reply!.body.text)).toContain("112");
    expect(reply!.body.parse_mode).toBe("HTML");
  });

  it("answers a knowledge question with numbered sources (links where the corpus has a URL)", async () => {
    const replies = await say(802, textUpdate({ id: 802 }, "Wat is de sociale basis?"));
    const html = replies.map((r) => String(r.body.text)).join("\n");
    expect(html).toContain("<b>Bronnen</b>");
    expect(html).toMatch(/\[1\] (<a href="https?:\/\/[^"]+">)?[^\n]+ — Movisie/);
    const buttons = (replies.at(-1)!.body.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(expect.arrayContaining(["👍", "👎"]));
  });

  it("puts emergency numbers first for a crisis message", async () => {
    const [first] = await say(803, textUpdate({ id: 803 }, "ik wil niet meer leven"));
    const text = String(first!.body.text);
    expect(text).toMatch(/113|112/);
    expect(text.indexOf("113") >= 0 ? text.indexOf("113") : text.indexOf("112")).toBeLessThan(300);
  });

  it("says kindly that it cannot read a photo", async () => {
    const [reply] = await say(804, photoUpdate({ id: 804 }));
    expect(String(reply!.body.text)).toContain("alleen tekst");
  });

  it("/vergeet erases the resident's data after the confirm button", async () => {
    const resident = { id: 805 };
    await say(805, textUpdate(resident, "Wat is de sociale basis?"));
    expect((await app.store.recentMessages("telegram:805", 10)).length).toBeGreaterThan(0);
    const [confirm] = await say(805, textUpdate(resident, "/vergeet"));
    const yes = (confirm!.body.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat()[0] as { callback_data: string };
    const [done] = await say(805, callbackUpdate(resident, yes.callback_data));
    expect(String(done!.body.text)).toContain("gewist");
    expect(await app.store.recentMessages("telegram:805", 10)).toEqual([]);
  });

  it("serves /healthz on PORT", async () => {
    const response = await fetch(`http://127.0.0.1:${app.config.PORT}/healthz`);
    expect(response.status).toBe(200);
  });
});
