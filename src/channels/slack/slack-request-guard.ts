/**
 * The gate in front of Bolt's receiver at `/slack/events`. Bolt reads a body of up to 4 MB into
 * memory and hashes it before it looks at the signature; forty such requests at once cost hundreds
 * of megabytes and stall the process. This gate refuses what cannot be Slack as cheaply as possible,
 * in this order:
 * 1. no signature or timestamp headers, or a timestamp more than 5 minutes off (past or future) → 401,
 *    before a byte of the body is read;
 * 2. a body over 1 MB → 413: by `Content-Length` before reading, else by counting while it streams;
 * 3. a wrong signature → 401; the same signature again within the window (a replay) → dropped
 *    with an empty 200 so nothing is handled twice;
 * 4. a payload nested too deep or holding too many values → 400.
 * What passes is handed to Bolt as `req.rawBody` (Bolt reads no body twice). The body is read here
 * rather than with body-parser, which reads a too-large body to its end before it answers.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Express, Request, RequestHandler } from "express";
import { shapeProblem } from "../../http/payload-shape.js";
import type { Logger } from "../../log/logger.js";

/** Slack's own limit for what it sends is far below this. */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack's advice: refuse requests whose timestamp is more than five minutes from now. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;
/** Signatures remembered for replay detection; the oldest are forgotten first beyond this. */
const MAX_REMEMBERED_SIGNATURES = 20_000;

export interface SlackRequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  /**
   * Wall-clock milliseconds (default `Date.now`). Not the app's injected `now`: the window is about
   * the real time between Slack signing a request and us reading it.
   */
  clock?: () => number;
}

type RawRequest = Request & { rawBody?: Buffer };

/** Mounts the gate on `path`; call before Bolt's receiver mounts its router on the same app. */
export function mountSlackRequestGuard(app: Express, path: string, options: SlackRequestGuardOptions): void {
  const { logger } = options;
  const clock = options.clock ?? Date.now;
  const seen = new Map<string, number>();

  const refuse = (req: Request, res: Parameters<RequestHandler>[1], status: number, reason: string) => {
    logger.warn({ channel: "slack", status, reason }, "Slack request refused");
    res.status(status).end();
    discardRest(req);
  };

  const checkHeaders: RequestHandler = (req, res, next) => {
    const signature = req.get("x-slack-signature");
    const timestamp = Number(req.get("x-slack-request-timestamp"));
    if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature) || !Number.isSafeInteger(timestamp)) return refuse(req, res, 401, "unsigned");
    const skew = Math.abs(clock() / 1000 - timestamp);
    if (skew > SLACK_TIMESTAMP_WINDOW_SECONDS) return refuse(req, res, 401, "timestamp outside the window");
    const length = Number(req.get("content-length"));
    if (Number.isFinite(length) && length > SLACK_BODY_LIMIT_BYTES) return refuse(req, res, 413, "body too large");
    next();
  };

  const readBody: RequestHandler = (req, res, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= SLACK_BODY_LIMIT_BYTES) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd);
      chunks.length = 0;
      refuse(req, res, 413, "body too large");
    };
    const onEnd = () => {
      req.body = Buffer.concat(chunks);
      next();
    };
    req.on("data", onData).on("end", onEnd).once("error", () => undefined);
  };

  const verify: RequestHandler = (req: RawRequest, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get("x-slack-signature")!;
    const timestamp = req.get("x-slack-request-timestamp")!;
    const expected = `v0=${createHmac("sha256", options.signingSecret).update(`v0:${timestamp}:`).update(raw).digest("hex")}`;
    if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return refuse(req, res, 401, "signature mismatch");
    const t = clock();
    if ((seen.get(signature) ?? 0) > t) {
      logger.info({ channel: "slack" }, "replayed Slack request dropped");
      res.status(200).end();
      return;
    }
    remember(seen, signature, (Number(timestamp) + SLACK_TIMESTAMP_WINDOW_SECONDS) * 1000, t);
    const problem = shapeProblem(parsePayload(raw, req.get("content-type") ?? ""));
    if (problem) return refuse(req, res, 400, problem);
    req.rawBody = raw;
    next();
  };

  app.post(path, checkHeaders, readBody, verify);
}

/**
 * Reads and drops what is left of a refused body, so the answer reaches the client before the
 * connection closes; a sender that goes on past {@link SLACK_BODY_LIMIT_BYTES} is cut off.
 */
function discardRest(req: Request): void {
  if (req.complete) return;
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > SLACK_BODY_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

function remember(seen: Map<string, number>, signature: string, until: number, now: number): void {
  for (const [key, expires] of seen) {
    if (expires > now && seen.size < MAX_REMEMBERED_SIGNATURES) break;
    seen.delete(key);
  }
  seen.set(signature, until);
}

/** The JSON Slack sent: the body itself, or the `payload` field of a form (interactivity). */
function parsePayload(raw: Buffer, contentType: string): unknown {
  try {
    const text = raw.toString("utf8");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(text);
      const payload = form.get("payload");
      return payload === null ? Object.fromEntries(form) : JSON.parse(payload);
    }
    return JSON.parse(text);
  } catch {
    // Bolt answers unparsable bodies itself (400).
    return null;
  }
}
