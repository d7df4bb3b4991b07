/**
 * Acceptance: a resident on Telegram (webhook with its secret) is taken over by a sociaal werker
 * in the Slack handoff channel (signed requests), relay both ways, close, rating; plus the
 * fault tests: Slack failing with 500 during the relay, and a restart in the middle of a
 * claimed ticket.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RecordedSlackCall } from "../../support/fake-slack-api.js";
import { eventCallback, interaction } from "../../support/slack-signing.js";
import { eventually, HANDOFF_CHANNEL, RESIDENT, startHandoffApp, type HandoffApp } from "./handoff-app.js";

let h: HandoffApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const WORKER = "U0WORKER1";
type Block = { type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string; text?: unknown }> };
const blocksText = (call: RecordedSlackCall) => JSON.stringify(call.body.blocks ?? []);
const buttons = (call: RecordedSlackCall) =>
  ((call.body.blocks ?? []) as Block[]).filter((b) => b.type === "actions").flatMap((b) => b.elements!.map((e) => [e.action_id, e.value]));

function clickTicketButton(ticketTs: string, actionId: "handoff_claim" | "handoff_close", ticketId: string, user = WORKER) {
  return interaction({
    type: "block_actions",
    team: { id: "T0TEAM001", domain: "wijkteam" },
    user: { id: user, username: "sanne", name: "sanne", team_id: "T0TEAM001" },
    api_app_id: "A0WIJKWIJZER",
    token: "legacy",
    container: { type: "message", message_ts: ticketTs, channel_id: HANDOFF_CHANNEL, is_ephemeral: false },
    trigger_id: `trigger-${actionId}-${user}`,
    channel: { id: HANDOFF_CHANNEL, name: "handoff" },
    message: { type: "message", ts: ticketTs },
    response_url: "https://hooks.slack.invalid/actions/1",
    actions: [{ type: "button", action_id: actionId, block_id: "ticket", value: ticketId, text: { type: "plain_text", text: "x" }, action_ts: `${Date.now() / 1000}` }],
  });
}

let eventSeq = 0;
function threadReply(ticketTs: string, text: string, user = WORKER) {
  const ts = `1700200000.${String(++eventSeq).padStart(6, "0")}`;
  return eventCallback(
    { type: "message", channel: HANDOFF_CHANNEL, channel_type: "channel", user, text, ts, thread_ts: ticketTs, event_ts: ts },
    `Ev0HANDOFF${eventSeq}`,
  );
}

const threadPosts = (harness: HandoffApp, ticketTs: string) =>
  harness.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === HANDOFF_CHANNEL && c.body.thread_ts === ticketTs).map((c) => String(c.body.text));

/**
 * Makes the next `times` chat.postMessage calls fail and returns a function listing the thread
 * posts Slack accepted since (the fake records refused calls too: the first `times` ones).
 */
function failPosts(harness: HandoffApp, ticketTs: string, status: 500 | 503, times: number) {
  const mark = harness.slack.calls.length;
  harness.slack.fail("chat.postMessage", { status, times });
  return () =>
    harness.slack.calls
      .slice(mark)
      .filter((c) => c.method === "chat.postMessage")
      .slice(times)
      .filter((c) => c.body.thread_ts === ticketTs)
      .map((c) => String(c.body.text));
}

/** Resident asks, consents, and the ticket lands in the handoff channel. */
async function openTicket(harness: HandoffApp): Promise<void> {
  await harness.say("Ik wil iemand spreken over mijn schulden");
  await eventually(() => harness.toResident().some((t) => t.includes("Mag ik ons gesprek")), "the consent question");
  await harness.press("Ja, deel mijn gesprek");
  const ticket = await eventually(
    () => harness.slack.callsTo("chat.postMessage").find((c) => c.body.channel === HANDOFF_CHANNEL && !c.body.thread_ts),
    "the ticket in the handoff channel",
  );
  expect(buttons(ticket)).toEqual([
    ["handoff_claim", "1"],
    ["handoff_close", "1"],
  ]);
  expect(blocksText(ticket)).toContain("Ik wil iemand spreken over mijn schulden");
}

/** The ticket message's ts, once Slack's answer to the post was saved. */
async function ticketTsOf(harness: HandoffApp): Promise<string> {
  return eventually(async () => (await harness.app.handoff!.tickets.get(1))?.deskMessage, "the ticket's ts saved");
}

async function claim(harness: HandoffApp, ticketTs: string) {
  const res = await harness.slackPost(clickTicketButton(ticketTs, "handoff_claim", "1"));
  expect(res.status).toBe(200);
  await eventually(() => harness.toResident().some((t) => t.startsWith("Sanne, een sociaal werker, is nu bij u")), "the resident told who is there");
}

