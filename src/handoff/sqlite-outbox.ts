import type { Logger } from "../log/logger.js";
import type { SqliteDatabase } from "../store/database.js";
import { classifyDeliveryError, type DeliveryFailure } from "./delivery-errors.js";

/** One job as stored: `kind` and `payload` mean something to the deliver function only. */
export interface OutboxJob {
  id: number;
  lane: string;
  ticketId: number | null;
  kind: string;
  payload: unknown;
  attempts: number;
}

export interface OutboxDeps {
  db: SqliteDatabase;
  now: () => Date;
  /** Performs one job; must throw when the platform did not accept it. */
  deliver: (job: OutboxJob) => Promise<void>;
  /** Told when a job is given up (an error a retry cannot fix), so a person can be told. */
  onGivenUp?: (job: OutboxJob, failure: DeliveryFailure) => void;
  logger?: Logger;
  /** First retry delay; doubles each attempt. Default 2 s. */
  baseDelayMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  maxDelayMs?: number;
  /** Attempts before a non-retryable failure is given up. Default 3. */
  permanentAttempts?: number;
  /** Lanes delivered in parallel per pass. Default 16. */
  parallelLanes?: number;
}

/**
 * A durable outbox on SQLite. Jobs are delivered strictly in order within a lane (a lane is one
 * destination: a resident's chat, a ticket's thread): the next job waits until the one before it
 * was accepted or given up. A job is marked delivered only after `deliver` resolved. Failures
 * are retried with exponential backoff (or the platform's retry-after); retryable failures are
 * retried without limit, others a few times. Pending jobs survive a restart.
 */
export interface Outbox {
  enqueue(lane: string, ticketId: number | null, kind: string, payload: unknown): number;
  /** Delivers every job that is due now, lane by lane; resolves when none is due. Never throws. */
  drain(): Promise<{ delivered: number; failed: number }>;
  /** Resolves when no drain is running (one started by an enqueue included). */
  idle(): Promise<void>;
  /** Waits for a running drain and refuses new ones (graceful shutdown). */
  stop(): Promise<void>;
  /** Accepts drains again after {@link Outbox.stop}. */
  resume(): void;
  pending(lane?: string): number;
  /** Deletes every job of these tickets not delivered yet (the resident asked to be forgotten). */
  dropPendingForTickets(ticketIds: number[]): number;
  /** Deletes the content of delivered and given-up jobs created before `before`. */
  purgeBefore(before: Date): number;
}

interface Row {
  id: number;
  lane: string;
  ticket_id: number | null;
  kind: string;
  payload_json: string;
  attempts: number;
}

export function createSqliteOutbox(deps: OutboxDeps): Outbox {
  const { db, now, logger } = deps;
  const base = deps.baseDelayMs ?? 2000;
  const max = deps.maxDelayMs ?? 5 * 60_000;
  const permanentAttempts = deps.permanentAttempts ?? 3;
  const parallel = deps.parallelLanes ?? 16;

  const insert = db.prepare(
    `INSERT INTO handoff_outbox (lane, ticket_id, kind, payload_json, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const dueHeads = db.prepare(
    `SELECT id, lane, ticket_id, kind, payload_json, attempts FROM handoff_outbox
      WHERE id IN (SELECT MIN(id) FROM handoff_outbox WHERE status = 'pending' GROUP BY lane)
        AND next_attempt_at <= ?
      ORDER BY id LIMIT ?`,
  );
  const markDelivered = db.prepare(
    "UPDATE handoff_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
  );
  const markRetry = db.prepare(
    "UPDATE handoff_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const markFailed = db.prepare(
    "UPDATE handoff_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const countPending = db.prepare("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending'");
  const countLane = db.prepare("SELECT COUNT(*) AS n FROM handoff_outbox WHERE status = 'pending' AND lane = ?");
  const dropTicket = db.prepare("DELETE FROM handoff_outbox WHERE ticket_id = ? AND status = 'pending'");
  const purge = db.prepare("DELETE FROM handoff_outbox WHERE status <> 'pending' AND created_at < ?");

  let running: Promise<{ delivered: number; failed: number }> | null = null;
  let again = false;
  let stopped = false;

  async function deliverOne(row: Row): Promise<boolean> {
    const job: OutboxJob = {
      id: row.id,
      lane: row.lane,
      ticketId: row.ticket_id,
      kind: row.kind,
      payload: JSON.parse(row.payload_json) as unknown,
      attempts: row.attempts,
    };
    try {
      await deps.deliver(job);
      markDelivered.run(now().getTime(), row.id);
      return true;
    } catch (error) {
      const failure = classifyDeliveryError(error);
      const attempts = row.attempts + 1;
      if (!failure.retryable && attempts >= permanentAttempts) {
        markFailed.run(failure.code, row.id);
        logger?.error({ job: row.id, kind: row.kind, code: failure.code, attempts }, "handoff delivery given up");
        try {
          deps.onGivenUp?.(job, failure);
        } catch (hookError) {
          logger?.error({ err: hookError }, "handoff give-up hook failed");
        }
        return false;
      }
      const backoff = Math.min(max, base * 2 ** Math.min(attempts - 1, 20));
      const wait = Math.max(backoff, (failure.retryAfterSeconds ?? 0) * 1000);
      markRetry.run(now().getTime() + wait, failure.code, row.id);
      logger?.warn({ job: row.id, kind: row.kind, code: failure.code, attempts, retryInMs: wait }, "handoff delivery failed; will retry");
      return false;
    }
  }

  async function drainAll() {
    let delivered = 0;
    let failed = 0;
    for (;;) {
      again = false;
      const heads = dueHeads.all(now().getTime(), parallel) as Row[];
      if (heads.length === 0) break;
      const results = await Promise.all(heads.map(deliverOne));
      const ok = results.filter(Boolean).length;
      delivered += ok;
      failed += results.length - ok;
      // Only go round again when something moved: a lane whose head failed waits for its backoff.
      if (ok === 0 && !again) break;
    }
    return { delivered, failed };
  }

  function drain(): Promise<{ delivered: number; failed: number }> {
    if (stopped) return Promise.resolve({ delivered: 0, failed: 0 });
    if (running) {
      again = true;
      return running;
    }
    again = false;
    running = drainAll()
      .catch((error: unknown) => {
        logger?.error({ err: error }, "handoff outbox drain failed");
        return { delivered: 0, failed: 0 };
      })
      .finally(() => {
        running = null;
        // A job enqueued after the last pass looked must not wait for the next tick.
        if (again) void drain();
      });
    return running;
  }

  return {
    enqueue(lane, ticketId, kind, payload) {
      const t = now().getTime();
      const id = Number(insert.run(lane, ticketId, kind, JSON.stringify(payload), t, t).lastInsertRowid);
      again = true;
      return id;
    },
    drain,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      while (running) await running;
    },
    resume() {
      stopped = false;
    },
    pending(lane) {
      const row = (lane === undefined ? countPending.get() : countLane.get(lane)) as { n: number };
      return row.n;
    },
    dropPendingForTickets(ticketIds) {
      return db.transaction(() => ticketIds.reduce((n, id) => n + dropTicket.run(id).changes, 0))();
    },
    purgeBefore(before) {
      return purge.run(before.getTime()).changes;
    },
  };
}
