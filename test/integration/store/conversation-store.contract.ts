/** The {@link ConversationStore} contract: every implementation passes these tests. */
import { expect, it } from "vitest";
import type { ConversationRef } from "../../../src/core/ports.js";
import type { OpenedDatabase } from "../../support/store-backends.js";

const t0 = new Date("2026-11-22T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const ref = (n: string | number, user = `telegram:${n}`): ConversationRef => ({ conversationId: `telegram:${n}`, channel: "telegram", userId: user });

export function conversationStoreContract(db: () => OpenedDatabase): void {
  const store = () => db().stores.conversations;

  it("records messages in order and another instance on the same database reads them", async () => {
    const s = store();
    await s.ensureConversation(ref(1), t0);
    await s.appendMessage({ conversationId: "telegram:1", direction: "in", text: "hallo", at: t0 });
    await s.appendMessage({ conversationId: "telegram:1", direction: "out", text: "Hallo!", intent: "smalltalk", at: later(1) });
    await s.setState("telegram:1", { place: "3701" });
    const other = (await db().another()).conversations;
    expect((await other.recentMessages("telegram:1", 10)).map((m) => [m.direction, m.text, m.intent, m.at.getTime()])).toEqual([
      ["in", "hallo", undefined, t0.getTime()],
      ["out", "Hallo!", "smalltalk", later(1).getTime()],
    ]);
    expect(await other.getState("telegram:1")).toEqual({ place: "3701" });
  });

  it("gives the last messages, oldest first, within the limit", async () => {
    const s = store();
    await s.ensureConversation(ref(1), t0);
    for (let i = 1; i <= 5; i++) await s.appendMessage({ conversationId: "telegram:1", direction: i % 2 ? "in" : "out", text: `m${i}`, at: later(i) });
    expect((await s.recentMessages("telegram:1", 3)).map((m) => m.text)).toEqual(["m3", "m4", "m5"]);
    expect(await s.recentMessages("telegram:unknown", 3)).toEqual([]);
  });

  it("records a turn: the message in creates the conversation, the replies merge the state patch", async () => {
    const s = store();
    const r = ref(1);
    await s.recordInbound(r, { conversationId: r.conversationId, direction: "in", text: "koffie in 3701?", at: t0 });
    // A second message in does not reset the conversation.
    await s.recordInbound(r, { conversationId: r.conversationId, direction: "in", text: "graag", at: later(1) });
    // Another capability writes its own key during the turn; the patch must not clobber it.
    await s.setState(r.conversationId, { handoff: { pending: true }, listingsMemory: "old" });
    await s.recordReplies(r.conversationId, later(2), [{ text: "Koffie-ochtend", intent: "listings" }, { text: "Nog iets?", intent: "listings" }], {
      place: "3701",
      listingsMemory: undefined,
    });
    expect((await s.recentMessages(r.conversationId, 10)).map((m) => [m.direction, m.text, m.intent, m.at.getTime()])).toEqual([
      ["in", "koffie in 3701?", undefined, t0.getTime()],
      ["in", "graag", undefined, later(1).getTime()],
      ["out", "Koffie-ochtend", "listings", later(2).getTime()],
      ["out", "Nog iets?", "listings", later(2).getTime()],
    ]);
    expect(await s.getState(r.conversationId)).toEqual({ handoff: { pending: true }, place: "3701" });
  });

  it("records replies without a patch and keeps the state", async () => {
    const s = store();
    await s.recordInbound(ref(1), { conversationId: "telegram:1", direction: "in", text: "hoi", at: t0 });
    await s.setState("telegram:1", { place: "Zwolle" });
    await s.recordReplies("telegram:1", later(1), [{ text: "Hallo!" }]);
    await s.recordReplies("telegram:1", later(2), [], {});
    expect(await s.getState("telegram:1")).toEqual({ place: "Zwolle" });
    expect((await s.recentMessages("telegram:1", 10)).map((m) => [m.text, m.intent])).toEqual([
      ["hoi", undefined],
      ["Hallo!", undefined],
    ]);
  });

  it("merges a state patch and removes keys set to undefined, keeping nested values as stored", async () => {
    const s = store();
    await s.ensureConversation(ref(1), t0);
    await s.setState("telegram:1", { place: "3701", lastQuestion: "wat is de sociale basis?", slack: { shareable: [{ ref: "a", n: 1 }] } });
    await s.mergeState("telegram:1", { lastQuestion: undefined, unconfidentStreak: 2, location: { lat: 52.1, lon: 5.3 } });
    expect(await s.getState("telegram:1")).toEqual({
      place: "3701",
      slack: { shareable: [{ ref: "a", n: 1 }] },
      unconfidentStreak: 2,
      location: { lat: 52.1, lon: 5.3 },
    });
    // Unknown conversations have no state and get none.
    await s.mergeState("telegram:none", { place: "x" });
    await s.setState("telegram:none", { place: "x" });
    expect(await s.getState("telegram:none")).toEqual({});
  });

  it("stores text that looks like SQL, quotes and emoji exactly as typed", async () => {
    const s = store();
    const evil = "'); DROP TABLE messages;-- \"x\" \\ 😀 ‮ مرحبا";
    await s.ensureConversation(ref(1), t0);
    await s.appendMessage({ conversationId: "telegram:1", direction: "in", text: evil, at: t0 });
    await s.mergeState("telegram:1", { lastQuestion: evil });
    expect((await s.recentMessages("telegram:1", 1))[0]?.text).toBe(evil);
    expect((await s.getState("telegram:1")).lastQuestion).toBe(evil);
  });

  it("de-duplicates deliveries by key, also between two instances asking at once", async () => {
    const s = store();
    expect(await s.hasDelivery("telegram:update:1")).toBe(false);
    expect(await s.markDelivery("telegram:update:1", t0)).toBe(true);
    expect(await s.hasDelivery("telegram:update:1")).toBe(true);
    expect(await s.markDelivery("telegram:update:1", t0)).toBe(false);
    expect(await s.markDelivery("telegram:update:2", t0)).toBe(true);
    const other = (await db().another()).conversations;
    const keys = Array.from({ length: 20 }, (_, i) => `slack:event:E${i}`);
    const answers = await Promise.all(keys.flatMap((key) => [s.markDelivery(key, t0), other.markDelivery(key, t0)]));
    // Exactly one of each pair got true.
    for (let i = 0; i < keys.length; i++) expect([answers[2 * i], answers[2 * i + 1]].filter(Boolean)).toHaveLength(1);
  });

  it("records feedback, and touching a conversation keeps its messages", async () => {
    const s = store();
    await s.ensureConversation(ref(1), t0);
    await s.appendMessage({ conversationId: "telegram:1", direction: "out", text: "antwoord", at: t0 });
    await s.recordFeedback({ conversationId: "telegram:1", messageRef: "m1", value: "down", reason: "klopt niet", at: t0 });
    await s.recordFeedback({ conversationId: "telegram:1", messageRef: "m2", value: "up", at: t0 });
    await s.ensureConversation(ref(1), later(5));
    expect(await s.recentMessages("telegram:1", 10)).toHaveLength(1);
    // Two feedback rows, one message, one conversation.
    expect(await s.forgetUser("telegram:1")).toBe(4);
  });

  it("forgets one user completely and leaves others alone", async () => {
    const s = store();
    for (const user of ["a", "b"]) {
      await s.ensureConversation({ conversationId: `conv-${user}`, channel: "telegram", userId: user }, t0);
      await s.appendMessage({ conversationId: `conv-${user}`, direction: "in", text: "vraag", at: t0 });
      await s.recordFeedback({ conversationId: `conv-${user}`, messageRef: "1", value: "up", at: t0 });
      await s.setState(`conv-${user}`, { place: "Amersfoort" });
    }
    expect(await s.forgetUser("a")).toBe(3);
    expect(await s.recentMessages("conv-a", 10)).toEqual([]);
    expect(await s.getState("conv-a")).toEqual({});
    expect(await s.forgetUser("a")).toBe(0);
    expect(await s.recentMessages("conv-b", 10)).toHaveLength(1);
    expect(await s.getState("conv-b")).toEqual({ place: "Amersfoort" });
    expect(await s.forgetUser("b")).toBe(3);
  });

  it("keeps a resident's age band as a state key like any other, and forgets it with the user", async () => {
    const s = store();
    await s.recordInbound(ref(7), { conversationId: "telegram:7", direction: "in", text: "hoi", at: t0 });
    await s.recordReplies("telegram:7", later(1), [{ text: "Hallo" }], { ageBand: "minor", place: "Zeist" });
    expect(await s.getState("telegram:7")).toEqual({ ageBand: "minor", place: "Zeist" });
    await s.mergeState("telegram:7", { ageBand: "adult" });
    expect((await s.getState("telegram:7")).ageBand).toBe("adult");
    await s.forgetUser("telegram:7");
    expect(await s.getState("telegram:7")).toEqual({});
  });

  it("in a shared chat, forgets only the person's own messages, whoever started the chat", async () => {
    const s = store();
    const group = "telegram:-100500";
    const by = (user: string) => ({ conversationId: group, channel: "telegram" as const, userId: user });
    await s.recordInbound(by("telegram:1"), { conversationId: group, direction: "in", text: "Ik ben Anna, 0612398745", at: t0 });
    await s.recordReplies(group, later(1), [{ text: "Hallo Anna" }], { place: "Zeist" });
    await s.recordInbound(by("telegram:2"), { conversationId: group, direction: "in", text: "Ik ben Bram", at: later(2) });
    await s.recordInbound(by("telegram:3"), { conversationId: group, direction: "in", text: "Ik ben Cas", at: later(3) });
    // Someone who did not start the chat: their own message goes, the rest stays.
    expect(await s.forgetUser("telegram:3")).toBe(1);
    expect((await s.recentMessages(group, 10)).map((m) => m.text)).toEqual(["Ik ben Anna, 0612398745", "Hallo Anna", "Ik ben Bram"]);
    // The one who started it: their messages go, the others' stay, the state (perhaps theirs) is cleared.
    expect(await s.forgetUser("telegram:1")).toBe(1);
    expect((await s.recentMessages(group, 10)).map((m) => m.text)).toEqual(["Hallo Anna", "Ik ben Bram"]);
    expect(await s.getState(group)).toEqual({});
    // The chat passed to Bram: when he asks, it goes entirely.
    expect(await s.forgetUser("telegram:2")).toBe(3);
    expect(await s.recentMessages(group, 10)).toEqual([]);
  });

  it("forgets the user's finished raw updates in the inbox too, and leaves one still being answered", async () => {
    const s = store();
    const inbox = db().stores.inbox;
    await s.recordInbound(ref(5), { conversationId: "telegram:5", direction: "in", text: "mijn nummer is 0612398745", at: t0 });
    await inbox.record({ key: "telegram:update:50", chat: "telegram:5", userId: "telegram:5", payload: { text: "mijn nummer is 0612398745" } }, t0);
    const item = await inbox.lease("w", 30_000, t0);
    await inbox.complete(item!.id, "w", [], t0);
    await inbox.record({ key: "telegram:update:51", chat: "telegram:5", userId: "telegram:5", payload: { text: "/vergeet" } }, t0);
    await inbox.record({ key: "telegram:update:60", chat: "telegram:6", userId: "telegram:6", payload: { text: "ander" } }, t0);
    // One conversation, one message, one finished inbox item.
    expect(await s.forgetUser("telegram:5")).toBe(3);
    expect(await inbox.pending("telegram:5")).toBe(1);
    // The finished item is gone: its key is new again.
    expect(await inbox.record({ key: "telegram:update:50", chat: "telegram:5", payload: {} }, later(1))).toBe(true);
    expect(await inbox.pending("telegram:6")).toBe(1);
  });

  it("purges messages, feedback and delivery keys older than the retention date", async () => {
    const s = store();
    const old = new Date(t0.getTime() - 100 * 86_400_000);
    await s.ensureConversation({ conversationId: "c", channel: "slack", userId: "u" }, old);
    await s.appendMessage({ conversationId: "c", direction: "in", text: "oud", at: old });
    await s.appendMessage({ conversationId: "c", direction: "in", text: "nieuw", at: t0 });
    await s.recordFeedback({ conversationId: "c", messageRef: "1", value: "up", at: old });
    await s.markDelivery("telegram:update:9", old);
    const removed = await s.purgeOlderThan(new Date(t0.getTime() - 90 * 86_400_000));
    expect(removed).toBe(3);
    expect((await s.recentMessages("c", 10)).map((m) => m.text)).toEqual(["nieuw"]);
    // The purged delivery key is new again.
    expect(await s.markDelivery("telegram:update:9", t0)).toBe(true);
  });
}
