import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAKE_SLACK_BOT_ID, FAKE_SLACK_BOT_USER_ID, type RecordedSlackCall } from "../../support/fake-slack-api.js";
import { eventCallback } from "../../support/slack-signing.js";
import { startSlackHarness, type SlackHarness } from "./slack-harness.js";

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; text?: string | { text: string }; action_id?: string; value?: string }>;
}

const blocksOf = (call: RecordedSlackCall) => call.body.blocks as Block[];
const actionIds = (call: RecordedSlackCall) => blocksOf(call).filter((b) => b.type === "actions").flatMap((b) => b.elements!.map((e) => e.action_id));

let eventCounter = 0;
function mention(text: string, extra: Record<string, unknown> = {}) {
  eventCounter += 1;
  const ts = `1700000${String(eventCounter).padStart(3, "0")}.000200`;
  const event = { type: "app_mention", user: "U0PRO0001", text, ts, channel: "C0WIJKTEAM", event_ts: ts, ...extra };
  return { post: eventCallback(event, `Ev0MENTION${eventCounter}`), ts };
}

function dm(text: string, extra: Record<string, unknown> = {}) {
  eventCounter += 1;
  const ts = `1700001${String(eventCounter).padStart(3, "0")}.000300`;
  const event = { type: "message", channel_type: "im", channel: "D0PRO0001", user: "U0PRO0001", text, ts, event_ts: ts, ...extra };
  return { post: eventCallback(event, `Ev0DM${eventCounter}`), ts };
}

