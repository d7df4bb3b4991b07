/** The usage recorder around an assistant, with real SQLite desk stores: what gets counted, and what /vergeet unlinks. */
import { describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/core/assistant.js";
import type { AssistantReply, InboundMessage } from "../../../src/core/types.js";
import { createUsageRecorder } from "../../../src/desk/usage-recorder.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";

const NOW = new Date("2026-04-01T10:00:00Z");
const period = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-05-01T00:00:00Z") };
const inbound = (conversationId: string, text: string): InboundMessage => ({
  id: text,
  channel: "telegram",
  conversationId,
  userId: conversationId,
  persona: "resident",
  text,
  receivedAt: NOW,
});

describe("usage recorder", () => {
  it("counts intents, needs per area and unsure answers (redacted), and forgets on /vergeet", async () => {
    const stores = openSqliteStores(":memory:").desk;
    const replies: Record<string, AssistantReply> = {
      listings: { intent: "listings", replies: [], sources: [], confident: true, asked: { categories: ["ontmoeting", "eten-en-koken"], area: "3701", shown: [] } },
      unsure: { intent: "answer", replies: [], sources: [], confident: false },
      forget: { intent: "command", replies: [], sources: [], confident: true, forgotten: true },
    };
    const assistant: Assistant = { handle: async (m) => replies[m.text.startsWith("koffie") ? "listings" : m.text === "/vergeet" ? "forget" : "unsure"]! };
    const recorder = createUsageRecorder({ usage: stores.usage, now: () => NOW });
    const observed = recorder.observe(assistant);
    for (let i = 0; i < 5; i++) await observed.handle(inbound(`telegram:${i}`, "koffie in 3701"));
    await observed.handle(inbound("telegram:9", "Mag ik mijn huurtoeslag houden? Mail me op jan@example.org"));
    await recorder.settle();

    const totals = await stores.usage.totals(period);
    expect(totals).toMatchObject({ conversations: 6, messages: 6, intents: { listings: 5, answer: 1 } });
    expect(await stores.usage.needs(period)).toEqual([
      { area: "3701", category: "eten-en-koken", count: 5 },
      { area: "3701", category: "ontmoeting", count: 5 },
    ]);
    const [gap] = await stores.usage.gaps(period, { includeHandled: false, limit: 5 });
    expect(gap?.question).toBe("Mag ik mijn huurtoeslag houden? Mail me op [e-mail]");

    await observed.handle(inbound("telegram:9", "/vergeet"));
    await recorder.settle();
    expect(await stores.usage.gaps(period, { includeHandled: true, limit: 5 })).toEqual([]);
    expect((await stores.usage.totals(period)).messages).toBe(6);
  });
});
