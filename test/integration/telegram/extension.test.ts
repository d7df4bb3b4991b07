import { Composer, type Context } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { TelegramExtension } from "../../../src/channels/telegram/telegram-channel.js";
import { groupTextUpdate, textUpdate } from "../../support/telegram-updates.js";
import { startHarness, textOf, type Harness } from "./telegram-harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const STAFF_CHAT = -100_777;

describe("Telegram extensions (how the handoff module adds the staff forum)", () => {
  it("runs extension middleware first, leaves the staff chat to it, and lets it use the sender", async () => {
    const seen: number[] = [];
    const staffDesk: TelegramExtension = ({ sender }) => {
      const composer = new Composer<Context>();
      composer.chatType("supergroup").on("message:text", async (ctx, next) => {
        if (ctx.chat.id !== STAFF_CHAT || !ctx.message.text.startsWith("Ik neem")) return next();
        seen.push(ctx.update.update_id);
        await sender.send("telegram:701", { text: `Van de sociaal werker: ${ctx.message.text}` });
      });
      return composer;
    };
    h = await startHarness({ env: { TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT) }, extensions: [staffDesk] });

    // Not a mention, in the staff chat: the extension handles it; the resident flow stays out.
    const id = h.fake.pushUpdate(groupTextUpdate({ id: 42 }, "Ik neem dit gesprek over.", { chatId: STAFF_CHAT }));
    const [relayed] = await h.fake.waitForCalls("sendMessage", 1, { where: (c) => Number(c.body.chat_id) === 701 });
    expect(textOf(relayed!)).toBe("Van de sociaal werker: Ik neem dit gesprek over.");
    expect(seen).toEqual([id]);

    // A mention the desk passes on still never reaches the resident assistant.
    h.fake.pushUpdate(groupTextUpdate({ id: 42 }, "wat is de sociale basis?", { chatId: STAFF_CHAT, mention: true }));
    h.fake.pushUpdate(textUpdate({ id: 702 }, "/help"));
    await h.fake.waitForCalls("sendMessage", 1, { where: (c) => Number(c.body.chat_id) === 702 });
    await h.channel.stop();
    expect(h.sentTo(STAFF_CHAT)).toEqual([]);
    expect(seen).toHaveLength(1); // the desk passed the mention on; the resident flow ignored it
    expect(await h.store.recentMessages(`telegram:${STAFF_CHAT}`, 5)).toEqual([]);
  });
});
