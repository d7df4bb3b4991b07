/**
 * At least once in, exactly once out for the Slack handoff channel, through a hard crash, on SQLite
 * and on PostgreSQL. A real `wijkwijzer start` (Slack over HTTP with a handoff channel, the fake Web
 * API, signed requests) gets a claim press; it is killed with SIGKILL after Slack got its 200 but
 * before the claim was performed (users.info, needed for the worker's name, hangs). After a restart on
 * the same data the claim is performed once: one ticket update, one notice in the thread, one message
 * to the resident, also when the press arrives again. Then a worker's thread message delivered twice
 * (the second time with `X-Slack-Retry-Num`, newly signed) reaches the resident once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import type { Ticket } from "../../../src/handoff/handoff-model.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { createTestSchema, postgresAvailable, schemaUrl } from "../../support/postgres.js";
import { eventCallback, interaction } from "../../support/slack-signing.js";
import { freePort, startChild, until, type ChildApp } from "../../support/child-app.js";

const HANDOFF_CHANNEL = "C0HANDOFF9";
const TICKET_TS = "1700300000.000100";
const RESIDENT_DM = "D0RESIDENT9";
const WORKER = "U0WORKER1";
const children: ChildApp[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
  for (const clean of cleanups.reverse()) await clean();
});

const configFor = (dir: string, databaseUrl?: string) =>
  parseConfig({ DATA_DIR: dir, SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

/** The data with one open ticket, already posted in the handoff channel (its thread is TICKET_TS), for a resident in a Slack DM. */
async function setUp(databaseUrl?: string): Promise<{ slack: FakeSlackApi; dir: string; ticketId: number }> {
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-handoff-kill-"));
  cleanups.push(() => slack.close(), () => rmSync(dir, { recursive: true, force: true }));
  const app = await createApp(configFor(dir, databaseUrl), { logger: createLogger("silent") });
  const conversationId = `slack:${RESIDENT_DM}`;
  const at = new Date();
  await app.store.ensureConversation({ conversationId, channel: "slack", userId: "slack:U0RESIDENT9" }, at);
  const { ticket } = await app.handoff!.tickets.create({
    conversationId,
    channel: "slack",
    userId: "slack:U0RESIDENT9",
    priority: "normal",
    reason: "handoff",
    summary: "Vraag over schulden.",
    desk: "slack",
    at,
  });
  await app.handoff!.tickets.saveDeskRefs(ticket.id, { thread: TICKET_TS, message: TICKET_TS });
  await app.close();
  return { slack, dir, ticketId: ticket.id };
}

async function readTicket(dir: string, id: number, databaseUrl?: string): Promise<Ticket | undefined> {
  const app = await createApp(configFor(dir, databaseUrl), { logger: createLogger("silent") });
  try {
    return await app.handoff!.tickets.get(id);
  } finally {
    await app.close();
  }
}

function claimPress(ticketId: number) {
  return interaction({
    type: "block_actions",
    team: { id: "T0TEAM001", domain: "wijkteam" },
    user: { id: WORKER, username: "sanne", name: "sanne", team_id: "T0TEAM001" },
    api_app_id: "A0WIJKWIJZER",
    token: "legacy",
    container: { type: "message", message_ts: TICKET_TS, channel_id: HANDOFF_CHANNEL, is_ephemeral: false },
    trigger_id: "trigger-claim-kill",
    channel: { id: HANDOFF_CHANNEL, name: "handoff" },
    message: { type: "message", ts: TICKET_TS },
    response_url: "https://hooks.slack.invalid/actions/kill",
    actions: [{ type: "button", action_id: "handoff_claim", block_id: "ticket", value: String(ticketId), text: { type: "plain_text", text: "Overnemen" }, action_ts: "1700300001.000200" }],
  });
}

function threadMessage(text: string, ts: string) {
  return eventCallback(
    { type: "message", channel: HANDOFF_CHANNEL, channel_type: "channel", user: WORKER, text, ts, thread_ts: TICKET_TS, event_ts: ts },
    `Ev0HANDOFFKILL${ts.replace(".", "")}`,
  );
}

