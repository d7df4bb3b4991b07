/**
 * Throughput and time to reply with one and with two instances, on SQLite and on PostgreSQL, in one
 * run: real `wijkwijzer start` processes in Telegram webhook mode behind one (round-robin) webhook,
 * against the local fake Bot API. Every update is a resident's message in its own chat, posted with a
 * fixed number in flight; its time to reply runs from the POST until its sendMessage reaches the fake.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChild, freePort, type ChildApp } from "../../test/support/child-app.js";
import { startFakeTelegramApi } from "../../test/support/fake-telegram-api.js";
import { adminQuery, schemaUrl } from "../../test/support/pg-admin.js";
import { textUpdate } from "../../test/support/telegram-updates.js";
import { parseConfig } from "../config/config.js";
import { createLogger } from "../log/logger.js";
import { createApp } from "../main.js";
import { summarise } from "./stats.js";

const UPDATES = 200;
const IN_FLIGHT = 16;

export interface InstancesFigure {
  backend: "sqlite" | "postgres";
  instances: number;
  updatesPerSecond: number;
  replyMs: ReturnType<typeof summarise>;
  answered: number;
  doubled: number;
}

export async function benchInstances(databaseUrl: string | undefined): Promise<Array<InstancesFigure | { backend: string; skipped: string }>> {
  const results: Array<InstancesFigure | { backend: string; skipped: string }> = [];
  for (const backend of ["sqlite", "postgres"] as const) {
    if (backend === "postgres" && !databaseUrl) {
      results.push({ backend, skipped: "set BENCH_DATABASE_URL to a PostgreSQL database the bench may write to" });
      continue;
    }
    for (const instances of [1, 2]) results.push(await run(backend, instances, backend === "postgres" ? databaseUrl : undefined));
  }
  return results;
}

async function run(backend: "sqlite" | "postgres", count: number, baseUrl: string | undefined): Promise<InstancesFigure> {
  const fake = await startFakeTelegramApi();
  const dirs: string[] = [];
  const children: ChildApp[] = [];
  const schema = `bench_${process.pid}_${count}_${Date.now()}`;
  const url = baseUrl ? schemaUrl(baseUrl, schema) : undefined;
  try {
    if (baseUrl) await adminQuery(baseUrl, `CREATE SCHEMA "${schema}"`);
    // SQLite: the instances share one data folder (one database file); PostgreSQL: one schema.
    const shared = mkdtempSync(join(tmpdir(), "wijkwijzer-bench-inst-"));
    dirs.push(shared);
    const app = await createApp(parseConfig({ DATA_DIR: shared, ...(url ? { DATABASE_URL: url } : {}) }), { logger: createLogger("silent") });
    await app.close();
    for (let i = 0; i < count; i++) children.push(await startChild({ fake, dataDir: shared, port: await freePort(), leaseSeconds: 30, ...(url ? { databaseUrl: url } : {}) }));

    const posted = new Map<number, number>();
    const answered = new Map<number, number>();
    let doubled = 0;
    const off = fake.onCall((call) => {
      if (call.method !== "sendMessage") return;
      const chat = Number((call.body as { chat_id: number }).chat_id);
      if (answered.has(chat)) doubled += 1;
      else answered.set(chat, performance.now());
    });
    const started = performance.now();
    let next = 0;
    async function lane() {
      while (next < UPDATES) {
        const i = next++;
        const chat = 200_000 + i;
        posted.set(chat, performance.now());
        await children[i % count]!.post({ update_id: 900_000 + i, ...textUpdate({ id: chat }, i % 2 ? "hallo" : "wat is de sociale basis?") });
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    const deadline = performance.now() + 120_000;
    while (answered.size < UPDATES && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    off();
    const last = Math.max(...answered.values());
    const replyMs = [...answered.entries()].map(([chat, at]) => at - posted.get(chat)!);
    return {
      backend,
      instances: count,
      updatesPerSecond: Math.round((answered.size / (last - started)) * 1000),
      replyMs: summarise(replyMs),
      answered: answered.size,
      doubled,
    };
  } finally {
    for (const c of children) c.child.kill("SIGKILL");
    await Promise.all(children.map((c) => c.exited));
    await fake.close();
    if (baseUrl) await adminQuery(baseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
