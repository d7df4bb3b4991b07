import type { EventEmitter } from "node:events";

export interface WaitOptions<C> {
  where?: (call: C) => boolean;
  timeoutMs?: number;
}

/**
 * Resolves with the recorded calls to `method` (matching `where`) once there are at least `count`,
 * re-checking on every "call" event the fake server emits; rejects after `timeoutMs` with the
 * message `describeFailure` makes of what was seen. Shared by the fake Telegram and Slack APIs.
 */
export function waitForRecordedCalls<C extends { method: string }>(
  calls: readonly C[],
  events: EventEmitter,
  method: string,
  count: number,
  options: WaitOptions<C>,
  describeFailure: (seen: number, timeoutMs: number) => string,
): Promise<C[]> {
  const { where = () => true, timeoutMs = 10_000 } = options;
  const matching = () => calls.filter((c) => c.method === method && where(c));
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = matching();
      if (found.length < count) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(describeFailure(matching().length, timeoutMs)));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      events.off("call", check);
    };
    events.on("call", check);
    check();
  });
}
