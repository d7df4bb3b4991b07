import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../../src/config/config.js";

describe("parseConfig", () => {
  it("gives working defaults for an empty environment (terminal chat, no tokens)", () => {
    const config = parseConfig({});
    expect(config.DATA_DIR).toBe("./data");
    expect(config.LISTINGS_DIR).toBe("knowledge/listings");
    expect(config.PORT).toBe(3000);
    expect(config.EMBEDDINGS).toBe("local");
    expect(config.TZ).toBe("Europe/Amsterdam");
    expect(config.RETENTION_DAYS).toBe(90);
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("treats empty strings from .env as unset", () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "", LLM_PROVIDER: "" });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(config.LLM_PROVIDER).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_API_ROOT: "localhost:8081" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram/webhook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_BOT_TOKEN: "abc", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ LLM_PROVIDER: "openai" }, "LLM_MODEL"],
    [{ LLM_PROVIDER: "gpt" }, "LLM_PROVIDER"],
    [{ EMBEDDINGS: "openai" }, "EMBEDDINGS_MODEL"],
    [{ OFFICE_HOURS: "weekdays 9-5" }, "OFFICE_HOURS"],
    [{ TZ: "Mars/Olympus" }, "TZ"],
    [{ RETENTION_DAYS: "-1" }, "RETENTION_DAYS"],
  ])("rejects %j with one line naming %s", (env, variable) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("accepts a full Telegram webhook and Slack setup", () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABC-def_1",
      TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: "s3cret_token",
      SLACK_BOT_TOKEN: "xoxb-123",
      SLACK_SIGNING_SECRET: "abc",
      OFFICE_HOURS: "ma-do 09:00-17:00; vr 09:00-12:00",
      PORT: "8080",
    });
    expect(config.PORT).toBe(8080);
    expect(config.OFFICE_HOURS).toBe("ma-do 09:00-17:00; vr 09:00-12:00");
  });

  it("takes a PostgreSQL DATABASE_URL, treats an empty one as SQLite, and refuses anything else without echoing it", () => {
    expect(parseConfig({}).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: "postgres://ww:geheim@db.example:5432/wijkwijzer" }).DATABASE_URL).toBe("postgres://ww:geheim@db.example:5432/wijkwijzer");
    expect(parseConfig({ DATABASE_URL: "postgresql://db.example/wijkwijzer?sslmode=require" }).DATABASE_URL).toContain("sslmode=require");
    for (const bad of ["mysql://ww:geheim@db.example/wijkwijzer", "db.example:5432", "postgres://"]) {
      let message = "";
      try {
        parseConfig({ DATABASE_URL: bad });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain("DATABASE_URL must be a PostgreSQL URL");
      // The password is never printed back.
      expect(message).not.toContain("geheim");
    }
  });
});
