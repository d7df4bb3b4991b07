/** The {@link Inbox} contract: every implementation passes these tests. */
import { expect, it } from "vitest";
import type { Inbox } from "../../../src/channels/inbox.js";
import type { OpenedDatabase } from "../../support/store-backends.js";

const t0 = new Date("2026-11-23T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const LEASE_MS = 30_000;

const update = (n: number, chat = 42) => ({
  key: `telegram:update:${n}`,
  chat: `telegram:${chat}`,
  userId: `telegram:${chat}`,
  payload: { update_id: n, message: { chat: { id: chat }, text: `bericht ${n} — é 😀` } },
});
const texts = (payload: unknown) => (payload as { message: { text: string } }).message.text;

async function drainIds(inbox: Inbox, worker: string, now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let item = await inbox.lease(worker, LEASE_MS, now); item; item = await inbox.lease(worker, LEASE_MS, now)) {
    ids.push(item.id);
    expect(await inbox.complete(item.id, worker, [], now)).toBe(true);
  }
  return ids;
}

export function inboxContract(db: () => OpenedDatabase): void {
  const inbox = () => db().stores.inbox;

  it("records an update once: a redelivery with the same key is dropped", async () => {
    const s = inbox();
    expect(await s.record(update(1), t0)).toBe(true);
    expect(await s.record(update(1), at(1))).toBe(false);
    expect(await s.record(update(2), at(1))).toBe(true);
    expect(await s.pending()).toBe(2);
    // Also when two instances receive it at the same moment.
    const other = (await db().another()).inbox;
    const answers = await Promise.all([s.record(update(3), at(2)), other.record(update(3), at(2)), other.record(update(3), at(2))]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("leases the item as it was recorded, and completes it with its replies in the outbox", async () => {
    const s = inbox();
    await s.record(update(1), t0);
    const item = await s.lease("w1", LEASE_MS, at(1));
    expect(item).toMatchObject({ key: "telegram:update:1", chat: "telegram:42", userId: "telegram:42", receivedAt: t0, attempts: 1 });
    expect(texts(item!.payload)).toBe("bericht 1 — é 😀");
    const replies = [
      { lane: "resident:telegram:42", ticketId: null, kind: "reply", payload: { text: "Hallo!" } },
      { lane: "resident:telegram:42", ticketId: 7, kind: "reply", payload: { text: "Nog iets?" } },
    ];
    expect(await s.complete(item!.id, "w1", replies, at(2))).toBe(true);
    expect(await s.pending()).toBe(0);
    const outbox = db().stores.outbox;
    expect(await outbox.pending("resident:telegram:42")).toBe(2);
    const [first] = await outbox.claimDue(at(2), 10, at(60));
    expect(first).toMatchObject({ lane: "resident:telegram:42", ticketId: null, kind: "reply", payload: { text: "Hallo!" }, attempts: 0 });
    await outbox.markDelivered(first!.id, at(3));
    const [second] = await outbox.claimDue(at(3), 10, at(60));
    expect(second).toMatchObject({ ticketId: 7, payload: { text: "Nog iets?" } });
    // Done is done: no second completion, no second set of replies.
    expect(await s.complete(item!.id, "w1", replies, at(4))).toBe(false);
    expect(await outbox.pending()).toBe(1);
    expect(await s.lease("w1", LEASE_MS, at(5))).toBeUndefined();
  });

  it("keeps a chat in order: its next item waits until the one before it is finished", async () => {
    const s = inbox();
    await s.record(update(1, 42), t0);
    await s.record(update(2, 42), t0);
    await s.record(update(3, 43), t0);
    const a = await s.lease("w1", LEASE_MS, at(1));
    const b = await s.lease("w2", LEASE_MS, at(1));
    expect([a?.key, b?.key]).toEqual(["telegram:update:1", "telegram:update:3"]);
    // Chat 42's second update is not handed out while the first is in hand.
    expect(await s.lease("w3", LEASE_MS, at(1))).toBeUndefined();
    await s.complete(b!.id, "w2", [], at(2));
    expect(await s.lease("w3", LEASE_MS, at(2))).toBeUndefined();
    await s.complete(a!.id, "w1", [], at(3));
    expect((await s.lease("w3", LEASE_MS, at(3)))?.key).toBe("telegram:update:2");
  });

  it("takes over an item whose lease ran out; the first worker can then no longer complete it", async () => {
    const s = inbox();
    await s.record(update(1), t0);
    const first = await s.lease("dead", LEASE_MS, at(1));
    const other = (await db().another()).inbox;
    expect(await other.lease("alive", LEASE_MS, at(1 + LEASE_MS / 1000 - 1))).toBeUndefined();
    const taken = await other.lease("alive", LEASE_MS, at(1 + LEASE_MS / 1000));
    expect(taken).toMatchObject({ id: first!.id, attempts: 2 });
    expect(await s.complete(first!.id, "dead", [{ lane: "l", ticketId: null, kind: "reply", payload: { text: "laat" } }], at(40))).toBe(false);
    expect(await s.retry(first!.id, "dead", at(50), "x")).toBe(false);
    expect(await db().stores.outbox.pending()).toBe(0);
    expect(await other.complete(taken!.id, "alive", [{ lane: "l", ticketId: null, kind: "reply", payload: { text: "op tijd" } }], at(41))).toBe(true);
    expect(await db().stores.outbox.pending()).toBe(1);
  });

  it("retries an item later (its chat waits), or gives it up so the chat moves on", async () => {
    const s = inbox();
    await s.record(update(1), t0);
    await s.record(update(2), t0);
    const item = await s.lease("w1", LEASE_MS, t0);
    expect(await s.retry(item!.id, "w1", at(10), "Bot API 502")).toBe(true);
    expect(await s.lease("w1", LEASE_MS, at(9))).toBeUndefined();
    const again = await s.lease("w2", LEASE_MS, at(10));
    expect(again).toMatchObject({ id: item!.id, attempts: 2 });
    expect(await s.giveUp(again!.id, "w1", "not mine", at(11))).toBe(false);
    expect(await s.giveUp(again!.id, "w2", "cannot be answered", at(11))).toBe(true);
    expect((await s.lease("w2", LEASE_MS, at(11)))?.key).toBe("telegram:update:2");
    expect(await s.pending("telegram:42")).toBe(1);
  });

  it("never leases one item to two workers at once, and answers every chat in order across instances", async () => {
    const s = inbox();
    const other = (await db().another()).inbox;
    for (let n = 1; n <= 40; n++) await s.record(update(n, 100 + (n % 8)), at(0));
    const seen: Array<{ worker: string; id: number; chat: string }> = [];
    const work = async (box: Inbox, worker: string) => {
      for (;;) {
        const item = await box.lease(worker, LEASE_MS, at(1));
        if (!item) {
          if ((await box.pending()) === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        seen.push({ worker, id: item.id, chat: item.chat });
        expect(await box.complete(item.id, worker, [], at(1))).toBe(true);
      }
    };
    await Promise.all([work(s, "a1"), work(s, "a2"), work(other, "b1"), work(other, "b2")]);
    expect(seen).toHaveLength(40);
    expect(new Set(seen.map((x) => x.id)).size).toBe(40);
    for (const chat of new Set(seen.map((x) => x.chat))) {
      const ids = seen.filter((x) => x.chat === chat).map((x) => x.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it("forgets a user's finished items, and purges finished items after the retention date", async () => {
    const s = inbox();
    await s.record(update(1, 42), t0);
    await s.record(update(2, 43), t0);
    expect(await drainIds(s, "w", at(1))).toHaveLength(2);
    await s.record(update(3, 42), at(2));
    expect(await s.forgetUser("telegram:42")).toBe(1);
    // The unfinished one stays until it is answered.
    expect(await s.pending("telegram:42")).toBe(1);
    expect(await s.purgeBefore(at(1))).toBe(0);
    expect(await s.purgeBefore(at(2))).toBe(1);
    // A purged key is forgotten: the platform would not send it again after that long.
    expect(await s.record(update(2, 43), at(3))).toBe(true);
  });

  it("leases only one channel's items when asked, so each channel's worker takes its own", async () => {
    const s = inbox();
    await s.record(update(1), t0);
    await s.record({ key: "slack:event:Ev1", chat: "slack:D0PRO0001", userId: "slack:U0PRO0001", payload: { text: "vraag" } }, at(1));
    await s.record(update(2, 43), at(2));
    const slack = await s.lease("w-slack", LEASE_MS, at(3), "slack");
    expect(slack).toMatchObject({ key: "slack:event:Ev1", chat: "slack:D0PRO0001" });
    expect(await s.lease("w-slack", LEASE_MS, at(3), "slack")).toBeUndefined();
    const telegram = [await s.lease("w-tg", LEASE_MS, at(3), "telegram"), await s.lease("w-tg", LEASE_MS, at(3), "telegram")];
    expect(telegram.map((item) => item?.key)).toEqual(["telegram:update:1", "telegram:update:2"]);
    expect(await s.lease("w-tg", LEASE_MS, at(3), "telegram")).toBeUndefined();
  });
}
