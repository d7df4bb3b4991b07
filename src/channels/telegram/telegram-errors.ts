import { GrammyError, HttpError } from "grammy";
import { AppError } from "../../core/app-error.js";

/**
 * Wraps what grammY throws into an {@link AppError}: a `GrammyError` carries the Bot API's
 * `error_code` (429 with `retry_after`, 5xx, 400/403/404 for good), an `HttpError` a failed request
 * (network, or an abort when the process shuts down).
 */
export function telegramAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof GrammyError) {
    const status = error.error_code;
    const detail = `telegram:${status}`;
    // Telegram's description names the problem ("bot was blocked by the user"), never message text.
    const message = `Telegram refused ${error.method} (${status}: ${error.description})`;
    if (status === 429) return new AppError("rate_limited", message, { detail, retryAfterSeconds: Number(error.parameters.retry_after), cause: error });
    if (status >= 500) return new AppError("unavailable", message, { detail, cause: error });
    return new AppError("rejected", message, { detail, cause: error });
  }
  if (error instanceof HttpError) {
    const inner = error.error as { name?: string } | undefined;
    const aborted = inner?.name === "AbortError";
    return new AppError(aborted ? "aborted" : "network", `Telegram could not be reached (${inner?.name ?? "error"})`, {
      detail: aborted ? "telegram:aborted" : "telegram:network",
      cause: error,
    });
  }
  // Unknown failures are worth another try: losing a message is worse than sending it late.
  return new AppError("internal", error instanceof Error ? error.message : String(error), { detail: "telegram:unknown", retryable: true, cause: error });
}
