import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackAppContext } from "../../../src/channels/slack/slack-channel.js";
import { SlackDeliveryError } from "../../../src/channels/slack/slack-errors.js";
import { FAKE_SLACK_BOT_USER_ID, type RecordedSlackCall } from "../../support/fake-slack-api.js";
import { eventCallback, interaction, slashCommand } from "../../support/slack-signing.js";
import { startSlackHarness, type SlackHarness } from "./slack-harness.js";

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

function command(h: SlackHarness, text: string, responseId = "cmd1") {
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
  responseId = "act1",
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

/** Asks in a channel thread and returns the posted answer. */
async function askInThread(h: SlackHarness): Promise<{ answer: RecordedSlackCall; ts: string }> {
  const ts = "1700002000.000100";
  await h.post(
    eventCallback(
      { type: "app_mention", user: "U0PRO0001", text: `<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`, ts, channel: "C0WIJKTEAM", event_ts: ts },
      "Ev0ASK",
    ),
  );
  const [answer] = await h.slack.waitForCalls("chat.postMessage", 1);
  return { answer: answer!, ts };
}

describe("Slack slash command and buttons", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("acks /wijkwijzer at once and answers privately with a share button", async () => {
    const res = await h.post(command(h, "Wat is een sterke sociale basis?"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const [reply] = await h.slack.waitForCalls("response_url", 1);
    expect(reply!.body.response_type).toBe("ephemeral");
    expect(blocksOf(reply!.body)[0]!.elements![0]!.text).toBe("*Uw vraag:* Wat is een sterke sociale basis?");
    expect(buttonsOf(reply!.body).map((b) => b.action_id)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker", "share_answer"]);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
    expect(h.store.recentMessages("slack:U0PRO0002", 5).map((m) => m.direction)).toEqual(["in", "out"]);
  });

  it("explains itself for /wijkwijzer without a question", async () => {
    await h.post(command(h, "   "));
    const [reply] = await h.slack.waitForCalls("response_url", 1);
    expect(String(reply!.body.text)).toContain("/wijkwijzer wat doet een buurtsportcoach?");
  });

  it("shares a private answer in the channel and removes the private copy", async () => {
    await h.post(command(h, "Wat is een sterke sociale basis?"));
    const [reply] = await h.slack.waitForCalls("response_url", 1);
    await h.post(blockAction(h, button(reply!.body, "share_answer"), { channel: "C0BELEID01", messageTs: "1700003000.000100", ephemeral: true, user: "U0PRO0002" }, "share1"));
    const [shared, removed] = await h.slack.waitForCalls("response_url", 2, { where: (c) => c.responseId === "share1" });
    expect(shared!.body.response_type).toBe("in_channel");
    expect(blocksOf(shared!.body)[0]!.elements![0]!.text).toBe("<@U0PRO0002> deelt een antwoord van Wijkwijzer: _Wat is een sterke sociale basis?_");
    expect(buttonsOf(shared!.body).map((b) => b.action_id)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it("records 👍 through the core and thanks the person privately in the thread", async () => {
    const { answer, ts } = await askInThread(h);
    const res = await h.post(blockAction(h, button(answer.body, "feedback_up"), { channel: "C0WIJKTEAM", messageTs: "1700002000.000900", threadTs: ts }));
    expect(res.status).toBe(200);
    const [thanks] = await h.slack.waitForCalls("chat.postEphemeral", 1);
    expect(thanks!.body).toMatchObject({ channel: "C0WIJKTEAM", user: "U0PRO0001", thread_ts: ts });
    expect(String(thanks!.body.text)).toContain("Dank u wel voor uw reactie");
    expect(h.feedbackRows()).toEqual([{ conversation_id: `slack:C0WIJKTEAM:${ts}`, message_ref: ts, value: "up", reason: null }]);
  });

  it("asks a reason for 👎 in a modal and stores it with the 👎", async () => {
    const { answer, ts } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel: "C0WIJKTEAM", messageTs: "1700002000.000900", threadTs: ts }));
    const [opened] = await h.slack.waitForCalls("views.open", 1);
    expect(opened!.body.trigger_id).toBe("trigger-act1");
    const view = opened!.body.view as { callback_id: string; private_metadata: string; notify_on_close: boolean };
    expect(view.notify_on_close).toBe(true);
    expect(h.feedbackRows()).toEqual([]);

    const res = await h.post(
      interaction({
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
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_action: "update", view: { title: { text: "Bedankt" } } });
    expect(await h.waitForFeedback(1)).toEqual([
      { conversation_id: `slack:C0WIJKTEAM:${ts}`, message_ref: ts, value: "down", reason: "sources: Bron gaat over jeugd. Mail mij: [e-mail]" },
    ]);
  });

  it("records 👎 without a reason when the modal is closed, or cannot be opened", async () => {
    const { answer, ts } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel: "C0WIJKTEAM", messageTs: "1700002000.000900", threadTs: ts }));
    const [opened] = await h.slack.waitForCalls("views.open", 1);
    const view = opened!.body.view as { callback_id: string; private_metadata: string };
    await h.post(
      interaction({
        type: "view_closed",
        team: { id: "T0TEAM001", domain: "wijkteam" },
        user: { id: "U0PRO0001", name: "sanne" },
        api_app_id: "A0WIJKWIJZER",
        token: "legacy",
        is_cleared: false,
        view: { id: "V1", type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: {} } },
      }),
    );
    expect(await h.waitForFeedback(1)).toEqual([{ conversation_id: `slack:C0WIJKTEAM:${ts}`, message_ref: ts, value: "down", reason: null }]);

    h.slack.fail("views.open", { error: "expired_trigger_id" });
    await h.post(blockAction(h, button(answer.body, "feedback_down"), { channel: "C0WIJKTEAM", messageTs: "1700002000.000900", threadTs: ts }, "act2"));
    await h.slack.waitForCalls("chat.postEphemeral", 1);
    expect(h.feedbackRows().map((r) => r.value)).toEqual(["down", "down"]);
  });

  it("maps 'Vraag een sociaal werker' to the core's handoff request", async () => {
    const { answer, ts } = await askInThread(h);
    await h.post(blockAction(h, button(answer.body, "ask_sociaal_werker"), { channel: "C0WIJKTEAM", messageTs: "1700002000.000900", threadTs: ts }));
    const [reply] = await h.slack.waitForCalls("chat.postEphemeral", 1);
    // Without a handoff queue the core gives the wijkteam's contact details.
    expect(String(reply!.body.text)).toContain("U kunt ook zelf contact opnemen.");
    expect(h.store.recentMessages(`slack:C0WIJKTEAM:${ts}`, 10).some((m) => m.text === "[knop: handoff_request]")).toBe(true);
  });

  it("sends to slack:<channel>:<thread_ts> and throws when Slack refuses", async () => {
    await h.channel.sender.send("slack:C0HANDOFF1:1700004000.000100", { text: "Een sociaal werker neemt het over.", sources: [{ title: "Bron" }] });
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(call!.body).toMatchObject({ channel: "C0HANDOFF1", thread_ts: "1700004000.000100" });
    h.slack.fail("chat.postMessage", { error: "channel_not_found" });
    const error = await h.channel.sender.send("slack:C0GONE0001", { text: "Hallo" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect(error).toMatchObject({ slackCode: "channel_not_found", retryable: false });
    await expect(h.channel.sender.send("telegram:123", { text: "x" })).rejects.toThrow(/Not a Slack conversation/);
  });
});

describe("Slack extensions", () => {
  it("lets another module add listeners (handoff buttons) without touching the adapter", async () => {
    const claimed: string[] = [];
    const extension = ({ app }: SlackAppContext) => {
      app.action("handoff_claim", async ({ ack, action }) => {
        await ack();
        claimed.push((action as { value: string }).value);
      });
    };
    const h = await startSlackHarness({ extensions: [extension] });
    try {
      const res = await h.post(blockAction(h, { action_id: "handoff_claim", value: "ticket-42" }, { channel: "C0HANDOFF1", messageTs: "1700005000.000100" }));
      expect(res.status).toBe(200);
      expect(claimed).toEqual(["ticket-42"]);
      expect(h.feedbackRows()).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
