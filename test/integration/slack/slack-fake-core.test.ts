/**
 * Exact rendering, the sender and extensions, over the real core with fixed passages
 * (titles and URLs chosen to need escaping).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackAppContext } from "../../../src/channels/slack/slack-channel.js";
import { SlackDeliveryError } from "../../../src/channels/slack/slack-errors.js";
import { FAKE_SLACK_BOT_USER_ID } from "../../support/fake-slack-api.js";
import { eventCallback, interaction } from "../../support/slack-signing.js";
import { startSlackHarness, type FakeCoreSlackHarness } from "./slack-harness.js";

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: unknown; action_id?: string; value?: string }>;
}

describe("Slack channel over fixed passages", () => {
  let h: FakeCoreSlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("escapes answer and sources for mrkdwn and links titles to their URL", async () => {
    const ts = "1700000001.000100";
    await h.post(eventCallback({ type: "app_mention", user: "U0PRO0001", text: `<@${FAKE_SLACK_BOT_USER_ID}> Wat is een sterke sociale basis?`, ts, channel: "C0WIJKTEAM", event_ts: ts }, "Ev0FC1"));
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    const blocks = call!.body.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe(
      "Uit de bronnen: Een sterke sociale basis bestaat uit voorzieningen dichtbij huis, zoals buurthuizen en vrijwilligerswerk. [1] Gemeenten investeren in ontmoeting en informele steun. [2]",
    );
    const lines = blocks.find((b) => b.type === "context")!.elements!.map((e) => e.text);
    expect(lines).toEqual([
      "*Bronnen*",
      "[1] <https://www.movisie.nl/publicatie/wijkaanpak-sterke-sociale-basis?a=1&amp;b=2|Wijkaanpak &amp; een sterke &lt;sociale basis&gt;> · Movisie, 2023",
      "[2] <https://www.verwey-jonker.nl/publicatie/sociale-basis-in-actie|Sociale basis in actie> · Verwey-Jonker Instituut, 2022",
    ]);
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
      const res = await h.post(
        interaction({
          type: "block_actions",
          team: { id: "T0TEAM001", domain: "wijkteam" },
          user: { id: "U0WORKER1", username: "kim" },
          api_app_id: "A0WIJKWIJZER",
          token: "legacy",
          container: { type: "message", message_ts: "1700005000.000100", channel_id: "C0HANDOFF1", is_ephemeral: false },
          trigger_id: "trigger-claim",
          channel: { id: "C0HANDOFF1", name: "handoff" },
          message: { type: "message", ts: "1700005000.000100" },
          response_url: h.slack.responseUrl("claim1"),
          actions: [{ type: "button", action_id: "handoff_claim", block_id: "b", value: "ticket-42", action_ts: "1700005001.000100" }],
        }),
      );
      expect(res.status).toBe(200);
      expect(claimed).toEqual(["ticket-42"]);
      expect(h.feedbackRows()).toEqual([]);
      expect(h.slack.callsTo("chat.postEphemeral")).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it("with an inbox: a request that cannot be recorded gets 500 (Slack delivers it again); the retry is recorded, answered, and its reply waits in the outbox", async () => {
    let storeDown = true;
    const h = await startSlackHarness({
      inbox: (inbox) => ({
        ...inbox,
        record: (item, at) => (storeDown ? Promise.reject(new Error("database is locked")) : inbox.record(item, at)),
      }),
    });
    try {
      const ts = "1700000009.000100";
      const post = eventCallback({ type: "app_mention", user: "U0PRO0001", text: `<@${FAKE_SLACK_BOT_USER_ID}> Wat is een buurthuis?`, ts, channel: "C0WIJKTEAM", event_ts: ts }, "Ev0FCDOWN");
      expect((await h.post(post)).status).toBe(500);
      expect(h.db.prepare("SELECT COUNT(*) AS n FROM inbox").get()).toEqual({ n: 0 });
      storeDown = false;
      expect((await h.post(post, { retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 })).status).toBe(200);
      expect(h.db.prepare("SELECT key, chat FROM inbox").all()).toEqual([{ key: "slack:event:Ev0FCDOWN", chat: `slack:C0WIJKTEAM:${ts}` }]);
      const deadline = Date.now() + 10_000;
      let jobs: Array<{ lane: string; kind: string; payload_json: string }> = [];
      while (jobs.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        jobs = h.db.prepare("SELECT lane, kind, payload_json FROM handoff_outbox ORDER BY id").all() as typeof jobs;
      }
      expect(jobs.map((j) => j.kind)).toEqual(["resident"]);
      const payload = JSON.parse(jobs[0]!.payload_json) as { conversationId: string; via: unknown; message: { text: string } };
      expect(payload.conversationId).toBe(`slack:C0WIJKTEAM:${ts}`);
      expect(payload.via).toEqual({ target: { kind: "post", channel: "C0WIJKTEAM", threadTs: ts } });
      expect(payload.message.text).toContain("buurthuizen");
      // Nothing went out in the request itself: the outbox delivers it.
      expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
