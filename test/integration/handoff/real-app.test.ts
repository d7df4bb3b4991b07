/**
 * The handoff in the whole app exactly as `npm start` builds it (createApp + startChannels: real
 * corpus, index, listings, safety lexicons, SQLite), Telegram by webhook and the Slack handoff
 * channel, against the fake Bot API and the fake Slack Web API.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { eventCallback, FAKE_SLACK_SIGNING_SECRET, interaction, postSigned } from "../../support/slack-signing.js";
import { callbackUpdate, textUpdate } from "../../support/telegram-updates.js";
import { eventually } from "./handoff-app.js";

const SECRET = "real-app-handoff-secret";
const CHANNEL = "C0HANDOFF9";
const RESIDENT = { id: 8801, firstName: "Noor" };

describe("handoff in the real app", () => {
  let slack: FakeSlackApi;
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let updateId = 1;

  const webhook = (update: object) =>
    fetch(`http://127.0.0.1:${stop.port}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
  const toResident = () =>
    telegram
      .callsTo("sendMessage")
      .filter((c) => Number(c.body.chat_id) === RESIDENT.id)
      .map((c) => ({ text: String(c.body.text), markup: JSON.stringify(c.body.reply_markup ?? {}) }));

  beforeAll(async () => {
    [slack, telegram] = await Promise.all([startFakeSlackApi(), startFakeTelegramApi()]);
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-handoff-real-"));
    const config = parseConfig({
      DATA_DIR: dir,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_HANDOFF_CHANNEL: CHANNEL,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // Always open: this test is about the wiring, not the clock.
      OFFICE_HOURS: "ma-zo 00:00-24:00",
    });
    const logger = createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() }));
    app = await createApp(config, { logger, handoffTickMs: 20 });
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await Promise.all([slack?.close(), telegram?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("words asking for a person lead, with consent, to a ticket; a claim and a thread reply reach the resident", async () => {
    expect(app.handoff).toBeDefined();
    await webhook(textUpdate(RESIDENT, "Ik wil graag met een mens praten"));
    const consent = await eventually(() => toResident().find((m) => m.markup.includes("handoff_consent_yes")), "the consent question");
    expect(consent.text).toContain("Mag ik ons gesprek met de sociaal werker delen?");

    await webhook(callbackUpdate(RESIDENT, "handoff_consent_yes"));
    const ticket = await eventually(
      () => slack.callsTo("chat.postMessage").find((c) => c.body.channel === CHANNEL && !c.body.thread_ts),
      "the ticket in the handoff channel",
    );
    const buttons = (ticket.body.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>).flatMap((b) => b.elements ?? []);
    expect(buttons.filter((e) => e.action_id).map((e) => [e.action_id, e.value])).toEqual([
      ["handoff_claim", "1"],
      ["handoff_close", "1"],
    ]);
    const ts = await eventually(async () => (await app.handoff!.tickets.get(1))?.deskMessage, "the ticket ts");

    const claim = interaction({
      type: "block_actions",
      team: { id: "T0TEAM001" },
      user: { id: "U0WORKER2", username: "sanne", team_id: "T0TEAM001" },
      api_app_id: "A0WIJKWIJZER",
      token: "legacy",
      container: { type: "message", message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
      channel: { id: CHANNEL, name: "handoff" },
      message: { type: "message", ts },
      trigger_id: "t1",
      response_url: slack.responseUrl("claim"),
      actions: [{ type: "button", action_id: "handoff_claim", block_id: "b", value: "1", action_ts: "1700300000.1" }],
    });
    expect((await postSigned(`http://127.0.0.1:${stop.port}/slack/events`, claim, FAKE_SLACK_SIGNING_SECRET)).status).toBe(200);
    await eventually(() => toResident().some((m) => m.text.startsWith("Sanne, een sociaal werker, is nu bij u")), "the claim notice");

    const reply = eventCallback(
      { type: "message", channel: CHANNEL, channel_type: "channel", user: "U0WORKER2", text: "Dag Noor, ik ben Sanne.", ts: "1700300001.000100", thread_ts: ts },
      "Ev0REALHANDOFF",
    );
    await postSigned(`http://127.0.0.1:${stop.port}/slack/events`, reply, FAKE_SLACK_SIGNING_SECRET);
    await eventually(() => toResident().some((m) => m.text === "Sanne: Dag Noor, ik ben Sanne."), "the worker's words on Telegram");
  });
});
