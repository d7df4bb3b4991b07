import { timingSafeEqual } from "node:crypto";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { webhookCallback, type Bot } from "grammy";
import { shapeProblem } from "../../http/payload-shape.js";
import type { Logger } from "../../log/logger.js";
import type { Update } from "grammy/types";
import type { Inbox } from "../inbox.js";
import { recordUpdate } from "./record-update.js";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
/**
 * An update is a few kilobytes (a message holds at most 4096 characters); this leaves room for
 * entities and a reply's quoted message. body-parser refuses a larger Content-Length before reading
 * and stops counting bytes at the limit when the length is not given.
 */
export const TELEGRAM_BODY_LIMIT = "256kb";
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRouteOptions {
  bot: Bot;
  secret: string;
  logger: Logger;
  /** While true (shutting down) deliveries get 503, so Telegram delivers them again later. */
  isStopping: () => boolean;
  /** A durable inbox: the update is recorded there before the 200 (answered later by the inbox worker). */
  inbox?: { inbox: Inbox; onRecorded: () => void; now: () => Date };
}

/**
 * Mounts Telegram's webhook at {@link TELEGRAM_WEBHOOK_PATH}. The secret is checked before the
 * body is even parsed (401 without the right `X-Telegram-Bot-Api-Secret-Token`); grammY checks it
 * again. Handling itself is queued, so the request is answered at once.
 */
export function mountTelegramWebhook(app: Express, options: WebhookRouteOptions): void {
  const expected = Buffer.from(options.secret);
  const checkSecret: RequestHandler = (req, res, next) => {
    const given = Buffer.from(String(req.headers[SECRET_HEADER] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      options.logger.warn({ channel: "telegram" }, "webhook request with a wrong or missing secret");
      res.status(401).json({ ok: false, error: "unauthorized" });
      return;
    }
    if (options.isStopping()) {
      res.status(503).json({ ok: false, error: "shutting down" });
      return;
    }
    next();
  };
  const checkUpdate: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    if (!body || typeof body !== "object" || !Number.isSafeInteger((body as { update_id?: unknown }).update_id)) {
      res.status(400).json({ ok: false, error: "not a Telegram update" });
      return;
    }
    const problem = shapeProblem(body);
    if (problem) {
      options.logger.warn({ channel: "telegram", problem }, "webhook update refused: payload out of bounds");
      res.status(400).json({ ok: false, error: "payload out of bounds" });
      return;
    }
    next();
  };
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
    if (error.type === "entity.parse.failed" || error.status === 400 || error.status === 413) {
      // The rest of a refused body is not read: close the connection instead of draining it.
      res.set("connection", "close");
      res.status(error.status ?? 400).json({ ok: false, error: error.status === 413 ? "payload too large" : "bad request" });
      return;
    }
    options.logger.error({ err: error, channel: "telegram" }, "webhook request failed");
    res.status(500).json({ ok: false, error: "internal error" });
  };
  const durable = options.inbox;
  // At least once in: with an inbox the 200 goes back only once the update is stored (a repeat is
  // acknowledged too, and dropped); a store that fails gives 500, so Telegram delivers it again.
  const record: RequestHandler | undefined = durable
    ? (req, res, next) => {
        recordUpdate(durable.inbox, req.body as Update, durable.now()).then(
          (fresh) => {
            res.status(200).json({ ok: true });
            if (fresh) durable.onRecorded();
          },
          next,
        );
      }
    : undefined;
  app.post(
    TELEGRAM_WEBHOOK_PATH,
    checkSecret,
    express.json({ limit: TELEGRAM_BODY_LIMIT }),
    checkUpdate,
    record ?? webhookCallback(options.bot, "express", { secretToken: options.secret, onTimeout: "return", timeoutMilliseconds: 8000 }),
    onError,
  );
}
