/** One contract for the desk's stores, run against SQLite and PostgreSQL. */
import { expect, it } from "vitest";
import type { DeskStores } from "../../../src/desk/desk-ports.js";

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function deskStoresContract(make: () => Promise<DeskStores>) {
  it("keeps users unique, lists them, and removing one ends its sessions", async () => {
    const s = await make();
    expect(await s.users.add({ email: "Anna@Example.org", name: "Anna", role: "worker", passwordHash: "h", createdAt: T0 })).toBe(true);
    expect(await s.users.add({ email: "anna@example.org", name: "Other", role: "coordinator", passwordHash: "h2", createdAt: T0 })).toBe(false);
    expect((await s.users.get("ANNA@example.org"))?.name).toBe("Anna");
    await s.sessions.create({ id: "sess1", email: "anna@example.org", csrfToken: "c", createdAt: T0, expiresAt: at(60) });
    expect((await s.sessions.get("sess1", at(1)))?.csrfToken).toBe("c");
    expect(await s.sessions.get("sess1", at(61))).toBeUndefined();
    expect((await s.users.list()).map((u) => u.email)).toEqual(["anna@example.org"]);
    expect(await s.users.remove("anna@example.org")).toBe(true);
    expect(await s.sessions.get("sess1", at(1))).toBeUndefined();
    expect(await s.users.remove("anna@example.org")).toBe(false);
  });

  it("records the audit log newest first and keeps saved replies", async () => {
    const s = await make();
    await s.audit.record({ actor: "a@x.nl", action: "login", at: at(0) });
    await s.audit.record({ actor: "a@x.nl", action: "claim", target: "ticket:1", at: at(1) });
    expect((await s.audit.recent(10)).map((e) => [e.action, e.target])).toEqual([["claim", "ticket:1"], ["login", undefined]]);
    const r = await s.replies.add({ title: "Groet", text: "Dag!", createdBy: "a@x.nl", createdAt: T0 });
    expect((await s.replies.list()).map((x) => x.title)).toEqual(["Groet"]);
    expect(await s.replies.remove(r.id)).toBe(true);
    expect(await s.replies.list()).toEqual([]);
  });

  it("counts usage per period, groups gaps, and forgets a conversation's questions", async () => {
    const s = await make();
    const u = s.usage;
    await u.record({ kind: "message", conversationKey: "c1", channel: "telegram", intent: "answer", at: at(0) });
    await u.record({ kind: "message", conversationKey: "c1", channel: "telegram", intent: "listings", at: at(1) });
    await u.record({ kind: "message", conversationKey: "c2", channel: "slack", intent: "answer", at: at(2) });
    await u.record({ kind: "message", conversationKey: "c3", channel: "slack", intent: "answer", at: at(60 * 24 * 40) });
    await u.record({ kind: "handoff", conversationKey: "c1", at: at(3) });
    await u.record({ kind: "claim", seconds: 90, at: at(4) });
    await u.record({ kind: "feedback", conversationKey: "c2", value: "down", reason: "onduidelijk", at: at(5) });
    await u.record({ kind: "rating", rating: 5, at: at(6) });
    for (let i = 0; i < 6; i++) await u.record({ kind: "need", conversationKey: `n${i}`, category: "ontmoeting", area: "3701", at: at(7) });
    await u.record({ kind: "gap", conversationKey: "c1", gapKey: "huurtoeslag", question: "Hoe werkt huurtoeslag?", at: at(8) });
    await u.record({ kind: "gap", conversationKey: "c2", gapKey: "huurtoeslag", question: "huurtoeslag hoe werkt het", at: at(9) });
    await u.record({ kind: "gap", conversationKey: "c2", gapKey: "parkeren", question: "Parkeren?", at: at(10) });
    const month = { from: T0, to: at(60 * 24 * 30) };
    const totals = await u.totals(month);
    expect(totals).toMatchObject({ conversations: 2, messages: 3, handoffs: 1, feedbackUp: 0, feedbackDown: 1, claimSeconds: [90], ratings: [5], intents: { answer: 2, listings: 1 } });
    expect(totals.feedbackReasons).toEqual([{ reason: "onduidelijk", count: 1 }]);
    expect(await u.perDay(month)).toEqual([{ day: "2026-03-02", conversations: 2, messages: 3, handoffs: 1 }]);
    expect(await u.needs(month)).toEqual([{ area: "3701", category: "ontmoeting", count: 6 }]);
    const gaps = await u.gaps(month, { includeHandled: false, limit: 10 });
    expect(gaps.map((g) => [g.key, g.count, g.question])).toEqual([["huurtoeslag", 2, "Hoe werkt huurtoeslag?"], ["parkeren", 1, "Parkeren?"]]);
    expect(await u.markGapHandled("huurtoeslag", at(11))).toBe(true);
    expect((await u.gaps(month, { includeHandled: false, limit: 10 })).map((g) => g.key)).toEqual(["parkeren"]);
    expect((await u.gaps(month, { includeHandled: true, limit: 10 })).find((g) => g.key === "huurtoeslag")?.handled).toBe(true);
    await u.forgetConversation("c2");
    expect((await u.gaps(month, { includeHandled: true, limit: 10 })).map((g) => [g.key, g.count])).toEqual([["huurtoeslag", 1]]);
    // The counts stay, unlinked: still two conversations and three messages.
    expect(await u.totals(month)).toMatchObject({ conversations: 2, messages: 3 });
  });

  it("schedules check-ins, sends each once, stores the answer and forgets a user", async () => {
    const s = await make();
    const c = s.checkIns;
    await c.schedule({ conversationId: "telegram:1", userId: "telegram:1", listingId: "L1", listingName: "Koffie-inloop", dueAt: at(60) }, T0);
    const again = await c.schedule({ conversationId: "telegram:1", userId: "telegram:1", listingId: "L2", listingName: "Taalcafé", dueAt: at(60) }, T0);
    expect(await c.due(at(59), 10)).toEqual([]);
    const due = await c.due(at(60), 10);
    expect(due.map((d) => d.listingName)).toEqual(["Taalcafé"]);
    expect(await c.markAsked(again.id, at(61))).toBe(true);
    expect(await c.markAsked(again.id, at(61))).toBe(false);
    expect((await c.awaiting("telegram:1"))?.id).toBe(again.id);
    expect(await c.answer(again.id, false, undefined, at(62))).toBe(true);
    expect(await c.answer(again.id, false, "too_far", at(63))).toBe(true);
    expect(await c.answer(again.id, true, undefined, at(64))).toBe(false);
    const other = await c.schedule({ conversationId: "telegram:2", userId: "telegram:2", listingId: "L2", listingName: "Taalcafé", dueAt: at(1) }, T0);
    await c.markAsked(other.id, at(2));
    await c.answer(other.id, true, undefined, at(3));
    expect(await c.outcomes()).toEqual([{ listingId: "L2", listingName: "Taalcafé", went: 1, notWent: 1, reasons: [{ reason: "too_far", count: 1 }] }]);
    expect(await c.forgetUser("telegram:1")).toBe(1);
    expect((await c.outcomes())[0]).toMatchObject({ went: 1, notWent: 0 });
  });
}
