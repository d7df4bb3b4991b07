/**
 * Residents in their own language on Telegram, end to end over real HTTP: the whole app as
 * `npm start` builds it (createApp + startChannels) long-polling the fake Bot API. An English,
 * Arabic, Turkish, Polish and Ukrainian resident each get /start (by their app's language), a
 * listings answer (frame and keyboard in their language, listings in Dutch), a "not sure" and a
 * crisis reply with 112/113; the command menu is registered per language; Dutch stays Dutch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { catalog } from "../../../src/core/text-catalog.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi, type RecordedCall } from "../../support/fake-telegram-api.js";
import { textUpdate, type Person } from "../../support/telegram-updates.js";

let fake: FakeTelegramApi;
let app: App;
let stop: () => Promise<void>;
let dir: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function say(from: Person, text: string, count = 1): Promise<RecordedCall[]> {
  const mine = () => fake.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === from.id);
  const before = mine().length;
  fake.pushUpdate(textUpdate(from, text));
  await fake.waitForCalls("sendMessage", before + count, { where: (c) => Number(c.body.chat_id) === from.id, timeoutMs: 20_000 });
  return mine().slice(before);
}

const html = (calls: RecordedCall[]) => calls.map((c) => String(c.body.text)).join("\n");
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

beforeAll(async () => {
  fake = await startFakeTelegramApi({ maxPollSeconds: 5 });
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-telegram-languages-"));
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dir, PORT: String(await freePort()) });
  app = await createApp(config, { logger: createLogger("silent") });
  stop = await startChannels(app);
}, 120_000);

afterAll(async () => {
  await stop?.();
  await app?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const RESIDENTS = [
  { id: 9101, language: "en", listings: "Dutch lessons", unknown: "How long is the waiting list for a rental home?", crisis: "I want to kill myself" },
  { id: 9102, language: "ar", listings: "دروس اللغة الهولندية", unknown: "ما هي عاصمة البيرو؟", crisis: "اريد ان اموت" },
  { id: 9103, language: "tr", listings: "Türkçe kurs", unknown: "Peru'nun başkenti neresi?", crisis: "ölmek istiyorum" },
  { id: 9104, language: "pl", listings: "lekcje niderlandzkiego", unknown: "Jaka jest stolica Peru?", crisis: "chcę umrzeć" },
  { id: 9105, language: "uk", listings: "уроки нідерландської", unknown: "Яка столиця Перу?", crisis: "хочу померти" },
] as const;

describe("the command menu", () => {
  it("is registered in Dutch and in each language there are texts for", () => {
    const calls = fake.callsTo("setMyCommands");
    const byLanguage = new Map(calls.map((c) => [String(c.body.language_code ?? "nl"), c.body.commands as Array<{ command: string; description: string }>]));
    for (const language of ["nl", "en", "ar", "tr", "pl", "uk"]) {
      const commands = byLanguage.get(language);
      expect(commands?.map((c) => c.command), language).toEqual(["start", "help", "mens", "vergeet", "privacy", "bronnen"]);
      expect(commands?.[0]?.description).toBe(catalog(language).telegram.commands.start);
    }
  });
});

describe.each(RESIDENTS)("a resident on Telegram who writes $language", (resident) => {
  const t = catalog(resident.language);
  const from: Person = { id: resident.id, firstName: "Sam", languageCode: resident.language };

  it("gets /start in the language of their app", async () => {
    const text = unescape(html(await say(from, "/start")));
    expect(text).toContain(t.core.welcome[0]);
    expect(text).toContain("112");
  });

  it("is asked for a place in their language, with the location button labelled in it, then gets listings and the check-in offer", async () => {
    const asked = await say(from, resident.listings);
    expect(unescape(html(asked))).toContain(t.listings.askPlace.slice(0, 10));
    const keyboard = asked.find((c) => (c.body.reply_markup as ReplyKeyboardMarkup | undefined)?.keyboard)?.body.reply_markup as ReplyKeyboardMarkup;
    const button = keyboard.keyboard[0]![0]!;
    expect(typeof button === "string" ? button : button.text).toBe(t.telegram.shareLocation);
    // The listings, then the offer to ask later how it went, both in their language.
    const calls = await say(from, "3701", 2);
    const found = unescape(html(calls));
    expect(found).toContain(t.listings.inDutch);
    expect(found).toContain(t.listings.when.replace("{when}", "").trim());
    const labels = calls.flatMap((c) => (c.body.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard?.flat() ?? []).map((b) => b.text);
    expect(labels).toContain(t.checkIn.offerYes);
  });

  it("gets an honest 'not sure' in their language, with the person button in it", async () => {
    const [reply] = await say(from, resident.unknown);
    expect(unescape(String(reply!.body.text))).toBe(t.core.notSure);
    const buttons = (reply!.body.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toContain(t.core.buttons.person);
  });

  it("gets the crisis reply first, in their language, with 113 and 112", async () => {
    const [first] = await say(from, resident.crisis);
    const text = unescape(String(first!.body.text));
    // The safety replies (knowledge/safety) in their language: not the Dutch reply's first line.
    const dutch = unescape(String((await say({ id: from.id + 50 }, "ik wil niet meer leven"))[0]!.body.text));
    expect(text.split("\n")[0]).not.toBe(dutch.split("\n")[0]);
    expect(text).toContain("0800-0113");
    expect(text).toContain("112");
  });
});

describe("a Dutch resident with an English phone", () => {
  it("gets Dutch as soon as they write Dutch", async () => {
    const from: Person = { id: 9110, languageCode: "en" };
    const text = unescape(html(await say(from, "Waar kan ik koffie drinken in 3701?")));
    expect(text).toContain("Wanneer:");
    expect(text).not.toContain(catalog("en").listings.inDutch);
  });
});
