/**
 * Works the inbox: takes recorded updates under a lease, answers them, and hands the replies to the
 * outbox in the same transaction that marks the item done ({@link Inbox.complete}). Several items
 * run at once (one slow chat never holds up another); the inbox itself keeps each chat in order.
 * Items of other instances and items whose worker died are picked up by the periodic poll.
 */
import { randomUUID } from "node:crypto";
import { isAppError } from "../core/app-error.js";
import { backoffDelay } from "../core/retry.js";
import type { Logger } from "../log/logger.js";
import type { Inbox, InboxItem, InboxReply } from "./inbox.js";

export interface InboxWorkerDeps {
  inbox: Inbox;
  logger: Logger;
  now: () => Date;
  /** Answers one item; resolves with the replies for the outbox. A throw is retried, up to `maxAttempts`. */
  handle(item: InboxItem): Promise<InboxReply[]>;
  /** Told after replies went to the outbox (so it delivers them now). */
  onCompleted?: () => void;
  /** Lease per item; an instance that dies leaves its items to others after this. Default 60 s. */
  leaseMs?: number;
  /** Items answered at once. Default 8. */
  concurrency?: number;
  /** How often to look for items of other instances and expired leases. Default 1 s. */
  pollMs?: number;
  /** Tries before an item is given up (its chat then moves on). Default 5. */
  maxAttempts?: number;
  workerId?: string;
  /** Only this channel's items (`telegram`, `slack`): each channel's worker answers its own. */
  channel?: string;
}

export interface InboxWorker {
  start(): void;
  /** Something was recorded: look now instead of at the next poll. */
  kick(): void;
  /** Takes no new items; waits up to `timeoutMs` for the ones running. True when all finished. */
  stop(timeoutMs: number): Promise<boolean>;
  /** Items being answered by this worker now. */
  readonly running: number;
}

const RETRY_POLICY = { baseDelayMs: 1000, maxDelayMs: 30_000 };

export function createInboxWorker(deps: InboxWorkerDeps): InboxWorker {
  const workerId = deps.workerId ?? `worker-${randomUUID()}`;
  const leaseMs = deps.leaseMs ?? 60_000;
  const concurrency = deps.concurrency ?? 8;
  const maxAttempts = deps.maxAttempts ?? 5;
  const running = new Set<Promise<void>>();
  let stopped = true;
  let filling: Promise<void> | undefined;
  let again = false;
  let poll: NodeJS.Timeout | undefined;

  /** Leases items until the worker is full or the inbox has nothing due. */
  function fill(): Promise<void> {
    if (filling) {
      again = true;
      return filling;
    }
    filling = (async () => {
      do {
        again = false;
        while (!stopped && running.size < concurrency) {
          let item: InboxItem | undefined;
          try {
            item = await deps.inbox.lease(workerId, leaseMs, deps.now(), deps.channel);
          } catch (error) {
            deps.logger.error({ err: error }, "inbox lease failed");
            return;
          }
          if (!item) break;
          const task = work(item).finally(() => {
            running.delete(task);
            if (!stopped) void fill();
          });
          running.add(task);
        }
      } while (again && !stopped);
    })().finally(() => {
      filling = undefined;
    });
    return filling;
  }

  async function work(item: InboxItem): Promise<void> {
    try {
      const replies = await deps.handle(item);
      const done = await deps.inbox.complete(item.id, workerId, replies, deps.now());
      if (!done) deps.logger.warn({ item: item.id }, "inbox item was taken over by another worker; its replies were dropped");
      else if (replies.length > 0) deps.onCompleted?.();
    } catch (error) {
      const final = item.attempts >= maxAttempts || (isAppError(error) && !error.retryable);
      try {
        if (final) {
          await deps.inbox.giveUp(item.id, workerId, errorCode(error), deps.now());
          deps.logger.error({ err: error, item: item.id, attempts: item.attempts }, "inbox item given up");
        } else {
          const retryAt = new Date(deps.now().getTime() + backoffDelay(item.attempts, RETRY_POLICY));
          await deps.inbox.retry(item.id, workerId, retryAt, errorCode(error));
          deps.logger.warn({ err: error, item: item.id, attempts: item.attempts }, "inbox item failed; retried later");
        }
      } catch (storeError) {
        // The lease runs out by itself: the item is tried again then.
        deps.logger.error({ err: storeError, item: item.id }, "inbox item could not be marked");
      }
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      poll = setInterval(() => void fill(), deps.pollMs ?? 1000);
      poll.unref();
      void fill();
    },
    kick() {
      if (!stopped) void fill();
    },
    async stop(timeoutMs) {
      stopped = true;
      if (poll) clearInterval(poll);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const done = (async () => {
        await filling;
        while (running.size) await Promise.allSettled([...running]);
        return true as const;
      })();
      const finished = await Promise.race([done, timeout]);
      clearTimeout(timer);
      return finished;
    },
    get running() {
      return running.size;
    },
  };
}

function errorCode(error: unknown): string {
  if (isAppError(error)) return error.code;
  return error instanceof Error ? error.name : "error";
}
