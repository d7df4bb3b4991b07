import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { slackAppError } from "../../../src/channels/slack/slack-errors.js";
import { telegramAppError } from "../../../src/channels/telegram/telegram-errors.js";
import { ACTIONS, parseCommand } from "../../../src/core/actions.js";
import { AppError, toAppError } from "../../../src/core/app-error.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("shared ids and commands", () => {
  it("parses slash commands with a bot suffix, case and arguments; not other text", () => {
    expect(parseCommand("/vergeet")).toEqual({ name: "vergeet", args: "" });
    expect(parseCommand("  /Mens@wijkwijzer_bot nu graag ")).toEqual({ name: "mens", args: "nu graag" });
    expect(parseCommand("/help\nwat kan je")).toEqual({ name: "help", args: "wat kan je" });
    expect(parseCommand("ik wil /vergeet")).toBeNull();
    expect(parseCommand("/")).toBeNull();
    expect(parseCommand("1/2 liter")).toBeNull();
  });

  it("writes every action id out once, in src/core/actions.ts", () => {
    const files = sourceFiles(join(import.meta.dirname, "../../../src")).filter((f) => !f.endsWith(join("core", "actions.ts")));
    for (const id of Object.values(ACTIONS)) {
      const literal = new RegExp(`["']${id}["']`);
      const offenders = files.filter((f) => literal.test(readFileSync(f, "utf8")));
      expect(offenders, id).toEqual([]);
    }
  });
});

describe("AppError: what adapters wrap platform errors into", () => {
  const grammy = (status: number, retryAfter?: number) =>
    new GrammyError("failed", { ok: false, error_code: status, description: "x", ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) }, "sendMessage", {});

  it("Telegram: 429 waits as told, 5xx and network retry, 4xx is for good, an abort is the shutdown", () => {
    expect(telegramAppError(grammy(429, 12))).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 12, detail: "telegram:429" });
    expect(telegramAppError(grammy(502))).toMatchObject({ code: "unavailable", retryable: true });
    expect(telegramAppError(grammy(403))).toMatchObject({ code: "rejected", retryable: false, detail: "telegram:403" });
    expect(telegramAppError(new HttpError("x", new Error("ECONNRESET")))).toMatchObject({ code: "network", retryable: true });
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    expect(telegramAppError(new HttpError("x", abort))).toMatchObject({ code: "aborted", detail: "telegram:aborted" });
    const wrapped = telegramAppError(grammy(500));
    expect(telegramAppError(wrapped)).toBe(wrapped);
    expect(wrapped.cause).toBeInstanceOf(GrammyError);
  });

  it("Slack: one list of transient platform errors; HTTP status and rate limits classified", () => {
    const platform = (error: string) => Object.assign(new Error("api"), { code: "slack_webapi_platform_error", data: { error } });
    expect(slackAppError(platform("internal_error"))).toMatchObject({ code: "unavailable", retryable: true, detail: "slack:internal_error" });
    expect(slackAppError(platform("team_added_to_org"))).toMatchObject({ retryable: true });
    expect(slackAppError(platform("channel_not_found"))).toMatchObject({ code: "rejected", retryable: false });
    expect(slackAppError({ code: "slack_webapi_rate_limited_error", retryAfter: 4 })).toMatchObject({ code: "rate_limited", retryAfterSeconds: 4 });
    expect(slackAppError({ code: "slack_webapi_http_error", statusCode: 503 })).toMatchObject({ code: "unavailable", retryable: true });
    expect(slackAppError({ code: "slack_webapi_http_error", statusCode: 404 })).toMatchObject({ code: "rejected", retryable: false });
    expect(slackAppError({ code: "slack_webapi_request_error" })).toMatchObject({ code: "network", retryable: true });
  });

  it("keeps the cause and defaults retryable by code", () => {
    const cause = new Error("inner");
    const error = toAppError(cause);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "internal", retryable: false, cause });
    expect(new AppError("not_running", "x").retryable).toBe(true);
    expect(new AppError("rejected", "x", { retryable: true }).retryable).toBe(true);
  });
});
