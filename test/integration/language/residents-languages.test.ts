/**
 * Residents who write English, Arabic, Turkish, Polish or Ukrainian, through the real assistant as
 * `npm start` builds it (createApp: real index, listings, safety, SQLite store; no model): the
 * onboarding, a listings question, a "not sure" and a crisis each come in their language, with the
 * Dutch emergency numbers; a short reply keeps the language; Dutch residents get Dutch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { catalog } from "../../../src/core/text-catalog.js";
import type { InboundMessage } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";

let app: App;
let dir: string;
let seq = 0;
// A Tuesday morning in Zeist, so the example listings have something coming up.
const NOW = new Date("2025-03-04T09:00:00Z");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-languages-"));
  app = await createApp(parseConfig({ DATA_DIR: dir }), { logger: createLogger("silent"), now: () => NOW });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function say(conversation: string, text: string, platformLanguage?: string) {
  const inbound: InboundMessage = {
    id: String(++seq),
    channel: "telegram",
    conversationId: `telegram:${conversation}`,
    userId: `telegram:${conversation}`,
    persona: "resident",
    text,
    ...(platformLanguage ? { platformLanguage } : {}),
    receivedAt: NOW,
  };
  return app.assistant.handle(inbound);
}

const RESIDENTS = [
  {
    language: "en",
    listings: "Where can I find Dutch lessons in 3701?",
    unknown: "How long is the waiting list for a rental home?",
    knowledge: "What is informal care?",
    crisis: "I want to kill myself",
  },
    { language: "ar", listings: "أين توجد دروس اللغة الهولندية في 3701؟", unknown: "ما هي عاصمة البيرو؟", knowledge: "ما هو التطوع؟", crisis: "اريد ان اموت" },
  { language: "tr", listings: "3701 yakınında Hollandaca kursu nerede?", unknown: "Peru'nun başkenti neresi?", knowledge: "gönüllülük nedir?", crisis: "ölmek istiyorum artık" },
  { language: "pl", listings: "Gdzie są lekcje niderlandzkiego w 3701?", unknown: "Jaka jest stolica Peru?", knowledge: "Co to jest wolontariat?", crisis: "chcę umrzeć" },
  { language: "uk", listings: "Де є уроки нідерландської мови в 3701?", unknown: "Яка столиця Перу?", knowledge: "Що таке волонтерство?", crisis: "я хочу померти" },
] as const;

describe.each(RESIDENTS)("a resident who writes $language", (resident) => {
  const t = catalog(resident.language);
  const conversation = `lang-${resident.language}`;

  it("gets /start in the language of the app", async () => {
    const result = await say(`${conversation}-start`, "/start", resident.language);
    expect(result.replies[0]!.text).toContain(t.core.welcome[0]);
    expect(result.replies[0]!.text).toContain("112");
    expect(result.replies[0]!.text).not.toContain("Ik help u zoeken");
  });

  it("gets listings with the frame in their language and one line that says the details are Dutch", async () => {
    const result = await say(conversation, resident.listings);
    expect(result.intent).toBe("listings");
    const text = result.replies.map((r) => r.text).join("\n");
    expect(text).toContain(t.listings.inDutch);
    expect(text).toContain(t.listings.when.replace("{when}", "").trim());
    expect(text).not.toContain("Wanneer:");
    expect(result.replies[0]!.language).toBe(resident.language);
  });

  it("keeps their language for a short reply (a postcode after the place question)", async () => {
    const asked = await say(`${conversation}-place`, resident.listings.replace(/\s*(in|w|в|yakınında|في)?\s*3701\S*/u, " "));
    expect(asked.intent).toBe("listings");
    expect(asked.replies[0]!.text).toContain(t.listings.askPlace.slice(0, 12));
    const answered = await say(`${conversation}-place`, "3701");
    expect(answered.replies.map((r) => r.text).join("\n")).toContain(t.listings.inDutch);
  });

  it("is told honestly in their language when the sources do not answer", async () => {
    const result = await say(`${conversation}-unknown`, resident.unknown);
    expect(result.confident).toBe(false);
    expect(result.replies[0]!.text).toBe(t.core.notSure);
    expect(result.replies[0]!.buttons?.map((b) => b.label)).toContain(t.core.buttons.person);
  });

  it("gets a knowledge answer from the Dutch sources, with one line in their language that says they are Dutch", async () => {
    const result = await say(`${conversation}-knowledge`, resident.knowledge);
    expect(result.intent).toBe("answer");
    expect(result.confident).toBe(true);
    expect(result.replies[0]!.text.startsWith(t.core.dutchSources)).toBe(true);
    expect(result.sources.length).toBeGreaterThan(0);
  });

  it("gets the crisis reply in their language, with 113 and 112 first", async () => {
    const result = await say(`${conversation}-crisis`, resident.crisis);
    expect(result.intent).toBe("crisis");
    const first = result.replies[0]!.text;
    expect(first).toContain("0800-0113");
    expect(first).toContain("112");
    // The safety replies (knowledge/safety) in their language: not the Dutch reply's first line.
    const dutch = (await say(`${conversation}-crisis-nl`, "ik wil niet meer leven")).replies[0]!.text;
    expect(first.split("\n")[0]).not.toBe(dutch.split("\n")[0]);
  });
});

describe("Dutch residents", () => {
  const nl = catalog("nl");

  it("get Dutch, also when the app is set to English but they write Dutch", async () => {
    const start = await say("nl-1", "/start");
    expect(start.replies[0]!.text).toContain("Ik help u zoeken");
    const listings = await say("nl-2", "koffie drinken in 3701", "en");
    expect(listings.intent).toBe("listings");
    const text = listings.replies.map((r) => r.text).join("\n");
    expect(text).toContain("Wanneer:");
    expect(text).not.toContain(nl.listings.inDutch);
  });

  it("keep Dutch for 'ok', 'ja', 'dank je', a postcode or a place name", async () => {
    for (const text of ["ok", "ja", "dank je", "3701", "Zeist", "help"]) {
      const result = await say("nl-short", text);
      expect(result.replies.map((r) => r.language ?? "nl"), text).toEqual(result.replies.map(() => "nl"));
    }
  });

  it("can switch: a resident who wrote Arabic and then writes Dutch gets Dutch", async () => {
    const ukrainian = await say("switch", "привіт");
    expect(ukrainian.replies[0]!.text).toBe(catalog("uk").core.smalltalk.greeting);
    const dutch = await say("switch", "Waar kan ik koffie drinken in 3701?");
    expect(dutch.replies[0]!.text).toContain("Wanneer:");
  });
});
