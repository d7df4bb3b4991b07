import type { Config } from "../config/config.js";
import type { ListingSearch } from "../core/ports.js";
import type { IndexDocument } from "../knowledge/knowledge-index.js";
import type { Logger } from "../log/logger.js";
import type { SqliteDatabase } from "../store/database.js";

export interface ListingsServiceDeps {
  db: SqliteDatabase;
  config: Pick<Config, "LISTINGS_DIR" | "KNOWLEDGE_DIR" | "GEOCODER" | "PDOK_BASE_URL" | "TZ">;
  logger: Logger;
  now: () => Date;
}

export interface ListingsService {
  search: ListingSearch;
  /** Imports every file in LISTINGS_DIR (CSV or HSDS JSON); an invalid file is reported and skipped whole. */
  loadDirectory(): Promise<void>;
  /** All stored listings as documents for the retrieval index. */
  documents(): IndexDocument[];
}

export function createListingsService(_deps: ListingsServiceDeps): ListingsService {
  throw new Error("createListingsService: being built (listings work in progress)");
}