describe("Slack events over HTTP", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("checks the bot token once at start and answers url_verification", async () => {
    expect(h.slack.callsTo("auth.test")).toHaveLength(1);
    const body = JSON.stringify({ token: "x", challenge: "uitdaging-123", type: "url_verification" });
    const res = await h.post({ body, contentType: "application/json" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "uitdaging-123" });
  });

  it("answers an app mention in its thread with the answer, numbered sources and three buttons", async () => {
    const { post, ts } = mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is een sterke sociale basis?`);
    const res = await h.post(post);
    expect(res.status).toBe(200);
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(call!.body.channel).toBe("C0WIJKTEAM");
    expect(call!.body.thread_ts).toBe(ts);
    const blocks = blocksOf(call!);
    expect(blocks[0]!.type).toBe("section");
    expect(blocks[0]!.text!.text).toContain("Uit de bronnen: Een sterke sociale basis bestaat uit voorzieningen");
    const context = blocks.find((b) => b.type === "context")!;
    const lines = context.elements!.map((e) => e.text as string);
    expect(lines[1]).toBe(
      "[1] <https://www.movisie.nl/publicatie/wijkaanpak-sterke-sociale-basis?a=1&amp;b=2|Wijkaanpak &amp; een sterke &lt;sociale basis&gt;> · Movisie, 2023",
    );
    expect(lines[2]).toContain("[2] <https://www.verwey-jonker.nl/publicatie/sociale-basis-in-actie|Sociale basis in actie> · Verwey-Jonker Instituut, 2022");
    expect(actionIds(call!)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);
    const feedbackValue = JSON.parse(blocksOf(call!).at(-1)!.elements![0]!.value!);
    expect(feedbackValue).toEqual({ c: `slack:C0WIJKTEAM:${ts}`, v: ts });
    // The exchange is recorded under the thread's conversation, as a professional.
    const rows = h.db.prepare("SELECT direction, text FROM messages WHERE conversation_id = ? ORDER BY id").all(`slack:C0WIJKTEAM:${ts}`) as Array<{ direction: string; text: string }>;
    expect(rows.map((r) => r.direction)).toEqual(["in", "out"]);
    expect(rows[0]!.text).toBe("Wat is een sterke sociale basis?");
  });

  it("answers a mention inside a thread in that thread, as one conversation", async () => {
    const { post } = mention(`<@${FAKE_SLACK_BOT_USER_ID}> en wat doet een buurthuis?`, { thread_ts: "1699999999.000100" });
    await h.post(post);
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(call!.body.thread_ts).toBe("1699999999.000100");
    expect(h.store.recentMessages("slack:C0WIJKTEAM:1699999999.000100", 5)).toHaveLength(2);
  });

  it("gives a short Dutch help text for a mention without a question", async () => {
    const { post, ts } = mention(`<@${FAKE_SLACK_BOT_USER_ID}>  `);
    await h.post(post);
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(call!.body.thread_ts).toBe(ts);
    expect(String(call!.body.text)).toContain("Stel uw vraag na mijn naam");
    expect(actionIds(call!)).toEqual([]);
  });

  it("answers a direct message in the DM", async () => {
    const { post } = dm("Wat is de sociale basis?");
    await h.post(post);
    const [call] = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(call!.body.channel).toBe("D0PRO0001");
    expect(call!.body.thread_ts).toBeUndefined();
    expect(actionIds(call!)).toContain("feedback_up");
    expect(h.store.recentMessages("slack:D0PRO0001", 5).map((m) => m.direction)).toEqual(["in", "out"]);
  });

  it("ignores messages from bots and message edits, and still answers people", async () => {
    await h.post(dm("Wat is de sociale basis?", { bot_id: FAKE_SLACK_BOT_ID, user: FAKE_SLACK_BOT_USER_ID }).post);
    await h.post(dm("Wat is de sociale basis?", { bot_id: "B0OTHER", subtype: "bot_message", user: undefined }).post);
    await h.post(dm("", { subtype: "message_changed" }).post);
    await h.post(dm("Hoi").post);
    const calls = await h.slack.waitForCalls("chat.postMessage", 1);
    expect(calls).toHaveLength(1);
    expect(String(calls[0]!.body.text)).toContain("Hallo!");
    expect(h.store.recentMessages("slack:D0PRO0001", 10).filter((m) => m.direction === "in")).toHaveLength(1);
  });

  it("answers a retried event only once", async () => {
    const { post } = mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`);
    expect((await h.post(post)).status).toBe(200);
    await h.slack.waitForCalls("chat.postMessage", 1);
    expect((await h.post(post, { retryNum: 1 })).status).toBe(200);
    await h.waitForLog(/duplicate delivery ignored/);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("rejects a wrong signature with 401 and does not process it", async () => {
    const { post } = mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`);
    const res = await h.post(post, { secret: "not-the-signing-secret" });
    expect(res.status).toBe(401);
    const unsigned = await fetch(`${h.baseUrl}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: post.body });
    expect(unsigned.status).toBe(401);
    expect(h.slack.calls.map((c) => c.method)).toEqual(["auth.test"]);
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
  });

  it("rejects a stale timestamp (older than 5 minutes) with 401", async () => {
    const { post } = mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`);
    const res = await h.post(post, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(res.status).toBe(401);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
  });

  it("retries a 5xx from the Web API and still delivers the answer", async () => {
    h.slack.fail("chat.postMessage", { status: 500 });
    await h.post(mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`).post);
    const calls = await h.slack.waitForCalls("chat.postMessage", 2);
    expect(calls[0]!.body.text).toBe(calls[1]!.body.text);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });

  it("waits out a rate limit (429 with Retry-After) and then delivers", async () => {
    h.slack.fail("chat.postMessage", { status: 429, retryAfter: 0 });
    await h.post(dm("Wat is de sociale basis?").post);
    const calls = await h.slack.waitForCalls("chat.postMessage", 2);
    expect(calls[1]!.body.channel).toBe("D0PRO0001");
  });

  it("logs channel_not_found without tokens, does not retry it, and keeps serving", async () => {
    h.slack.fail("chat.postMessage", { error: "channel_not_found" });
    await h.post(mention(`<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`).post);
    const line = await h.waitForLog(/answering an app mention failed/);
    expect(line).toContain("channel_not_found");
    expect(h.logs.join("\n")).not.toContain(h.slack.token);
    await h.post(dm("Wat is de sociale basis?").post);
    const calls = await h.slack.waitForCalls("chat.postMessage", 2);
    expect(calls[1]!.body.channel).toBe("D0PRO0001");
  });
});
