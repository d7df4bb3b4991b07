import { afterEach, describe, expect, it } from "vitest";
import type { InlineKeyboardMarkup } from "grammy/types";
import { startTelegram } from "../../../src/channels/telegram/telegram-channel.js";
import { parseConfig } from "../../../src/config/config.js";
import { createHttpServer } from "../../../src/http/server.js";
import { createLogger } from "../../../src/log/logger.js";
import {
  callbackUpdate,
  documentUpdate,
  editedTextUpdate,
  groupTextUpdate,
  locationUpdate,
  photoUpdate,
  stickerUpdate,
  textUpdate,
  videoUpdate,
  voiceUpdate,
} from "../../support/telegram-updates.js";
import { startHarness, textOf, type Harness } from "./telegram-harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Pushes an update and waits until `count` more messages went to the chat. */
async function say(harness: Harness, chatId: number, update: Parameters<Harness["fake"]["pushUpdate"]>[0], count = 1) {
  const before = harness.sentTo(chatId).length;
  harness.fake.pushUpdate(update);
  await harness.fake.waitForCalls("sendMessage", before + count, { where: (c) => Number(c.body.chat_id) === chatId });
  return harness.sentTo(chatId).slice(before);
}

describe("Telegram over long polling (real grammY against the fake Bot API)", () => {
  it("registers the Dutch command menu and long-polls getUpdates", async () => {
    h = await startHarness();
    const [commands] = h.fake.callsTo("setMyCommands");
    expect((commands!.body.commands as Array<{ command: string }>).map((c) => c.command)).toEqual(["start", "help", "mens", "vergeet", "privacy", "bronnen"]);
    expect(JSON.stringify(commands!.body)).toContain("Wis alles wat ik van u weet");
    expect(h.fake.callsTo("deleteWebhook")).toHaveLength(1);
    await h.fake.waitForCalls("getUpdates", 1);
    expect(Number(h.fake.callsTo("getUpdates")[0]!.body.timeout)).toBeGreaterThan(0);
  });

  it("answers /start with onboarding in HTML and records the conversation", async () => {
    h = await startHarness();
    const [reply] = await say(h, 501, textUpdate({ id: 501 }, "/start"));
    expect(reply!.body.parse_mode).toBe("HTML");
    expect(textOf(reply!)).toContain("Wijkwijzer");
    expect(textOf(reply!)).toContain("112");
    expect(textOf(reply!)).toContain("/vergeet");
    const stored = await h.store.recentMessages("telegram:501", 10);
    expect(stored.map((m) => m.direction)).toEqual(["in", "out"]);
    expect(stored[0]!.text).toBe("/start");
  });

  it("shows 'typing…' while a slow answer is being prepared", async () => {
    h = await startHarness();
    const [reply] = await say(h, 520, textUpdate({ id: 520 }, "Wat is de sociale basis? (langzaam)"));
    const typing = h.fake.callsTo("sendChatAction").find((c) => Number(c.body.chat_id) === 520);
    expect(typing?.body.action).toBe("typing");
    expect(h.fake.calls.indexOf(typing!)).toBeLessThan(h.fake.calls.indexOf(reply!));
  });

  it("answers a knowledge question with escaped text, source links and feedback buttons", async () => {
    h = await startHarness();
    const update = textUpdate({ id: 502 }, "Wat is de <sociale basis> & zo?");
    const messageId = (update.message as { message_id: number }).message_id;
    const [reply] = await say(h, 502, update);
    const html = textOf(reply!);
    expect(html).toContain("U vroeg: Wat is de &lt;sociale basis&gt; &amp; zo?");
    expect(html).toContain('<a href="https://www.movisie.nl/sociale-basis?x=1&amp;y=2">Buurt &amp; &lt;Wijk&gt;: de sociale basis</a> — Movisie, 2023');
    const keyboard = reply!.body.reply_markup as InlineKeyboardMarkup;
    expect(keyboard.inline_keyboard.flat().map((b) => "callback_data" in b && b.callback_data)).toEqual([
      `feedback_up:${messageId}`,
      `feedback_down:${messageId}`,
      "handoff_request",
    ]);
  });

  it("stores 👍 feedback, answers the callback query and removes the feedback buttons", async () => {
    h = await startHarness();
    const [answer] = await say(h, 503, textUpdate({ id: 503 }, "Wat is de sociale basis?"));
    const markup = answer!.body.reply_markup as InlineKeyboardMarkup;
    const up = markup.inline_keyboard[0]![0]! as { callback_data: string };
    const [thanks] = await say(h, 503, callbackUpdate({ id: 503 }, up.callback_data, { message_id: 4242, reply_markup: markup }));
    expect(textOf(thanks!)).toContain("Dank u");
    expect(h.fake.callsTo("answerCallbackQuery")).toHaveLength(1);
    const feedback = h.db.prepare("SELECT conversation_id, value FROM feedback").all();
    expect(feedback).toEqual([{ conversation_id: "telegram:503", value: "up" }]);
    const [edit] = await h.fake.waitForCalls("editMessageReplyMarkup", 1);
    expect(edit!.body.message_id).toBe(4242);
    expect(edit!.body.reply_markup).toEqual({ inline_keyboard: [[{ text: "Praat met een mens", callback_data: "handoff_request" }]] });
  });

  it("says kindly what it can read for photos, voice notes, stickers, documents and videos", async () => {
    h = await startHarness();
    for (const update of [photoUpdate({ id: 504 }), voiceUpdate({ id: 504 }), stickerUpdate({ id: 504 }), documentUpdate({ id: 504 }), videoUpdate({ id: 504 })]) {
      const [reply] = await say(h, 504, update);
      expect(textOf(reply!)).toContain("alleen tekst lezen");
    }
  });

  it("offers the share-location keyboard, keeps a shared location and uses it for 'near me'", async () => {
    h = await startHarness();
    const [ask] = await say(h, 505, textUpdate({ id: 505 }, "koffie drinken bij mij in de buurt"));
    expect(ask!.body.reply_markup).toMatchObject({ keyboard: [[{ text: "📍 Deel mijn locatie", request_location: true }]] });
    const [saved] = await say(h, 505, locationUpdate({ id: 505 }, 52.0894, 5.2323));
    expect(saved!.body.reply_markup).toEqual({ remove_keyboard: true });
    expect((await h.store.getState("telegram:505")).location).toEqual({ lat: 52.0894, lon: 5.2323 });
    const [near] = await say(h, 505, textUpdate({ id: 505 }, "koffie drinken bij mij in de buurt"));
    expect(textOf(near!)).toContain("(52.09, 5.23)");
  });

  it("handles an edited message as new text", async () => {
    h = await startHarness();
    const [reply] = await say(h, 506, editedTextUpdate({ id: 506 }, 77, "Wat is de sociale basis?"));
    expect(textOf(reply!)).toContain("U vroeg: Wat is de sociale basis?");
  });

  it("in a group answers only when mentioned or replied to", async () => {
    h = await startHarness();
    const group = -100_555;
    h.fake.pushUpdate(groupTextUpdate({ id: 1 }, "wat is de sociale basis?", { chatId: group }));
    const [mentioned] = await say(h, group, groupTextUpdate({ id: 2 }, "wat is de sociale basis?", { chatId: group, mention: true }));
    expect(textOf(mentioned!)).toContain("U vroeg: wat is de sociale basis?");
    expect(mentioned!.body.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    const [replied] = await say(h, group, groupTextUpdate({ id: 3 }, "hoi", { chatId: group, replyToBotMessageId: 123 }));
    expect(h.sentTo(group)).toHaveLength(2); // the unaddressed message got nothing (same chat, handled in order)
    expect(textOf(replied!)).not.toBe("");
  });

  it("limits a resident to RATE_LIMIT_PER_MINUTE messages with one polite reply", async () => {
    h = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    for (let i = 0; i < 6; i++) h.fake.pushUpdate(textUpdate({ id: 507 }, "hallo"));
    await h.fake.waitForCalls("sendMessage", 4, { where: (c) => Number(c.body.chat_id) === 507 });
    const [other] = await say(h, 508, textUpdate({ id: 508 }, "hallo"));
    expect(textOf(other!)).toContain("Hallo"); // another resident is not limited
    await h.channel.stop(); // waits for every queued update
    const texts = h.sentTo(507).map(textOf);
    expect(texts).toHaveLength(4);
    expect(texts.filter((t) => t.includes("veel berichten"))).toHaveLength(1);
    expect(texts[3]).toContain("Wacht even");
  });

  it("retries sendMessage after 429 (retry_after) and after a 500", async () => {
    h = await startHarness();
    h.fake.fail("sendMessage", { status: 429, times: 1, retryAfter: 1 });
    const [afterLimit] = await say(h, 509, textUpdate({ id: 509 }, "/help"), 2);
    expect(afterLimit!.body.text).toEqual(h.sentTo(509)[1]!.body.text); // the same message, sent again
    h.fake.fail("sendMessage", { status: 500, times: 1 });
    const replies = await say(h, 509, textUpdate({ id: 509 }, "/privacy"), 2);
    expect(textOf(replies[1]!)).toContain("Wat bewaar ik?");
  });

  it("retries sendMessage after a dropped connection and after a proxy's HTML error page", async () => {
    h = await startHarness();
    h.fake.fail("sendMessage", { status: 500, times: 1, mode: "reset" });
    const afterReset = await say(h, 519, textUpdate({ id: 519 }, "/help"), 2);
    expect(afterReset[1]!.body.text).toEqual(afterReset[0]!.body.text); // the same message, sent again
    h.fake.fail("sendMessage", { status: 502, times: 1, mode: "html" });
    const afterProxy = await say(h, 519, textUpdate({ id: 519 }, "/privacy"), 2);
    expect(textOf(afterProxy[1]!)).toContain("Wat bewaar ik?");
    expect(h.sentTo(519)).toHaveLength(4);
  });

  it("falls back to plain text when Telegram cannot parse the HTML", async () => {
    h = await startHarness();
    h.fake.fail("sendMessage", { status: 400, times: 1, description: "Bad Request: can't parse entities: unexpected end tag" });
    const [rejected, plain] = await say(h, 516, textUpdate({ id: 516 }, "Wat is de sociale basis?"), 2);
    expect(rejected!.body.parse_mode).toBe("HTML");
    expect(plain!.body.parse_mode).toBeUndefined();
    expect(textOf(plain!)).toContain("[1] Buurt & <Wijk>: de sociale basis — Movisie, 2023 (https://www.movisie.nl/sociale-basis?x=1&y=2)");
  });

  it("refuses to start with a token Telegram does not accept, saying which variable to check", async () => {
    h = await startHarness();
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "999:wrong-token", TELEGRAM_API_ROOT: h.fake.apiRoot });
    const deps = { config, assistant: { handle: async () => ({ intent: "answer" as const, replies: [], sources: [], confident: true }) }, store: h.store, http: createHttpServer(), logger: createLogger("silent"), now: () => new Date() };
    await expect(startTelegram(deps)).rejects.toThrow(/TELEGRAM_BOT_TOKEN.*401/);
  });

  it("answers text over 4000 characters instead of crashing", async () => {
    h = await startHarness();
    const long = `Wat is de sociale basis? ${"bla ".repeat(1100)}`;
    expect(long.length).toBeGreaterThan(4000);
    const replies = await say(h, 510, textUpdate({ id: 510 }, long), 2);
    expect(textOf(replies[0]!)).toContain("erg lang");
    expect(textOf(replies[1]!)).toContain("sociale basis");
  });

  it("splits a long answer into parts under 4096 characters at paragraph boundaries", async () => {
    h = await startHarness();
    h.fake.pushUpdate(textUpdate({ id: 511 }, "Geef een lang antwoord over de buurt"));
    const parts = await h.fake.waitForCalls("sendMessage", 2, { where: (c) => Number(c.body.chat_id) === 511 });
    for (const part of parts) {
      expect(textOf(part).length).toBeLessThanOrEqual(4096);
      expect(textOf(part)).toMatch(/^Deel \d\./);
    }
  });

  it("/vergeet asks first, then erases messages, location and feedback", async () => {
    h = await startHarness();
    const fatima = { id: 512 };
    await say(h, 512, locationUpdate(fatima, 52.1, 5.2));
    const [answer] = await say(h, 512, textUpdate(fatima, "Wat is de sociale basis?"));
    const markup = answer!.body.reply_markup as InlineKeyboardMarkup;
    await say(h, 512, callbackUpdate(fatima, (markup.inline_keyboard[0]![1] as { callback_data: string }).callback_data));
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM feedback").get()).toEqual({ n: 1 });

    const [confirm] = await say(h, 512, textUpdate(fatima, "/vergeet"));
    const buttons = (confirm!.body.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat() as Array<{ callback_data: string }>;
    expect(buttons.map((b) => b.callback_data)).toEqual(["forget_confirm", "forget_cancel"]);
    const [done] = await say(h, 512, callbackUpdate(fatima, "forget_confirm", { message_id: 9, reply_markup: confirm!.body.reply_markup }));
    expect(textOf(done!)).toContain("alles gewist");
    expect(await h.store.recentMessages("telegram:512", 50)).toEqual([]);
    expect(await h.store.getState("telegram:512")).toEqual({});
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM feedback").get()).toEqual({ n: 0 });
    const [edit] = await h.fake.waitForCalls("editMessageReplyMarkup", 1, { where: (c) => c.body.message_id === 9 });
    expect(edit!.body.reply_markup).toEqual({ inline_keyboard: [] });
  });

  it("turns a failure into a short apology with a person button, never internals, logged without the token", async () => {
    h = await startHarness({
      assistant: () => ({
        async handle() {
          throw new Error(`database exploded at /srv/secret.db with bot${"123456:TEST-fake-token_abcdefghijklmnop"}`);
        },
      }),
    });
    const [apology] = await say(h, 513, textUpdate({ id: 513 }, "Wat is de sociale basis?"));
    expect(textOf(apology!)).toContain("Sorry, er ging iets mis");
    expect(textOf(apology!)).not.toMatch(/exploded|secret|Error/);
    expect(apology!.body.reply_markup).toEqual({ inline_keyboard: [[{ text: "Praat met een mens", callback_data: "handoff_request" }]] });
    const logged = h.logs.join("");
    expect(logged).toContain("handling a Telegram update failed");
    expect(logged).not.toContain(h.fake.token);
    expect(logged).not.toContain("Wat is de sociale basis");
  });

  it("gives a sender that pushes messages and throws when Telegram refuses", async () => {
    h = await startHarness();
    await h.channel.sender.send("telegram:514", { text: "Een sociaal werker <Anna> reageert zo." });
    const [pushed] = await h.fake.waitForCalls("sendMessage", 1, { where: (c) => Number(c.body.chat_id) === 514 });
    expect(textOf(pushed!)).toBe("Een sociaal werker &lt;Anna&gt; reageert zo.");
    h.fake.fail("sendMessage", { status: 403, times: 1, description: "Forbidden: bot was blocked by the user" });
    await expect(h.channel.sender.send("telegram:514", { text: "hallo" })).rejects.toThrow(/blocked/);
    await expect(h.channel.sender.send("slack:C1", { text: "hallo" })).rejects.toThrow(/not a Telegram conversation/);
    // The caller (handoff outbox) retries itself: a rate limit comes back at once, with retry_after.
    h.fake.fail("sendMessage", { status: 429, times: 1, retryAfter: 30 });
    await expect(h.channel.sender.send("telegram:514", { text: "hallo" })).rejects.toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 30, detail: "telegram:429" });
  });

  it("stops cleanly: polling ends and the offset of handled updates is confirmed", async () => {
    h = await startHarness();
    const id = h.fake.pushUpdate(textUpdate({ id: 515 }, "/help"));
    await h.fake.waitForCalls("sendMessage", 1);
    await h.channel.stop();
    const polls = h.fake.callsTo("getUpdates");
    expect(Number(polls.at(-1)!.body.offset)).toBe(id + 1);
    expect(h.fake.pendingUpdates()).toEqual([]);
    const count = polls.length;
    h.fake.pushUpdate(textUpdate({ id: 515 }, "/help"));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsTo("getUpdates")).toHaveLength(count);
  });
});
