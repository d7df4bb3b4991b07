/**
 * Acceptance: the same take-over with a Telegram staff forum group instead of Slack (both sides
 * on the fake Bot API, long polling), and the office-hours message outside office hours.
 */
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../support/fake-telegram-api.js";
import { FAKE_BOT_INFO } from "../../support/fake-telegram-api.js";
import { eventually, SATURDAY_20, STAFF_CHAT, startHandoffApp, type HandoffApp } from "./handoff-app.js";

let h: HandoffApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const AHMED = { id: 4242, first_name: "Ahmed Bakker" };
const staffChat = { id: STAFF_CHAT, type: "supergroup", title: "Sociaal werkers", is_forum: true };
let messageId = 900;

function staffPress(data: string, topic: number, from = AHMED): Omit<Update, "update_id"> {
  return {
    callback_query: {
      id: `cbq-staff-${messageId++}`,
      from: { ...from, is_bot: false },
      chat_instance: "ci-staff",
      data,
      message: {
        message_id: messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: staffChat,
        message_thread_id: topic,
        is_topic_message: true,
        from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: FAKE_BOT_INFO.first_name, username: FAKE_BOT_INFO.username },
        text: "Hulpvraag",
      },
    },
  } as unknown as Omit<Update, "update_id">;
}

function staffWrites(text: string, topic: number, from = AHMED): Omit<Update, "update_id"> {
  return {
    message: {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: staffChat,
      from: { ...from, is_bot: false },
      message_thread_id: topic,
      is_topic_message: true,
      text,
    },
  } as unknown as Omit<Update, "update_id">;
}

const toStaff = (harness: HandoffApp): RecordedCall[] =>
  harness.telegram.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === STAFF_CHAT);
const topicTexts = (harness: HandoffApp, topic: number) =>
  toStaff(harness)
    .filter((c) => Number(c.body.message_thread_id) === topic)
    .map((c) => String(c.body.text));

async function openTicket(harness: HandoffApp): Promise<number> {
  await harness.say("/mens");
  await eventually(() => harness.toResident().some((t) => t.includes("Mag ik ons gesprek")), "the consent question");
  await harness.press("Ja, deel mijn gesprek");
  const [topicCall] = await harness.telegram.waitForCalls("createForumTopic", 1);
  expect(Number(topicCall!.body.chat_id)).toBe(STAFF_CHAT);
  expect(String(topicCall!.body.name)).toBe("Hulpvraag #1");
  const ticketMessage = await eventually(() => toStaff(harness)[0], "the ticket message in the topic");
  expect(JSON.stringify(ticketMessage.body.reply_markup)).toContain('"callback_data":"handoff_claim:1"');
  expect(JSON.stringify(ticketMessage.body.reply_markup)).toContain('"callback_data":"handoff_close:1"');
  return Number(ticketMessage.body.message_thread_id);
}

describe("handoff to a Telegram staff forum group", () => {
  it("one topic per ticket, claim, relay both ways, silence, close, rating, bot again", async () => {
    h = await startHandoffApp({ desk: "telegram", telegramMode: "polling" });
    const topic = await openTicket(h);
    await eventually(async () => (await h!.app.handoff!.tickets.get(1))?.deskMessage, "the ticket message id saved");

    h.telegram.pushUpdate(staffPress("handoff_claim:1", topic));
    await eventually(() => h!.toResident().includes(
      "Ahmed, een sociaal werker, is nu bij u. Dit is een mens, geen computer. U kunt hier gewoon typen. Uw berichten gaan naar Ahmed.",
    ), "the resident told who is there (first name only)");
    const edit = await h.telegram.waitForCalls("editMessageText", 1, { where: (c) => String(c.body.text).includes("Ahmed heeft dit overgenomen") });
    expect(JSON.stringify(edit[0]!.body.reply_markup)).not.toContain("handoff_claim");

    h.telegram.pushUpdate(staffWrites("Goedemiddag, waar kan ik u mee helpen?", topic));
    await eventually(() => h!.toResident().includes("Ahmed: Goedemiddag, waar kan ik u mee helpen?"), "the worker's reply to the resident");

    const before = h.toResident().length;
    await h.say("Wat is de sociale basis eigenlijk?");
    await eventually(() => topicTexts(h!, topic).includes("Bewoner: Wat is de sociale basis eigenlijk?"), "the resident's message in the topic");
    await h.say("/privacy");
    await eventually(() => h!.toResident().length > before, "the /privacy answer");
    expect(h.toResident().slice(before)).toHaveLength(1);

    // A colleague's message stays in the group and is answered there.
    h.telegram.pushUpdate(staffWrites("Ik neem het over als je wilt", topic, { id: 5151, first_name: "Lotte" }));
    await eventually(() => topicTexts(h!, topic).some((t) => t.startsWith("Niet doorgestuurd: alleen Ahmed")), "the notice to the colleague");
    expect(h.toResident().join("\n")).not.toContain("Ik neem het over");

    h.telegram.pushUpdate(staffPress("handoff_close:1", topic));
    await eventually(() => h!.toResident().some((t) => t.includes("Ahmed heeft het gesprek afgesloten")), "the close message");
    await h.press("5");
    await eventually(() => h!.toResident().includes("Dank u wel voor uw cijfer!"), "thanks for the rating");
    expect(await h.app.handoff!.tickets.get(1)).toMatchObject({ status: "closed", rating: 5 });

    await h.say("Wat is de sociale basis?");
    await eventually(() => h!.toResident().some((t) => t.includes("De sociale basis is alles wat mensen dichtbij huis helpt")), "the bot answering again");
    // Nothing from the staff group ever went through the resident assistant.
    expect(await h.app.store.recentMessages(`telegram:${STAFF_CHAT}`, 5)).toEqual([]);
  });

  it("outside office hours: one clear message about when a person will answer", async () => {
    h = await startHandoffApp({ desk: "telegram", telegramMode: "polling", start: SATURDAY_20 });
    await openTicket(h);
    const notice = "Op dit moment is er niemand. Een sociaal werker leest uw vraag maandag om 09:00. U krijgt dan hier een bericht.";
    await eventually(() => h!.toResident().some((t) => t.includes(notice)), "the office-hours message");
    // The bot goes on answering, without repeating when a person comes.
    await h.say("Wat is de sociale basis?");
    await eventually(() => h!.toResident().some((t) => t.includes("De sociale basis is alles")), "an answer while waiting");
    await h.say("/privacy");
    await eventually(() => h!.toResident().some((t) => t.includes("Wat bewaar ik?")), "the /privacy answer");
    expect(h.toResident().filter((t) => t.includes("maandag om 09:00"))).toHaveLength(1);
    // The ticket waits; no reminder is posted while the office is closed.
    h.advance(6 * 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(toStaff(h).filter((c) => String(c.body.text).includes("Herinnering"))).toHaveLength(0);
    expect((await h.app.handoff!.tickets.get(1))?.status).toBe("open");
  });
});
