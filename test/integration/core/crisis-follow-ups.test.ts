/**
 * After a crisis reply (113), what the resident says about the numbers ("ik durf niet te bellen",
 * "wat moet ik zeggen?", "is dat gratis?", "dank je, ik bel") through the whole app as `npm start`
 * builds it: an answer to that, in their language, with 113 still in it; and the short numbers
 * again are never said word for word twice in a row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import type { AssistantReply } from "../../../src/core/types.js";

let dir: string;
let app: App;
let clock = new Date("2026-03-03T10:00:00+01:00").getTime();
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-crisis-follow-"));
  const config = parseConfig({ DATA_DIR: dir });
  const logger = createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() }));
  app = await createApp(config, { logger, now: () => new Date(clock) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One conversation: each call is the next message, a minute later. */
function conversation() {
  const id = `telegram:cf${++n}`;
  return async (text: string): Promise<{ reply: AssistantReply; text: string }> => {
    clock += 60_000;
    const reply = await app.assistant.handle({
      id: `m${++n}`,
      channel: "telegram",
      conversationId: id,
      userId: id,
      persona: "resident",
      text,
      receivedAt: new Date(clock),
    });
    return { reply, text: reply.replies.map((r) => r.text).join("\n") };
  };
}

const NUMBERS = ["113", "0800-0113"];
const carriesNumbers = (text: string) => NUMBERS.every((number) => text.includes(number));

describe("follow-ups after a crisis reply", () => {
  it("Dutch: afraid to call, what to say, free and anonymous, thanks: each its own answer, all with 113", async () => {
    const say = conversation();
    expect((await say("ik wil niet meer leven")).reply.intent).toBe("crisis");
    const seen = new Set<string>();
    const steps: Array<[string, RegExp]> = [
      ["ik durf echt niet te bellen", /chat.*113\.nl/i],
      ["en wat moet ik dan zeggen?", /ik denk aan zelfmoord/i],
      ["is dat gratis? weten ze wie ik ben?", /gratis.*naam|naam.*gratis/is],
      ["dank je, ik bel ze zo", /ik ben er/i],
    ];
    for (const [message, expected] of steps) {
      const { reply, text } = await say(message);
      expect(reply.intent, message).toBe("crisis");
      expect(text, message).toMatch(expected);
      expect(carriesNumbers(text), message).toBe(true);
      // A person can always be asked for.
      expect(reply.replies[0]?.buttons?.length ?? 0, message).toBeGreaterThan(0);
      expect(seen.has(text), message).toBe(false);
      seen.add(text);
    }
  });

  it("other wordings: can't talk, who answers, police, no credit", async () => {
    const say = conversation();
    await say("ik wil dood");
    expect((await say("ik heb geen beltegoed")).text).toMatch(/113\.nl/);
    expect((await say("wie neemt er op als ik bel")).text).toMatch(/opgeleid/);
    expect((await say("sturen ze dan de politie?")).text).toMatch(/naam/);
  });

  it("English, Turkish and Arabic follow-ups are answered in that language", async () => {
    const en = conversation();
    await en("I want to kill myself");
    expect((await en("I'm too scared to call")).text).toMatch(/chat at 113\.nl/);
    expect((await en("what do I even say to them?")).text).toMatch(/I am thinking about suicide/);
    expect((await en("is it anonymous?")).text).toMatch(/your name/);

    const tr = conversation();
    await tr("kendimi öldürmek istiyorum");
    const trAfraid = (await tr("aramaya korkuyorum")).text;
    expect(trAfraid).toMatch(/113\.nl'de sohbet/);
    expect(carriesNumbers(trAfraid)).toBe(true);
    expect((await tr("ücretsiz mi?")).text).toMatch(/ücretsiz/);

    const ar = conversation();
    await ar("أريد أن أنتحر");
    const arWhat = (await ar("ماذا أقول لهم؟")).text;
    expect(arWhat).toMatch(/أفكر في الانتحار/);
    expect(carriesNumbers(arWhat)).toBe(true);
  });

  it("the short numbers again are never the same text twice in a row", async () => {
    const say = conversation();
    await say("ik wil niet meer leven");
    const texts: string[] = [];
    for (const message of ["en nu?", "en nu?", "en nu?"]) {
      const { reply, text } = await say(message);
      expect(reply.intent).toBe("crisis");
      expect(carriesNumbers(text)).toBe(true);
      texts.push(text);
    }
    expect(texts[1]).not.toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[1]);
  });

  it("the same follow-up twice is not answered with the identical text", async () => {
    const say = conversation();
    await say("ik wil dood");
    const once = (await say("ik durf niet te bellen")).text;
    const twice = (await say("ik durf niet te bellen")).text;
    expect(twice).not.toBe(once);
    expect(carriesNumbers(twice)).toBe(true);
  });

  it("acute danger in the window still gets the whole 112 text", async () => {
    const say = conversation();
    await say("ik wil niet meer leven");
    await say("ik durf niet te bellen");
    const { reply, text } = await say("mijn buurman ligt op de grond en ademt niet");
    expect(reply.intent).toBe("crisis");
    expect(text.startsWith("Bel nu 112")).toBe(true);
  });

  it("outside the crisis window the same words are not read as a follow-up", async () => {
    const say = conversation();
    await say("ik wil niet meer leven");
    clock += 45 * 60_000;
    const { text } = await say("is dat gratis?");
    expect(text).not.toMatch(/U hoeft uw naam niet te zeggen/);
  });
});
