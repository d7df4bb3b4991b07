/**
 * /vergeet in a group, over the webhook with the real core: each member has their own conversation
 * in the group, so the sender's own messages (and the bot's answers to them) are erased and nobody
 * else's; the texts say exactly that.
 */
import { afterEach, describe, expect, it } from "vitest";
import { texts } from "../../../src/core/texts.js";
import { FAKE_BOT_INFO } from "../../support/fake-telegram-api.js";
import { groupTextUpdate } from "../../support/telegram-updates.js";
import { startHarness, textOf, type Harness } from "./telegram-harness.js";

const GROUP = -100_555;
const AMIRA = { id: 5101, firstName: "Amira" };
const BRAM = { id: 5102, firstName: "Bram" };
let h: Harness | undefined;
let updateId = 95_000;
let messageId = 1;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

function command(from: { id: number; firstName: string }, name: string) {
  const text = `/${name}@${FAKE_BOT_INFO.username}`;
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: GROUP, type: "supergroup", title: "Buurtgroep" },
      from: { id: from.id, is_bot: false, first_name: from.firstName },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.length }],
    },
  };
}

function press(from: { id: number; firstName: string }, data: string) {
  return {
    update_id: ++updateId,
    callback_query: {
      id: `cbq-group-${updateId}`,
      from: { id: from.id, is_bot: false, first_name: from.firstName },
      chat_instance: "ci-group",
      data,
      message: {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: GROUP, type: "supergroup", title: "Buurtgroep" },
        from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: FAKE_BOT_INFO.first_name, username: FAKE_BOT_INFO.username },
        text: "…",
      },
    },
  };
}

async function answered(count: number) {
  return h!.fake.waitForCalls("sendMessage", count, { where: (c) => Number(c.body.chat_id) === GROUP });
}

const rowsOf = (userId: number) =>
  (h!.db.prepare("SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.user_id = ?").all(`telegram:${userId}`) as Array<{ text: string }>).map((r) => r.text);

describe("/vergeet in a group", () => {
  it("erases the sender's own messages only, and says so", async () => {
    h = await startHarness({ webhook: true });
    // Amira speaks first: keyed by the chat alone, the group's conversation used to be hers.
    await h.postUpdate({ update_id: ++updateId, ...groupTextUpdate(AMIRA, "wat is de sociale basis?", { chatId: GROUP, mention: true }) });
    await answered(1);
    await h.postUpdate({ update_id: ++updateId, ...groupTextUpdate(BRAM, "en de buurt, wat doet die?", { chatId: GROUP, mention: true }) });
    await answered(2);
    expect(rowsOf(AMIRA.id).length).toBeGreaterThan(0);
    expect(rowsOf(BRAM.id).length).toBeGreaterThan(0);

    await h.postUpdate(command(BRAM, "vergeet"));
    const [, , confirm] = await answered(3);
    expect(textOf(confirm!)).toBe(texts.forgetConfirmGroup);
    await h.postUpdate(press(BRAM, "forget_confirm"));
    const [, , , done] = await answered(4);
    expect(textOf(done!)).toBe(texts.forgetDoneGroup);

    expect(rowsOf(BRAM.id)).toEqual([]);
    expect(rowsOf(AMIRA.id).some((t) => t.includes("wat is de sociale basis?"))).toBe(true);

    // Now the first speaker: her messages go, and only hers.
    await h.postUpdate({ update_id: ++updateId, ...groupTextUpdate(BRAM, "wat is de sociale basis?", { chatId: GROUP, mention: true }) });
    await answered(5);
    await h.postUpdate(press(AMIRA, "forget_confirm"));
    await answered(6);
    expect(rowsOf(AMIRA.id)).toEqual([]);
    expect(rowsOf(BRAM.id).some((t) => t.includes("wat is de sociale basis?"))).toBe(true);
  });
});
