import { HttpError, type Transformer } from "grammy";
import { backoffDelay, sleep, type RetryPolicy } from "../../core/retry.js";

/** Direct replies: a person is waiting, so a few quick tries (about 4 s of waiting at most), then the caller decides. */
export const REPLY_RETRY: RetryPolicy & { maxRetryAfterSeconds: number } = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 2000,
  maxRetryAfterSeconds: 5,
};

/**
 * A grammY API transformer that retries 5xx answers, rate limits (429 with a `retry_after` within
 * the cap) and network errors, a bounded number of times with jittered, capped waits. It replaces
 * `@grammyjs/auto-retry` here: that plugin retries network errors without limit, with waits growing
 * to an hour, and without jitter — a chat stayed blocked for the whole outage.
 * `onAnswer` hears whether each answer shows the Bot API up (anything but 5xx and 429): that is
 * when parked replies should go out at once instead of waiting out their backoff.
 */
export function boundedRetry(
  policy: RetryPolicy & { maxRetryAfterSeconds: number },
  onAnswer?: (ok: boolean) => void,
  isStopping: () => boolean = () => false,
): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      let wait: number;
      try {
        const result = await prev(method, payload, signal);
        onAnswer?.(isUp(result));
        if (result.ok) return result;
        const retryAfter = result.parameters?.retry_after;
        const transient = result.error_code === 429 || result.error_code >= 500;
        if (!transient || attempt >= policy.attempts || isStopping()) return result;
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds) return result;
        wait = retryAfter !== undefined ? retryAfter * 1000 : backoffDelay(attempt, policy);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || attempt >= policy.attempts || isStopping()) throw error;
        wait = backoffDelay(attempt, policy);
      }
      await sleep(wait, signal as AbortSignal | undefined);
    }
  };
}

/** Only reports answers (for the clients whose callers retry themselves: the handoff outbox). */
export function reportAnswers(onAnswer: (ok: boolean) => void): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    onAnswer(isUp(result));
    return result;
  };
}

function isUp(result: { ok: boolean; error_code?: number }): boolean {
  return result.ok || (result.error_code !== undefined && result.error_code < 500 && result.error_code !== 429);
}
