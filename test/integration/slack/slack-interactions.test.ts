/**
 * The slash command and the buttons under answers, against the whole app (real corpus and index),
 * with signed requests and the fake Slack Web API. Tests share one app; each uses its own ids.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_SLACK_BOT_USER_ID, type RecordedSlackCall } from "../../support/fake-slack-api.js";
import { eventCallback, interaction, slashCommand } from "../../support/slack-signing.js";
import { startRealSlackApp, type SlackHarness } from "./slack-harness.js";

interface Element {
  action_id?: string;
  value?: string;
  text?: string | { text: string };
}
interface Block {
  type: string;
  text?: { text: string };
  elements?: Element[];
}

const blocksOf = (body: Record<string, unknown>) => body.blocks as Block[];
const buttonsOf = (body: Record<string, unknown>) => blocksOf(body).filter((b) => b.type === "actions").flatMap((b) => b.elements!);
const button = (body: Record<string, unknown>, actionId: string) => buttonsOf(body).find((e) => e.action_id === actionId)!;

function command(h: SlackHarness, text: string, responseId: string) {
  return slashCommand({
    token: "legacy",
    team_id: "T0TEAM001",
    team_domain: "wijkteam",
    channel_id: "C0BELEID01",
    channel_name: "beleid",
    user_id: "U0PRO0002",
    user_name: "pieter",
    command: "/wijkwijzer",
    text,
    api_app_id: "A0WIJKWIJZER",
    response_url: h.slack.responseUrl(responseId),
    trigger_id: `trigger-${responseId}`,
  });
}

function blockAction(
  h: SlackHarness,
  clicked: Element,
  where: { channel: string; messageTs: string; threadTs?: string; ephemeral?: boolean; user?: string },
  responseId: string,
) {
  return interaction({
    type: "block_actions",
    team: { id: "T0TEAM001", domain: "wijkteam" },
    user: { id: where.user ?? "U0PRO0001", username: "sanne", team_id: "T0TEAM001" },
    api_app_id: "A0WIJKWIJZER",
    token: "legacy",
    container: {
      type: "message",
      message_ts: where.messageTs,
      channel_id: where.channel,
      is_ephemeral: Boolean(where.ephemeral),
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    },
    trigger_id: `trigger-${responseId}`,
    channel: { id: where.channel, name: "wijkteam" },
    ...(where.ephemeral ? {} : { message: { type: "message", ts: where.messageTs, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) } }),
    response_url: h.slack.responseUrl(responseId),
    actions: [{ type: "button", action_id: clicked.action_id, block_id: "b1", value: clicked.value, text: clicked.text, action_ts: `1700009999.${responseId.length}00` }],
  });
}

let asked = 0;

/** Asks in a thread of its own channel and returns the posted answer. */
async function askInThread(h: SlackHarness): Promise<{ answer: RecordedSlackCall; ts: string; channel: string; conversationId: string }> {
  asked += 1;
  const ts = `17000${String(asked).padStart(5, "0")}.000100`;
  const channel = `C0IA${String(asked).padStart(6, "0")}`;
  await h.post(
    eventCallback(
      { type: "app_mention", user: "U0PRO0001", text: `<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`, ts, channel, event_ts: ts },
      `Ev0ASK${asked}`,
    ),
  );
  const [answer] = await h.slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.channel === channel });
  return { answer: answer!, ts, channel, conversationId: `slack:${channel}:${ts}` };
}

const ephemeralIn = (h: SlackHarness, channel: string) => h.slack.waitForCalls("chat.postEphemeral", 1, { where: (c) => c.body.channel === channel });
const responsesTo = (h: SlackHarness, id: string, count = 1) => h.slack.waitForCalls("response_url", count, { where: (c) => c.responseId === id });

