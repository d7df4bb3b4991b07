/**
 * How fast Slack gets its 200 now that a request is recorded in the inbox first, and the time to the
 * answer: a real `wijkwijzer start` process (Slack over HTTP, signed requests, the fake Web API) on
 * SQLite and, with a database, on PostgreSQL. Every request is an app mention in its own thread, posted
 * with a fixed number in flight; ackMs runs from the POST to the HTTP 200, replyMs until its
 * chat.postMessage reaches the fake. Slack wants the 200 within 3 s.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startChild, type ChildApp } from "../../test/support/child-app.js";
import { startFakeSlackApi } from "../../test/support/fake-slack-api.js";
import { adminQuery, schemaUrl } from "../../test/support/pg-admin.js";
import { helloMentions } from "../../test/support/slack-signing.js";
import { parseConfig } from "../config/config.js";
import { createLogger } from "../log/logger.js";
import { createApp } from "../main.js";
import { summarise } from "./stats.js";

const REQUESTS = 100;
const IN_FLIGHT = 16;

export interface SlackAckFigure {
  backend: "sqlite" | "postgres";
  ackMs: ReturnType<typeof summarise>;
  replyMs: ReturnType<typeof summarise>;
  answered: number;
  doubled: number;
}

export async function benchSlackAck(databaseUrl: string | undefined): Promise<Array<SlackAckFigure | { backend: string; skipped: string }>> {
  const results: Array<SlackAckFigure | { backend: string; skipped: string }> = [await run("sqlite", undefined)];
  if (databaseUrl) results.push(await run("postgres", databaseUrl));
  else results.push({ backend: "postgres", skipped: "set BENCH_DATABASE_URL to a PostgreSQL database the bench may write to" });
  return results;
}

async function run(backend: "sqlite" | "postgres", baseUrl: string | undefined): Promise<SlackAckFigure> {
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-bench-slack-"));
  const schema = `bench_slack_${process.pid}_${Date.now()}`;
  const url = baseUrl ? schemaUrl(baseUrl, schema) : undefined;
  let child: ChildApp | undefined;
  try {
    if (baseUrl) await adminQuery(baseUrl, `CREATE SCHEMA "${schema}"`);
    const app = await createApp(parseConfig({ DATA_DIR: dir, ...(url ? { DATABASE_URL: url } : {}) }), { logger: createLogger("silent") });
    await app.close();
    child = await startChild({ slack, dataDir: dir, port: await freePort(), ...(url ? { databaseUrl: url } : {}) });
    // A few first, answered before the clock starts: the first answer loads what the assistant needs.
    const warmUp = helloMentions("WARM", 4);
    await Promise.all(warmUp.map((m) => child!.postSlack(m.post)));
    const warmDeadline = performance.now() + 60_000;
    while (slack.callsTo("chat.postMessage").length < warmUp.length && performance.now() < warmDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const mentions = helloMentions("BENCH", REQUESTS);
    const posted = new Map<string, number>();
    const answered = new Map<string, number>();
    let doubled = 0;
    slack.onCall((call) => {
      if (call.method !== "chat.postMessage" || !posted.has(String(call.body.thread_ts))) return;
      const thread = String(call.body.thread_ts);
      if (answered.has(thread)) doubled += 1;
      else answered.set(thread, performance.now());
    });
    const ackMs: number[] = [];
    let next = 0;
    async function lane() {
      while (next < REQUESTS) {
        const mention = mentions[next++]!;
        const t = performance.now();
        posted.set(mention.ts, t);
        if ((await child!.postSlack(mention.post)) === 200) ackMs.push(performance.now() - t);
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    const deadline = performance.now() + 120_000;
    while (answered.size < REQUESTS && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      backend,
      ackMs: summarise(ackMs),
      replyMs: summarise([...answered.entries()].map(([thread, at]) => at - posted.get(thread)!)),
      answered: answered.size,
      doubled,
    };
  } finally {
    if (child) {
      child.child.kill("SIGKILL");
      await child.exited;
    }
    await slack.close();
    if (baseUrl) await adminQuery(baseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
