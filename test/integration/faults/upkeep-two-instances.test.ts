/**
 * Reminders and check-ins run once across instances: two instances' handoff upkeep and check-in
 * runners on one PostgreSQL, over the same due items at the same moment, each mark an item first
 * with a compare-and-set. Every reminder reaches the Slack handoff channel (fake Web API, real HTTP)
 * once, and every check-in question goes out once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckInFlow } from "../../../src/checkins/check-in-flow.js";
import { parseConfig, type Config } from "../../../src/config/config.js";
import type { ChannelSender } from "../../../src/core/ports.js";
import type { HandoffService } from "../../../src/handoff/handoff-service.js";
import { createRoutingSender } from "../../../src/handoff/routing-sender.js";
import { createLogger } from "../../../src/log/logger.js";
import { createHandoff } from "../../../src/main.js";
import { openStores, type Stores } from "../../../src/store/stores.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { createTestSchema, postgresAvailable, schemaUrl, type TestSchema } from "../../support/postgres.js";
import { FAKE_SLACK_SIGNING_SECRET } from "../../support/slack-signing.js";

const HANDOFF_CHANNEL = "C0HANDOFF1";
const ITEMS = 20;
const t0 = new Date("2026-05-04T08:00:00Z");
const MINUTE = 60_000;
const DAY = 86_400_000;

if (postgresAvailable("reminders and check-ins on two instances")) {
  let slack: FakeSlackApi;
  let schema: TestSchema;
  let dir: string;
  let config: Config;
  let clock = t0;
  const now = () => clock;
  const logger = createLogger("silent");
  const instances: Array<{ stores: Stores; handoff: HandoffService }> = [];
  /** Every message the instances sent to a resident or professional, by conversation. */
  const sent: string[] = [];
  const recording: ChannelSender = {
    async send(conversationId) {
      // A little slow, as a platform is: the two instances' rounds overlap.
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(conversationId);
    },
  };

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    schema = await createTestSchema();
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-upkeep-two-"));
    config = parseConfig({
      DATA_DIR: dir,
      DATABASE_URL: schemaUrl(schema.url, schema.schema),
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: FAKE_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL,
      OFFICE_HOURS: "ma-zo 00:00-23:59",
      HANDOFF_REMIND_MINUTES: "15",
    });
    for (let i = 0; i < 2; i++) {
      const stores = await openStores(config);
      const sender = createRoutingSender();
      sender.register("telegram", recording);
      const handoff = createHandoff(config, { stores, safety: { assess: () => ({}) }, logger, now, sender })!;
      instances.push({ stores, handoff });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { stores, handoff } of instances) {
      await handoff.stop();
      await stores.close();
    }
    await slack?.close();
    await schema?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("two instances' upkeep and check-ins on one PostgreSQL", () => {
    it("sends each reminder of an unclaimed ticket once", async () => {
      const { tickets } = instances[0]!.stores;
      const threads: string[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const conversationId = `telegram:${70_000 + i}`;
        await instances[0]!.stores.conversations.ensureConversation({ conversationId, channel: "telegram", userId: conversationId }, t0);
        const { ticket } = await tickets.create({ conversationId, channel: "telegram", userId: conversationId, priority: "normal", reason: "handoff", topic: "geld", summary: "Vraag over geld", desk: "slack", at: t0 });
        const thread = `1700300000.${String(i).padStart(6, "0")}`;
        // As if the ticket was posted in the handoff channel already.
        await tickets.saveDeskRefs(ticket.id, { thread, message: thread });
        threads.push(thread);
      }
      clock = new Date(t0.getTime() + 20 * MINUTE);
      await Promise.all(instances.flatMap(({ handoff }) => [handoff.flush(), handoff.flush()]));
      await Promise.all(instances.map(({ handoff }) => handoff.flush()));
      const reminders = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === HANDOFF_CHANNEL && String(c.body.reply_broadcast) === "true");
      const perThread = threads.map((thread) => reminders.filter((c) => c.body.thread_ts === thread).length);
      process.stderr.write(`reminders, two instances: ${ITEMS} due, ${perThread.filter((n) => n > 0).length} sent, ${perThread.filter((n) => n > 1).length} doubled\n`);
      expect(perThread).toEqual(threads.map(() => 1));
    }, 60_000);

    it("asks each due check-in question once", async () => {
      const flows = instances.map(({ stores }) =>
        createCheckInFlow({ checkIns: stores.desk.checkIns, store: stores.conversations, sender: recording, now, days: 3, canReach: () => true, logger }),
      );
      const { conversations } = instances[0]!.stores;
      const { checkIns } = instances[0]!.stores.desk;
      const ids: string[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const conversationId = `telegram:${80_000 + i}`;
        await conversations.ensureConversation({ conversationId, channel: "telegram", userId: conversationId }, clock);
        await checkIns.schedule({ conversationId, userId: conversationId, listingId: `koffie-${i}`, listingName: "Koffieochtend", dueAt: new Date(clock.getTime() + 3 * DAY) }, clock);
        ids.push(conversationId);
      }
      clock = new Date(clock.getTime() + 4 * DAY);
      const counts = await Promise.all(flows.flatMap((flow) => [flow.sendDue(), flow.sendDue()]));
      const perConversation = ids.map((id) => sent.filter((c) => c === id).length);
      process.stderr.write(`check-ins, two instances: ${ITEMS} due, ${perConversation.filter((n) => n > 0).length} asked, ${perConversation.filter((n) => n > 1).length} doubled\n`);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(ITEMS);
      expect(perConversation).toEqual(ids.map(() => 1));
    }, 60_000);
  });
}
