/**
 * Bot API outages over real HTTP (real grammY against the fake Bot API, webhook mode): replies retry
 * a bounded number of times, then wait per chat until Telegram answers again; after a long outage
 * the resident gets one short apology; one chat's trouble holds up no other chat; the moment the
 * Bot API answers again, waiting chats are served without waiting out their backoff.
 */
import { afterEach, describe, expect, it } from "vitest";
import { telegramTexts } from "../../../src/channels/telegram/telegram-texts.js";
import type { RecordedCall } from "../../support/fake-telegram-api.js";
import { textUpdate } from "../../support/telegram-updates.js";
import { startHarness, textOf, type Harness } from "./telegram-harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const delivered = (chatId: number) => (c: RecordedCall) => c.result !== undefined && Number(c.body.chat_id) === chatId;
let updateId = 90_000;
/** Quick in-call retries: these tests are about what happens once they are used up. */
const FAST = { baseDelayMs: 10, maxDelayMs: 40 };
const ask = (chatId: number, text: string) => h!.postUpdate({ update_id: ++updateId, ...textUpdate({ id: chatId }, text) });

describe("Telegram outages", () => {
  it("sustained 500s: every one of 10 chats gets its answer once Telegram recovers", async () => {
    h = await startHarness({ webhook: true, bot: { replyRetry: FAST, lanes: { retryBaseMs: 50, retryMaxMs: 200 } } });
    h.fake.fail("sendMessage", { status: 500, times: 80 });
    const chats = Array.from({ length: 10 }, (_, i) => 71_000 + i);
    for (const chat of chats) expect((await ask(chat, "Wat is de sociale basis?")).status).toBe(200);
    for (const chat of chats) {
      const [answer] = await h.fake.waitForCalls("sendMessage", 1, { where: delivered(chat), timeoutMs: 20_000 });
      expect(textOf(answer!)).toContain("De sociale basis is alles wat mensen dichtbij huis helpt.");
    }
    // Failed tries were many; each chat got its answer exactly once.
    expect(h.fake.callsTo("sendMessage").filter((c) => c.result === undefined).length).toBe(80);
    for (const chat of chats) expect(h.fake.callsTo("sendMessage").filter(delivered(chat))).toHaveLength(1);
  });

  it("after a long outage the resident gets one short apology, not silence and not a pile of old answers", async () => {
    h = await startHarness({ webhook: true, bot: { replyRetry: FAST, lanes: { retryBaseMs: 50, retryMaxMs: 100, staleAfterMs: 0 } } });
    h.fake.fail("sendMessage", { status: 502, times: 30 });
    const chat = 72_000;
    await ask(chat, "Wat is de sociale basis?");
    await ask(chat, "Hoe werkt de buurt?");
    const [first] = await h.fake.waitForCalls("sendMessage", 1, { where: delivered(chat), timeoutMs: 20_000 });
    expect(textOf(first!)).toBe(telegramTexts.lateApology);
    // Once recovered, a new question is answered as usual, and the apology was the only late message.
    await ask(chat, "Wat is de sociale basis?");
    const calls = await h.fake.waitForCalls("sendMessage", 2, { where: delivered(chat) });
    expect(calls.map(textOf)[1]).toContain("De sociale basis");
    expect(calls.map(textOf).filter((t) => t === telegramTexts.lateApology)).toHaveLength(1);
  });

  it("one chat's trouble blocks no other chat, and its backoff resets when Telegram answers again", async () => {
    // A long backoff for parked lanes: only the reset on recovery can deliver within the wait below.
    h = await startHarness({ webhook: true, bot: { replyRetry: FAST, lanes: { retryBaseMs: 30_000, retryMaxMs: 60_000 } } });
    const troubled = 73_000;
    const other = 73_001;
    h.fake.fail("sendMessage", { status: 500, times: 10_000, where: (body) => Number(body.chat_id) === troubled });
    await ask(troubled, "Wat is de sociale basis?");
    await h.fake.waitForCalls("sendMessage", 4, { where: (c) => Number(c.body.chat_id) === troubled && c.result === undefined });
    await ask(other, "Wat is de sociale basis?");
    await h.fake.waitForCalls("sendMessage", 1, { where: delivered(other) });
    expect(h.fake.callsTo("sendMessage").filter(delivered(troubled))).toHaveLength(0);

    h.fake.clearFailures("sendMessage");
    await ask(other, "Hoe werkt de buurt?");
    const [late] = await h.fake.waitForCalls("sendMessage", 1, { where: delivered(troubled), timeoutMs: 8000 });
    expect(textOf(late!)).toContain("De sociale basis is alles wat mensen dichtbij huis helpt.");
  });
});
