import { afterEach, describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/core/assistant.js";
import type { AssistantReply } from "../../../src/core/types.js";
import { textUpdate } from "../../support/telegram-updates.js";
import { startHarness, textOf, WEBHOOK_SECRET, type Harness } from "./telegram-harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

let nextUpdateId = 5000;
const withId = (update: object) => ({ update_id: nextUpdateId++, ...update });

describe("Telegram over a webhook (real grammY webhookCallback on the shared express server)", () => {
  it("registers the webhook with its secret, does not poll, and serves /healthz", async () => {
    h = await startHarness({ webhook: true });
    const [setWebhook] = h.fake.callsTo("setWebhook");
    expect(setWebhook!.body).toMatchObject({ url: "https://wijkwijzer.example.org/telegram/webhook", secret_token: WEBHOOK_SECRET });
    expect(h.fake.callsTo("getUpdates")).toEqual([]);
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });

  it("answers a delivered update", async () => {
    h = await startHarness({ webhook: true });
    const response = await h.postUpdate(withId(textUpdate({ id: 601 }, "Wat is de sociale basis?")));
    expect(response.status).toBe(200);
    const [reply] = await h.fake.waitForCalls("sendMessage", 1);
    expect(textOf(reply!)).toContain("<a href=");
  });

  it("rejects a wrong or missing secret with 401 and handles nothing", async () => {
    h = await startHarness({ webhook: true });
    const missing = await h.postUpdate(withId(textUpdate({ id: 602 }, "/start")), null);
    const wrong = await h.postUpdate(withId(textUpdate({ id: 602 }, "/help")), "not-the-secret");
    const wrongSameLength = await h.postUpdate(withId(textUpdate({ id: 602 }, "/help")), WEBHOOK_SECRET.replace("t", "x"));
    expect([missing.status, wrong.status, wrongSameLength.status]).toEqual([401, 401, 401]);
    // A good delivery to the same chat afterwards is the only thing handled.
    await h.postUpdate(withId(textUpdate({ id: 602 }, "/privacy")));
    await h.fake.waitForCalls("sendMessage", 1);
    await h.channel.stop();
    expect(h.sentTo(602).map(textOf)).toHaveLength(1);
    expect(textOf(h.sentTo(602)[0]!)).toContain("Wat bewaar ik?");
    expect((await h.store.recentMessages("telegram:602", 10)).map((m) => m.text)).toEqual(["/privacy", expect.stringContaining("Wat bewaar ik?")]);
  });

  it("answers the same update posted twice only once", async () => {
    h = await startHarness({ webhook: true });
    const update = withId(textUpdate({ id: 603 }, "/help"));
    const first = await h.postUpdate(update);
    const second = await h.postUpdate(update);
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.fake.waitForCalls("sendMessage", 1);
    await h.channel.stop();
    expect(h.sentTo(603)).toHaveLength(1);
    expect((await h.store.recentMessages("telegram:603", 10)).filter((m) => m.direction === "in")).toHaveLength(1);
  });

  it("acknowledges the delivery before a slow answer is ready", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = (): Assistant => ({
      async handle(): Promise<AssistantReply> {
        await gate;
        return { intent: "answer", replies: [{ text: "Eindelijk klaar." }], sources: [], confident: true };
      },
    });
    h = await startHarness({ webhook: true, assistant: slow });
    const response = await h.postUpdate(withId(textUpdate({ id: 604 }, "Wat is de sociale basis?")));
    expect(response.status).toBe(200);
    try {
      expect(h.sentTo(604)).toEqual([]); // acknowledged while the answer is still being prepared
      const [typing] = await h.fake.waitForCalls("sendChatAction", 1);
      expect(typing!.body.action).toBe("typing");
    } finally {
      release();
    }
    const [reply] = await h.fake.waitForCalls("sendMessage", 1);
    expect(textOf(reply!)).toBe("Eindelijk klaar.");
  });

  it("keeps one chat's messages in order while answering", async () => {
    h = await startHarness({ webhook: true });
    await h.postUpdate(withId(textUpdate({ id: 605 }, "/start")));
    await h.postUpdate(withId(textUpdate({ id: 605 }, "/privacy")));
    await h.postUpdate(withId(textUpdate({ id: 605 }, "/help")));
    const replies = await h.fake.waitForCalls("sendMessage", 3);
    expect(replies.map(textOf).map((t) => t.slice(0, 12))).toEqual(["Hallo! Ik be", "Wat bewaar i", "Zo kunt u mi"]);
  });

  it("answers bad requests with 400, not a crash", async () => {
    h = await startHarness({ webhook: true });
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET };
    const broken = await fetch(`${h.baseUrl}/telegram/webhook`, { method: "POST", headers, body: "{not json" });
    const notAnUpdate = await fetch(`${h.baseUrl}/telegram/webhook`, { method: "POST", headers, body: JSON.stringify({ hello: 1 }) });
    expect([broken.status, notAnUpdate.status]).toEqual([400, 400]);
    expect(await broken.text()).not.toMatch(/at .*\.js|SyntaxError/);
    const ok = await h.postUpdate(withId(textUpdate({ id: 606 }, "/help")));
    expect(ok.status).toBe(200);
  });
});
