import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureColdStart } from "../bench/cold-start.js";
import { benchGazetteer } from "../bench/gazetteer-bench.js";
import { benchListings } from "../bench/listings-bench.js";
import { benchTelegram } from "../bench/telegram-bench.js";
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
