/**
 * Events API over HTTP against the whole app (createApp + startChannels: real corpus and index),
 * with signed requests and the fake Slack Web API. Every test uses its own channel, so the tests
 * share one app and one fake.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_SLACK_BOT_ID, FAKE_SLACK_BOT_USER_ID, type RecordedSlackCall } from "../../support/fake-slack-api.js";
import { eventCallback } from "../../support/slack-signing.js";
import { startRealSlackApp, type SlackHarness } from "./slack-harness.js";

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; text?: string | { text: string }; action_id?: string; value?: string }>;
}

const blocksOf = (call: RecordedSlackCall) => call.body.blocks as Block[];
const actionIds = (call: RecordedSlackCall) => blocksOf(call).filter((b) => b.type === "actions").flatMap((b) => b.elements!.map((e) => e.action_id));
const sourceLines = (call: RecordedSlackCall) => blocksOf(call).filter((b) => b.type === "context").flatMap((b) => b.elements!.map((e) => String(e.text)));

let counter = 0;
const nextTs = () => `17000${String(++counter).padStart(5, "0")}.000100`;

function mention(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  const event = { type: "app_mention", user: "U0PRO0001", text, ts, channel, event_ts: ts, ...extra };
  return { post: eventCallback(event, `Ev0M${counter}`), ts, eventId: `Ev0M${counter}` };
}

function dm(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  const event = { type: "message", channel_type: "im", channel, user: "U0PRO0001", text, ts, event_ts: ts, ...extra };
  return { post: eventCallback(event, `Ev0D${counter}`), ts };
}

const postsTo = (h: SlackHarness, channel: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channel);
const answerIn = (h: SlackHarness, channel: string, count = 1) => h.slack.waitForCalls("chat.postMessage", count, { where: (c) => c.body.channel === channel });
const QUESTION = `<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`;

describe("Slack events over HTTP, in the real app", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startRealSlackApp();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("checks the bot token once at start and answers url_verification", async () => {
    expect(h.slack.callsTo("auth.test")).toHaveLength(1);
    const body = JSON.stringify({ token: "x", challenge: "uitdaging-123", type: "url_verification" });
    const res = await h.post({ body, contentType: "application/json" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "uitdaging-123" });
  });

  it("answers an app mention in its thread with the answer, numbered corpus sources and three buttons", async () => {
    const { post, ts } = mention("C0EV000001", QUESTION);
    expect((await h.post(post)).status).toBe(200);
    const [call] = await answerIn(h, "C0EV000001");
    expect(call!.body.thread_ts).toBe(ts);
    expect(blocksOf(call!)[0]!.type).toBe("section");
    expect(blocksOf(call!)[0]!.text!.text).toMatch(/sociale basis/i);
    const lines = sourceLines(call!);
    expect(lines[0]).toBe("*Bronnen*");
    expect(lines[1]).toMatch(/^\[1\] .+ · (Movisie|Verwey-Jonker)/);
    expect(actionIds(call!)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);
    const feedbackValue = JSON.parse(blocksOf(call!).find((b) => b.type === "actions")!.elements![0]!.value!);
    expect(feedbackValue).toEqual({ c: `slack:C0EV000001:${ts}`, v: ts });
    // The exchange is recorded under the thread's conversation.
    const messages = await h.store.recentMessages(`slack:C0EV000001:${ts}`, 5);
    expect(messages.map((m) => m.direction)).toEqual(["in", "out"]);
    expect(messages[0]!.text).toBe("Wat is de sociale basis?");
  });

  it("answers a mention inside a thread in that thread, as one conversation", async () => {
    const { post } = mention("C0EV000002", `<@${FAKE_SLACK_BOT_USER_ID}> wat kan een buurthuis doen voor de sociale basis?`, { thread_ts: "1699999999.000100" });
    await h.post(post);
    const [call] = await answerIn(h, "C0EV000002");
    expect(call!.body.thread_ts).toBe("1699999999.000100");
    expect(await h.store.recentMessages("slack:C0EV000002:1699999999.000100", 5)).toHaveLength(2);
  });

  it("gives a short Dutch help text for a mention without a question", async () => {
    const { post, ts } = mention("C0EV000003", `<@${FAKE_SLACK_BOT_USER_ID}>  `);
    await h.post(post);
    const [call] = await answerIn(h, "C0EV000003");
    expect(call!.body.thread_ts).toBe(ts);
    expect(String(call!.body.text)).toContain("Stel uw vraag na mijn naam");
    expect(actionIds(call!)).toEqual([]);
  });

  it("answers a direct message in the DM", async () => {
    await h.post(dm("D0EV000004", "Wat is de sociale basis?").post);
    const [call] = await answerIn(h, "D0EV000004");
    expect(call!.body.thread_ts).toBeUndefined();
    expect(actionIds(call!)).toContain("feedback_up");
    expect(sourceLines(call!).length).toBeGreaterThan(1);
    expect((await h.store.recentMessages("slack:D0EV000004", 5)).map((m) => m.direction)).toEqual(["in", "out"]);
  });

  it("ignores messages from bots and message edits, and still answers people", async () => {
    await h.post(dm("D0EV000005", "Wat is de sociale basis?", { bot_id: FAKE_SLACK_BOT_ID, user: FAKE_SLACK_BOT_USER_ID }).post);
    await h.post(dm("D0EV000005", "Wat is de sociale basis?", { bot_id: "B0OTHER", subtype: "bot_message", user: undefined }).post);
    // Another app's bot user posts without a subtype, but with its bot_id.
    await h.post(dm("D0EV000005", "Wat is de sociale basis?", { bot_id: "B0OTHER", user: "U0OTHERBOT" }).post);
    await h.post(dm("D0EV000005", "", { subtype: "message_changed" }).post);
    await h.post(dm("D0EV000005", "Hallo").post);
    const [call] = await answerIn(h, "D0EV000005");
    expect(String(call!.body.text)).toContain("Hallo!");
    expect(postsTo(h, "D0EV000005")).toHaveLength(1);
    expect((await h.store.recentMessages("slack:D0EV000005", 10)).filter((m) => m.direction === "in")).toHaveLength(1);
  });

  it("answers a retried event only once", async () => {
    const { post, eventId } = mention("C0EV000006", QUESTION);
    expect((await h.post(post)).status).toBe(200);
    await answerIn(h, "C0EV000006");
    // Slack signs a retry anew (a later timestamp); the same signature again would be a replay, dropped earlier.
    expect((await h.post(post, { retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 })).status).toBe(200);
    await h.waitForLog(new RegExp(`"eventId":"${eventId}".*duplicate delivery ignored`));
    expect(postsTo(h, "C0EV000006")).toHaveLength(1);
  });

  it("rejects a wrong or missing signature with 401 and does not process it", async () => {
    const bad = mention("C0EV000007", QUESTION);
    expect((await h.post(bad.post, { secret: "not-the-signing-secret" })).status).toBe(401);
    const unsigned = await fetch(`${h.baseUrl}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: bad.post.body });
    expect(unsigned.status).toBe(401);
    // A good request after it is answered; the rejected ones left no trace.
    await h.post(mention("C0EV000017", QUESTION).post);
    await answerIn(h, "C0EV000017");
    expect(postsTo(h, "C0EV000007")).toHaveLength(0);
    expect(await h.store.recentMessages(`slack:C0EV000007:${bad.ts}`, 5)).toHaveLength(0);
  });

  it("rejects a stale timestamp (older than 5 minutes) with 401", async () => {
    const stale = mention("C0EV000008", QUESTION);
    expect((await h.post(stale.post, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 })).status).toBe(401);
    await h.post(mention("C0EV000018", QUESTION).post);
    await answerIn(h, "C0EV000018");
    expect(postsTo(h, "C0EV000008")).toHaveLength(0);
    expect(await h.store.recentMessages(`slack:C0EV000008:${stale.ts}`, 5)).toHaveLength(0);
  });

  it("retries a 5xx from the Web API and still delivers the answer; the app stays up", async () => {
    h.slack.fail("chat.postMessage", { status: 500 });
    await h.post(mention("C0EV000009", QUESTION).post);
    const calls = await answerIn(h, "C0EV000009", 2);
    expect(calls[0]!.body.text).toBe(calls[1]!.body.text);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });

  it("waits out a rate limit (429 with Retry-After) and then delivers", async () => {
    h.slack.fail("chat.postMessage", { status: 429, retryAfter: 0 });
    await h.post(dm("D0EV000010", "Wat is de sociale basis?").post);
    const calls = await answerIn(h, "D0EV000010", 2);
    expect(calls[1]!.body.text).toBe(calls[0]!.body.text);
  });

  it("gives up on channel_not_found after the outbox's few tries, logs it without tokens, and keeps serving", async () => {
    h.slack.fail("chat.postMessage", { error: "channel_not_found", times: 3 });
    await h.post(mention("C0EV000011", QUESTION).post);
    const line = await h.waitForLog(/handoff delivery given up/);
    expect(line).toContain("channel_not_found");
    // The answer went to the outbox: a refusal a retry cannot fix is tried 3 times (its permanentAttempts), no more.
    expect(postsTo(h, "C0EV000011")).toHaveLength(3);
    expect(h.logs.join("\n")).not.toContain(h.slack.token);
    await h.post(dm("D0EV000012", "Wat is de sociale basis?").post);
    await answerIn(h, "D0EV000012");
  });
});
