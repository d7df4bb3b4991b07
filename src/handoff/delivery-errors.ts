/**
 * Decides whether a failed delivery is worth retrying. Adapters wrap their platform's errors into
 * an {@link AppError} (see `telegram-errors.ts`, `slack-errors.ts`), so this module reads nothing but
 * `retryable`, `retryAfterSeconds` and `detail`, and knows no platform.
 */
import { AppError, isAppError } from "../core/app-error.js";

export interface DeliveryFailure {
  /** False for errors a retry cannot fix (chat not found, bot blocked, bad request). */
  retryable: boolean;
  /** Seconds the platform asked us to wait (rate limit), when it said so. */
  retryAfterSeconds?: number;
  /** Short, log-safe description: a code, never message text. */
  code: string;
}

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  if (isAppError(error)) {
    return { retryable: error.retryable, code: error.detail, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  // Not wrapped by an adapter (a bug, or a sender from elsewhere): retried, since losing a message is
  // worse than trying again.
  return { retryable: true, code: error instanceof Error ? error.name : "unknown" };
}

/** Thrown by the routing sender when the channel for a conversation has not started (yet). */
export class ChannelNotRunningError extends AppError {
  constructor(prefix: string) {
    super("not_running", `no running channel for "${prefix}" conversations`, { detail: "channel_not_running" });
    this.name = "ChannelNotRunningError";
  }
}
