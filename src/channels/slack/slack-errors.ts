import { webApi } from "@slack/bolt";

/** What went wrong talking to Slack, without tokens or message text. */
export interface SlackErrorInfo {
  /** Slack's error code (`channel_not_found`), `rate_limited`, `http_<status>`, `request_failed` or `unknown`. */
  code: string;
  /** True when trying again later may work (rate limits, 5xx, network). */
  retryable: boolean;
}

const RETRYABLE_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

/** Classifies an error thrown by the Web API client or by Bolt's `respond`. */
export function describeSlackError(error: unknown): SlackErrorInfo {
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; status?: unknown } | null;
  switch (e?.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = typeof e.data?.error === "string" ? e.data.error : "platform_error";
      return { code, retryable: RETRYABLE_PLATFORM_ERRORS.has(code) };
    }
    case webApi.ErrorCode.RateLimitedError:
      return { code: "rate_limited", retryable: true };
    case webApi.ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return { code: `http_${status}`, retryable: !(status >= 400 && status < 500) };
    }
    case webApi.ErrorCode.RequestError:
      return { code: "request_failed", retryable: true };
    case "slack_bolt_respond_error": {
      const status = Number(e.statusCode ?? e.status);
      return { code: `respond_${Number.isNaN(status) ? "failed" : status}`, retryable: status >= 500 };
    }
    case SlackDeliveryError.CODE:
      return { code: (error as SlackDeliveryError).slackCode, retryable: (error as SlackDeliveryError).retryable };
    default:
      return { code: "unknown", retryable: false };
  }
}

/** Thrown by the Slack sender when Slack did not accept a message; callers may retry when `retryable`. */
export class SlackDeliveryError extends Error {
  static readonly CODE = "slack_delivery_failed";
  readonly code = SlackDeliveryError.CODE;
  readonly slackCode: string;
  readonly retryable: boolean;

  constructor(info: SlackErrorInfo, what: string) {
    super(`Slack did not accept ${what} (${info.code})`);
    this.name = "SlackDeliveryError";
    this.slackCode = info.code;
    this.retryable = info.retryable;
  }
}
