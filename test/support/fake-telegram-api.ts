/**
 * A local fake of the Telegram Bot API for tests, the bench and manual trials.
 *
 * It speaks the real wire protocol (`POST /bot<token>/<method>` with a JSON body, answers
 * `{ ok, result }` or `{ ok: false, error_code, description, parameters }`), so grammY's own HTTP
 * client talks to it unchanged through `TELEGRAM_API_ROOT`. Every call is recorded with its body;
 * `getUpdates` serves a queue with long-poll and `offset` semantics; any method can be told to
 * fail with 429 (`retry_after`) or 5xx a number of times.
 */
import { EventEmitter } from "node:events";
import { waitForRecordedCalls } from "./wait-for-calls.js";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";

export const FAKE_BOT_TOKEN = "123456:TEST-fake-token_abcdefghijklmnop";

export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 999_000_111,
  is_bot: true,
  first_name: "Wijkwijzer",
  username: "wijkwijzer_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** Milliseconds since the fake started. */
  at: number;
  /** What the fake answered (`result` of a successful call; undefined for failures and getUpdates). */
  result?: unknown;
}

export interface FailureRule {
  /** HTTP status and `error_code`: 429, 500, 502, 400, 403 … */
  status: number;
  /** How many calls fail before the method works again. */
  times: number;
  /** Seconds, sent as `parameters.retry_after` (usual with 429). */
  retryAfter?: number;
  description?: string;
  /**
   * `reset`: close the connection without an answer (a network error); `html`: answer `status`
   * with an HTML page instead of Telegram's JSON (a proxy in between); `hang`: never answer (the
   * request stays open until the client gives up or the fake closes).
   */
  mode?: "reset" | "html" | "hang";
  /** Fail only calls whose body matches (e.g. one chat's); others go through without using up `times`. */
  where?: (body: Record<string, unknown>) => boolean;
}

/** Computes a method's `result` from its body; overrides the built-in answers. */
export type MethodResponder = (body: Record<string, unknown>) => unknown;

export interface FakeTelegramApi {
  /** Give this to grammY as `client.apiRoot` / `TELEGRAM_API_ROOT`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every call in arrival order (getUpdates included). */
  readonly calls: RecordedCall[];
  /** Queues an update for `getUpdates`; assigns and returns its `update_id` unless it has one. */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): number;
  /** Makes the next `rule.times` calls of `method` fail. */
  fail(method: string, rule: FailureRule): void;
  /** Ends every failure still set for `method` (the platform recovers). */
  clearFailures(method: string): void;
  /** Answers `method` only after `ms` (a slow Bot API); 0 ends the delay. The call is recorded on arrival. */
  delay(method: string, ms: number): void;
  /** Replaces the answer of a method (e.g. `createForumTopic` for a handoff test). */
  respond(method: string, responder: MethodResponder): void;
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls of `method` matching `where` were recorded; rejects after `timeoutMs`. */
  waitForCalls(method: string, count: number, options?: { where?: (call: RecordedCall) => boolean; timeoutMs?: number }): Promise<RecordedCall[]>;
  /** Updates not yet confirmed by a later `offset`. */
  pendingUpdates(): Update[];
  /** Calls `listener` for every recorded call (returns an unsubscribe function). */
  onCall(listener: (call: RecordedCall) => void): () => void;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  token?: string;
  port?: number;
  host?: string;
  botInfo?: UserFromGetMe;
  /** Upper bound on a long poll, whatever `timeout` the client asks (keeps tests snappy). */
  maxPollSeconds?: number;
}

interface Waiter {
  offset: number;
  limit: number;
  wake: () => void;
}

