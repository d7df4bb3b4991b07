import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/config.js";
import type { InboundMessage } from "../core/types.js";
import { generateListings, listingsToCsv } from "../listings/generate-listings.js";
import type { Logger } from "../log/logger.js";
import { createApp } from "../main.js";
import { summarise, type LatencySummary } from "./stats.js";

const LISTINGS = 10_000;
const PLACES = ["3701", "3734", "De Bilt", "Bilthoven", "3971", "Bunnik", "Soest", "3511", "Zeist", "Den Dolder"];
const NEEDS = [
  "waar kan ik koffie drinken in {p}?",
  "is er vandaag iets voor ouderen in {p}",
  "sporten voor mijn vader van 78 in {p} op dinsdag",
  "gratis hulp met formulieren in {p}",
  "samen eten dit weekend in {p}",
  "taalcafé in het Engels in {p}",
  "iets voor mijn kinderen morgen in {p}",
  "ik zorg voor mijn moeder, is er iets in {p}?",
  "wat is er nu open in {p}",
  "computerhulp in {p} vanavond",
];

export interface ListingsBenchResult {
  listings: number;
  importMs: number;
  handle: LatencySummary;
  intents: Record<string, number>;
}

/**
 * Imports 10,000 generated listings into a fresh app and measures `handle()` on listings questions
 * spread over the generated towns.
 */
export async function benchListings(config: Config, work: string, logger: Logger, questions = 400): Promise<ListingsBenchResult> {
  const listingsDir = join(work, "listings-empty");
  mkdirSync(listingsDir, { recursive: true });
  const app = await createApp({ ...config, DATA_DIR: join(work, "listings-data"), LISTINGS_DIR: listingsDir }, { logger });
  try {
    const csvPath = join(work, "generated-listings.csv");
    writeFileSync(csvPath, listingsToCsv(generateListings(LISTINGS, 7)));
    const started = performance.now();
    const report = await app.listings.importFile(csvPath);
    const importMs = Math.round(performance.now() - started);
    if (!report.ok) throw new Error(`generated listings did not import: ${report.errors.length} errors`);

    const latencies: number[] = [];
    const intents: Record<string, number> = {};
    for (let i = 0; i < questions; i++) {
      const template = NEEDS[i % NEEDS.length]!;
      const text = template.replace("{p}", PLACES[Math.floor(i / NEEDS.length) % PLACES.length]!);
      const inbound: InboundMessage = {
        id: String(i),
        channel: "terminal",
        conversationId: `listings-bench:${i}`,
        userId: `listings-bench:${i}`,
        persona: "resident",
        text,
        receivedAt: app.now(),
      };
      const t0 = performance.now();
      const reply = await app.assistant.handle(inbound);
      latencies.push(performance.now() - t0);
      intents[reply.intent] = (intents[reply.intent] ?? 0) + 1;
    }
    return { listings: report.total, importMs, handle: summarise(latencies), intents };
  } finally {
    await app.close();
  }
}
