import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureColdStart } from "../bench/cold-start.js";
import { benchDesk } from "../bench/desk-bench.js";
import { benchGazetteer } from "../bench/gazetteer-bench.js";
import { benchListings } from "../bench/listings-bench.js";
import { benchTelegram } from "../bench/telegram-bench.js";
import { benchInstances } from "../bench/instances-bench.js";
import { benchSlackAck } from "../bench/slack-ack-bench.js";
import { questionMix } from "../bench/question-mix.js";
import { summarise } from "../bench/stats.js";
import type { Config } from "../config/config.js";
import type { InboundMessage } from "../core/types.js";
import { createLogger } from "../log/logger.js";
import { createApp } from "../main.js";

const MESSAGES = 600;
const DEV_FILE = "test/fixtures/dev.jsonl";

/**
 * `npm run bench`: handle() latency over a mixed set of messages, index build time, cold start
 * to first answer, peak RSS, and the listings and Telegram figures. Prints a table and writes
 * the figures as JSON to `$DATA_DIR/bench/bench-results.json`.
 */
export async function runBench(_args: string[], config: Config): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), "wijkwijzer-bench-"));
  const logger = createLogger("silent");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const benchConfig: Config = { ...config, DATA_DIR: work, LLM_PROVIDER: undefined, TELEGRAM_BOT_TOKEN: undefined, SLACK_BOT_TOKEN: undefined };
    log("bench: building the index…");
    let started = performance.now();
    const app = await createApp(benchConfig, { logger, forceIndex: true });
    const indexBuildMs = Math.round(performance.now() - started);

    log(`bench: handle() over ${MESSAGES} messages…`);
    const messages = questionMix(DEV_FILE, MESSAGES);
    const latencies: number[] = [];
    for (let i = 0; i < messages.length; i++) {
      const inbound: InboundMessage = {
        id: String(i),
        channel: "terminal",
        conversationId: `bench:${i % 50}`,
        userId: `bench:${i % 50}`,
        persona: i % 3 === 0 ? "professional" : "resident",
        text: messages[i]!,
        receivedAt: app.now(),
      };
      started = performance.now();
      await app.assistant.handle(inbound);
      latencies.push(performance.now() - started);
    }
    const handle = summarise(latencies);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    await app.close();

    log("bench: cold start to first answer…");
    const coldRuns: number[] = [];
    for (let i = 0; i < 3; i++) coldRuns.push(await measureColdStart(work, "wat is de sociale basis?"));

    log("bench: listings (10,000 generated)…");
    const listings = await benchListings(benchConfig, work, logger);

    log("bench: national gazetteer (load in a fresh process; place questions with two towns' listings)…");
    const gazetteer = await attempt(() => benchGazetteer(benchConfig, work, logger));

    log("bench: Telegram webhook path vs a bare grammY echo bot…");
    const telegramAdapter = await attempt(() => benchTelegram());
    const fullApp = await createApp(benchConfig, { logger });
    const telegramFull = await attempt(() => benchTelegram({ assistant: fullApp.assistant, store: fullApp.store }));
    await fullApp.close();

    log("bench: desk (consent to desk event, page load)…");
    const desk = await attempt(() => benchDesk({ ...benchConfig, DATA_DIR: join(work, "desk") }, logger));

    log("bench: one and two instances behind one webhook, SQLite and PostgreSQL (BENCH_DATABASE_URL)…");
    const instances = await attempt(() => benchInstances(process.env.BENCH_DATABASE_URL?.trim() || undefined));

    log("bench: Slack acknowledgement with the request recorded first, SQLite and PostgreSQL (BENCH_DATABASE_URL)…");
    const slackAck = await attempt(() => benchSlackAck(process.env.BENCH_DATABASE_URL?.trim() || undefined));

    const results = {
      machine: { node: process.version, cpus: (await import("node:os")).cpus().length },
      handle: { ...handle, unit: "ms", target: "p95 <= 20" },
      indexBuildMs: { value: indexBuildMs, target: "<= 10000" },
      coldStartToFirstAnswerMs: { runs: coldRuns, median: [...coldRuns].sort((a, b) => a - b)[1], target: "<= 3000" },
      peakRssMb: { value: peakRssMb, target: "<= 300" },
      listings: {
        count: listings.listings,
        importMs: { value: listings.importMs, target: "<= 5000" },
        handle: { ...listings.handle, unit: "ms", target: "p95 <= 25" },
        intents: listings.intents,
      },
      gazetteer: {
        note: "every Dutch PC4, gemeente, woonplaats, wijk and buurt; load measured in a fresh process (RSS and heap after GC); handle() on wijk/buurt/postcode/typo/outside/ambiguous questions",
        ...gazetteer,
        target: "load within cold start <= 3000 ms, rssAddedMb <= 50, handle p95 <= 20",
      },
      telegram: {
        note: "updates/s through the webhook path on loopback against a local fake Bot API, measured in one run with a bare grammY echo bot",
        adapterPath: { ...telegramAdapter, what: "real adapter, safety check and SQLite store; assistant without retrieval index" },
        fullPath: { ...telegramFull, what: "the whole app: adapter, store, retrieval and answer composition" },
        target: "ratio >= 0.5",
      },
      instances: {
        note: "real `wijkwijzer start` processes in Telegram webhook mode, round-robin behind one webhook, 200 updates (one chat each) with 16 in flight; replyMs from the POST to the reply's sendMessage at the fake Bot API",
        results: instances,
      },
      slackAck: {
        note: "a real `wijkwijzer start` with Slack over HTTP, 100 signed app mentions (one thread each) with 16 in flight; ackMs from the POST to the HTTP 200 (the request recorded in the inbox first), replyMs to its chat.postMessage at the fake Web API",
        results: slackAck,
        target: "ackMs p99 well under 3000 (Slack's limit)",
      },
      desk: {
        note: "consentToDeskEventMs: the resident's 'ja' handled until the ticket's event arrives on GET /desk/api/events over HTTP; pageLoadHttpMs: HTML, CSS, script, /me and /tickets; pageLoadBrowserMs: Chromium from navigation to the drawn queue",
        ...desk,
      },
    };
    const outDir = join(config.DATA_DIR, "bench");
    mkdirSync(outDir, { recursive: true });
    const outFile = join(outDir, "bench-results.json");
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    log(`bench: written to ${outFile}`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs one part of the benchmark; a failure is reported in the results instead of losing the rest. */
async function attempt<T>(part: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await part();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
