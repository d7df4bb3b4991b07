/** The {@link TicketStore} contract: every implementation passes these tests. */
import { expect, it } from "vitest";
import type { NewTicket } from "../../../src/handoff/ticket-store.js";
import type { OpenedDatabase } from "../../support/store-backends.js";

const t0 = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const SANNE = { id: "slack:U1", firstName: "Sanne" };
const OMAR = { id: "slack:U2", firstName: "Omar" };

const ticket = (n: number, extra: Partial<NewTicket> = {}): NewTicket => ({
  conversationId: `telegram:${n}`,
  channel: "telegram",
  userId: `telegram:${n}`,
  priority: "normal",
  reason: "handoff",
  topic: "geldzorgen",
  summary: `Bewoner ${n} wil praten over huur.`,
  desk: "slack",
  at: t0,
  ...extra,
});

export function ticketStoreContract(db: () => OpenedDatabase): void {
  const tickets = () => db().stores.tickets;

  it("creates an open ticket, and returns the active one for a second request of the same chat", async () => {
    const s = tickets();
    const first = await s.create(ticket(1));
    expect(first.created).toBe(true);
    expect(first.ticket).toMatchObject({
      conversationId: "telegram:1",
      channel: "telegram",
      userId: "telegram:1",
      priority: "normal",
      reason: "handoff",
      topic: "geldzorgen",
      status: "open",
      summary: "Bewoner 1 wil praten over huur.",
      desk: "slack",
      createdAt: t0,
    });
    expect(first.ticket).not.toHaveProperty("workerId");
    const again = await s.create(ticket(1, { summary: "anders" }));
    expect(again).toEqual({ ticket: first.ticket, created: false });
    const other = await s.create(ticket(2, { topic: undefined }));
    expect(other.created).toBe(true);
    expect(other.ticket.id).toBeGreaterThan(first.ticket.id);
    expect(other.ticket).not.toHaveProperty("topic");
    expect(await s.get(first.ticket.id)).toEqual(first.ticket);
    expect(await s.get(9999)).toBeUndefined();
    expect(await s.active("telegram:1")).toEqual(first.ticket);
    expect(await s.active("telegram:none")).toBeUndefined();
  });

  it("opens one ticket when two instances ask for the same chat at once", async () => {
    const other = (await db().another()).tickets;
    const results = await Promise.all([tickets().create(ticket(1)), other.create(ticket(1)), tickets().create(ticket(1)), other.create(ticket(1))]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
  });

  it("claims once: a second worker (or instance) loses, and a closed ticket cannot be claimed", async () => {
    const s = tickets();
    const { ticket: t } = await s.create(ticket(1));
    const other = (await db().another()).tickets;
    const [a, b] = await Promise.all([s.claim(t.id, SANNE, minutes(1)), other.claim(t.id, OMAR, minutes(1))]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const claimed = (await s.get(t.id))!;
    expect(claimed.status).toBe("claimed");
    expect(claimed.claimedAt).toEqual(minutes(1));
    expect([SANNE.id, OMAR.id]).toContain(claimed.workerId);
    expect(claimed.workerName).toBe(claimed.workerId === SANNE.id ? "Sanne" : "Omar");
    expect(await s.close(t.id, "worker", minutes(2))).toBe(true);
    expect(await s.close(t.id, "worker", minutes(3))).toBe(false);
    expect(await s.claim(t.id, SANNE, minutes(3))).toBe(false);
    expect(await s.get(t.id)).toMatchObject({ status: "closed", closeReason: "worker", closedAt: minutes(2) });
    expect(await s.active("telegram:1")).toBeUndefined();
    // After closing, the chat may open a new ticket.
    expect((await s.create(ticket(1))).created).toBe(true);
  });

  it("rates a closed ticket once, only from its own conversation", async () => {
    const s = tickets();
    const { ticket: t } = await s.create(ticket(1));
    expect(await s.rate(t.id, "telegram:1", 4)).toBe(false);
    await s.close(t.id, "worker", minutes(1));
    expect(await s.rate(t.id, "telegram:2", 4)).toBe(false);
    expect(await s.rate(t.id, "telegram:1", 4)).toBe(true);
    expect(await s.rate(t.id, "telegram:1", 5)).toBe(false);
    expect((await s.get(t.id))?.rating).toBe(4);
  });

  it("keeps desk references and finds a ticket by its desk thread", async () => {
    const s = tickets();
    const { ticket: t } = await s.create(ticket(1));
    await s.saveDeskRefs(t.id, { thread: "1700.1" });
    expect(await s.get(t.id)).toMatchObject({ deskThread: "1700.1" });
    expect(await s.get(t.id)).not.toHaveProperty("deskMessage");
    await s.saveDeskRefs(t.id, { message: "1700.2" });
    expect(await s.get(t.id)).toMatchObject({ deskThread: "1700.1", deskMessage: "1700.2" });
    expect((await s.byDeskThread("slack", "1700.1"))?.id).toBe(t.id);
    expect(await s.byDeskThread("telegram", "1700.1")).toBeUndefined();
    expect(await s.byDeskThread("slack", "nope")).toBeUndefined();
  });

  it("tracks the summary and its kind", async () => {
    const s = tickets();
    const { ticket: t } = await s.create(ticket(1));
    expect(await s.summaryKind(t.id)).toBe("plain");
    await s.setSummary(t.id, "Huurachterstand, wil bellen.", "llm");
    expect(await s.summaryKind(t.id)).toBe("llm");
    expect((await s.get(t.id))?.summary).toBe("Huurachterstand, wil bellen.");
    expect(await s.summaryKind(9999)).toBe("plain");
  });

  it("escalates once, and never a closed ticket", async () => {
    const s = tickets();
    const { ticket: t } = await s.create(ticket(1));
    expect(await s.escalate(t.id)).toBe(true);
    expect(await s.escalate(t.id)).toBe(false);
    expect((await s.get(t.id))?.priority).toBe("urgent");
    const { ticket: u } = await s.create(ticket(2));
    await s.close(u.id, "resident_stopped", minutes(1));
    expect(await s.escalate(u.id)).toBe(false);
  });

  it("finds posted open tickets due for a reminder per priority, and undelivered ones once", async () => {
    const s = tickets();
    const normal = (await s.create(ticket(1))).ticket;
    const urgent = (await s.create(ticket(2, { priority: "urgent" }))).ticket;
    const unposted = (await s.create(ticket(3))).ticket;
    const claimed = (await s.create(ticket(4))).ticket;
    for (const t of [normal, urgent, claimed]) await s.saveDeskRefs(t.id, { thread: `th${t.id}`, message: `m${t.id}` });
    await s.claim(claimed.id, SANNE, minutes(1));
    // At 10 minutes: urgent ones (5 min) are due, normal ones (15 min) not yet.
    const ids = async (list: Promise<Array<{ id: number }>>) => (await list).map((t) => t.id);
    expect(await ids(s.dueForReminder(minutes(10 - 15), minutes(10 - 5)))).toEqual([urgent.id]);
    expect(await ids(s.dueForReminder(minutes(20 - 15), minutes(20 - 5)))).toEqual([normal.id, urgent.id]);
    // Two instances mark the same reminder: one wins, and only it reminds.
    const other = (await db().another()).tickets;
    const marks = await Promise.all([s.markReminded(urgent.id, minutes(20), minutes(20 - 5)), other.markReminded(urgent.id, minutes(20), minutes(20 - 5))]);
    expect(marks.filter(Boolean)).toHaveLength(1);
    expect(await s.markReminded(claimed.id, minutes(20), minutes(20 - 15))).toBe(false);
    expect(await ids(s.dueForReminder(minutes(22 - 15), minutes(22 - 5)))).toEqual([normal.id]);
    expect(await ids(s.dueForReminder(minutes(26 - 15), minutes(26 - 5)))).toEqual([normal.id, urgent.id]);

    expect(await ids(s.undeliveredSince(minutes(1)))).toEqual([unposted.id]);
    expect(await ids(s.undeliveredSince(t0))).toEqual([]);
    expect(await s.markDelayNotice(unposted.id, minutes(6))).toBe(true);
    expect(await s.markDelayNotice(unposted.id, minutes(7))).toBe(false);
    expect(await ids(s.undeliveredSince(minutes(10)))).toEqual([]);
  });

  it("forgets a user: closes the active ticket, erases every ticket's content, leaves others alone", async () => {
    const s = tickets();
    const old = (await s.create(ticket(1))).ticket;
    await s.close(old.id, "worker", minutes(1));
    const active = (await s.create(ticket(1, { summary: "BSN 123456782, belt terug" }))).ticket;
    await s.claim(active.id, SANNE, minutes(2));
    const other = (await s.create(ticket(2))).ticket;

    const { ids, closed } = await s.forgetUser("telegram:1", minutes(3));
    expect(ids.sort((a, b) => a - b)).toEqual([old.id, active.id]);
    expect(closed.map((t) => t.id)).toEqual([active.id]);
    expect(closed[0]).toMatchObject({ status: "closed", closeReason: "forgotten", summary: "", userId: "", workerName: "Sanne" });
    for (const id of ids) {
      const t = (await s.get(id))!;
      expect(t.summary).toBe("");
      expect(t).not.toHaveProperty("topic");
      expect(t.userId).toBe("");
      expect(t.conversationId).not.toContain("telegram:1");
    }
    expect(await s.active("telegram:1")).toBeUndefined();
    expect(await s.get(other.id)).toEqual(other);
    expect(await s.forgetUser("telegram:1", minutes(4))).toEqual({ ids: [], closed: [] });
  });

  it("purges the content of tickets closed before the retention date", async () => {
    const s = tickets();
    const a = (await s.create(ticket(1))).ticket;
    const b = (await s.create(ticket(2))).ticket;
    const c = (await s.create(ticket(3))).ticket;
    await s.close(a.id, "worker", minutes(1));
    await s.close(b.id, "worker", minutes(100));
    expect(await s.purgeContentBefore(minutes(50))).toBe(1);
    expect(await s.purgeContentBefore(minutes(50))).toBe(0);
    expect(await s.get(a.id)).toMatchObject({ summary: "", status: "closed" });
    expect(await s.get(a.id)).not.toHaveProperty("topic");
    expect((await s.get(b.id))?.summary).toBe(b.summary);
    expect((await s.get(c.id))?.summary).toBe(c.summary);
  });
}
