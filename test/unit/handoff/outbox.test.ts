import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { classifyDeliveryError } from "../../../src/handoff/delivery-errors.js";
import { createOutbox, type OutboxJob } from "../../../src/handoff/outbox.js";
import { openDatabase, type SqliteDatabase } from "../../../src/store/sqlite/database.js";
import { createSqliteOutboxStore } from "../../../src/store/sqlite/outbox-store.js";
import { slackError, telegramError, telegramNetworkError } from "../../support/platform-errors.js";

const T0 = Date.parse("2026-11-23T09:00:00Z");
const http500 = () => slackError("http", 500);
const rateLimited = (seconds: number) => slackError("rate_limited", seconds);
const blocked = () => telegramError(403, "Forbidden: bot was blocked by the user");

let db: SqliteDatabase;
let dir: string | undefined;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function setup(deliver: (job: OutboxJob) => Promise<void>, extra: { onGivenUp?: (job: OutboxJob) => void; path?: string } = {}) {
  const clock = { t: T0 };
  db = openDatabase(extra.path ?? ":memory:");
  const outbox = createOutbox({
    store: createSqliteOutboxStore(db),
    now: () => new Date(clock.t),
    deliver,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    ...(extra.onGivenUp ? { onGivenUp: extra.onGivenUp } : {}),
  });
  return { outbox, clock };
}

describe("SQLite outbox", () => {
  it("keeps order within a lane through failures, and never delivers twice", async () => {
    const delivered: string[] = [];
    let failuresLeft = 3;
    const { outbox, clock } = setup(async (job) => {
      const { text } = job.payload as { text: string };
      if (job.lane === "a" && failuresLeft > 0) {
        failuresLeft -= 1;
        throw http500();
      }
      delivered.push(`${job.lane}:${text}`);
    });
    for (const text of ["1", "2", "3"]) await outbox.enqueue("a", null, "m", { text });
    for (const text of ["1", "2"]) await outbox.enqueue("b", null, "m", { text });

    await outbox.drain();
    // Lane b is not held up by lane a.
    expect(delivered).toEqual(["b:1", "b:2"]);
    for (let i = 0; i < 10 && await outbox.pending() > 0; i++) {
      await outbox.drain();
      clock.t += 60_000;
    }
    expect(delivered).toEqual(["b:1", "b:2", "a:1", "a:2", "a:3"]);
    expect(await outbox.pending()).toBe(0);
    await outbox.drain();
    expect(delivered).toHaveLength(5);
  });

  it("waits out the backoff (doubling) and the platform's retry-after", async () => {
    const attempts: number[] = [];
    let fail = [http500(), http500(), rateLimited(30)];
    const { outbox, clock } = setup(async () => {
      attempts.push(clock.t - T0);
      const error = fail.shift();
      if (error) throw error;
    });
    await outbox.enqueue("a", null, "m", {});
    const tryEverySecond = async (seconds: number) => {
      for (let s = 0; s < seconds; s++) {
        await outbox.drain();
        clock.t += 1000;
      }
    };
    await tryEverySecond(45);
    // First try at 0 s; retry after 1 s; after 2 more; the rate limit asks 30 s.
    expect(attempts).toEqual([0, 1000, 3000, 33_000]);
    expect(await outbox.pending()).toBe(0);
    fail = [];
  });

  it("gives up on an error a retry cannot fix, says so, and moves on in the lane", async () => {
    const given: number[] = [];
    const delivered: number[] = [];
    const { outbox, clock } = setup(
      async (job) => {
        if ((job.payload as { n: number }).n === 1) throw blocked();
        delivered.push((job.payload as { n: number }).n);
      },
      { onGivenUp: (job) => given.push((job.payload as { n: number }).n) },
    );
    await outbox.enqueue("a", null, "m", { n: 1 });
    await outbox.enqueue("a", null, "m", { n: 2 });
    for (let i = 0; i < 6; i++) {
      await outbox.drain();
      clock.t += 60_000;
    }
    expect(given).toEqual([1]);
    expect(delivered).toEqual([2]);
    const row = db.prepare("SELECT status, attempts, last_error FROM handoff_outbox WHERE id = 1").get();
    expect(row).toEqual({ status: "failed", attempts: 3, last_error: "telegram:403" });
  });

  it("delivers what was pending after a restart (same file), exactly once", async () => {
    dir = mkdtempSync(join(tmpdir(), "ww-outbox-"));
    const path = join(dir, "db.sqlite");
    const first: string[] = [];
    let up = false;
    const a = setup(async (job) => {
      if (!up) throw http500();
      first.push((job.payload as { text: string }).text);
    }, { path });
    await a.outbox.enqueue("a", null, "m", { text: "een" });
    await a.outbox.enqueue("a", null, "m", { text: "twee" });
    await a.outbox.drain();
    await a.outbox.stop();
    db.close();

    up = true;
    const second: string[] = [];
    const b = setup(async (job) => void second.push((job.payload as { text: string }).text), { path });
    b.clock.t += 60_000;
    await b.outbox.drain();
    expect(first).toEqual([]);
    expect(second).toEqual(["een", "twee"]);
    await b.outbox.drain();
    expect(second).toEqual(["een", "twee"]);
  });

  it("a drain asked for while one runs is not lost", async () => {
    const delivered: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { outbox } = setup(async (job) => {
      if ((job.payload as { text: string }).text === "eerste") await gate;
      delivered.push((job.payload as { text: string }).text);
    });
    await outbox.enqueue("a", null, "m", { text: "eerste" });
    const running = outbox.drain();
    await outbox.enqueue("b", null, "m", { text: "tweede" });
    void outbox.drain();
    release();
    await running;
    await outbox.idle();
    expect(delivered.sort()).toEqual(["eerste", "tweede"]);
  });
});

describe("classifyDeliveryError", () => {
  it("retries 5xx, 429 and network failures; not 4xx", () => {
    expect(classifyDeliveryError(http500())).toMatchObject({ retryable: true, code: "slack:http_500" });
    expect(classifyDeliveryError(rateLimited(7))).toMatchObject({ retryable: true, retryAfterSeconds: 7 });
    expect(classifyDeliveryError(slackError("platform", "channel_not_found"))).toMatchObject({ retryable: false, code: "slack:channel_not_found" });
    expect(classifyDeliveryError(slackError("platform", "internal_error"))).toMatchObject({ retryable: true });
    expect(classifyDeliveryError(slackError("network"))).toMatchObject({ retryable: true, code: "slack:request_failed" });
    expect(classifyDeliveryError(telegramError(429, "Too Many Requests", 3))).toMatchObject({ retryable: true, retryAfterSeconds: 3 });
    expect(classifyDeliveryError(telegramError(502))).toMatchObject({ retryable: true, code: "telegram:502" });
    expect(classifyDeliveryError(blocked())).toMatchObject({ retryable: false, code: "telegram:403" });
    expect(classifyDeliveryError(telegramNetworkError())).toMatchObject({ retryable: true, code: "telegram:network" });
    // Not wrapped by an adapter: retried rather than lost.
    expect(classifyDeliveryError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toMatchObject({ retryable: true });
  });
});
