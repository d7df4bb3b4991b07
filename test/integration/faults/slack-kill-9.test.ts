/**
 * At least once in, exactly once out for Slack, through a hard crash, on SQLite and on PostgreSQL: a
 * real `wijkwijzer start` (Slack over HTTP, fake Web API 150 ms slow, signed requests) is killed
 * with SIGKILL while a burst of app mentions is being answered. After a restart on the same data
 * every mention that got HTTP 200 is answered in its thread; Slack's retries of the same events
 * (`X-Slack-Retry-Num`, a fresh signature) are not answered again. A reply can only go out twice when
 * its chat.postMessage was on the wire at the kill (Slack has no idempotency key); that count is
 * printed and bounded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { startFakeSlackApi, type FakeSlackApi } from "../../support/fake-slack-api.js";
import { createTestSchema, postgresAvailable, schemaUrl } from "../../support/postgres.js";
import { helloMentions } from "../../support/slack-signing.js";
import { freePort, slackAnswersPerThread, startChild, until, type ChildApp } from "../../support/child-app.js";

const BURST = 20;
const children: ChildApp[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
  for (const clean of cleanups.reverse()) await clean();
});

async function setUp(databaseUrl?: string): Promise<{ slack: FakeSlackApi; dir: string }> {
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-slack-kill-"));
  cleanups.push(() => slack.close(), () => rmSync(dir, { recursive: true, force: true }));
  // Index and schema made here, so the children start quickly.
  const app = await createApp(parseConfig({ DATA_DIR: dir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { logger: createLogger("silent") });
  await app.close();
  return { slack, dir };
}

async function crashDuringBurst(slack: FakeSlackApi, dir: string, databaseUrl?: string) {
  const port = await freePort();
  const options = { slack, dataDir: dir, port, ...(databaseUrl ? { databaseUrl } : {}) };
  const first = await startChild(options);
  children.push(first);
  slack.delay("chat.postMessage", 150);
  const burst = helloMentions(databaseUrl ? "PGK" : "SQK", BURST);
  const statuses = await Promise.all(burst.map((m) => first.postSlack(m.post)));
  const acknowledged = burst.filter((_, i) => statuses[i] === 200).map((m) => m.ts);
  expect(acknowledged.length).toBe(BURST);

  // The first answers are on their way, most still wait for the slow Web API: the process dies.
  await slack.waitForCalls("chat.postMessage", 1, { timeoutMs: 30_000 });
  first.child.kill("SIGKILL");
  await first.exited;
  const beforeRestart = slackAnswersPerThread(slack).size;
  expect(beforeRestart).toBeLessThan(BURST);

  slack.delay("chat.postMessage", 0);
  const second = await startChild(options);
  children.push(second);
  await until("every acknowledged mention to be answered", () => (acknowledged.every((ts) => slackAnswersPerThread(slack).has(ts)) ? true : undefined), 120_000);
  // A reply the dead instance was delivering is taken over once its lease (3 s here) runs out: wait for that too.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const perThread = slackAnswersPerThread(slack);
  const answered = acknowledged.filter((ts) => perThread.has(ts)).length;
  const doubled = acknowledged.filter((ts) => (perThread.get(ts) ?? 0) > 1).length;
  // Slack retries what it thinks was lost: the same events again, newly signed, with the retry header.
  const retried = await Promise.all(burst.map((m) => second.postSlack(m.post, { retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 })));
  expect(retried.every((s) => s === 200)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const answeredAgain = slack.callsTo("chat.postMessage").length - [...perThread.values()].reduce((a, b) => a + b, 0);
  process.stderr.write(
    `Slack kill -9 (${databaseUrl ? "PostgreSQL" : "SQLite"}): ${acknowledged.length} acknowledged, ${beforeRestart} replies begun before the kill, ${answered} answered after the restart, ${doubled} doubled; ${BURST} retried deliveries, ${answeredAgain} answered again\n`,
  );
  expect(answeredAgain).toBe(0);
  expect(answered).toBe(BURST);
  // The outbox has at most 16 deliveries on the wire at once (its default parallelLanes): only those can double.
  expect(doubled).toBeLessThanOrEqual(16);
}

describe("Slack: kill -9 during a burst of mentions", () => {
  it("SQLite: every acknowledged mention is answered after the restart, and its retry is not", async () => {
    const { slack, dir } = await setUp();
    await crashDuringBurst(slack, dir);
  }, 240_000);

  if (postgresAvailable("Slack kill -9 on PostgreSQL")) {
    it("PostgreSQL: every acknowledged mention is answered after the restart, and its retry is not", async () => {
      const schema = await createTestSchema();
      cleanups.push(() => schema.drop());
      const url = schemaUrl(schema.url, schema.schema);
      const { slack, dir } = await setUp(url);
      await crashDuringBurst(slack, dir, url);
    }, 240_000);
  }
});