describe("Slack slash command and buttons, in the real app", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startRealSlackApp();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("acks /wijkwijzer at once and answers privately from the corpus, with a share button", async () => {
    const res = await h.post(command(h, "Wat is een sterke sociale basis?", "cmd1"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const [reply] = await responsesTo(h, "cmd1");
    expect(reply!.body.response_type).toBe("ephemeral");
    expect(blocksOf(reply!.body)[0]!.elements![0]!.text).toBe("*Uw vraag:* Wat is een sterke sociale basis?");
    expect(blocksOf(reply!.body).filter((b) => b.type === "context").flatMap((b) => b.elements!.map((e) => String(e.text)))).toContain("*Bronnen*");
    expect(buttonsOf(reply!.body).map((b) => b.action_id)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker", "share_answer"]);
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0BELEID01")).toHaveLength(0);
    expect((await h.store.recentMessages("slack:U0PRO0002", 5)).map((m) => m.direction)).toEqual(["in", "out"]);
  });

  it("explains itself for /wijkwijzer without a question", async () => {
    await h.post(command(h, "   ", "cmd2"));
    const [reply] = await responsesTo(h, "cmd2");
    expect(String(reply!.body.text)).toContain("/wijkwijzer wat doet een buurtsportcoach?");
  });

  it("shares a private answer in the channel and removes the private copy", async () => {
    await h.post(command(h, "Wat is de sociale basis?", "cmd3"));
    const [reply] = await responsesTo(h, "cmd3");
    await h.post(blockAction(h, button(reply!.body, "share_answer"), { channel: "C0BELEID01", messageTs: "1700003000.000100", ephemeral: true, user: "U0PRO0002" }, "share1"));
    const [shared, removed] = await responsesTo(h, "share1", 2);
    expect(shared!.body.response_type).toBe("in_channel");
    expect(blocksOf(shared!.body)[0]!.elements![0]!.text).toBe("<@U0PRO0002> deelt een antwoord van Wijkwijzer: _Wat is de sociale basis?_");
    expect(blocksOf(shared!.body)[1]!.text!.text).toBe(blocksOf(reply!.body)[1]!.text!.text);
    expect(buttonsOf(shared!.body).map((b) => b.action_id)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it("says so when an answer can no longer be shared", async () => {
    const stale = { action_id: "share_answer", value: JSON.stringify({ c: "slack:U0PRO0099", v: "gone:0" }) };
    await h.post(blockAction(h, stale, { channel: "C0BELEID01", messageTs: "1700003000.000200", ephemeral: true, user: "U0PRO0099" }, "share2"));
    const [reply] = await responsesTo(h, "share2");
    expect(reply!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(reply!.body.text)).toContain("kan ik niet meer delen");
  });

  it("records 👍 through the core and thanks the person privately in the thread", async () => {
    const { answer, ts, channel, conversationId } = await askInThread(h);
    const res = await h.post(blockAction(h, button(answer.body, "feedback_up"), { channel, messageTs: "1700002000.000900", threadTs: ts }, "up1"));
    expect(res.status).toBe(200);
    const [thanks] = await ephemeralIn(h, channel);
    expect(thanks!.body).toMatchObject({ channel, user: "U0PRO0001", thread_ts: ts });
    expect(String(thanks!.body.text)).toContain("Dank u wel voor uw reactie");
    expect(h.feedbackRows(conversationId)).toEqual([{ conversation_id: conversationId, message_ref: ts, value: "up", reason: null }]);
  });

  it("asks a reason for 👎 in a modal and stores it with the 👎", async () => {
    const { answer, ts, channel, conversationId } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel, messageTs: "1700002000.000900", threadTs: ts }, "down1"));
    const [opened] = await h.slack.waitForCalls("views.open", 1, { where: (c) => c.body.trigger_id === "trigger-down1" });
    const view = opened!.body.view as { callback_id: string; private_metadata: string; notify_on_close: boolean };
    expect(view.notify_on_close).toBe(true);
    expect(h.feedbackRows(conversationId)).toEqual([]);

    const submission = interaction({
      type: "view_submission",
      team: { id: "T0TEAM001", domain: "wijkteam" },
      user: { id: "U0PRO0001", name: "sanne" },
      api_app_id: "A0WIJKWIJZER",
      token: "legacy",
      trigger_id: "trigger-submit",
      view: {
        id: "V1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            reason: { reason: { type: "static_select", selected_option: { value: "sources", text: { type: "plain_text", text: "x" } } } },
            comment: { comment: { type: "plain_text_input", value: "Bron gaat over jeugd. Mail mij: sanne@example.org" } },
          },
        },
      },
    });
    const res = await h.post(submission);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_action: "update", view: { title: { text: "Bedankt" } } });
    const recorded = [{ conversation_id: conversationId, message_ref: ts, value: "down", reason: "sources: Bron gaat over jeugd. Mail mij: [e-mail]" }];
    expect(await h.waitForFeedback(1, conversationId)).toEqual(recorded);
    // Recorded in the inbox by the view id: the same form's answer delivered again counts once.
    expect((await h.post(submission, { timestamp: Math.floor(Date.now() / 1000) + 1 })).status).toBe(200);
    await h.waitForLog(/"eventId":"V1".*duplicate delivery ignored/);
    expect(h.feedbackRows(conversationId)).toEqual(recorded);
  });

  it("records 👎 without a reason when the modal is closed, or cannot be opened", async () => {
    const { answer, ts, channel, conversationId } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel, messageTs: "1700002000.000900", threadTs: ts }, "down2"));
    const [opened] = await h.slack.waitForCalls("views.open", 1, { where: (c) => c.body.trigger_id === "trigger-down2" });
    const view = opened!.body.view as { callback_id: string; private_metadata: string };
    await h.post(
      interaction({
        type: "view_closed",
        team: { id: "T0TEAM001", domain: "wijkteam" },
        user: { id: "U0PRO0001", name: "sanne" },
        api_app_id: "A0WIJKWIJZER",
        token: "legacy",
        is_cleared: false,
        view: { id: "V2", type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: {} } },
      }),
    );
    expect(await h.waitForFeedback(1, conversationId)).toEqual([{ conversation_id: conversationId, message_ref: ts, value: "down", reason: null }]);

    h.slack.fail("views.open", { error: "expired_trigger_id" });
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel, messageTs: "1700002000.000900", threadTs: ts }, "down3"));
    await ephemeralIn(h, channel);
    expect(h.feedbackRows(conversationId).map((r) => r.value)).toEqual(["down", "down"]);
  });

  it("maps 'Vraag een sociaal werker' to the core's handoff request", async () => {
    const { answer, ts, channel, conversationId } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "ask_sociaal_werker"), { channel, messageTs: "1700002000.000900", threadTs: ts }, "ask1"));
    const [reply] = await ephemeralIn(h, channel);
    // No Slack handoff channel here, but the web desk is on by default: the consent question comes first.
    expect(String(reply!.body.text)).toContain("Mag ik ons gesprek met de sociaal werker delen?");
    expect((await h.store.recentMessages(conversationId, 10)).some((m) => m.text === "[knop: handoff_request]")).toBe(true);
  });
});