/** Starts the fake on 127.0.0.1 (port 0 unless told otherwise). */
export async function startFakeTelegramApi(options: FakeTelegramOptions = {}): Promise<FakeTelegramApi> {
  const token = options.token ?? FAKE_BOT_TOKEN;
  const botInfo = options.botInfo ?? FAKE_BOT_INFO;
  const maxPollSeconds = options.maxPollSeconds ?? 30;
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const queue: Update[] = [];
  const waiters = new Set<Waiter>();
  const failures = new Map<string, FailureRule[]>();
  const responders = new Map<string, MethodResponder>();
  const delays = new Map<string, number>();
  let nextUpdateId = 1;
  let nextMessageId = 10_000;
  let nextThreadId = 100;

  const defaults: Record<string, MethodResponder> = {
    getMe: () => botInfo,
    sendMessage: (body) => sentMessage(body, { text: body.text }),
    editMessageText: (body) => sentMessage(body, { text: body.text, message_id: body.message_id }),
    editMessageReplyMarkup: () => true,
    sendLocation: (body) => sentMessage(body, { location: { latitude: body.latitude, longitude: body.longitude } }),
    createForumTopic: (body) => ({ message_thread_id: nextThreadId++, name: body.name, icon_color: 7322096 }),
  };
  for (const m of [
    "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "sendChatAction", "answerCallbackQuery",
    "deleteMessage", "closeForumTopic", "reopenForumTopic", "editForumTopic", "pinChatMessage", "setChatMenuButton",
  ]) {
    defaults[m] = () => true;
  }
  defaults.getWebhookInfo = () => ({ url: "", has_custom_certificate: false, pending_update_count: queue.length });

  function sentMessage(body: Record<string, unknown>, extra: Record<string, unknown>) {
    const chatId = Number(body.chat_id);
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Groep" } : { id: chatId, type: "private", first_name: "Bewoner" },
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      ...(body.message_thread_id ? { message_thread_id: body.message_thread_id, is_topic_message: true } : {}),
      ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
      ...extra,
    };
  }

  function confirm(offset: number) {
    while (queue.length && queue[0]!.update_id < offset) queue.shift();
  }

  function available(offset: number, limit: number): Update[] {
    return queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  function send(res: ServerResponse, status: number, payload: unknown) {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const type = req.headers["content-type"] ?? "";
    if (!raw) return {};
    if (type.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
    return { _raw: raw };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/_control/")) return control(url.pathname, req, res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, requestToken, method] = match as unknown as [string, string, string];
    let body: Record<string, unknown>;
    try {
      body = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    if (requestToken !== token) return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const call: RecordedCall = { method, body, at: Date.now() - started };
    const record = () => {
      calls.push(call);
      events.emit("call", call);
    };

    const rules = failures.get(method);
    const rule = rules?.find((r) => !r.where || r.where(body));
    if (rule) {
      rule.times -= 1;
      if (rule.times <= 0) rules!.splice(rules!.indexOf(rule), 1);
      record();
      if (rule.mode === "reset") return void req.socket.destroy();
      if (rule.mode === "hang") return;
      if (rule.mode === "html") {
        res.writeHead(rule.status, { "content-type": "text/html" });
        return void res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      }
      return send(res, rule.status, {
        ok: false,
        error_code: rule.status,
        description: rule.description ?? (rule.status === 429 ? `Too Many Requests: retry after ${rule.retryAfter ?? 1}` : "Internal Server Error"),
        ...(rule.retryAfter !== undefined ? { parameters: { retry_after: rule.retryAfter } } : {}),
      });
    }

    if (method === "getUpdates") {
      record();
      return getUpdates(body, res);
    }
    const responder = responders.get(method) ?? defaults[method];
    if (!responder) {
      record();
      return send(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
    call.result = responder(body);
    record();
    const wait = delays.get(method);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    return send(res, 200, { ok: true, result: call.result });
  }

  /** Lets another process drive the fake: `POST /_control/updates` (an update), `GET /_control/calls`. */
  async function control(path: string, req: IncomingMessage, res: ServerResponse) {
    if (path === "/_control/calls" && req.method === "GET") return send(res, 200, calls);
    if (path === "/_control/updates" && req.method === "POST") {
      const update = await readBody(req);
      return send(res, 200, { update_id: api.pushUpdate(update as Omit<Update, "update_id">) });
    }
    return send(res, 404, { error: "unknown control path" });
  }

  function getUpdates(body: Record<string, unknown>, res: ServerResponse) {
    const offset = Number(body.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(body.limit ?? 100)));
    const timeout = Math.min(maxPollSeconds, Math.max(0, Number(body.timeout ?? 0)));
    confirm(offset);
    const ready = available(offset, limit);
    if (ready.length || timeout === 0) return send(res, 200, { ok: true, result: ready });
    const waiter: Waiter = {
      offset,
      limit,
      wake: () => {
        clearTimeout(timer);
        waiters.delete(waiter);
        send(res, 200, { ok: true, result: available(offset, limit) });
      },
    };
    const timer = setTimeout(waiter.wake, timeout * 1000);
    waiters.add(waiter);
    // A client that gives up (bot.stop aborts its poll) must not receive the next update.
    res.on("close", () => {
      clearTimeout(timer);
      waiters.delete(waiter);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api: FakeTelegramApi = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    pushUpdate(update) {
      const id = update.update_id ?? nextUpdateId;
      nextUpdateId = Math.max(nextUpdateId, id + 1);
      queue.push({ ...update, update_id: id } as Update);
      for (const waiter of [...waiters]) if (available(waiter.offset, waiter.limit).length) waiter.wake();
      return id;
    },
    fail(method, rule) {
      failures.set(method, [...(failures.get(method) ?? []), { ...rule }]);
    },
    clearFailures(method) {
      failures.delete(method);
    },
    delay(method, ms) {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    respond(method, responder) {
      responders.set(method, responder);
    },
    callsTo(method) {
      return calls.filter((c) => c.method === method);
    },
    waitForCalls(method, count, options = {}) {
      return waitForRecordedCalls(
        calls,
        events,
        method,
        count,
        options,
        (seen, timeoutMs) => `fake Telegram: expected ${count} ${method} call(s), saw ${seen} within ${timeoutMs} ms`,
      );
    },
    pendingUpdates() {
      return [...queue];
    },
    onCall(listener) {
      events.on("call", listener);
      return () => events.off("call", listener);
    },
    close() {
      for (const waiter of [...waiters]) waiter.wake();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return api;
}
