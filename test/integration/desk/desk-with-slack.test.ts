/**
 * The web desk beside the Slack handoff channel: a ticket goes to both, the first claim wins and
 * the other desk shows who has it (Slack's ticket message is updated; the web desk's ticket says
 * who claimed it in Slack; the web desk's own claim gets 409). A web worker's reply is copied into the Slack thread.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { hashPassword } from "../../../src/desk/passwords.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { FAKE_SLACK_SIGNING_SECRET, interaction, postSigned } from "../../support/slack-signing.js";
import { callbackUpdate, textUpdate, type Person } from "../../support/telegram-updates.js";
import { eventually } from "../handoff/handoff-app.js";
import { deskClient, type DeskClient } from "./desk-client.js";

const SECRET = "desk-slack-secret";
const CHANNEL = "C0HANDOFF7";
const PASSWORD = "desk-slack-wachtwoord";

describe("the web desk and the Slack handoff channel together", () => {
  let slack: FakeSlackApi;
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let base: string;
  let sanne: DeskClient;
  let updateId = 1;

  const webhook = (update: object) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
  const ticketFor = async (person: Person) => {
    await webhook(textUpdate(person, "Ik wil graag met een mens praten"));
    await eventually(() => telegram.callsTo("sendMessage").some((c) => Number(c.body.chat_id) === person.id && JSON.stringify(c.body.reply_markup ?? {}).includes("handoff_consent_yes")), "consent");
    await webhook(callbackUpdate(person, "handoff_consent_yes"));
    const ticket = await eventually(() => app.handoff!.tickets.active(`telegram:${person.id}`), "the ticket");
    const ts = await eventually(async () => (await app.handoff!.tickets.get(ticket.id))?.deskMessage, "the Slack ticket message");
    return { id: ticket.id, ts };
  };

  beforeAll(async () => {
    [slack, telegram] = await Promise.all([startFakeSlackApi(), startFakeTelegramApi()]);
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-desk-slack-"));
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
      OFFICE_HOURS: "ma-zo 00:00-24:00",
    });
    app = await createApp(config, { logger: createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() })), handoffTickMs: 20 });
    await app.desk!.stores.users.add({ email: "sanne@example.org", name: "Sanne", role: "worker", passwordHash: await hashPassword(PASSWORD), createdAt: new Date() });
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
    base = `http://127.0.0.1:${stop.port}`;
    sanne = await deskClient(base, "sanne@example.org", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await Promise.all([slack?.close(), telegram?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("a claim on the web desk shows on Slack, and the reply is copied into the thread", async () => {
    const { id, ts } = await ticketFor({ id: 6601, firstName: "Lotte" });
    const listed = (await (await sanne.get("/desk/api/tickets")).json()) as { tickets: Array<{ id: number }> };
    expect(listed.tickets.map((t) => t.id)).toContain(id);
    expect((await sanne.post(`/desk/api/tickets/${id}/claim`)).status).toBe(200);
    await eventually(() => slack.callsTo("chat.update").find((c) => c.body.ts === ts && JSON.stringify(c.body.blocks).includes("Sanne heeft dit overgenomen")), "the Slack ticket showing Sanne");
    expect((await sanne.post(`/desk/api/tickets/${id}/messages`, { text: "Ik bel u morgen." })).status).toBe(202);
    await eventually(() => slack.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts && String(c.body.text).includes("Ik bel u morgen.")), "the copy in the Slack thread");
  });

  it("a claim in Slack wins: the web desk shows who has it and refuses its own claim (409)", async () => {
    const { id, ts } = await ticketFor({ id: 6602, firstName: "Mees" });
    const claim = interaction({
      type: "block_actions",
      team: { id: "T0TEAM001" },
      user: { id: "U0WORKER1", username: "sanne.slack", team_id: "T0TEAM001" },
      api_app_id: "A0WIJKWIJZER",
      token: "legacy",
      container: { type: "message", message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
      channel: { id: CHANNEL, name: "handoff" },
      message: { type: "message", ts },
      trigger_id: "t2",
      response_url: slack.responseUrl("claim2"),
      actions: [{ type: "button", action_id: "handoff_claim", block_id: "b", value: String(id), action_ts: "1700400000.1" }],
    });
    expect((await postSigned(`${base}/slack/events`, claim, FAKE_SLACK_SIGNING_SECRET)).status).toBe(200);
    await eventually(async () => (await app.handoff!.tickets.get(id))?.status === "claimed", "the Slack claim");
    const view = (await (await sanne.get(`/desk/api/tickets/${id}`)).json()) as { ticket: { status: string; claimedBy: string } };
    expect(view.ticket.status).toBe("claimed");
    // The fake Slack workspace calls every member Sanne; the web desk shows the Slack worker's name.
    expect(view.ticket.claimedBy).toBe("Sanne");
    expect((await sanne.post(`/desk/api/tickets/${id}/claim`)).status).toBe(409);
  });
});