describe("handoff to the Slack channel, resident on Telegram", () => {
  it("runs the whole take-over: consent, ticket, claim, relay both ways, silence, close, rating, bot again", async () => {
    h = await startHandoffApp({ desk: "slack", telegramMode: "webhook" });
    await openTicket(h);
    const ticketTs = await ticketTsOf(h);
    // The resident's "waiting" reply leaves through the outbox, like the ticket post: either may come first.
    const app = h;
    await eventually(() => app.toResident().some((t) => t.includes("Ik heb een sociaal werker gevraagd")), "the resident told a worker was asked");

    // Someone outside the handoff channel cannot claim.
    await h.slackPost(clickTicketButton(ticketTs, "handoff_claim", "1", "U0STRANGER"));
    await h.slack.waitForCalls("chat.postEphemeral", 1, { where: (c) => c.body.user === "U0STRANGER" });
    expect((await h.app.handoff!.tickets.get(1))!.status).toBe("open");

    await claim(h, ticketTs);
    const update = await h.slack.waitForCalls("chat.update", 1, { where: (c) => c.body.ts === ticketTs && blocksText(c).includes("Sanne heeft dit overgenomen") });
    expect(buttons(update.at(-1)!)).toEqual([["handoff_close", "1"]]);

    await h.slackPost(threadReply(ticketTs, "Hallo, ik ben Sanne. Waar gaat het om?"));
    await eventually(() => h!.toResident().includes("Sanne: Hallo, ik ben Sanne. Waar gaat het om?"), "the worker's reply on Telegram");

    const before = h.toResident().length;
    await h.say("Wat is de sociale basis eigenlijk?");
    await eventually(() => threadPosts(h!, ticketTs).includes("Bewoner: Wat is de sociale basis eigenlijk?"), "the resident's answer in the thread");
    // Updates of one chat are handled in order: once /privacy is answered, the message before it was fully handled.
    await h.say("/privacy");
    await eventually(() => h!.toResident().length > before, "the /privacy answer");
    expect(h.toResident().slice(before)).toHaveLength(1);
    expect(h.toResident().at(-1)).toContain("Wat bewaar ik?");

    await h.slackPost(clickTicketButton(ticketTs, "handoff_close", "1"));
    await eventually(() => h!.toResident().some((t) => t.includes("Sanne heeft het gesprek afgesloten")), "the close message");
    const closing = h.telegram.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === RESIDENT.id).at(-1)!;
    expect(JSON.stringify(closing.body.reply_markup)).toMatch(/"text":"1".*"text":"5"/);
    await h.slack.waitForCalls("chat.update", 1, { where: (c) => c.body.ts === ticketTs && blocksText(c).includes("Status: gesloten door Sanne") });

    await h.press("4");
    await eventually(() => h!.toResident().includes("Dank u wel voor uw cijfer!"), "thanks for the rating");
    expect(await h.app.handoff!.tickets.get(1)).toMatchObject({ status: "closed", rating: 4, workerName: "Sanne" });
    await eventually(() => threadPosts(h!, ticketTs).includes("De bewoner gaf een 4 (1–5)."), "the rating in the thread");

    await h.say("Wat is de sociale basis?");
    await eventually(() => h!.toResident().some((t) => t.includes("De sociale basis is alles wat mensen dichtbij huis helpt")), "the bot answering again");

    // After close a worker's reply is not relayed (and the worker is told so).
    const count = h.toResident().length;
    await h.slackPost(threadReply(ticketTs, "Nog één ding"));
    await h.slack.waitForCalls("chat.postEphemeral", 1, { where: (c) => c.body.user === WORKER && String(c.body.text).includes("gesloten") });
    expect(h.toResident()).toHaveLength(count);
  });

  it("a claim that Slack cannot check (missing scope) tells the worker instead of failing silently", async () => {
    h = await startHandoffApp({ desk: "slack", telegramMode: "webhook" });
    await openTicket(h);
    const ticketTs = await ticketTsOf(h);
    h.slack.fail("conversations.members", { error: "missing_scope" });
    await h.slackPost(clickTicketButton(ticketTs, "handoff_claim", "1"));
    const [told] = await h.slack.waitForCalls("chat.postEphemeral", 1, { where: (c) => c.body.user === WORKER });
    expect(String(told!.body.text)).toContain("storing");
    expect((await h.app.handoff!.tickets.get(1))!.status).toBe("open");
    // The next press works.
    await claim(h, ticketTs);
  });

  it("Slack failing with 500 during the relay: every message arrives once, in order, after it recovers", async () => {
    h = await startHandoffApp({ desk: "slack", telegramMode: "webhook" });
    await openTicket(h);
    const ticketTs = await ticketTsOf(h);
    await claim(h, ticketTs);
    await h.slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.thread_ts === ticketTs });

    const accepted = failPosts(h, ticketTs, 500, 6);
    const words = ["een", "twee", "drie", "vier"];
    for (const word of words) await h.say(`bericht ${word}`);
    // Let the failures happen, jumping the clock past each backoff instead of sleeping.
    await eventually(() => {
      h!.advance(60_000);
      return accepted().length === words.length;
    }, "all relayed messages in the thread");
    expect(accepted()).toEqual(words.map((w) => `Bewoner: bericht ${w}`));
    // Every refused attempt was one of these relays: 6 refused + 4 accepted calls in all.
    expect(threadPosts(h, ticketTs).filter((t) => t.startsWith("Bewoner: bericht"))).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted()).toHaveLength(words.length);
    expect(await h.app.handoff!.outbox.pending()).toBe(0);
  });

  it("a restart in the middle of a claimed ticket: the relay goes on, nothing lost or doubled", async () => {
    h = await startHandoffApp({ desk: "slack", telegramMode: "webhook" });
    await openTicket(h);
    const ticketTs = await ticketTsOf(h);
    await claim(h, ticketTs);
    await h.slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.thread_ts === ticketTs });

    // Slack is down while the resident writes: the message is still in the outbox when the process stops.
    const accepted = failPosts(h, ticketTs, 503, 3);
    await h.say("voor de herstart");
    await eventually(
      () => h!.app.db!.prepare("SELECT attempts FROM handoff_outbox WHERE status = 'pending' AND attempts > 0").get(),
      "a failed relay waiting for its retry",
    );
    await h.slackPost(threadReply(ticketTs, "Ik kijk even met u mee."));
    await eventually(() => h!.toResident().includes("Sanne: Ik kijk even met u mee."), "the worker's reply before the restart");

    await h.restart();
    const sinceRestart = h.toResident().length;
    await eventually(() => {
      h!.advance(60_000);
      return accepted().includes("Bewoner: voor de herstart");
    }, "the pending relay delivered after the restart");

    // Still claimed after the restart: relayed, and the bot stays silent.
    await h.say("na de herstart");
    await h.say("/privacy");
    await eventually(() => h!.toResident().length > sinceRestart, "the /privacy answer");
    expect(h.toResident().slice(sinceRestart)).toHaveLength(1);
    expect(h.toResident().at(-1)).toContain("Wat bewaar ik?");
    await eventually(() => accepted().includes("Bewoner: na de herstart"), "relay after the restart");
    await h.slackPost(threadReply(ticketTs, "Goed dat u het zegt."));
    await eventually(() => h!.toResident().includes("Sanne: Goed dat u het zegt."), "the worker's reply after the restart");

    const resident = h.toResident();
    expect(resident.filter((t) => t === "Sanne: Ik kijk even met u mee.")).toHaveLength(1);
    expect(resident.filter((t) => t.startsWith("Sanne, een sociaal werker"))).toHaveLength(1);
    expect(accepted().filter((t) => t.startsWith("Bewoner:"))).toEqual(["Bewoner: voor de herstart", "Bewoner: na de herstart"]);
    expect(await h.app.handoff!.tickets.get(1)).toMatchObject({ status: "claimed", workerName: "Sanne" });
    expect(await h.app.handoff!.outbox.pending()).toBe(0);
  });

  it("only the worker who claimed a ticket, or a coordinator, can close it", async () => {
    const OTHER = "U0WORKER2";
    const COORDINATOR = "U0COORD01";
    h = await startHandoffApp({ desk: "slack", telegramMode: "webhook", env: { HANDOFF_COORDINATORS: `slack:${COORDINATOR}` } });
    h.slack.respond("conversations.members", () => ({ members: [WORKER, OTHER, COORDINATOR], response_metadata: { next_cursor: "" } }));
    await openTicket(h);
    const ticketTs = await ticketTsOf(h);
    // Before anyone has it, a worker cannot close it either.
    expect((await h.slackPost(clickTicketButton(ticketTs, "handoff_close", "1", OTHER))).status).toBe(200);
    await h.slack.waitForCalls("chat.postEphemeral", 1, { where: (c) => c.body.user === OTHER });
    await claim(h, ticketTs);
    expect((await h.slackPost(clickTicketButton(ticketTs, "handoff_close", "1", OTHER))).status).toBe(200);
    const refusals = await h.slack.waitForCalls("chat.postEphemeral", 2, { where: (c) => c.body.user === OTHER });
    expect(String(refusals[1]!.body.text)).toContain("Alleen Sanne (die dit gesprek heeft) of een coördinator");
    expect(await h.app.handoff!.tickets.get(1)).toMatchObject({ status: "claimed", workerId: `slack:${WORKER}` });
    expect(h.toResident().some((t) => t.includes("gesloten") || t.includes("afgesloten"))).toBe(false);

    expect((await h.slackPost(clickTicketButton(ticketTs, "handoff_close", "1", COORDINATOR))).status).toBe(200);
    await eventually(async () => ((await h!.app.handoff!.tickets.get(1))?.status === "closed" ? true : undefined), "the coordinator's close");
    expect(h.slack.callsTo("chat.postEphemeral").filter((c) => c.body.user === COORDINATOR)).toHaveLength(0);
  });
});
