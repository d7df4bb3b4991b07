import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve, sep } from "node:path";
import type { Config } from "../config/config.js";
import type { ListingSearch } from "../core/ports.js";
import type { IndexDocument } from "../knowledge/knowledge-index.js";
import type { Logger } from "../log/logger.js";
import type { SqliteDatabase } from "../store/database.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";
import { createLocalGeocoder, createPdokGeocoder, type Geocoder } from "./geocoder.js";
import { formatImportReport, type ImportReport } from "./import-report.js";
import { importListingsContent, importListingsFile, isListingsFile, type ImportOptions } from "./import-listings.js";
import { buildListingIndex, type ListingIndex } from "./listing-index.js";
import { listingDocument } from "./listing-documents.js";
import type { Listing } from "./listing-model.js";
import { loadListingsVocabulary, type ListingsVocabulary } from "./listings-vocabulary.js";
import { createListingsSearch } from "./listings-search.js";
import { loadFollowUpVocabulary } from "./shown-follow-up.js";
import { createSqliteListingsRepository, type ListingsRepository } from "./sqlite-listings-repository.js";

export interface ListingsServiceDeps {
  db: SqliteDatabase;
  config: Pick<Config, "LISTINGS_DIR" | "KNOWLEDGE_DIR" | "GEOCODER" | "PDOK_BASE_URL" | "TZ">;
  logger: Logger;
  now: () => Date;
  /** For the PDOK geocoder (tests point it at a local fake); default the global fetch. */
  fetch?: typeof fetch;
  /** PDOK timeout; default 2500 ms. */
  geocoderTimeoutMs?: number;
}

export interface ListingsService {
  search: ListingSearch;
  /** Imports every file in LISTINGS_DIR (CSV or HSDS JSON); an invalid file is reported and skipped whole. */
  loadDirectory(): Promise<void>;
  /** All stored listings as documents for the retrieval index. */
  documents(): IndexDocument[];
  /** Validates and (unless a dry run) imports one file, all or nothing. */
  importFile(path: string, options?: Pick<ImportOptions, "dryRun">): ImportReport;
  /** All stored listings. */
  listings(): Listing[];
}

interface Snapshot {
  version: string;
  listings: Listing[];
  index: ListingIndex;
  gazetteer: Gazetteer;
  documents?: IndexDocument[];
}

/**
 * The listings capability: the SQLite store, the import, the in-memory search index and the
 * {@link ListingSearch} port. The index is rebuilt lazily when the stored listings change, also
 * when another process (the `listings import` command) changed them.
 */
export function createListingsService(deps: ListingsServiceDeps): ListingsService {
  const { db, config, logger } = deps;
  const repo: ListingsRepository = createSqliteListingsRepository(db);
  const vocabulary: ListingsVocabulary = loadListingsVocabulary(config.KNOWLEDGE_DIR);
  let snapshot: Snapshot | undefined;
  let dataVersion: unknown;
  // Asked several times per message: prepared once (db.pragma prepares on every call).
  const readDataVersion = db.prepare("PRAGMA data_version").pluck();

  function current(): Snapshot {
    // data_version changes when another connection commits; our own imports reset `snapshot` directly.
    const seen = readDataVersion.get();
    if (snapshot && seen === dataVersion) return snapshot;
    dataVersion = seen;
    const version = repo.version();
    if (snapshot?.version === version) return snapshot;
    const listings = repo.all();
    snapshot = {
      version,
      listings,
      index: buildListingIndex(listings, vocabulary),
      gazetteer: loadGazetteer(config.KNOWLEDGE_DIR, listings),
    };
    return snapshot;
  }

  const local = createLocalGeocoder(() => current().gazetteer);
  const geocoder: Geocoder =
    config.GEOCODER === "pdok"
      ? createPdokGeocoder({
          baseUrl: config.PDOK_BASE_URL,
          fallback: local,
          logger,
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          ...(deps.geocoderTimeoutMs ? { timeoutMs: deps.geocoderTimeoutMs } : {}),
        })
      : local;

  const search = createListingsSearch({
    snapshot: current,
    vocabulary,
    followUps: loadFollowUpVocabulary(config.KNOWLEDGE_DIR),
    geocoder,
    timeZone: config.TZ,
  });

  function invalidate() {
    snapshot = undefined;
  }

  return {
    search,
    listings: () => current().listings,
    documents() {
      const snap = current();
      snap.documents ??= snap.listings.map(listingDocument);
      return snap.documents;
    },
    importFile(path, options = {}) {
      const report = importListingsFile(repo, path, { ...options, now: deps.now });
      if (report.ok && !report.dryRun) invalidate();
      return report;
    },
    async loadDirectory() {
      const dir = resolve(config.LISTINGS_DIR);
      const files = existsSync(dir) ? readdirSync(dir).filter(isListingsFile).sort() : [];
      if (!existsSync(dir)) logger.warn({ dir: config.LISTINGS_DIR }, "LISTINGS_DIR does not exist; no listings loaded");
      let changed = false;
      for (const name of files) {
        const path = join(dir, name);
        const content = readFileSync(path, "utf8");
        const hash = createHash("sha256").update(content).digest("hex");
        if (repo.sourceHash(path) === hash) continue;
        const report = importListingsContent(repo, path, content, { now: deps.now, displayName: join(config.LISTINGS_DIR, name) });
        if (report.ok) {
          changed = true;
          logger.info({ file: name, total: report.total, added: report.added, updated: report.updated, removed: report.removed }, "listings loaded");
        } else {
          logger.warn({ file: name, problems: report.errors.length, report: formatImportReport(report) }, "listings file is invalid and was skipped");
        }
      }
      // Files removed from LISTINGS_DIR take their listings with them; files imported from elsewhere stay.
      for (const source of repo.sources()) {
        if (source.startsWith(dir + sep) && !files.includes(source.slice(dir.length + 1))) {
          const removed = repo.removeSource(source);
          changed = true;
          logger.info({ file: source.slice(dir.length + 1), removed }, "listings file is gone; its listings were removed");
        }
      }
      if (changed) invalidate();
      current();
    },
  };
}
