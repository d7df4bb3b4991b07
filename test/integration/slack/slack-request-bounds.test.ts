/**
 * The gate in front of Bolt at /slack/events, over real HTTP with real signatures: oversized bodies
 * are refused before they are read, timestamps outside the window and replays are dropped, deep
 * payloads are refused, and a crowd of oversized unsigned uploads does not stop /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawPost } from "../../support/raw-http.js";
import { eventCallback, FAKE_SLACK_SIGNING_SECRET, JSON_TYPE, signedHeaders } from "../../support/slack-signing.js";
import { startSlackHarness, type FakeCoreSlackHarness } from "./slack-harness.js";

const MB = 1024 * 1024;
let counter = 0;

function dm(text: string) {
  const ts = `17100${String(++counter).padStart(5, "0")}.000100`;
  const channel = `D0BOUNDS${counter}`;
  const event = { type: "message", channel_type: "im", channel, user: "U0PRO0001", text, ts, event_ts: ts };
  return { post: eventCallback(event, `Ev0B${counter}`), channel };
}

describe("Slack request bounds", () => {
  let h: FakeCoreSlackHarness;
  const events = () => `${h.baseUrl}/slack/events`;
  beforeAll(async () => {
    h = await startSlackHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("refuses a signed request announcing more than 1 MB before reading its body (413)", async () => {
    const headers = signedHeaders(FAKE_SLACK_SIGNING_SECRET, "irrelevant", JSON_TYPE);
    const res = await rawPost({ url: events(), headers, size: 4 * MB, chunkBytes: 16 * 1024 });
    expect(res.status).toBe(413);
    expect(res.sentBeforeAnswer).toBeLessThan(4 * MB);
  });

  it("refuses a chunked body once more than 1 MB has streamed in (413)", async () => {
    const headers = signedHeaders(FAKE_SLACK_SIGNING_SECRET, "irrelevant", JSON_TYPE);
    const res = await rawPost({ url: events(), headers, size: 3 * MB, chunked: true, chunkBytes: 64 * 1024 });
    expect(res.status).toBe(413);
    expect(res.sentBeforeAnswer).toBeLessThan(3 * MB);
  });

  it("answers /healthz while 40 oversized unsigned uploads arrive at once, and refuses them all", async () => {
    const uploads = Array.from({ length: 40 }, (_, i) =>
      rawPost({ url: events(), headers: { "content-type": JSON_TYPE }, size: 4 * MB, chunked: i % 2 === 0, chunkBytes: 32 * 1024 }),
    );
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const results = await Promise.all(uploads);
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(401));
    for (const r of results) expect(r.sentBeforeAnswer).toBeLessThan(4 * MB);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("refuses a correctly signed request stamped more than 5 minutes in the future, or the past", async () => {
    for (const offset of [6 * 60, -6 * 60]) {
      const { post, channel } = dm("Wat is de sociale basis?");
      const res = await h.post(post, { timestamp: Math.floor(Date.now() / 1000) + offset });
      expect(res.status).toBe(401);
      expect(h.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channel)).toHaveLength(0);
    }
    // Within the window it is answered.
    const { post, channel } = dm("Wat is de sociale basis?");
    expect((await h.post(post, { timestamp: Math.floor(Date.now() / 1000) + 60 })).status).toBe(200);
    await h.slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.channel === channel });
  });

  it("drops a replayed signed request: the same signature is handled once", async () => {
    const { post, channel } = dm("Wat is de sociale basis?");
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await h.post(post, { timestamp })).status).toBe(200);
    await h.slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.channel === channel });
    const replay = await h.post(post, { timestamp });
    expect(replay.status).toBe(200);
    await h.waitForLog(/replayed Slack request dropped/);
    // A second, distinct message in the same DM is answered: only the replay was dropped.
    const next = dm("Wat doet een buurthuis in de wijk?");
    const second = eventCallback({ ...(JSON.parse(next.post.body) as { event: Record<string, unknown> }).event, channel }, `Ev0B-next${counter}`);
    expect((await h.post(second)).status).toBe(200);
    const answers = await h.slack.waitForCalls("chat.postMessage", 2, { where: (c) => c.body.channel === channel });
    expect(answers).toHaveLength(2);
  });

  it("refuses a wrong signature and a payload nested too deep", async () => {
    const { post } = dm("Wat is de sociale basis?");
    expect((await h.post(post, { secret: "not-the-secret-at-all-000000000000" })).status).toBe(401);
    let deep: unknown = "x";
    for (let i = 0; i < 200; i++) deep = [deep];
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev0DEEP", event: { type: "message", blocks: deep } });
    const res = await h.post({ body, contentType: JSON_TYPE });
    expect(res.status).toBe(400);
  });
});
