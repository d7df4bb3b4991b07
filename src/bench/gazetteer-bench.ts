import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Config } from "../config/config.js";
import type { InboundMessage } from "../core/types.js";
import type { Logger } from "../log/logger.js";
import { createApp } from "../main.js";
import { summarise, type LatencySummary } from "./stats.js";

const PROBE = fileURLToPath(new URL("./gazetteer-probe.ts", import.meta.url));
const TOWNS = ["test/fixtures/listings/towns/amersfoort-fictief.csv", "test/fixtures/listings/towns/leeuwarden-fictief.csv"];
/** Places of every kind: wijk, buurt, combined wijken, woonplaats, PC4/PC6, typos, outside coverage, ambiguous, none. */
const PLACES = ["Vathorst", "het Soesterkwartier", "Liendert", "Hoogland", "de Zangvogelbuurt", "3815", "3825 AB", "Camminghaburen", "Stiens", "Vathrost", "soesterkwatier", "Maastricht", "1012", "Lemmer", "de Bloemenbuurt", "Bloemenbuurt in Leeuwarden", "8917"];
const NEEDS = [
  "Mijn moeder van 82 wil graag bewegen, is er op woensdag iets in {p}?",
  "waar kan ik koffie drinken in {p}?",
  "ik heb schulden en snap de brieven niet meer, waar kan ik terecht in {p}?",
  "samen eten in {p} dit weekend",
  "best leuk, is er een taalcafé in {p}",
  "ik zorg voor mijn man, is er steun in {p}?",
];

export interface GazetteerBenchResult {
  /** Loading the national tables in a fresh process. */
  load: { loadMs: number; rssAddedMb: number; heapAddedMb: number; peakRssMb: number };
  /** handle() on place questions with two towns' listings and the national gazetteer. */
  handle: LatencySummary;
  intents: Record<string, number>;
}

export async function benchGazetteer(config: Config, work: string, logger: Logger, questions = 408): Promise<GazetteerBenchResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", "--import", "tsx", PROBE, config.KNOWLEDGE_DIR]);
  const load = JSON.parse(stdout.trim().split("\n").pop()!) as GazetteerBenchResult["load"];

  const listingsDir = join(work, "towns");
  mkdirSync(listingsDir, { recursive: true });
  for (const file of TOWNS) copyFileSync(file, join(listingsDir, file.split("/").pop()!));
  const app = await createApp({ ...config, DATA_DIR: join(work, "towns-data"), LISTINGS_DIR: listingsDir }, { logger });
  try {
    const latencies: number[] = [];
    const intents: Record<string, number> = {};
    for (let i = 0; i < questions; i++) {
      const text = NEEDS[i % NEEDS.length]!.replace("{p}", PLACES[Math.floor(i / NEEDS.length) % PLACES.length]!);
      const inbound: InboundMessage = {
        id: String(i),
        channel: "terminal",
        conversationId: `gazetteer-bench:${i}`,
        userId: `gazetteer-bench:${i}`,
        persona: "resident",
        text,
        receivedAt: app.now(),
      };
      const t0 = performance.now();
      const reply = await app.assistant.handle(inbound);
      latencies.push(performance.now() - t0);
      intents[reply.intent] = (intents[reply.intent] ?? 0) + 1;
    }
    return { load, handle: summarise(latencies), intents };
  } finally {
    await app.close();
  }
}
