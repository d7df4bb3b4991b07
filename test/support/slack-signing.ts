/**
 * Signs requests the way Slack does (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=` + hex HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`), and
 * `X-Slack-Request-Timestamp` in seconds. Plus builders for the three kinds of bodies Slack posts.
 */
import { createHmac } from "node:crypto";

export const FAKE_SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export const JSON_TYPE = "application/json";
export const FORM_TYPE = "application/x-www-form-urlencoded";

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  retryNum?: number;
}

/** Headers for a signed Slack request. */
export function signedHeaders(secret: string, rawBody: string, contentType: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, rawBody),
    ...(options.retryNum !== undefined ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
  };
}

export interface SlackPost {
  body: string;
  contentType: string;
}

/** An Events API callback (`event_callback`) around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId: string, teamId = "T0TEAM001"): SlackPost {
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({
      token: "legacy-verification-token",
      team_id: teamId,
      api_app_id: "A0WIJKWIJZER",
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: "UBOT0001", is_bot: true }],
    }),
  };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommand(fields: Record<string, string>): SlackPost {
  return { contentType: FORM_TYPE, body: new URLSearchParams(fields).toString() };
}

/** An interaction (`block_actions`, `view_submission`, …) as Slack posts it: `payload=<json>`. */
export function interaction(payload: Record<string, unknown>): SlackPost {
  return { contentType: FORM_TYPE, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
}

/** Posts a signed request to `url`; pass `secret` = a wrong one to test rejection. */
export async function postSigned(url: string, post: SlackPost, secret: string, options: SignOptions = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: signedHeaders(secret, post.body, post.contentType, options), body: post.body });
}

/**
 * `count` app mentions of the bot saying `hallo`, each in a channel of its own (`C0<prefix><n>`), with
 * event ids `Ev<prefix><n>`: a greeting gets one reply, so a thread with two was answered twice.
 */
export function helloMentions(prefix: string, count: number, botUserId = "UBOT0001"): Array<{ ts: string; post: SlackPost }> {
  // Thread timestamps differ per prefix too, so two sets never share a thread.
  const fraction = String([...prefix].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 1_000_000, 7)).padStart(6, "0");
  return Array.from({ length: count }, (_, i) => {
    const ts = `17001${String(i).padStart(5, "0")}.${fraction}`;
    const channel = `C0${prefix}${String(i).padStart(3, "0")}`;
    const event = { type: "app_mention", user: "U0PRO0001", text: `<@${botUserId}> hallo`, ts, channel, event_ts: ts };
    return { ts, post: eventCallback(event, `Ev${prefix}${i}`) };
  });
}
