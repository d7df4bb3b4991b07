import type { Logger } from "../log/logger.js";
import { classifyDeliveryError, type DeliveryFailure } from "./delivery-errors.js";
import type { OutboxJob, OutboxStore } from "./outbox-store.js";

export type { OutboxJob } from "./outbox-store.js";

export interface OutboxDeps {
  store: OutboxStore;
  now: () => Date;
  /** Performs one job; must throw when the platform did not accept it. */
  deliver: (job: OutboxJob) => Promise<void>;
  /** Told when a job is given up (an error a retry cannot fix), so a person can be told. */
  onGivenUp?: (job: OutboxJob, failure: DeliveryFailure) => void | Promise<void>;
  logger?: Logger;
  /** First retry delay; doubles each attempt. Default 2 s. */
  baseDelayMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  maxDelayMs?: number;
  /** Attempts before a non-retryable failure is given up. Default 3. */
  permanentAttempts?: number;
  /** Lanes delivered in parallel per pass. Default 16. */
  parallelLanes?: number;
  /** How long a claimed job is left to the instance delivering it. Default 60 s. */
  leaseMs?: number;
}

/**
 * A durable outbox. Jobs are delivered strictly in order within a lane (a lane is one
 * destination: a resident's chat, a ticket's thread): the next job waits until the one before it
 * was accepted or given up. A job is marked delivered only after `deliver` resolved. Failures
 * are retried with exponential backoff (or the platform's retry-after); retryable failures are
 * retried without limit, others a few times. Pending jobs survive a restart.
 */
export interface Outbox {
  enqueue(lane: string, ticketId: number | null, kind: string, payload: unknown): Promise<number>;
  /** Delivers every job that is due now, lane by lane; resolves when none is due. Never throws. */
  drain(): Promise<{ delivered: number; failed: number }>;
  /** Resolves when no drain is running (one started by an enqueue included). */
  idle(): Promise<void>;
  /** Waits for a running drain and refuses new ones (graceful shutdown). */
  stop(): Promise<void>;
  /** Accepts drains again after {@link Outbox.stop}. */
  resume(): void;
  pending(lane?: string): Promise<number>;
  /** Deletes every job of these tickets not delivered yet. */
  dropPendingForTickets(ticketIds: number[]): Promise<number>;
  /** Erasure: deletes every job of these tickets and lanes, delivered or not ({@link OutboxStore.forget}). */
  forget(scope: { ticketIds: number[]; lanes: string[] }): Promise<number>;
  /** Deletes delivered and given-up jobs created before `before`. */
  purgeBefore(before: Date): Promise<number>;
}

/**
 * The outbox on any {@link OutboxStore}. Each pass claims the due heads of the lanes (a claim is a
 * lease: a job whose instance died is taken over once it runs out) and delivers them in parallel.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, now, logger } = deps;
  const base = deps.baseDelayMs ?? 2000;
  const max = deps.maxDelayMs ?? 5 * 60_000;
  const permanentAttempts = deps.permanentAttempts ?? 3;
  const parallel = deps.parallelLanes ?? 16;
  const leaseMs = deps.leaseMs ?? 60_000;

  let running: Promise<{ delivered: number; failed: number }> | null = null;
  let again = false;
  let stopped = false;

  async function deliverOne(job: OutboxJob): Promise<boolean> {
    try {
      await deps.deliver(job);
    } catch (error) {
      await failed(job, error);
      return false;
    }
    // A failure to record the delivery is the drain's failure: the job is sent again after its lease.
    await store.markDelivered(job.id, now());
    return true;
  }

  async function failed(job: OutboxJob, error: unknown): Promise<void> {
    const failure = classifyDeliveryError(error);
    const attempts = job.attempts + 1;
    if (!failure.retryable && attempts >= permanentAttempts) {
      await store.markFailed(job.id, failure.code);
      logger?.error({ job: job.id, kind: job.kind, code: failure.code, attempts }, "handoff delivery given up");
      try {
        await deps.onGivenUp?.(job, failure);
      } catch (hookError) {
        logger?.error({ err: hookError }, "handoff give-up hook failed");
      }
      return;
    }
    const backoff = Math.min(max, base * 2 ** Math.min(attempts - 1, 20));
    const wait = Math.max(backoff, (failure.retryAfterSeconds ?? 0) * 1000);
    await store.markRetry(job.id, new Date(now().getTime() + wait), failure.code);
    logger?.warn({ job: job.id, kind: job.kind, code: failure.code, attempts, retryInMs: wait }, "handoff delivery failed; will retry");
  }

  async function drainAll() {
    let delivered = 0;
    let failed = 0;
    for (;;) {
      again = false;
      const t = now();
      const heads = await store.claimDue(t, parallel, new Date(t.getTime() + leaseMs));
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
    async enqueue(lane, ticketId, kind, payload) {
      const id = await store.enqueue({ lane, ticketId, kind, payload }, now());
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
    pending: (lane) => store.pending(lane),
    dropPendingForTickets: (ticketIds) => store.dropPendingForTickets(ticketIds),
    forget: (scope) => store.forget(scope),
    purgeBefore: (before) => store.purgeBefore(before),
  };
}
