/**
 * A local fake of the Slack Web API for tests and manual trials.
 *
 * It speaks the wire protocol Bolt's WebClient uses: `POST <slackApiUrl><method>` with a form (or JSON)
 * body and `Authorization: Bearer <token>`, answered with `{ ok: true, ... }` or `{ ok: false, error }`.
 * Form fields that hold JSON (`blocks`, `view`) are parsed back. Every call is recorded; any method can
 * be told to fail with 429 + `Retry-After`, a 5xx, or a Slack error such as `channel_not_found`.
 * It also serves response URLs (`/response/<id>`) for slash commands and buttons.
 */
import { EventEmitter } from "node:events";
import { waitForRecordedCalls } from "./wait-for-calls.js";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_SLACK_BOT_TOKEN = "xoxb-1111-2222-fakeslacktoken";
export const FAKE_SLACK_BOT_USER_ID = "UBOT0001";
export const FAKE_SLACK_BOT_ID = "BBOT0001";
export const FAKE_SLACK_TEAM_ID = "T0TEAM001";

export interface RecordedSlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  method: string;
  body: Record<string, unknown>;
  /** For `response_url` calls: the id in `/response/<id>`. */
  responseId?: string;
  /** Milliseconds since the fake started. */
  at: number;
}

export type SlackFailure =
  | { status: 429; retryAfter: number; times?: number }
  | { status: 500 | 502 | 503; times?: number }
  | { error: string; times?: number };

export type SlackResponder = (body: Record<string, unknown>) => Record<string, unknown>;

export interface FakeSlackApi {
  /** Base URL for `SLACK_API_URL` (ends with `/api/`). */
  readonly apiUrl: string;
  readonly token: string;
  readonly calls: RecordedSlackCall[];
  callsTo(method: string): RecordedSlackCall[];
  /** The next `times` (default 1) calls of `method` fail this way. */
  fail(method: string, failure: SlackFailure): void;
  /** Answers `method` only after `ms` (a slow Web API); 0 ends the delay. The call is recorded on arrival. */
  delay(method: string, ms: number): void;
  /** Replaces the answer of a method (the `ok: true` is added). */
  respond(method: string, responder: SlackResponder): void;
  /** A response URL on this fake, as Slack puts in slash commands and button payloads. */
  responseUrl(id: string): string;
  /** Calls `listener` for every recorded call (the runner prints them). */
  onCall(listener: (call: RecordedSlackCall) => void): void;
  /** Resolves once `count` calls of `method` matching `where` were recorded; rejects after `timeoutMs`. */
  waitForCalls(
    method: string,
    count: number,
    options?: { where?: (call: RecordedSlackCall) => boolean; timeoutMs?: number },
  ): Promise<RecordedSlackCall[]>;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata"]);

/** Starts the fake on 127.0.0.1, port 0 unless told otherwise. */
export async function startFakeSlackApi(options: { token?: string; port?: number } = {}): Promise<FakeSlackApi> {
  const token = options.token ?? FAKE_SLACK_BOT_TOKEN;
  const started = Date.now();
  const calls: RecordedSlackCall[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const failures = new Map<string, Array<SlackFailure & { left: number }>>();
  const responders = new Map<string, SlackResponder>();
  const delays = new Map<string, number>();
  let nextTs = 1_700_000_000_000_100;
  const ts = () => {
    nextTs += 100;
    const s = String(nextTs);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  };

  const defaults: Record<string, SlackResponder> = {
    "auth.test": () => ({
      url: "https://wijkwijzer-test.slack.com/",
      team: "Wijkwijzer test",
      user: "wijkwijzer",
      team_id: FAKE_SLACK_TEAM_ID,
      user_id: FAKE_SLACK_BOT_USER_ID,
      bot_id: FAKE_SLACK_BOT_ID,
    }),
    "chat.postMessage": (body) => {
      const messageTs = ts();
      return {
        channel: body.channel,
        ts: messageTs,
        message: { type: "message", bot_id: FAKE_SLACK_BOT_ID, text: body.text, ts: messageTs, ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}) },
      };
    },
    "chat.postEphemeral": () => ({ message_ts: ts() }),
    "chat.update": (body) => ({ channel: body.channel, ts: body.ts, text: body.text }),
    "chat.delete": (body) => ({ channel: body.channel, ts: body.ts }),
    "conversations.members": () => ({ members: ["U0WORKER1", "U0WORKER2", FAKE_SLACK_BOT_USER_ID], response_metadata: { next_cursor: "" } }),
    "conversations.open": (body) => ({ channel: { id: `D${String(body.users ?? "U0").replace(/^U/, "")}` } }),
    "users.info": (body) => ({
      user: {
        id: body.user,
        name: "sanne",
        real_name: "Sanne de Vries",
        is_bot: false,
        profile: { first_name: "Sanne", real_name: "Sanne de Vries", display_name: "Sanne" },
      },
    }),
    "views.open": (body) => ({ view: { id: `V${ts().replace(".", "")}`, ...(body.view as object) } }),
    "views.update": (body) => ({ view: { id: body.view_id ?? "V1", ...(body.view as object) } }),
  };

  function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json), ...headers });
    res.end(json);
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (!raw) return {};
    if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      body[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
    }
    return body;
  }

  function record(call: Omit<RecordedSlackCall, "at">) {
    const recorded = { ...call, at: Date.now() - started };
    calls.push(recorded);
    events.emit("call", recorded);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    let body: Record<string, unknown>;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, { ok: false, error: "invalid_json" });
    }
    const response = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (response) {
      record({ method: "response_url", body, responseId: response[1]! });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const match = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (!match || req.method !== "POST") return send(res, 404, { ok: false, error: "unknown_method" });
    const method = match[1]!;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? body.token;
    if (bearer !== token) return send(res, 200, { ok: false, error: "invalid_auth" });
    record({ method, body });

    const rule = failures.get(method)?.[0];
    if (rule) {
      rule.left -= 1;
      if (rule.left <= 0) failures.get(method)!.shift();
      if ("error" in rule) return send(res, 200, { ok: false, error: rule.error });
      if (rule.status === 429) return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(rule.retryAfter) });
      return send(res, rule.status, { ok: false, error: "internal_error" });
    }
    const responder = responders.get(method) ?? defaults[method];
    if (!responder) return send(res, 200, { ok: false, error: "unknown_method" });
    const answer = { ok: true, ...responder(body) };
    const wait = delays.get(method);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    return send(res, 200, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: "fake_failed" }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    token,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail(method, failure) {
      const list = failures.get(method) ?? [];
      list.push({ ...failure, left: failure.times ?? 1 });
      failures.set(method, list);
    },
    respond(method, responder) {
      responders.set(method, responder);
    },
    delay(method, ms) {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    responseUrl: (id) => `${base}/response/${id}`,
    onCall(listener) {
      events.on("call", listener);
    },
    waitForCalls(method, count, options = {}) {
      return waitForRecordedCalls(calls, events, method, count, options, (seen) => {
        const all = calls.map((c) => c.method).join(", ") || "none";
        return `fake Slack: expected ${count} × ${method}, got ${seen} (calls: ${all})`;
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
