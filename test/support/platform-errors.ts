/**
 * Platform errors as grammY and the Slack Web API client throw them, wrapped by the adapters'
 * own functions into AppErrors: what the handoff outbox and retries see in production.
 */
import { GrammyError, HttpError } from "grammy";
import { slackAppError } from "../../src/channels/slack/slack-errors.js";
import { telegramAppError } from "../../src/channels/telegram/telegram-errors.js";

export function telegramError(status: number, description = "Error", retryAfter?: number) {
  const raw = new GrammyError(
    `Call to 'sendMessage' failed! (${status}: ${description})`,
    { ok: false, error_code: status, description, ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}) },
    "sendMessage",
    {},
  );
  return telegramAppError(raw);
}

export function telegramNetworkError() {
  return telegramAppError(new HttpError("Network request for 'sendMessage' failed!", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })));
}

/** The Slack Web API client's coded errors (shapes of @slack/web-api's errors.ts). */
export function slackError(kind: "network" | "http" | "rate_limited" | "platform", detail?: string | number) {
  const raw =
    kind === "network" ? Object.assign(new Error("socket hang up"), { code: "slack_webapi_request_error" })
    : kind === "http" ? Object.assign(new Error("An HTTP protocol error occurred"), { code: "slack_webapi_http_error", statusCode: Number(detail ?? 500) })
    : kind === "rate_limited" ? Object.assign(new Error("ratelimited"), { code: "slack_webapi_rate_limited_error", retryAfter: Number(detail ?? 1) })
    : Object.assign(new Error("An API error occurred"), { code: "slack_webapi_platform_error", data: { ok: false, error: String(detail ?? "internal_error") } });
  return slackAppError(raw);
}
