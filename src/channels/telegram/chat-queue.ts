import type { Context, MiddlewareFn } from "grammy";

/** Runs the rest of the middleware chain after the update was acknowledged, one update at a time per chat. */
export interface ChatQueue {
  middleware: MiddlewareFn<Context>;
  /** Updates accepted but not finished yet. */
  readonly pending: number;
  /** Waits for accepted updates to finish (at most `timeoutMs`); returns true when all finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Detaches handling from delivery: the webhook request (or the polling loop) returns at once,
 * so a slow answer never runs into Telegram's webhook timeout and one slow chat does not hold up
 * the others. Updates of the same chat stay in order. `onError` gets anything the chain throws
 * (the chain has its own error boundary; this is the last resort).
 */
export function createChatQueue(onError: (error: unknown) => void): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();

  return {
    middleware(ctx, next) {
      const key = String(ctx.chat?.id ?? ctx.from?.id ?? "none");
      const previous = tails.get(key) ?? Promise.resolve();
      const task: Promise<void> = previous
        .then(() => next())
        .catch(onError)
        .finally(() => {
          running.delete(task);
          if (tails.get(key) === task) tails.delete(key);
        });
      tails.set(key, task);
      running.add(task);
    },
    get pending() {
      return running.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const done = (async () => {
        while (running.size) await Promise.allSettled([...running]);
        return true as const;
      })();
      const result = await Promise.race([done, timeout]);
      clearTimeout(timer);
      return result;
    },
  };
}
