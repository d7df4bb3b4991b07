import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import type { ListingRequest } from "../../../src/core/ports.js";
import { createListingsService, type ListingsService } from "../../../src/listings/listings-service.js";
import { createLogger } from "../../../src/log/logger.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, "../../fixtures/listings");
export const KNOWLEDGE_DIR = join(HERE, "../../../knowledge");
export const EXAMPLE_CSV = join(KNOWLEDGE_DIR, "listings/zeist-voorbeeld.csv");

/** Tuesday 24 November 2026, 10:30 in Amsterdam. */
export const TUESDAY_MORNING = new Date("2026-11-24T09:30:00Z");

export function silentLogger(lines: string[] = []) {
  return createLogger(
    "info",
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
}

/** A listings service over an in-memory database with a temp LISTINGS_DIR holding copies of `files`. */
export async function serviceWith(files: string[], options: { now?: Date; logLines?: string[]; fetch?: typeof fetch; pdok?: string } = {}): Promise<{ service: ListingsService; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "ww-listings-"));
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(f, join(dir, f.split("/").pop()!));
  const now = options.now ?? TUESDAY_MORNING;
  const service = createListingsService({
    repository: openSqliteStores(":memory:").listings,
    config: {
      LISTINGS_DIR: dir,
      KNOWLEDGE_DIR,
      GEOCODER: options.pdok ? "pdok" : "local",
      PDOK_BASE_URL: options.pdok ?? "http://127.0.0.1:9/unused",
      TZ: "Europe/Amsterdam",
    },
    logger: silentLogger(options.logLines),
    now: () => now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  await service.loadDirectory();
  return { service, dir };
}

/** Sends messages in one conversation, carrying place and memory the way the core does. */
export function conversation(service: ListingsService, base: Partial<ListingRequest> = {}) {
  let place: string | undefined = base.place;
  let memory: string | undefined;
  return async (text: string, extra: Partial<ListingRequest> = {}) => {
    const response = await service.search.respond({
      text,
      persona: "resident",
      now: TUESDAY_MORNING,
      ...base,
      ...(place ? { place } : {}),
      ...(memory ? { memory } : {}),
      ...extra,
    });
    if (response) {
      if (response.place) place = response.place;
      memory = response.memory;
    } else memory = undefined;
    return response;
  };
}
