import { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createSlackApp } from "../../../src/channels/slack/slack-app.js";
import { startSlack } from "../../../src/channels/slack/slack-channel.js";
import { createBoltLogger } from "../../../src/channels/slack/slack-logger.js";
import { parseConfig } from "../../../src/config/config.js";
import type { Assistant } from "../../../src/core/assistant.js";
import { createHttpServer } from "../../../src/http/server.js";
import { createLogger } from "../../../src/log/logger.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";
import { FAKE_SLACK_BOT_TOKEN, startFakeSlackApi } from "../../support/fake-slack-api.js";
import { FAKE_SLACK_SIGNING_SECRET, eventCallback, postSigned } from "../../support/slack-signing.js";

const assistant: Assistant = {
  async handle() {
    throw new Error("not reached");
  },
};

async function build(env: Record<string, string>) {
  const config = parseConfig({ SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN, ...env });
  const logger = createLogger("silent");
  const http = createHttpServer();
  const store = openSqliteStores(":memory:").conversations;
  const context = createSlackApp({
    deps: { config, assistant, store, http, logger, now: () => new Date() },
    identity: { botUserId: "UBOT0001", botId: "BBOT0001" },
    logger: createBoltLogger(logger),
  });
  const port = await http.listen(0);
  return { context, http, url: `http://127.0.0.1:${port}/slack/events` };
}

describe("Slack start", () => {
  it("fails with a clear message when Slack refuses the bot token", async () => {
    const slack = await startFakeSlackApi({ token: "xoxb-the-real-one" });
    const http = createHttpServer();
    try {
      const config = parseConfig({ SLACK_BOT_TOKEN: "xoxb-a-wrong-one", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: slack.apiUrl.replace(/\/$/, "") });
      const deps = { config, assistant, store: openSqliteStores(":memory:").conversations, http, logger: createLogger("silent"), now: () => new Date() };
      await expect(startSlack(deps)).rejects.toThrow(/Slack did not accept SLACK_BOT_TOKEN \(invalid_auth\)/);
    } finally {
      await slack.close();
    }
  });
});

describe("Slack transport choice", () => {
  it("with SLACK_APP_TOKEN builds a Socket Mode app and serves no HTTP endpoint", async () => {
    const { context, http, url } = await build({ SLACK_APP_TOKEN: "xapp-1-A0-123-abc" });
    try {
      expect(context.app).toBeInstanceOf(App);
      const res = await postSigned(url, eventCallback({ type: "app_mention", text: "x" }, "Ev1"), FAKE_SLACK_SIGNING_SECRET);
      expect(res.status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it("with a signing secret mounts /slack/events on the shared server, next to /healthz", async () => {
    const { http, url } = await build({ SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET });
    try {
      const body = JSON.stringify({ type: "url_verification", challenge: "c1" });
      const res = await postSigned(url, { body, contentType: "application/json" }, FAKE_SLACK_SIGNING_SECRET);
      expect(await res.json()).toEqual({ challenge: "c1" });
      expect((await fetch(url.replace("/slack/events", "/healthz"))).status).toBe(200);
    } finally {
      await http.close();
    }
  });
});
