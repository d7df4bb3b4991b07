/**
 * The inbox port: every inbound platform update or event is recorded here before the HTTP 200 goes
 * back, and a worker (on any instance) answers it under a lease. Declared by the channels, which
 * record and work it; implementations live in `src/store/` (SQLite and PostgreSQL) and pass one
 * contract suite. At least once in: nothing acknowledged is lost, also when an instance dies
 * mid-answer. Exactly once out: the replies go to the outbox in the same transaction that marks the
 * item done, and only the worker that still holds the lease can do that.
 */

/** One recorded update or event. */
export interface InboxItem {
  /** Store id; ids grow in the order items were recorded. */
  id: number;
  /** Platform delivery id, e.g. `telegram:update:123`, `slack:event:Ev01`, `slack:command:<trigger_id>`: unique. */
  key: string;
  /** Items of one chat are answered one at a time, in the order they were recorded. */
  chat: string;
  /** Whom the item is about (for erasure), e.g. `telegram:42`. */
  userId?: string;
  /** The platform's update or event as received (JSON). */
  payload: unknown;
  receivedAt: Date;
  /** Leases taken before this one (1 on the first try). */
  attempts: number;
}

/** A reply handed to the outbox on completion (an {@link OutboxStore} job). */
export interface InboxReply {
  lane: string;
  ticketId: number | null;
  kind: string;
  payload: unknown;
}

/** Inbound updates and events: recorded once by platform id, answered once, in order per chat. */
export interface Inbox {
  /**
   * Records an inbound item durably (resolve before answering the platform). Returns false, and
   * stores nothing, when an item with the same key was recorded before: a redelivery is dropped.
   */
  record(item: { key: string; chat: string; userId?: string; payload: unknown }, at: Date): Promise<boolean>;
  /**
   * Leases the oldest due item whose chat has no earlier unfinished item, to `workerId` until
   * `now + leaseMs`; undefined when there is none. An item whose lease ran out (its worker died) is
   * due again, and may be taken over by any worker. Two callers never lease the same item at once.
   * With `channel` (`telegram`, `slack`) only items whose chat is that channel's (`<channel>:…`) are
   * leased, so each channel's worker takes only what it can answer.
   */
  lease(workerId: string, leaseMs: number, now: Date, channel?: string): Promise<InboxItem | undefined>;
  /**
   * Marks the item done and enqueues `replies` in the outbox (in order, due at once), in ONE
   * transaction. Returns false, and writes nothing, when `workerId` no longer holds the lease
   * (it ran out and another worker took the item) or the item is finished already.
   */
  complete(id: number, workerId: string, replies: InboxReply[], at: Date): Promise<boolean>;
  /** Gives the leased item back, due again at `retryAt` (the chat waits for it). False without the lease. */
  retry(id: number, workerId: string, retryAt: Date, error: string): Promise<boolean>;
  /** Gives the leased item up (it can never be answered), so its chat moves on. False without the lease. */
  giveUp(id: number, workerId: string, error: string, at: Date): Promise<boolean>;
  /** Unfinished items, of one chat or all. */
  pending(chat?: string): Promise<number>;
  /** Deletes the finished items of a user (their payloads hold what the person wrote); returns items removed. */
  forgetUser(userId: string): Promise<number>;
  /** Deletes items finished before `before`; returns items removed. Their keys are then forgotten too. */
  purgeBefore(before: Date): Promise<number>;
}
