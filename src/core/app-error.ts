/**
 * The one error the application reasons about. Adapters wrap what their platform throws (grammY's
 * `GrammyError` / `HttpError`, the Slack Web API's coded errors) into an AppError, so everything
 * above them — the handoff outbox, retries, the shutdown — decides on `code` and `retryable` alone
 * and never inspects a platform's error shape.
 */

/**
 * - `unavailable`: the platform answered 5xx or was otherwise down; try again.
 * - `rate_limited`: the platform asked to wait (`retryAfterSeconds` when it said how long).
 * - `network`: no answer (connection refused or reset, DNS, a timeout).
 * - `rejected`: the platform refused for good (bad request, chat not found, bot blocked).
 * - `not_running`: the channel or desk for this destination has not started (yet).
 * - `aborted`: the call was cut off on purpose (shutdown); the work is still to do.
 * - `internal`: a bug or something unforeseen.
 */
export type AppErrorCode = "unavailable" | "rate_limited" | "network" | "rejected" | "not_running" | "aborted" | "internal";

const RETRYABLE_BY_DEFAULT: Record<AppErrorCode, boolean> = {
  unavailable: true,
  rate_limited: true,
  network: true,
  rejected: false,
  not_running: true,
  aborted: true,
  internal: false,
};

export interface AppErrorOptions {
  /** Overrides the default of the code. */
  retryable?: boolean;
  retryAfterSeconds?: number;
  /** Short, log-safe detail such as `telegram:403` or `slack:channel_not_found`: a code, never message text. */
  detail?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly detail: string;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[code];
    this.detail = options.detail ?? code;
    const wait = options.retryAfterSeconds;
    if (wait !== undefined && Number.isFinite(wait) && wait > 0) this.retryAfterSeconds = wait;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The error as an AppError: itself when it is one, else `internal` (or what `fallback` says) with the
 * original as `cause`. For code that catches errors an adapter did not wrap.
 */
export function toAppError(error: unknown, fallback: AppErrorCode = "internal"): AppError {
  if (isAppError(error)) return error;
  const name = error instanceof Error ? error.name : "unknown";
  return new AppError(fallback, error instanceof Error ? error.message : String(error), { detail: name, cause: error });
}
