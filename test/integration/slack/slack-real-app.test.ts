/**
 * The whole app as `npm start` builds it (createApp + startChannels: real corpus, index, listings,
 * safety, SQLite), with Slack and Telegram configured together on one HTTP server, against the
 * fake Slack Web API and the fake Telegram Bot API.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { FAKE_SLACK_BOT_USER_ID, startFakeSlackApi, type FakeSlackApi, type RecordedSlackCall } from "../../support/fake-slack-api.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { FAKE_SLACK_SIGNING_SECRET, eventCallback, interaction, postSigned, slashCommand, type SlackPost } from "../../support/slack-signing.js";
import { textUpdate } from "../../support/telegram-updates.js";

const TELEGRAM_SECRET = "real-app-secret";

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; value?: string; text?: unknown }>;
}
const blocksOf = (call: RecordedSlackCall) => call.body.blocks as Block[];

describe("the real app with Slack and Telegram in one process", () => {
  let slack: FakeSlackApi;
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let baseUrl: string;

  const postSlack = (post: SlackPost) => postSigned(`${baseUrl}/slack/events`, post, FAKE_SLACK_SIGNING_SECRET);

  beforeAll(async () => {
    [slack, telegram] = await Promise.all([startFakeSlackApi(), startFakeTelegramApi()]);
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-app-"));
    const config = parseConfig({
      DATA_DIR: dir,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    });
    const logger = createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() }));
    app = await createApp(config, { logger });
    // PORT 0: any free port; startChannels tells which.
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
    baseUrl = `http://127.0.0.1:${stop.port}`;
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await Promise.all([slack?.close(), telegram?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("answers an app mention in its thread with real sources and the three buttons", async () => {
    const ts = "1700100000.000100";
    const event = { type: "app_mention", user: "U0PRO0001", text: `<@${FAKE_SLACK_BOT_USER_ID}> Wat is de sociale basis?`, ts, channel: "C0WIJKTEAM", event_ts: ts };
    expect((await postSlack(eventCallback(event, "Ev0REAL1"))).status).toBe(200);
    const [answer] = await slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.thread_ts === ts });
    const blocks = blocksOf(answer!);
    expect(blocks[0]!.type).toBe("section");
    expect(blocks[0]!.text!.text.length).toBeGreaterThan(40);
    const sources = blocks.filter((b) => b.type === "context").flatMap((b) => b.elements!.map((e) => String(e.text)));
    expect(sources[0]).toBe("*Bronnen*");
    expect(sources[1]).toMatch(/^\[1\] .+/);
    expect(sources.join("\n")).toMatch(/Movisie|Verwey-Jonker|Rijksoverheid|Ministerie/i);
    const actions = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements!.map((e) => e.action_id));
    expect(actions).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);

    // 👍 on that answer lands in the feedback table.
    const up = blocks.find((b) => b.type === "actions")!.elements![0]!;
    await postSlack(
      interaction({
        type: "block_actions",
        team: { id: "T0TEAM001", domain: "wijkteam" },
        user: { id: "U0PRO0003", username: "kim" },
        api_app_id: "A0WIJKWIJZER",
        token: "legacy",
        container: { type: "message", message_ts: "1700100000.000900", channel_id: "C0WIJKTEAM", is_ephemeral: false, thread_ts: ts },
        trigger_id: "trigger-real",
        channel: { id: "C0WIJKTEAM", name: "wijkteam" },
        message: { type: "message", ts: "1700100000.000900", thread_ts: ts },
        response_url: slack.responseUrl("real1"),
        actions: [{ type: "button", action_id: "feedback_up", block_id: "b", value: up.value, action_ts: "1700100001.000100" }],
      }),
    );
    await slack.waitForCalls("chat.postEphemeral", 1);
    const rows = app.db!.prepare("SELECT conversation_id, message_ref, value FROM feedback").all();
    expect(rows).toEqual([{ conversation_id: `slack:C0WIJKTEAM:${ts}`, message_ref: ts, value: "up" }]);
  });

  it("answers /wijkwijzer privately from the corpus", async () => {
    await postSlack(
      slashCommand({
        team_id: "T0TEAM001",
        channel_id: "C0BELEID01",
        user_id: "U0PRO0002",
        user_name: "pieter",
        command: "/wijkwijzer",
        text: "Wat is de rol van vrijwilligers in de sociale basis?",
        response_url: slack.responseUrl("cmd-real"),
        trigger_id: "trigger-cmd-real",
      }),
    );
    const [reply] = await slack.waitForCalls("response_url", 1, { where: (c) => c.responseId === "cmd-real" });
    expect(reply!.body.response_type).toBe("ephemeral");
    expect(String(reply!.body.text).length).toBeGreaterThan(20);
  });

  it("serves Telegram's webhook and Slack's events on the same server at the same time", async () => {
    const dmTs = "1700100002.000100";
    const dm = { type: "message", channel_type: "im", channel: "D0PRO0009", user: "U0PRO0009", text: "Wat doet een buurtsportcoach?", ts: dmTs, event_ts: dmTs };
    const [slackRes, telegramRes] = await Promise.all([
      postSlack(eventCallback(dm, "Ev0REAL2")),
      fetch(`${baseUrl}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET },
        body: JSON.stringify({ update_id: 5001, ...textUpdate({ id: 4242 }, "Wat is de sociale basis?") }),
      }),
    ]);
    expect(slackRes.status).toBe(200);
    expect(telegramRes.status).toBe(200);
    await slack.waitForCalls("chat.postMessage", 1, { where: (c) => c.body.channel === "D0PRO0009" });
    await telegram.waitForCalls("sendMessage", 1, { where: (c) => Number(c.body.chat_id) === 4242 });
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });
});
