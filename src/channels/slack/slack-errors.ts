import { webApi } from "@slack/bolt";
import { AppError, type AppErrorCode } from "../../core/app-error.js";

/** What went wrong talking to Slack, without tokens or message text. */
export interface SlackErrorInfo {
  /** Slack's error code (`channel_not_found`), `rate_limited`, `http_<status>`, `request_failed` or `unknown`. */
  code: string;
  /** True when trying again later may work (rate limits, 5xx, network). */
  retryable: boolean;
  /** Seconds Slack asked us to wait, when it said so. */
  retryAfterSeconds?: number;
}

/**
 * Slack `ok: false` errors that are Slack's trouble, not ours: the one list of them (the outbox and
 * the direct replies both classify through {@link slackAppError}).
 */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
  "team_added_to_org",
]);

/** Classifies an error thrown by the Web API client or by Bolt's `respond`. */
export function describeSlackError(error: unknown): SlackErrorInfo {
  if (error instanceof AppError) {
    return {
      code: error.detail.replace(/^slack:/, ""),
      retryable: error.retryable,
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; status?: unknown; retryAfter?: unknown } | null;
  switch (e?.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = typeof e.data?.error === "string" ? e.data.error : "platform_error";
      return { code, retryable: TRANSIENT_PLATFORM_ERRORS.has(code) };
    }
    case webApi.ErrorCode.RateLimitedError: {
      const wait = Number(e.retryAfter);
      return { code: "rate_limited", retryable: true, ...(Number.isFinite(wait) && wait > 0 ? { retryAfterSeconds: wait } : {}) };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return { code: `http_${status}`, retryable: status >= 500 || status === 408 || status === 429 };
    }
    case webApi.ErrorCode.RequestError:
      return { code: "request_failed", retryable: true };
    case "slack_bolt_respond_error": {
      const status = Number(e.statusCode ?? e.status);
      return { code: `respond_${Number.isNaN(status) ? "failed" : status}`, retryable: status >= 500 };
    }
    default:
      return { code: "unknown", retryable: false };
  }
}

function appCode(info: SlackErrorInfo): AppErrorCode {
  if (info.code === "rate_limited" || info.code === "ratelimited") return "rate_limited";
  if (info.code === "request_failed") return "network";
  return info.retryable ? "unavailable" : "rejected";
}

/** Wraps a Slack failure into an {@link AppError} (detail `slack:<code>`); AppErrors pass unchanged. */
export function slackAppError(error: unknown, what = "a request"): AppError {
  if (error instanceof AppError) return error;
  const info = describeSlackError(error);
  return new SlackDeliveryError(info, what, error);
}

/** Thrown by the Slack sender when Slack did not accept a message; callers may retry when `retryable`. */
export class SlackDeliveryError extends AppError {
  readonly slackCode: string;

  constructor(info: SlackErrorInfo, what: string, cause?: unknown) {
    super(appCode(info), `Slack did not accept ${what} (${info.code})`, {
      retryable: info.retryable,
      detail: `slack:${info.code}`,
      ...(info.retryAfterSeconds ? { retryAfterSeconds: info.retryAfterSeconds } : {}),
      ...(cause !== undefined ? { cause } : {}),
    });
    this.name = "SlackDeliveryError";
    this.slackCode = info.code;
  }
}
