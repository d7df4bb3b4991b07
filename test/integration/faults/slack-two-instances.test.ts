/**
 * Slack with two instances on one PostgreSQL behind one events URL (real `wijkwijzer start`
 * processes, fake Web API, signed requests): the same event delivered to both at once, and again as
 * Slack's retry (`X-Slack-Retry-Num`), is answered once; the two instances' inbox workers share the
 * mentions spread over both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { createTestSchema, postgresAvailable, schemaUrl, type TestSchema } from "../../support/postgres.js";
import { helloMentions } from "../../support/slack-signing.js";
import { freePort, slackAnswersPerThread, startChild, until, type ChildApp } from "../../support/child-app.js";

if (postgresAvailable("Slack on two instances on PostgreSQL")) {
  let slack: FakeSlackApi;
  let schema: TestSchema;
  const dirs: string[] = [];
  const instances: ChildApp[] = [];

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    schema = await createTestSchema();
    const url = schemaUrl(schema.url, schema.schema);
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), `wijkwijzer-slack-two-${i}-`));
      dirs.push(dir);
      const app = await createApp(parseConfig({ DATA_DIR: dir, DATABASE_URL: url }), { logger: createLogger("silent") });
      await app.close();
    }
    // One after the other: each loads the listings into the shared database at start.
    for (const dir of dirs) instances.push(await startChild({ slack, dataDir: dir, port: await freePort(), databaseUrl: url }));
  }, 240_000);

  afterAll(async () => {
    for (const c of instances) if (c.child.exitCode === null) c.child.kill("SIGKILL");
    await slack?.close();
    await schema?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe("Slack on two instances on one PostgreSQL", () => {
    it("the same event posted to both at once, and retried to both, is answered once (20 of 20)", async () => {
      slack.delay("chat.postMessage", 50);
      const events = helloMentions("TWO", 20);
      const statuses = await Promise.all(events.flatMap((e) => instances.map((instance) => instance.postSlack(e.post))));
      expect(statuses.every((s) => s === 200)).toBe(true);
      const retried = await Promise.all(
        events.flatMap((e) => instances.map((instance) => instance.postSlack(e.post, { retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 }))),
      );
      expect(retried.every((s) => s === 200)).toBe(true);
      await until("every mention answered", () => (events.every((e) => slackAnswersPerThread(slack).has(e.ts)) ? true : undefined), 60_000);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const perThread = slackAnswersPerThread(slack);
      const counts = events.map((e) => perThread.get(e.ts) ?? 0);
      process.stderr.write(
        `Slack, two instances: ${events.length} events × 2 instances × 2 deliveries, ${counts.filter((n) => n > 0).length} answered, ${counts.filter((n) => n > 1).length} doubled\n`,
      );
      expect(counts).toEqual(events.map(() => 1));
    }, 120_000);
  });
}
