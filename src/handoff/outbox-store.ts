/**
 * The port the handoff outbox keeps its jobs in. Implementations live in `src/store/` (SQLite and
 * PostgreSQL) and pass one contract suite; the delivery logic (order, backoff, giving up) is in
 * `outbox.ts` and is the same on every store.
 */

/** One job as stored: `kind` and `payload` mean something to the deliver function only. */
export interface OutboxJob {
  id: number;
  lane: string;
  ticketId: number | null;
  kind: string;
  payload: unknown;
  /** Attempts made before this one. */
  attempts: number;
}

/** Durable outbox jobs in lanes (one lane per destination), claimed under a lease by any instance. */
export interface OutboxStore {
  /** Stores a pending job, due at once; returns its id (ids grow in the order of enqueueing). */
  enqueue(job: { lane: string; ticketId: number | null; kind: string; payload: unknown }, at: Date): Promise<number>;
  /**
   * Claims up to `limit` due jobs, each the oldest pending job of its lane, oldest first. A claimed
   * job is not due again before `leaseUntil` (so another instance leaves it alone while it is being
   * delivered, and takes it over when the instance died); marking it ends the claim. Two callers at
   * the same moment never get the same job.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxJob[]>;
  /** Marks a pending job delivered (counting the attempt). */
  markDelivered(id: number, at: Date): Promise<void>;
  /** Counts the attempt and makes the pending job due again at `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: Date, error: string): Promise<void>;
  /** Counts the attempt and gives the pending job up. */
  markFailed(id: number, error: string): Promise<void>;
  /** Pending jobs, of one lane or all. */
  pending(lane?: string): Promise<number>;
  /** Deletes every job of these tickets not delivered yet. */
  dropPendingForTickets(ticketIds: number[]): Promise<number>;
  /**
   * Erasure: deletes every job of these tickets and of these lanes, delivered, given up or pending
   * (their payloads hold what the resident and the worker wrote); returns jobs removed.
   */
  forget(scope: { ticketIds: number[]; lanes: string[] }): Promise<number>;
  /** Deletes delivered and given-up jobs created before `before`; returns jobs removed. */
  purgeBefore(before: Date): Promise<number>;
}
