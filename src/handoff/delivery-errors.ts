/**
 * Decides whether a failed platform call is worth retrying. Duck-typed on the error shapes of
 * grammY (`GrammyError.error_code`, `parameters.retry_after`; `HttpError` for network) and the
 * Slack Web API client (`code` `slack_webapi_*`, `statusCode`, `retryAfter`, `data.error`), so
 * this module imports no platform.
 */

export interface DeliveryFailure {
  /** False for errors a retry cannot fix (chat not found, bot blocked, bad request). */
  retryable: boolean;
  /** Seconds the platform asked us to wait (rate limit), when it said so. */
  retryAfterSeconds?: number;
  /** Short, log-safe description: a code, never message text. */
  code: string;
}

/** Slack `ok: false` errors that are the platform's fault, not ours. */
const SLACK_TRANSIENT = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
  "team_added_to_org",
]);

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const e = (error ?? {}) as Record<string, unknown>;
  const code = typeof e.code === "string" ? e.code : undefined;

  // Adapters' own delivery errors (e.g. SlackDeliveryError) already say whether a retry helps.
  if (typeof e.retryable === "boolean") {
    const detail = typeof e.slackCode === "string" ? `slack:${e.slackCode}` : (code ?? "delivery_failed");
    return { retryable: e.retryable, code: detail };
  }

  // Slack Web API client errors.
  if (code === "slack_webapi_rate_limited_error") {
    return { retryable: true, code: "slack:rate_limited", ...seconds(e.retryAfter) };
  }
  if (code === "slack_webapi_request_error") return { retryable: true, code: "slack:network" };
  if (code === "slack_webapi_http_error") {
    const status = Number(e.statusCode);
    return { retryable: status >= 500 || status === 429 || status === 408, code: `slack:http_${status}` };
  }
  if (code === "slack_webapi_platform_error") {
    const data = (e.data ?? {}) as { error?: unknown };
    const slackError = typeof data.error === "string" ? data.error : "unknown";
    return { retryable: SLACK_TRANSIENT.has(slackError), code: `slack:${slackError}` };
  }

  // grammY: GrammyError carries the Bot API's error_code; HttpError wraps network failures.
  if (typeof e.error_code === "number") {
    const status = e.error_code;
    const parameters = (e.parameters ?? {}) as { retry_after?: unknown };
    return {
      retryable: status >= 500 || status === 429,
      code: `telegram:${status}`,
      ...seconds(parameters.retry_after),
    };
  }
  if (e.name === "HttpError" || error instanceof TypeError) return { retryable: true, code: "network" };

  // Generic HTTP-ish errors from other senders.
  const status = Number(e.status ?? e.statusCode);
  if (Number.isFinite(status) && status > 0) {
    return { retryable: status >= 500 || status === 429 || status === 408, code: `http_${status}` };
  }
  if (typeof code === "string" && /^(E[A-Z]+|UND_ERR\w*)$/.test(code)) return { retryable: true, code };
  // Unknown failures are retried: losing a message is worse than trying again.
  return { retryable: true, code: code ?? (error instanceof Error ? error.name : "unknown") };
}

function seconds(value: unknown): { retryAfterSeconds?: number } {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? { retryAfterSeconds: n } : {};
}

/** Thrown by the routing sender when the channel for a conversation has not started (yet). */
export class ChannelNotRunningError extends Error {
  readonly code = "channel_not_running";
  constructor(prefix: string) {
    super(`no running channel for "${prefix}" conversations`);
    this.name = "ChannelNotRunningError";
  }
}