const toResident = (slack: FakeSlackApi) => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === RESIDENT_DM).map((c) => String(c.body.text));
const ticketUpdates = (slack: FakeSlackApi) => slack.callsTo("chat.update").filter((c) => c.body.ts === TICKET_TS);
const threadNotices = (slack: FakeSlackApi) =>
  slack.callsTo("chat.postMessage").filter((c) => c.body.channel === HANDOFF_CHANNEL && c.body.thread_ts === TICKET_TS).map((c) => String(c.body.text));
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function crashAfterClaim(databaseUrl?: string) {
  const { slack, dir, ticketId } = await setUp(databaseUrl);
  const options = { slack, dataDir: dir, port: await freePort(), env: { SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL }, ...(databaseUrl ? { databaseUrl } : {}) };
  const first = await startChild(options);
  children.push(first);

  // The claim needs the worker's name first: that call hangs, and the process dies while it does.
  slack.delay("users.info", 60_000);
  expect(await first.postSlack(claimPress(ticketId))).toBe(200);
  await slack.waitForCalls("users.info", 1, { timeoutMs: 30_000 });
  first.child.kill("SIGKILL");
  await first.exited;
  expect((await readTicket(dir, ticketId, databaseUrl))?.status).toBe("open");
  expect(ticketUpdates(slack)).toHaveLength(0);

  slack.delay("users.info", 0);
  const second = await startChild(options);
  children.push(second);
  await until("the claim performed after the restart", () => (toResident(slack).some((t) => t.includes("is nu bij u")) ? true : undefined), 60_000);
  await until("the ticket message updated", () => (ticketUpdates(slack).length > 0 ? true : undefined), 30_000);
  // The same press again (a second instance or a replay): recorded once, so nothing more happens.
  expect(await second.postSlack(claimPress(ticketId), { retryNum: 1 })).toBe(200);
  // Past the 3 s lease, so the dead instance's item could have been taken over twice if it were not done.
  await settle(4000);
  const claimed = await readTicket(dir, ticketId, databaseUrl);
  const claimedToResident = toResident(slack).filter((t) => t.includes("is nu bij u")).length;
  const claimNotices = threadNotices(slack).filter((t) => t.includes("heeft het gesprek overgenomen")).length;

  // A worker's message in the thread, and Slack's retry of it (newly signed, with the retry header).
  const message = threadMessage("Hallo, ik ben Sanne. Waar kan ik u mee helpen?", "1700300002.000300");
  expect(await second.postSlack(message)).toBe(200);
  expect(await second.postSlack(message, { retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 })).toBe(200);
  await until("the worker's words to the resident", () => (toResident(slack).some((t) => t.includes("Waar kan ik u mee helpen?")) ? true : undefined), 30_000);
  await settle(3000);
  const relayed = toResident(slack).filter((t) => t.includes("Waar kan ik u mee helpen?")).length;

  process.stderr.write(
    `Slack handoff kill -9 (${databaseUrl ? "PostgreSQL" : "SQLite"}): claim acknowledged then killed; after the restart ${claimedToResident} claimed message(s) to the resident, ` +
      `${ticketUpdates(slack).length} ticket update(s), ${claimNotices} thread notice(s); a thread message delivered twice relayed ${relayed} time(s)\n`,
  );
  expect(claimed).toMatchObject({ status: "claimed", workerId: `slack:${WORKER}`, workerName: "Sanne" });
  expect(claimedToResident).toBe(1);
  expect(ticketUpdates(slack)).toHaveLength(1);
  expect(claimNotices).toBe(1);
  expect(relayed).toBe(1);
  second.child.kill("SIGTERM");
  await second.exited;
}

describe("Slack handoff: kill -9 after a claim was acknowledged", () => {
  it("SQLite: the claim is performed once after the restart, and a retried thread message is relayed once", async () => {
    await crashAfterClaim();
  }, 240_000);

  if (postgresAvailable("Slack handoff kill -9 on PostgreSQL")) {
    it("PostgreSQL: the claim is performed once after the restart, and a retried thread message is relayed once", async () => {
      const schema = await createTestSchema();
      cleanups.push(() => schema.drop());
      await crashAfterClaim(schemaUrl(schema.url, schema.schema));
    }, 240_000);
  }
});
