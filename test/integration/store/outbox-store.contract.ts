/** The {@link OutboxStore} contract: every implementation passes these tests. */
import { expect, it } from "vitest";
import type { OutboxStore } from "../../../src/handoff/outbox-store.js";
import type { OpenedDatabase } from "../../support/store-backends.js";

const t0 = new Date("2026-11-23T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const LEASE = 60;

const enqueue = (s: OutboxStore, lane: string, text: string, ticketId: number | null = null, when = t0) =>
  s.enqueue({ lane, ticketId, kind: "resident", payload: { text, nested: { n: 1, list: ["é", "😀"] } } }, when);

const texts = (jobs: Array<{ payload: unknown }>) => jobs.map((j) => (j.payload as { text: string }).text);

export function outboxStoreContract(db: () => OpenedDatabase): void {
  const outbox = () => db().stores.outbox;

  it("stores jobs with growing ids and gives them back as they were enqueued", async () => {
    const s = outbox();
    const a = await enqueue(s, "resident:telegram:1", "een", 7);
    const b = await enqueue(s, "desk:7", "twee", 7);
    expect(b).toBeGreaterThan(a);
    const claimed = await s.claimDue(t0, 10, at(LEASE));
    expect(claimed).toEqual([
      { id: a, lane: "resident:telegram:1", ticketId: 7, kind: "resident", payload: { text: "een", nested: { n: 1, list: ["é", "😀"] } }, attempts: 0 },
      { id: b, lane: "desk:7", ticketId: 7, kind: "resident", payload: { text: "twee", nested: { n: 1, list: ["é", "😀"] } }, attempts: 0 },
    ]);
    expect(await s.pending()).toBe(2);
    expect(await s.pending("desk:7")).toBe(1);
    expect(await s.pending("desk:8")).toBe(0);
  });

  it("claims only the head of each lane, oldest first, up to the limit", async () => {
    const s = outbox();
    for (const text of ["a1", "a2", "a3"]) await enqueue(s, "a", text);
    for (const text of ["b1", "b2"]) await enqueue(s, "b", text);
    await enqueue(s, "c", "c1");
    expect(texts(await s.claimDue(t0, 2, at(LEASE)))).toEqual(["a1", "b1"]);
    // Claimed heads are leased: their lanes wait; lane c is next.
    expect(texts(await s.claimDue(t0, 10, at(LEASE)))).toEqual(["c1"]);
    expect(await s.claimDue(t0, 10, at(LEASE))).toEqual([]);
  });

  it("moves a lane on once its head is delivered or given up", async () => {
    const s = outbox();
    for (const text of ["a1", "a2", "a3"]) await enqueue(s, "a", text);
    const [head] = await s.claimDue(t0, 10, at(LEASE));
    await s.markDelivered(head!.id, at(1));
    const [second] = await s.claimDue(at(1), 10, at(1 + LEASE));
    expect(texts([second!])).toEqual(["a2"]);
    await s.markFailed(second!.id, "telegram:403");
    expect(texts(await s.claimDue(at(2), 10, at(2 + LEASE)))).toEqual(["a3"]);
    expect(await s.pending("a")).toBe(1);
    // Marking a job that is no longer pending changes nothing.
    await s.markRetry(head!.id, at(5), "late");
    expect(await s.pending("a")).toBe(1);
  });

  it("waits out a retry, counting attempts", async () => {
    const s = outbox();
    await enqueue(s, "a", "een");
    const [job] = await s.claimDue(t0, 10, at(LEASE));
    await s.markRetry(job!.id, at(30), "slack:http_500");
    expect(await s.claimDue(at(29), 10, at(29 + LEASE))).toEqual([]);
    const [again] = await s.claimDue(at(30), 10, at(30 + LEASE));
    expect(again).toMatchObject({ id: job!.id, attempts: 1 });
    await s.markRetry(again!.id, at(40), "slack:http_500");
    const [third] = await s.claimDue(at(40), 10, at(40 + LEASE));
    expect(third?.attempts).toBe(2);
  });

  it("takes a job over when its lease ran out (the instance delivering it died)", async () => {
    const s = outbox();
    await enqueue(s, "a", "een");
    expect(await s.claimDue(t0, 10, at(LEASE))).toHaveLength(1);
    const other = (await db().another()).outbox;
    expect(await other.claimDue(at(LEASE - 1), 10, at(2 * LEASE))).toEqual([]);
    expect(texts(await other.claimDue(at(LEASE), 10, at(2 * LEASE)))).toEqual(["een"]);
  });

  it("never gives one job to two instances claiming at the same moment", async () => {
    const s = outbox();
    for (let lane = 0; lane < 30; lane++) for (let n = 0; n < 2; n++) await enqueue(s, `lane:${lane}`, `${lane}:${n}`);
    const other = (await db().another()).outbox;
    const claims = await Promise.all([s.claimDue(t0, 8, at(LEASE)), other.claimDue(t0, 8, at(LEASE)), s.claimDue(t0, 8, at(LEASE)), other.claimDue(t0, 8, at(LEASE))]);
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Only lane heads, never a lane's second job while its first is out.
    expect(texts(claims.flat()).every((t) => t.endsWith(":0"))).toBe(true);
    expect(ids.length).toBeGreaterThan(0);
  });

  it("drops the pending jobs of forgotten tickets, and purges finished jobs after the retention date", async () => {
    const s = outbox();
    await enqueue(s, "desk:1", "relay 1", 1);
    await enqueue(s, "desk:2", "relay 2", 2);
    await enqueue(s, "desk:3", "relay 3", 3);
    const [first] = await s.claimDue(t0, 1, at(LEASE));
    await s.markDelivered(first!.id, at(1));
    expect(await s.dropPendingForTickets([1, 2])).toBe(1);
    expect(await s.dropPendingForTickets([])).toBe(0);
    expect(await s.pending()).toBe(1);
    expect(await s.purgeBefore(t0)).toBe(0);
    expect(await s.purgeBefore(at(10))).toBe(1);
    // The pending job stays, whatever its age.
    expect(await s.pending("desk:3")).toBe(1);
  });

  it("forgets every job of the given tickets and lanes, delivered or not, and nothing else", async () => {
    const s = outbox();
    await enqueue(s, "desk:1", "relay van de bewoner", 1);
    await enqueue(s, "resident:telegram:1", "antwoord van de werker", 1);
    await enqueue(s, "resident:telegram:1", "zonder ticket", null);
    await enqueue(s, "desk:2", "ander ticket", 2);
    await enqueue(s, "resident:telegram:2", "andere bewoner", null);
    const delivered = await s.claimDue(t0, 10, at(LEASE));
    for (const job of delivered) await s.markDelivered(job.id, at(1));
    expect(await s.forget({ ticketIds: [1], lanes: ["resident:telegram:1"] })).toBe(3);
    expect(await s.forget({ ticketIds: [], lanes: [] })).toBe(0);
    // Only the other resident's and the other ticket's jobs are left (purged later as usual).
    expect(await s.purgeBefore(at(10))).toBe(2);
    expect(await s.pending()).toBe(0);
  });
}
