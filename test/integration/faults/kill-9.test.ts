/**
 * At least once in, exactly once out, through a hard crash, on SQLite and on PostgreSQL: a real
 * `wijkwijzer start` (Telegram webhook, fake Bot API 150 ms slow) is killed with SIGKILL while a
 * burst of updates is being answered. After a restart on the same data every update that got HTTP
 * 200 is answered. A reply can only go out twice when its sendMessage was on the wire at the kill
 * (Telegram has no idempotency key); that count is printed and bounded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { createTestSchema, postgresAvailable, schemaUrl } from "../../support/postgres.js";
import { textUpdate } from "../../support/telegram-updates.js";
import { answersPerChat, freePort, startChild, until, type ChildApp } from "../../support/child-app.js";

const BURST = 40;
const children: ChildApp[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
  for (const clean of cleanups.reverse()) await clean();
});

async function setUp(databaseUrl?: string): Promise<{ fake: FakeTelegramApi; dir: string }> {
  const fake = await startFakeTelegramApi();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-kill-"));
  cleanups.push(() => fake.close(), () => rmSync(dir, { recursive: true, force: true }));
  // Index and schema made here, so the children start quickly.
  const app = await createApp(parseConfig({ DATA_DIR: dir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { logger: createLogger("silent") });
  await app.close();
  return { fake, dir };
}

async function crashDuringBurst(fake: FakeTelegramApi, dir: string, databaseUrl?: string) {
  const port = await freePort();
  const first = await startChild({ fake, dataDir: dir, port, ...(databaseUrl ? { databaseUrl } : {}) });
  children.push(first);
  fake.delay("sendMessage", 150);
  const chats = Array.from({ length: BURST }, (_, i) => 90_000 + i);
  const statuses = await Promise.all(chats.map((chat, i) => first.post({ update_id: 7000 + i, ...textUpdate({ id: chat }, "hallo") })));
  const acknowledged = chats.filter((_, i) => statuses[i] === 200);
  expect(acknowledged.length).toBe(BURST);

  // The first answers are on their way, most still wait for the slow Bot API: the process dies.
  await fake.waitForCalls("sendMessage", 1, { timeoutMs: 30_000 });
  first.child.kill("SIGKILL");
  await first.exited;
  const beforeRestart = answersPerChat(fake).size;
  expect(beforeRestart).toBeLessThan(BURST);

  fake.delay("sendMessage", 0);
  children.push(await startChild({ fake, dataDir: dir, port, ...(databaseUrl ? { databaseUrl } : {}) }));
  await until("every acknowledged chat to be answered", () => (acknowledged.every((chat) => answersPerChat(fake).has(chat)) ? true : undefined), 120_000);
  // A reply the dead instance was delivering is taken over once its lease (3 s here) runs out: wait for that too.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const perChat = answersPerChat(fake);
  const doubled = acknowledged.filter((chat) => (perChat.get(chat) ?? 0) > 1).length;
  process.stderr.write(`kill -9 (${databaseUrl ? "PostgreSQL" : "SQLite"}): ${acknowledged.length} acknowledged, ${beforeRestart} replies begun before the kill, ${acknowledged.length} answered after the restart, ${doubled} doubled\n`);
  // The outbox has at most 16 deliveries on the wire at once (its default parallelLanes): only those can double.
  expect(doubled).toBeLessThanOrEqual(16);
}

describe("kill -9 during a burst", () => {
  it("SQLite: every acknowledged update is answered after the restart", async () => {
    const { fake, dir } = await setUp();
    await crashDuringBurst(fake, dir);
  }, 240_000);

  if (postgresAvailable("kill -9 on PostgreSQL")) {
    it("PostgreSQL: every acknowledged update is answered after the restart", async () => {
      const schema = await createTestSchema();
      cleanups.push(() => schema.drop());
      const url = schemaUrl(schema.url, schema.schema);
      const { fake, dir } = await setUp(url);
      await crashDuringBurst(fake, dir, url);
    }, 240_000);
  }
});
